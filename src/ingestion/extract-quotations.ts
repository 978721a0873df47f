import { anchorAt, longestMatches, sentenceSpans, type NameMatch, type SentenceSpan, type TextAnchorRecord } from '../article';
import { EntityKind } from '../ontology';
import { knownNamePatterns } from './extract-mentions';
import type { KnownEntity } from './extraction.types';

/**
 * Quotations of a text with their speakers: words in quotation marks (direct speech) and, where a
 * cheap pattern fits, reported speech ("X said it had ...", "..., sources told The Post").
 * Deterministic and offline; the speaker is a known entity where the attribution names one.
 */

export interface ExtractedQuotation {
  /** The quoted words, without their quotation marks (and without a comma closing them). */
  text: string;
  anchor: TextAnchorRecord;
  /** Words in quotation marks (true), or speech the article reports in its own words (false). */
  direct: boolean;
  /** The known entity that speaks, or null when the attribution names none. */
  speakerId: string | null;
  /** The words that name the speaker ("Kelly", "a source", "a spokesperson"), null when none. */
  attributedTo: string | null;
  speakerAnchor: TextAnchorRecord | null;
  /** The verb that attributes the words ("said", "told The Post"); null for words that follow, alone, a sentence naming their speaker. */
  attribution: string | null;
  /** Index of the sentence where the quotation starts, as sentenceSpans numbers them. */
  position: number;
  sentence: string;
  /** 0..1: an attribution in the same sentence > a speaker taken from the sentence before > no speaker. */
  confidence: number;
}

/** Kinds that can speak. */
const SPEAKER_KINDS: ReadonlySet<EntityKind> = new Set([EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.GROUP, EntityKind.PARTY]);

/** Verbs that attribute words to a speaker (lower case: "States" in a name is no verb). */
const SPEECH_VERB =
  'said|says|say|saying|told|tells|tell|explained|explains|added|adds|noted|notes|stated|claimed|claims|claiming|warned|warns|warning|asked|asks|insisted|argued|argues|wrote|writes|reported|reports|report|testified|declared|announced|acknowledged|admitted|confirmed|confirms|expressed concerns? (?:about|that|over)';
const VERB_PATTERN = new RegExp(`(?<![\\p{L}])(?:${SPEECH_VERB})(?![\\p{L}])`, 'gu');
/** Verbs after which the words told to come next: "told The Post". */
const TOLD = /^(?:told|tells|tell)$/;

/** A short quoted term inside a sentence ("northbounders", "self-deporting") is a scare quote, not speech. */
const SCARE_QUOTE_MAX_WORDS = 3;

interface Mention extends NameMatch {
  kind: EntityKind;
  /** Offsets in the text. */
  at: number;
  to: number;
}

interface Context {
  text: string;
  spans: SentenceSpan[];
  mentionsOf: (position: number) => Mention[];
}

/** Quote marks and the words between them: curly pairs, and straight pairs within a line. */
function quotedSpans(text: string): { open: number; close: number }[] {
  const spans = [...text.matchAll(/“[^“”]*”/g), ...text.matchAll(/"[^"\n]*"/g)].map((match) => ({ open: match.index, close: match.index + match[0].length - 1 }));
  return spans.sort((a, b) => a.open - b.open);
}

const wordCount = (words: string) => words.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

interface Speaker {
  speakerId: string | null;
  attributedTo: string | null;
  speakerAnchor: TextAnchorRecord | null;
  attribution: string | null;
}

const NO_SPEAKER: Speaker = { speakerId: null, attributedTo: null, speakerAnchor: null, attribution: null };

/** The verb (with whom it was told to) starting at `at` in the text, given the verb's own match. */
function attributionAt(context: Context, verb: RegExpMatchArray, from: number, mentions: Mention[]): { attribution: string; end: number } {
  const start = from + verb.index!;
  let end = start + verb[0].length;
  if (TOLD.test(verb[0])) {
    const told = mentions.find((mention) => mention.at >= end && /^\s*$/.test(context.text.slice(end, mention.at)));
    if (told) end = told.to;
  }
  return { attribution: context.text.slice(start, end), end };
}

function speakerOf(context: Context, mention: Mention | undefined, words: string, wordsAt: number, attribution: string | null): Speaker {
  if (mention) {
    return { speakerId: mention.entityId, attributedTo: context.text.slice(mention.at, mention.to), speakerAnchor: anchorAt(context.text, mention.at, mention.to), attribution };
  }
  const trimmed = words.replace(/^[\s,.;:—–-]+|[\s,.;:—–-]+$/g, '');
  if (trimmed === '' || wordCount(trimmed) > 6) return { ...NO_SPEAKER, attribution };
  const at = wordsAt + words.indexOf(trimmed);
  return { speakerId: null, attributedTo: trimmed, speakerAnchor: anchorAt(context.text, at, at + trimmed.length), attribution };
}

/**
 * The speaker an attribution outside the quotation names, in the sentences around it:
 * after it ("..., said Kelly." / "..., a source explained." / "..., the RCMP told The Post.")
 * or before it ("US officials ..., claiming the “...”").
 */
function attributedSpeaker(context: Context, from: number, to: number, position: number, before: boolean): Speaker | undefined {
  const words = context.text.slice(from, to);
  const verbs = [...words.matchAll(VERB_PATTERN)];
  const verb = before ? verbs[verbs.length - 1] : verbs[0];
  if (!verb) return undefined;
  const mentions = context.mentionsOf(position).filter((mention) => SPEAKER_KINDS.has(mention.kind));
  const verbAt = from + verb.index!;
  const { attribution, end } = attributionAt(context, verb, from, mentions);
  const opensWithVerb = !before && /^[\s,.;:—–-]*$/.test(context.text.slice(from, verbAt));
  if (opensWithVerb) {
    // "said Kelly": the speaker follows the verb.
    const after = mentions.find((mention) => mention.at >= end && mention.to <= to);
    const rest = context.text.slice(end, to).split(/[,.;:!?]/)[0] ?? '';
    return speakerOf(context, after, rest, end, attribution);
  }
  // "the Royal Canadian Mounted Police told The Post": the speaker is named before the verb.
  const lineStart = before ? context.spans[position]!.start : from;
  const subject = mentions.filter((mention) => mention.to <= verbAt && mention.at >= lineStart).pop();
  return speakerOf(context, subject, context.text.slice(lineStart, verbAt), lineStart, attribution);
}

function sentenceIndexAt(spans: SentenceSpan[], offset: number): number {
  const index = spans.findIndex((span) => offset < span.end);
  return index === -1 ? spans.length - 1 : index;
}

function directQuotations(context: Context): ExtractedQuotation[] {
  const { text, spans } = context;
  const quotations: ExtractedQuotation[] = [];
  for (const { open, close } of quotedSpans(text)) {
    const first = sentenceIndexAt(spans, open);
    const last = sentenceIndexAt(spans, close);
    const from = spans[first]!.start;
    const to = spans[last]!.end;
    const before = text.slice(from, open);
    const after = text.slice(close + 1, to);
    const standsAlone = !/[\p{L}\p{N}]/u.test(before + after);
    const inner = text.slice(open + 1, close);
    if (!standsAlone && wordCount(inner) <= SCARE_QUOTE_MAX_WORDS) continue;

    const words = inner.replace(/[\s,]+$/, '').replace(/^\s+/, '');
    const start = open + 1 + inner.indexOf(words);
    let speaker: Speaker | undefined;
    let confidence = 0.9;
    if (!standsAlone) {
      speaker = attributedSpeaker(context, close + 1, to, first, false) ?? attributedSpeaker(context, from, open, first, true);
    } else if (first > 0) {
      // Words alone on their line belong to the speaker of the sentence before: the one it quotes, or its subject.
      confidence = 0.7;
      const previous = spans[first - 1]!;
      const quoted = quotations.find((quotation) => quotation.anchor.start >= previous.start && quotation.anchor.start < previous.end && quotation.speakerId);
      if (quoted) {
        speaker = { speakerId: quoted.speakerId, attributedTo: quoted.attributedTo, speakerAnchor: quoted.speakerAnchor, attribution: quoted.attribution };
      } else {
        const subject = context.mentionsOf(first - 1).find((mention) => SPEAKER_KINDS.has(mention.kind));
        if (subject) speaker = speakerOf(context, subject, '', previous.start, null);
      }
    }
    speaker ??= NO_SPEAKER;
    if (speaker.speakerId === null) confidence = 0.4;
    quotations.push({ text: words, anchor: anchorAt(text, start, start + words.length), direct: true, ...speaker, position: first, sentence: spans[first]!.sentence, confidence });
  }
  return quotations;
}

/** Words between a subject and its verb: an apposition, "officials", auxiliaries and adverbs ("has also", "recently"). */
const SUBJECT_TO_VERB = new RegExp(
  `^(?:\\s*\\([^)]*\\))?(?:\\s*,[^,]{1,120},)?(?:\\s+(?:officials|spokesperson|spokesman|spokeswoman|agents|leaders|authorities))?(?:\\s+(?:have|has|had|also|\\p{Ll}+ly))*\\s+(${SPEECH_VERB})(?:\\s+(that|on|about)(?![\\p{L}]))?\\s+`,
  'u',
);
/** "..., sources told The Post." / "..., sources said." */
const TRAILING_ATTRIBUTION = new RegExp(`,\\s+([^,“”"]{1,60}?)\\s+(${SPEECH_VERB})([^,.“”"]{0,40})\\.?["”’]?$`, 'u');

/** Reported speech where a cheap pattern fits; a sentence with a direct quotation is left to it. */
function reportedQuotations(context: Context, direct: ExtractedQuotation[]): ExtractedQuotation[] {
  const { text, spans } = context;
  const quotations: ExtractedQuotation[] = [];
  spans.forEach((span, position) => {
    if (direct.some((quotation) => quotation.anchor.start < span.end && quotation.anchor.end > span.start)) return;
    const mentions = context.mentionsOf(position).filter((mention) => SPEAKER_KINDS.has(mention.kind));
    const push = (from: number, end: number, mention: Mention, attribution: string) => {
      // The words, without the space or punctuation around them ("told The Post the numbers ...").
      const leading = /^\s*/.exec(text.slice(from, end))![0].length;
      const start = from + leading;
      const words = text.slice(start, end).replace(/[\s.,;:]+$/, '');
      if (wordCount(words) < 4) return;
      quotations.push({
        text: words,
        anchor: anchorAt(text, start, start + words.length),
        direct: false,
        ...speakerOf(context, mention, '', start, attribution),
        position,
        sentence: span.sentence,
        confidence: 0.6,
      });
    };

    const trailing = TRAILING_ATTRIBUTION.exec(span.sentence);
    if (trailing) {
      const speakerAt = span.start + trailing.index + trailing[0].indexOf(trailing[1]!, 1);
      const mention = mentions.find((candidate) => candidate.at >= speakerAt && candidate.to <= speakerAt + trailing[1]!.length);
      if (mention) {
        const attribution = `${trailing[2]!}${trailing[3]!}`.trim();
        push(span.start, span.start + trailing.index, mention, attribution);
        return;
      }
    }
    // The subject: the first speaker named, with at most an article or a title before it.
    const subject = mentions[0];
    if (!subject || wordCount(text.slice(span.start, subject.at)) > 2) return;
    const rest = text.slice(subject.to, span.end);
    const verb = SUBJECT_TO_VERB.exec(rest);
    if (!verb) return;
    const verbAt = subject.to + rest.indexOf(verb[1]!, verb.index);
    let contentAt = subject.to + verb[0].length;
    let attribution = text.slice(verbAt, contentAt).trim().replace(/\s+that$/, '');
    if (TOLD.test(verb[1]!)) {
      // "told The Post that ...": the one told is part of the attribution, not of the words.
      const told = mentions.find((mention) => mention.at === contentAt);
      if (!told) return;
      const that = /^\s+that\s+/.exec(text.slice(told.to, span.end));
      attribution = text.slice(verbAt, told.to);
      contentAt = told.to + (that ? that[0].length : 0);
    }
    push(contentAt, span.end, subject, attribution);
  });
  return quotations;
}

/**
 * Every quotation of the text: spans in quotation marks that are not scare quotes, with the
 * speaker their attribution names (in the same sentence, or, for words standing alone, the
 * speaker of the sentence before), and reported speech where a cheap pattern fits. Speakers
 * resolve to known persons, organizations, groups or parties; an unknown one keeps its words.
 */
export function extractQuotations(text: string, knownEntities: readonly KnownEntity[]): ExtractedQuotation[] {
  const patterns = knownNamePatterns(knownEntities);
  const kinds = new Map(knownEntities.map((entity) => [entity.id, entity.kind]));
  const spans = sentenceSpans(text);
  const cache = new Map<number, Mention[]>();
  const mentionsOf = (position: number): Mention[] => {
    let mentions = cache.get(position);
    if (!mentions) {
      const span = spans[position]!;
      mentions = longestMatches(span.sentence, patterns).map((match) => ({ ...match, kind: kinds.get(match.entityId)!, at: span.start + match.start, to: span.start + match.end }));
      cache.set(position, mentions);
    }
    return mentions;
  };
  const context: Context = { text, spans, mentionsOf };
  const direct = directQuotations(context);
  return [...direct, ...reportedQuotations(context, direct)].sort((a, b) => a.anchor.start - b.anchor.start);
}
