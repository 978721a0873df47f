import { anchorAt, longestMatches, normaliseText, sentenceSpans, type SentenceSpan, type TextAnchorRecord } from '../article';
import { relationTypeDefinition, type EntityKind } from '../ontology';
import type { CandidateEntity } from './extract-entities';
import { knownNamePatterns } from './extract-mentions';
import { extractQuotations } from './extract-quotations';
import type { KnownEntity } from './extraction.types';
import { US_STATES } from './place-gazetteer';

/**
 * Candidate relations of an article (issue 12): only where a pattern of the ontology fits the
 * words ("X, co-chair of the Y", "X (R-PA)", "X criticized Y", "..., X told The Post"), between
 * two names the text resolves to known or candidate entities whose kinds the relation type
 * admits. Two names in one sentence with no such pattern between them stay mentions.
 * Deterministic and offline; precision is preferred to recall.
 */

/** One end of a candidate relation: a known entity, or a candidate entity (entityId null) named by `name`. */
export interface CandidateRelationEnd {
  entityId: string | null;
  name: string;
  kind: EntityKind;
}

export interface CandidateRelation {
  /** A type of RELATION_TYPES whose fromKinds and toKinds admit both ends. */
  type: string;
  from: CandidateRelationEnd;
  to: CandidateRelationEnd;
  /** The words that state it (text.slice(anchor.start, anchor.end) === anchor.exact): from one name to the other, or the attribution's sentence for CITES. */
  anchor: TextAnchorRecord;
  sentence: string;
  /** Index of the sentence in the text, from 0, as sentenceSpans numbers them. */
  position: number;
  /** Which pattern fired ("X, co-chair of Y", "X told The Post"), for a reviewer. */
  pattern: string;
  /** 0..1: a role stated in an apposition > a verb between the names > a convention or a looser reading. */
  confidence: number;
}

export interface ExtractRelationsOptions {
  /** The article's id: without it no CITES (whose subject is the article) is proposed. */
  articleId?: string;
}

/** A name of the sentence resolved to an end; offsets in the text. */
interface Mention {
  entity: CandidateRelationEnd;
  start: number;
  end: number;
}

interface Sentence {
  span: SentenceSpan;
  position: number;
  mentions: Mention[];
}

/** What a pattern found, before the kinds of its ends are checked. */
interface Finding {
  type: string;
  from: CandidateRelationEnd;
  to: CandidateRelationEnd;
  start: number;
  end: number;
  pattern: string;
  confidence: number;
}

/** A role noun names the relation it states. */
function roleType(role: string): string {
  const lower = role.toLowerCase();
  if (lower.includes('co-chair')) return 'CO_CHAIRS';
  if (lower.includes('member')) return 'MEMBER_OF';
  if (lower.includes('represent')) return 'REPRESENTS';
  return 'LEADS';
}

/**
 * "X (R-PA), co-chair of the Y" / "X, a member of Y" / "X, who represents Y": the role, between
 * the names, in an apposition to X. "a leader of" is no head of it, so leading roles take "the" only.
 */
const ROLE_AFTER_NAME =
  /^(?:\s*\([^)]*\))?,\s+(?:who\s+is\s+)?(?<role>(?:the\s+|a\s+)?co-chair\s+of|(?:a\s+)?member\s+of|(?:the\s+)?(?:leader|head|chief|chair|chairman|chairwoman)\s+of|representing|who\s+(?:represents|co-chairs|leads|heads|chairs))\s+(?:the\s+)?$/i;
/** "the co-chair of the Y, X": the role before Y, X in apposition to it. */
const ROLE_BEFORE_NAMES = /(?:^|[\s(])(?:the\s+|a\s+(?=co-chair|member))?(?<role>co-chair|member|leader|head|chief|chair|chairman|chairwoman)\s+of\s+(?:the\s+)?$/i;
/** "Northern Border Security Caucus co-chair Mike Kelly", "RCMP chief Mike Duheme". */
const ROLE_AS_TITLE = /^\s+(?<role>co-chair|leader|head|chief|chair|chairman|chairwoman)\s+$/i;
/** Where the phrase naming Y ends, so that Y is all of it and not the first words of a longer name. */
const PHRASE_CLOSES = /^\s*(?:[,;:.!?)"”’]|$)/;

/** Verbs that state a relation between their subject and their object. */
const VERB_TYPES: ReadonlyArray<readonly [type: string, verbs: string]> = [
  ['CO_CHAIRS', 'co-chairs|co-chaired'],
  ['LEADS', 'leads|led|heads|headed|chairs|chaired'],
  ['REPRESENTS', 'represents|represented'],
  ['CRITICIZED', 'criticized|criticised|criticizes|criticises|slammed|slams|condemned|condemns|denounced|denounces|blasted|expressed concerns? (?:about|over)|raised concerns? (?:about|over)'],
  ['IMPLEMENTED', 'implemented|implements|adopted|adopts|enacted|enacts|imposed|imposes'],
  ['THREATENED', 'threatened|threatens'],
];
/** Participles that take the subject of the clause they follow: "..., even threatening 25% tariffs". */
const PARTICIPLE_TYPES: ReadonlyArray<readonly [type: string, verbs: string]> = [
  ['CRITICIZED', 'criticizing|criticising|slamming|condemning|denouncing'],
  ['IMPLEMENTED', 'implementing|adopting|enacting|imposing'],
  ['THREATENED', 'threatening'],
];
const alternation = (table: typeof VERB_TYPES) => table.map(([, verbs]) => verbs).join('|');
const typeOfVerb = (table: typeof VERB_TYPES, verb: string) =>
  table.find(([, verbs]) => new RegExp(`^(?:${verbs})$`, 'iu').test(verb.replace(/\s+/g, ' ')))![0];

/** Between a subject and its verb: a party designation, an apposition, auxiliaries and adverbs ("has also", "recently"). */
const SUBJECT_TO_VERB = String.raw`(?:\s*\([^)]*\))?(?:\s*,[^,]{1,120},)?(?:\s+(?:has|have|had|also|since|even|\p{Ll}+ly))*\s+`;
/** Between a verb and its object: an article or a possessive, or "to impose" after a threat. */
const VERB_TO_OBJECT = String.raw`\s+(?:to\s+(?:impose|adopt|introduce|implement)\s+)?(?:(?:the|a|an|its|their|his|her)\s+)?`;
const SUBJECT_VERB_OBJECT = new RegExp(`^${SUBJECT_TO_VERB}(?<verb>${alternation(VERB_TYPES).replace(/ /g, '\\s+')})${VERB_TO_OBJECT}$`, 'u');
/**
 * "the Trump administration has pressured Canada to ..., even threatening 25% tariffs": the
 * subject, its own verb (not one of speech: "The Times reported X did Y, threatening Z" has
 * another subject), no other comma, then the participle and its object.
 */
const SUBJECT_VERB_PARTICIPLE = new RegExp(
  `^(?:\\s+(?:has|have|had|also|since|\\p{Ll}+ly))*\\s+(?!(?:reported|stated|claimed|warned|noted|added|argued|explained|announced|confirmed)\\s)\\p{Ll}+ed\\s[^,;]*,\\s+(?:even\\s+|also\\s+)?(?<verb>${alternation(PARTICIPLE_TYPES)})${VERB_TO_OBJECT}$`,
  'u',
);
/** The subject of such a participle opens its clause: the sentence, or what follows an opening phrase ("In response to the surge, the ..."). */
const OPENS_CLAUSE = /(?:^|,\s+)(?:the\s+)?$/i;
/** "The Post recently reported on Canadian coyotes advertising ...": the event or policy may stand anywhere in the clause after "on". */
const REPORTED_ON = new RegExp(`^${SUBJECT_TO_VERB}(?<verb>reported|reports|report)\\s+on\\s[^,;]*$`, 'u');

/** A party and state designation after a lawmaker's name: "(R-PA)". */
const PARTY_STATE = /^\s*\((?<party>[RD])-(?<state>[A-Z]{2})\)/;
/** The party of a designation's letter (as src/ingestion/extract-entities.ts reads it). */
const PARTY_OF_LETTER: Readonly<Record<string, string>> = { R: 'Republican Party', D: 'Democratic Party' };

/** Names compared as extract-entities groups them: case, a leading article and abbreviation points aside. */
const comparableName = (name: string) => normaliseText(name).toLowerCase().replace(/^the\s+/, '').replace(/\./g, '');

/** Attributions that give a topic, not information: "The Post reported on ..." is REPORTED_ON, no citation. */
const TOPIC_ATTRIBUTION = /\son$/;

function knownEnd(entity: KnownEntity): CandidateRelationEnd {
  return { entityId: entity.id, name: entity.name, kind: entity.kind };
}

function candidateEnd(candidate: CandidateEntity): CandidateRelationEnd {
  return { entityId: null, name: candidate.name, kind: candidate.kind };
}

/** The known entities and candidates each sentence names, in text order. */
function sentencesOf(text: string, knownEntities: readonly KnownEntity[], candidates: readonly CandidateEntity[]): Sentence[] {
  const patterns = knownNamePatterns(knownEntities);
  const known = new Map(knownEntities.map((entity) => [entity.id, entity]));
  return sentenceSpans(text).map((span, position) => {
    const knownMentions = longestMatches(span.sentence, patterns).map((match) => ({
      entity: knownEnd(known.get(match.entityId)!),
      start: span.start + match.start,
      end: span.start + match.end,
    }));
    const candidateMentions = candidates.flatMap((candidate) =>
      candidate.occurrences
        .filter((occurrence) => occurrence.anchor.start >= span.start && occurrence.anchor.end <= span.end)
        .map((occurrence) => ({ entity: candidateEnd(candidate), start: occurrence.anchor.start, end: occurrence.anchor.end })),
    );
    const mentions = [...knownMentions, ...candidateMentions].sort((a, b) => a.start - b.start || b.end - a.end);
    return { span, position, mentions };
  });
}

/** A known entity, else a candidate, that bears the name (a designation's party or state). */
function endNamed(name: string, knownEntities: readonly KnownEntity[], candidates: readonly CandidateEntity[]): CandidateRelationEnd | undefined {
  const wanted = comparableName(name);
  const bears = (names: readonly string[]) => names.some((other) => comparableName(other) === wanted);
  const known = knownEntities.find((entity) => bears([entity.name, ...entity.aliases]));
  if (known) return knownEnd(known);
  const candidate = candidates.find((other) => bears([other.name, ...other.aliases]));
  return candidate && candidateEnd(candidate);
}

/** Relations read from the words between two names of one sentence, the first before the second. */
function pairFindings(text: string, sentence: Sentence): Finding[] {
  const findings: Finding[] = [];
  const { mentions, span } = sentence;
  for (const [index, first] of mentions.entries()) {
    for (const second of mentions.slice(index + 1)) {
      if (second.start < first.end || sameEntity(first.entity, second.entity)) continue;
      const between = text.slice(first.end, second.start);
      const before = text.slice(span.start, first.start);
      const after = text.slice(second.end, span.end);
      const found = (type: string, subject: Mention, object: Mention, start: number, pattern: string, confidence: number) =>
        findings.push({ type, from: subject.entity, to: object.entity, start, end: second.end, pattern, confidence });

      const roleAfter = ROLE_AFTER_NAME.exec(between);
      if (roleAfter && PHRASE_CLOSES.test(after)) {
        found(roleType(roleAfter.groups!.role!), first, second, first.start, `X, ${normaliseText(roleAfter.groups!.role!)} Y`, 0.9);
      }
      const roleBefore = ROLE_BEFORE_NAMES.exec(before);
      if (roleBefore && /^,\s+$/.test(between)) {
        const role = roleBefore.groups!.role!;
        found(roleType(role), second, first, span.start + roleBefore.index + roleBefore[0].indexOf(role), `${normaliseText(role)} of Y, X`, 0.85);
      }
      const roleAsTitle = ROLE_AS_TITLE.exec(between);
      if (roleAsTitle) found(roleType(roleAsTitle.groups!.role!), second, first, first.start, `Y ${roleAsTitle.groups!.role!} X`, 0.85);

      const verb = SUBJECT_VERB_OBJECT.exec(between);
      if (verb) {
        const words = normaliseText(verb.groups!.verb!);
        found(typeOfVerb(VERB_TYPES, words), first, second, first.start, `X ${words} Y`, 0.8);
      }
      const participle = OPENS_CLAUSE.test(before) ? SUBJECT_VERB_PARTICIPLE.exec(between) : null;
      if (participle) found(typeOfVerb(PARTICIPLE_TYPES, participle.groups!.verb!), first, second, first.start, `X ..., ${participle.groups!.verb!} Y`, 0.6);
      const reportedOn = REPORTED_ON.exec(between);
      if (reportedOn) found('REPORTED_ON', first, second, first.start, `X ${reportedOn.groups!.verb!} on ... Y`, 0.6);
    }
  }
  return findings;
}

/**
 * "Representative Mike Kelly (R-PA)": by the press's convention a member of the party, elected
 * for the state (docs/ontology.md reads MEMBER_OF from it as INFERRED).
 */
function designationFindings(text: string, sentence: Sentence, knownEntities: readonly KnownEntity[], candidates: readonly CandidateEntity[]): Finding[] {
  return sentence.mentions.flatMap((mention) => {
    const designation = PARTY_STATE.exec(text.slice(mention.end, sentence.span.end));
    if (!designation) return [];
    const end = mention.end + designation.index + designation[0].length;
    const party = endNamed(PARTY_OF_LETTER[designation.groups!.party!]!, knownEntities, candidates);
    const stateName = US_STATES[designation.groups!.state!];
    const state = stateName === undefined ? undefined : endNamed(stateName, knownEntities, candidates);
    const findings: Finding[] = [];
    if (party) findings.push({ type: 'MEMBER_OF', from: mention.entity, to: party, start: mention.start, end, pattern: 'X (party-state): the party', confidence: 0.8 });
    if (state) findings.push({ type: 'REPRESENTS', from: mention.entity, to: state, start: mention.start, end, pattern: 'X (party-state): the state', confidence: 0.8 });
    return findings;
  });
}

/**
 * CITES: the article attributes information to whoever the quotation extractor finds speaking
 * with an attribution in the same sentence ("..., the RCMP told The Post", "said Kelly",
 * "sources said"). Words standing alone are left out: their speaker is only guessed from the
 * sentence before.
 */
function citationFindings(text: string, sentences: readonly Sentence[], knownEntities: readonly KnownEntity[], articleId: string): Finding[] {
  const article: CandidateRelationEnd = { entityId: articleId, name: articleId, kind: 'ARTICLE' };
  const known = new Map(knownEntities.map((entity) => [entity.id, entity]));
  const findings: Finding[] = [];
  for (const quotation of extractQuotations(text, knownEntities)) {
    const { attribution, speakerAnchor } = quotation;
    if (attribution === null || speakerAnchor === null || TOPIC_ATTRIBUTION.test(attribution)) continue;
    const sentence = sentences.find(({ span }) => speakerAnchor.start >= span.start && speakerAnchor.start < span.end)!;
    const speaker = quotation.speakerId === null ? candidateSpeaker(sentence, speakerAnchor) : knownEnd(known.get(quotation.speakerId)!);
    if (!speaker) continue;
    findings.push({ type: 'CITES', from: article, to: speaker, start: sentence.span.start, end: sentence.span.end, pattern: `X ${normaliseText(attribution)}`, confidence: quotation.confidence });
  }
  return findings;
}

/** The candidate an unknown speaker's words name: its name ends them, after titles at most ("Sergeant Fortin"). */
function candidateSpeaker(sentence: Sentence, speakerAnchor: TextAnchorRecord): CandidateRelationEnd | undefined {
  return sentence.mentions.find(
    (mention) =>
      mention.entity.entityId === null &&
      mention.end === speakerAnchor.end &&
      mention.start >= speakerAnchor.start &&
      /^(?:\p{Lu}[\p{L}.]*\s+)*$/u.test(speakerAnchor.exact.slice(0, mention.start - speakerAnchor.start)),
  )?.entity;
}

const endKey = (end: CandidateRelationEnd) => end.entityId ?? `candidate:${end.name}`;
const sameEntity = (a: CandidateRelationEnd, b: CandidateRelationEnd) => endKey(a) === endKey(b);

function admits(type: string, from: EntityKind, to: EntityKind): boolean {
  const definition = relationTypeDefinition(type);
  return definition !== undefined && definition.fromKinds.includes(from) && definition.toKinds.includes(to);
}

/**
 * Every candidate relation a pattern of the ontology states between two resolved names of the
 * text (see the patterns above), kept only when the relation type admits the kinds of both
 * ends. One relation per type and ends: the most confident statement of it, the first on a tie.
 * CITES relations, whose subject is the article, need options.articleId.
 */
export function extractRelations(
  text: string,
  knownEntities: readonly KnownEntity[],
  candidates: readonly CandidateEntity[],
  options: ExtractRelationsOptions = {},
): CandidateRelation[] {
  const sentences = sentencesOf(text, knownEntities, candidates);
  const findings = sentences.flatMap((sentence) => [...pairFindings(text, sentence), ...designationFindings(text, sentence, knownEntities, candidates)]);
  if (options.articleId !== undefined) findings.push(...citationFindings(text, sentences, knownEntities, options.articleId));

  const kept = new Map<string, CandidateRelation>();
  for (const finding of findings.sort((a, b) => a.start - b.start)) {
    if (!admits(finding.type, finding.from.kind, finding.to.kind)) continue;
    const key = `${finding.type}|${endKey(finding.from)}|${endKey(finding.to)}`;
    const previous = kept.get(key);
    if (previous && previous.confidence >= finding.confidence) continue;
    const sentence = sentences.find(({ span }) => finding.start >= span.start && finding.start < span.end)!;
    kept.set(key, {
      type: finding.type,
      from: finding.from,
      to: finding.to,
      anchor: anchorAt(text, finding.start, finding.end),
      sentence: sentence.span.sentence,
      position: sentence.position,
      pattern: finding.pattern,
      confidence: finding.confidence,
    });
  }
  return [...kept.values()].sort((a, b) => a.anchor.start - b.anchor.start);
}
