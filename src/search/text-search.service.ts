import { anchorAt, sentenceSpans, type TextAnchorRecord } from '../article';
import type { EntityRecord } from '../entity';
import { luceneOf, queryTerms, type SearchMode } from './lucene';
import type { SearchRepository } from './search.repository';
import { TextMatcher, type TextSpanRecord } from './text-matcher';

/** A sentence that matches, as the `sentences` query returns it (SentenceHit). */
export interface SentenceHitRecord {
  article: EntityRecord;
  text: string;
  anchor: TextAnchorRecord;
  highlights: TextSpanRecord[];
  score: number;
  /** The quotations whose anchor overlaps the sentence, in the order of the text. */
  quotationIds: string[];
}

/** A quotation that matches, as `quotationSearch` returns it (QuotationHit). */
export interface QuotationHitRecord {
  quotationId: string;
  highlights: TextSpanRecord[];
  score: number;
}

/**
 * Sentence and quotation search. Lucene finds the articles and quotations that hold the words;
 * the sentences are then cut with the article domain's splitter, and the matched words of
 * either marked by one TextMatcher, which reads the query as the index did.
 */
export class TextSearchService {
  constructor(private readonly repository: SearchRepository) {}

  /**
   * The sentences holding words of the query, best first: those holding more of its words,
   * then those of the articles Lucene ranks higher, then in the order of the article.
   */
  async sentences(query: string, mode: SearchMode, articleId: string | null, first: number): Promise<SentenceHitRecord[]> {
    const terms = queryTerms(query, mode);
    if (terms.length === 0 || first === 0) return [];
    // Every article Lucene returns holds at least one matching sentence, so `first` articles
    // are enough to fill the answer; more would only be texts read for nothing.
    const articles = await this.repository.articlesMatching(luceneOf(terms), articleId, first);
    const matcher = new TextMatcher(terms);
    const hits = articles.flatMap(({ article, text, score, quotations }, rank) =>
      sentenceSpans(text).flatMap(({ start, end, sentence }) => {
        const { highlights, termsMatched } = matcher.match(sentence);
        if (highlights.length === 0) return [];
        const overlapping = quotations.filter((quotation) => quotation.start < end && quotation.end > start);
        return [
          {
            rank,
            hit: {
              article,
              text: sentence,
              anchor: anchorAt(text, start, end),
              highlights,
              score: (score * termsMatched) / matcher.termCount,
              quotationIds: overlapping.sort((a, b) => a.start - b.start).map((quotation) => quotation.id),
            },
          },
        ];
      }),
    );
    hits.sort((a, b) => b.hit.score - a.hit.score || a.rank - b.rank || a.hit.anchor.start - b.hit.anchor.start);
    return hits.slice(0, first).map(({ hit }) => hit);
  }

  /** The quotations whose words match the query, best first, with the words that match. */
  async quotations(query: string, mode: SearchMode, first: number): Promise<QuotationHitRecord[]> {
    const terms = queryTerms(query, mode);
    if (terms.length === 0 || first === 0) return [];
    const quotations = await this.repository.quotationsMatching(luceneOf(terms), first);
    const matcher = new TextMatcher(terms);
    return quotations.map(({ id, text, score }) => ({ quotationId: id, highlights: matcher.match(text).highlights, score }));
  }
}
