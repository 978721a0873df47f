import type { SeedGraph } from './seed.types';

/** A sentence of an article that names an entity or states a statistic. */
export interface SeedMention {
  entityId: string;
  articleId: string;
  sentence: string;
  /** Index of the sentence in its article, from 0, as splitSentences numbers them. */
  position: number;
}

/**
 * Titles that stand before a name, so their period never ends a sentence
 * ("Rep. Kelly", "Dr. Smith").
 */
const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'rep', 'reps', 'sen', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'prof', 'st',
]);

/**
 * After an initialism such as "U.S." a capitalised word is usually part of a name
 * ("U.S. Border Patrol", "U.S. Customs"); only a word that typically opens a sentence
 * marks a boundary ("... crossing from the U.S. The New York Times reported ...").
 */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you',
  'his', 'her', 'their', 'our', 'in', 'on', 'at', 'but', 'and', 'however', 'meanwhile', 'still', 'yet', 'so',
  'many', 'some', 'even', 'as', 'after', 'before', 'when', 'while', 'if', 'since', 'following', 'last',
]);

const INITIALISM = /^(?:[A-Za-z]\.){2,}$/;
const SINGLE_INITIAL = /^[A-Z]\.$/;
const OPENING_PUNCTUATION = /^["'“‘(\[]+/;
const CLOSING_PUNCTUATION = /["'”’)\]]+$/;

/**
 * Splits an article into sentences. Every non-empty line is at least one sentence, so
 * headline-like lines ("Migrants Escaping to Canada") count; within a line a sentence ends
 * at . ! or ? (with any closing quote) followed by whitespace and a capital, a digit or an
 * opening quote, unless the period belongs to a title or an initialism that continues a name.
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .flatMap(splitLine);
}

function splitLine(line: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const boundary of line.matchAll(/[.!?]+["'”’)\]]*(?=\s+(\S+))/g)) {
    const end = boundary.index + boundary[0].length;
    const candidate = line.slice(start, end);
    if (endsSentence(candidate, boundary[1])) {
      sentences.push(candidate.trim());
      start = end;
    }
  }
  const rest = line.slice(start).trim();
  if (rest.length > 0) sentences.push(rest);
  return sentences;
}

function endsSentence(candidate: string, nextToken: string): boolean {
  const nextWord = nextToken.replace(OPENING_PUNCTUATION, '');
  const opensWithQuote = nextWord.length < nextToken.length;
  if (!opensWithQuote && !/^[\p{Lu}\p{N}]/u.test(nextWord)) return false;

  const lastToken = (candidate.trim().split(/\s+/).pop() ?? '').replace(CLOSING_PUNCTUATION, '');
  if (!lastToken.endsWith('.')) return true;
  if (INITIALISM.test(lastToken)) return SENTENCE_OPENERS.has(nextWord.replace(/\W+$/, '').toLowerCase());
  if (SINGLE_INITIAL.test(lastToken)) return false;
  return !TITLE_ABBREVIATIONS.has(lastToken.slice(0, -1).toLowerCase());
}

/**
 * Makes texts comparable whatever their typography: curly quotes become straight ones and
 * runs of whitespace a single space. Curated quotes and aliases are compared after this.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An alias written in capitals only, such as "US", "PA" or "RCMP". */
const ACRONYM = /^(?:[A-Z]\.?){2,}$/;

/**
 * Matches a name on word boundaries, case-insensitively and tolerant of line breaks inside it.
 * Acronyms match only in capitals: "US" must not find the pronoun "us", nor "PA" the word "pa".
 */
function namePattern(name: string): RegExp {
  const comparable = normaliseText(name);
  const escaped = comparable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, ACRONYM.test(comparable) ? 'u' : 'iu');
}

/**
 * Every sentence that names an entity (its canonical name or an alias) is a mention of it;
 * a statistic is mentioned by the sentence it is evidenced by.
 */
export function deriveMentions(graph: SeedGraph, articleTexts: ReadonlyMap<string, string>): SeedMention[] {
  const entityPatterns = graph.entities.map((entity) => ({
    entityId: entity.id,
    patterns: [entity.name, ...entity.aliases].map(namePattern),
  }));

  return graph.articles.flatMap((article) => {
    const text = articleTexts.get(article.id);
    if (text === undefined) return [];
    const sentences = splitSentences(text);
    const comparable = sentences.map(normaliseText);
    const mentions: SeedMention[] = [];

    comparable.forEach((sentence, position) => {
      for (const { entityId, patterns } of entityPatterns) {
        if (patterns.some((pattern) => pattern.test(sentence))) {
          mentions.push({ entityId, articleId: article.id, sentence: sentences[position], position });
        }
      }
    });

    for (const statistic of graph.statistics.filter((candidate) => candidate.sourceId === article.id)) {
      const evidence = normaliseText(statistic.evidence);
      comparable.forEach((sentence, position) => {
        if (sentence.includes(evidence) || evidence.includes(sentence)) {
          mentions.push({ entityId: statistic.id, articleId: article.id, sentence: sentences[position], position });
        }
      });
    }
    return mentions;
  });
}
