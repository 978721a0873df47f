import { readFileSync } from 'node:fs';
import { anchorAt, findQuote, type TextAnchorRecord } from '../article';
import { fromProjectRoot } from '../config/project-root';
import type { CypherTransaction } from '../neo4j/neo4j-executor';
import { mergeQuotations, toQuotationWrite } from './quotation.repository';

/** One curated quotation of cypher/seed/quotations.json. */
export interface SeedQuotation {
  id: string;
  articleId: string;
  /** Verbatim words of the article, up to typography. */
  text: string;
  /** A longer passage holding `text` once, where `text` alone occurs more than once in the article. */
  within?: string | null;
  speakerId: string | null;
  attributedTo: string | null;
  attribution: string | null;
  direct: boolean;
}

export interface AnchoredSeedQuotation extends SeedQuotation {
  anchor: TextAnchorRecord;
}

/** The curated quotations of the corpus, cypher/seed/quotations.json. */
export function readSeedQuotations(): SeedQuotation[] {
  const file = JSON.parse(readFileSync(fromProjectRoot('cypher', 'seed', 'quotations.json'), 'utf8')) as { quotations: SeedQuotation[] };
  return file.quotations;
}

function onlyOne(anchors: TextAnchorRecord[], what: string): TextAnchorRecord {
  if (anchors.length === 0) throw new Error(`${what} matches nowhere`);
  if (anchors.length > 1) throw new Error(`${what} matches ${anchors.length} times (at ${anchors.map((anchor) => anchor.start).join(', ')}): give "within"`);
  return anchors[0]!;
}

/**
 * Where the quotation's words sit in its article: the one place they occur (inside the one
 * place `within` occurs, when given). A quotation that matches nowhere or more than once has
 * no anchor, and the seed refuses it.
 */
export function anchorQuotation(quotation: SeedQuotation, articleText: string): TextAnchorRecord {
  const what = `Quotation ${quotation.id}`;
  if (!quotation.within) return onlyOne(findQuote(articleText, quotation.text), what);
  const passage = onlyOne(findQuote(articleText, quotation.within), `The "within" of ${what}`);
  const inner = onlyOne(findQuote(passage.exact, quotation.text), `${what}, inside its "within",`);
  return anchorAt(articleText, passage.start + inner.start, passage.start + inner.end);
}

/** Every curated quotation with its anchor; throws on an unknown article or a quotation without a unique anchor. */
export function anchorSeedQuotations(quotations: SeedQuotation[], articleTexts: ReadonlyMap<string, string>): AnchoredSeedQuotation[] {
  return quotations.map((quotation) => {
    const text = articleTexts.get(quotation.articleId);
    if (text === undefined) throw new Error(`Quotation ${quotation.id} cites ${quotation.articleId}, which is not an article of the seed`);
    return { ...quotation, anchor: anchorQuotation(quotation, text) };
  });
}


/**
 * Loads the curated quotations inside the seed's transaction, after the articles and the
 * speakers; idempotent; returns their ids. Throws (rolling the seed back) when a quotation has
 * no unique anchor, or its article or speaker is not in the graph.
 */
export async function loadSeedQuotations(tx: CypherTransaction, articleTexts: ReadonlyMap<string, string>): Promise<string[]> {
  const writes = anchorSeedQuotations(readSeedQuotations(), articleTexts).map((quotation) => toQuotationWrite(quotation));
  const written = await mergeQuotations(tx, writes);
  const linked = new Set(written.filter((row) => row.speakerLinked).map((row) => row.id));
  const broken = writes.filter((write) => !linked.has(write.id)).map((write) => `${write.id} (article ${write.articleId}, speaker ${write.speakerId})`);
  if (broken.length > 0) throw new Error(`Quotations whose article or speaker is not in the graph: ${broken.join('; ')}`);
  return writes.map((write) => write.id);
}
