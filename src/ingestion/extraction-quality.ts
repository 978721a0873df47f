import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { TextAnchorRecord } from '../article';
import { fromProjectRoot } from '../config/project-root';
import { EntityKind } from '../ontology';
import type { CandidateEntity } from './extract-entities';
import type { ExtractedMention } from './extract-mentions';
import type { KnownEntity } from './extraction.types';
import type { ExtractedQuotation } from './extract-quotations';

/**
 * How extraction compares with a curated answer key: recall (the share of the key found) and
 * precision (the share of what was found that the key holds). Pure, for tests and reports.
 */
export interface Score {
  expected: number;
  found: number;
  /** Expected items found. */
  matched: number;
  /** Found items expected (differs from matched when two found items match one expected). */
  matchedFound: number;
  recall: number;
  precision: number;
}

function score(expected: number, found: number, matchedExpected: number, matchedFound: number): Score {
  return {
    expected,
    found,
    matched: matchedExpected,
    matchedFound,
    recall: expected === 0 ? 1 : matchedExpected / expected,
    precision: found === 0 ? 1 : matchedFound / found,
  };
}

/** The scores of several texts as one. */
export function totalScore(scores: readonly Score[]): Score {
  const sum = (field: 'expected' | 'found' | 'matched' | 'matchedFound') => scores.reduce((acc, item) => acc + item[field], 0);
  return score(sum('expected'), sum('found'), sum('matched'), sum('matchedFound'));
}

export const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** A mention matches when it names the same entity in the same sentence at the same words. */
export function scoreMentions(expected: readonly ExtractedMention[], found: readonly ExtractedMention[]): Score {
  const key = (mention: ExtractedMention) => `${mention.entityId}|${mention.position}|${mention.anchor.start}|${mention.anchor.end}`;
  const expectedKeys = new Set(expected.map(key));
  const foundKeys = new Set(found.map(key));
  return score(expected.length, found.length, expected.filter((mention) => foundKeys.has(key(mention))).length, found.filter((mention) => expectedKeys.has(key(mention))).length);
}

/** A curated quotation, as far as the comparison needs. */
export interface ExpectedQuotation {
  speakerId: string | null;
  anchor: TextAnchorRecord;
}

const overlaps = (a: TextAnchorRecord, b: TextAnchorRecord) => a.start < b.end && b.start < a.end;

/** A quotation matches when its words overlap the curated ones and its speaker is the same. */
export function scoreQuotations(expected: readonly ExpectedQuotation[], found: readonly ExtractedQuotation[]): Score {
  const same = (curated: ExpectedQuotation, extracted: ExtractedQuotation) => overlaps(curated.anchor, extracted.anchor) && curated.speakerId === extracted.speakerId;
  return score(
    expected.length,
    found.length,
    expected.filter((curated) => found.some((extracted) => same(curated, extracted))).length,
    found.filter((extracted) => expected.some((curated) => same(curated, extracted))).length,
  );
}

/** The kinds named by proper names, which candidate entities are about (policies and events are descriptions). */
export const PROPER_NAME_KINDS: ReadonlySet<EntityKind> = new Set([EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE, EntityKind.PARTY]);

const comparableName = (name: string) => name.toLowerCase().replace(/[’']/g, "'").replace(/^the\s+/, '').replace(/\./g, '');

/** Whether the candidate bears one of the entity's names. */
export function namesEntity(candidate: CandidateEntity, entity: KnownEntity): boolean {
  const names = new Set([entity.name, ...entity.aliases].map(comparableName));
  return [candidate.name, ...candidate.aliases].some((name) => names.has(comparableName(name)));
}

export interface CandidateScore {
  /** Entities the candidates should propose. */
  expected: number;
  /** Of those, proposed by a candidate bearing one of their names, */
  proposed: number;
  /** and with their kind. */
  rightKind: number;
  /** Candidates that bear no name of any curated entity. */
  unmatched: string[];
  missed: string[];
  wrongKind: string[];
}

/**
 * Candidates proposed with the curated entities unknown, against those entities: each expected
 * entity is proposed when a candidate bears one of its names, rightly when with its kind.
 */
export function scoreCandidates(expected: readonly KnownEntity[], all: readonly KnownEntity[], candidates: readonly CandidateEntity[]): CandidateScore {
  const result: CandidateScore = { expected: expected.length, proposed: 0, rightKind: 0, unmatched: [], missed: [], wrongKind: [] };
  for (const entity of expected) {
    const bearers = candidates.filter((candidate) => namesEntity(candidate, entity));
    if (bearers.length === 0) result.missed.push(entity.id);
    else if (bearers.some((candidate) => candidate.kind === entity.kind)) result.rightKind += 1;
    else result.wrongKind.push(`${entity.id} as ${bearers.map((candidate) => candidate.kind).join('/')}`);
    if (bearers.length > 0) result.proposed += 1;
  }
  result.unmatched = candidates.filter((candidate) => !all.some((entity) => namesEntity(candidate, entity))).map((candidate) => `${candidate.name} (${candidate.kind})`);
  return result;
}

/** docs/ingestion-quality.md: each quality test keeps one section of it, between its markers. */
const QUALITY_REPORT = fromProjectRoot('docs', 'ingestion-quality.md');

/**
 * The report as it is, and as it should be with a test's section current: replaced between the
 * section's markers (its first and last lines), or added at the end; a missing report starts
 * with `intro`. The test fails when the two differ, and writes `wanted` when asked to
 * (UPDATE_QUALITY_REPORT=1) with writeQualityReport.
 */
export function qualityReportWithSection(section: string, intro: string): { current: string | undefined; wanted: string } {
  const current = existsSync(QUALITY_REPORT) ? readFileSync(QUALITY_REPORT, 'utf8') : undefined;
  const lines = section.split('\n');
  const [startMarker, endMarker] = [lines[0]!, lines.at(-1)!];
  if (current === undefined) return { current, wanted: `${intro}\n\n${section}\n` };
  const start = current.indexOf(startMarker);
  const end = current.indexOf(endMarker);
  if (start >= 0 && end > start) return { current, wanted: current.slice(0, start) + section + current.slice(end + endMarker.length) };
  return { current, wanted: `${current.replace(/\s*$/, '')}\n\n${section}\n` };
}

export function writeQualityReport(text: string): void {
  writeFileSync(QUALITY_REPORT, text);
}
