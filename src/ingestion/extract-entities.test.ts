import { describe, expect, it } from '@jest/globals';
import { readArticleTexts, readSeedGraph } from '../seed';
import { extractCandidateEntities } from './extract-entities';
import { extractMentions } from './extract-mentions';
import type { KnownEntity } from './extraction.types';
import { percent, PROPER_NAME_KINDS, scoreCandidates } from './extraction-quality';

const graph = readSeedGraph();
const articleTexts = readArticleTexts(graph);

/** The seed's persons, organizations, places and parties its articles name: what candidates should propose when none is known. */
function namedInTheTexts(): KnownEntity[] {
  const named = new Set([...articleTexts.values()].flatMap((text) => extractMentions(text, graph.entities).map((mention) => mention.entityId)));
  return graph.entities.filter((entity) => PROPER_NAME_KINDS.has(entity.kind) && named.has(entity.id));
}

function byName(text: string, known: KnownEntity[] = []) {
  return new Map(extractCandidateEntities(text, known).map((candidate) => [candidate.name, candidate]));
}

describe('extractCandidateEntities', () => {
  it('proposes, with the seed’s entities unknown, at least 90 % of the persons, organizations and places the seed texts name, with their kind', () => {
    const candidates = [...articleTexts.values()].flatMap((text) => extractCandidateEntities(text, []));
    const expected = namedInTheTexts();
    const score = scoreCandidates(expected, graph.entities, candidates);
    console.log(
      [
        `Candidate entities, the seed's unknown: ${score.rightKind}/${score.expected} proposed with their kind (${percent(score.rightKind / score.expected)}), ${score.proposed}/${score.expected} proposed`,
        `missed: ${score.missed.join(', ') || 'none'}; wrong kind: ${score.wrongKind.join(', ') || 'none'}`,
        `candidates naming no seed entity: ${score.unmatched.join(', ') || 'none'}`,
      ].join('\n'),
    );
    expect(score.rightKind / score.expected).toBeGreaterThanOrEqual(0.9);
    expect(score.unmatched).toEqual([]);
  });

  it('proposes nothing the known entities already name, on both seed texts', () => {
    for (const text of articleTexts.values()) expect(extractCandidateEntities(text, graph.entities)).toEqual([]);
  });

  it('reads no name into a heading', () => {
    const names = [...articleTexts.values()].flatMap((text) => extractCandidateEntities(text, []).map((candidate) => candidate.name));
    for (const word of ['Escaping', 'Racing', 'Deportation', 'Dramatic Shift', 'Migration Patterns', 'Tightens', 'Share', 'Follow']) {
      expect(names.filter((name) => name.includes(word))).toEqual([]);
    }
  });

  it('guesses a person from a title, an organization from its last word, a place from the gazetteer', () => {
    const candidates = byName('Sen. Jane Doe met officers of the Ontario Provincial Police and the Department of Labor in Manitoba on Monday.');
    expect([...candidates.values()].map((candidate) => [candidate.name, candidate.kind])).toEqual([
      ['Jane Doe', 'PERSON'],
      ['Ontario Provincial Police', 'ORGANIZATION'],
      ['Department of Labor', 'ORGANIZATION'],
      ['Manitoba', 'PLACE'],
    ]);
  });

  it('keeps "The" of a publication, and joins a last name and an acronym to their full names', () => {
    const text = 'Governor Ann Lee told The Toronto Star that the Canada Border Services Agency was ready.\nThe CBSA agreed, Lee said.';
    const candidates = byName(text);
    expect(candidates.get('Ann Lee')).toMatchObject({ kind: 'PERSON', aliases: ['Lee'] });
    expect(candidates.get('The Toronto Star')).toMatchObject({ kind: 'ORGANIZATION' });
    expect(candidates.get('Canada Border Services Agency')).toMatchObject({ kind: 'ORGANIZATION', aliases: ['CBSA'] });
  });

  it('anchors every occurrence at its words, and leaves out words a known entity names', () => {
    const text = 'Rep. Kelly thanked the Vermont State Police. President Trump did not.';
    const known: KnownEntity[] = [{ id: 'person:donald-trump', kind: 'PERSON', name: 'Donald Trump', aliases: ['Trump'] }];
    const candidates = extractCandidateEntities(text, known);
    expect(candidates.map((candidate) => candidate.name)).toEqual(['Kelly', 'Vermont State Police']);
    for (const candidate of candidates) {
      for (const { anchor } of candidate.occurrences) expect(text.slice(anchor.start, anchor.end)).toBe(anchor.exact);
    }
    expect(candidates[0]!.occurrences[0]!.anchor.exact).toBe('Kelly');
    expect(candidates[0]).toMatchObject({ kind: 'PERSON', confidence: 0.9 });
  });

  it('reads a party and a state in "(R-PA)"', () => {
    const candidates = byName('Representative Jo Smith (D-NY) spoke.');
    expect(candidates.get('Democratic Party')).toMatchObject({ kind: 'PARTY' });
    expect(candidates.get('New York')).toMatchObject({ kind: 'PLACE' });
    expect(candidates.get('New York')!.occurrences[0]!.anchor.exact).toBe('NY');
  });
});
