/*
 * The evidence panel: for a picked entity, relation, statistic or quotation, the exact words
 * behind it, highlighted in the article's own text (from the anchored offsets), with the
 * source's title, publisher and date, the other sources of the same fact, and how the graph
 * came to hold it (asserted, inferred, external, or extracted and reviewed).
 */
import type { GraphqlRequest } from './api.js';
import { h, highlighted, replaceChildren } from './dom.js';
import { ARTICLE_TEXT } from './queries.js';
import { kindStyle, VERDICT_STYLES } from './vocabulary.js';
import type { Anchor, Evidence, Provenance, Source, ViewEntity, ViewQuotation, ViewRelation } from './view-model.js';

export interface EvidenceActions {
  expand(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  chart(measure: string, placeId: string | null): void;
  pick(id: string): void;
}

/** What the panel adds for an entity beyond the graph's facts (ENTITY_DETAILS). */
export interface EntityDetails {
  quotations: ViewQuotation[];
  quotationCount: number;
  comparison: { verdict: string; officialValue: number | null; difference: number | null; explanation: string; dataset: string | null; release: string | null } | null;
  places: { id: string; name: string }[];
  disagreements: { id: string; name: string; value: number; qualifier: string }[];
}

interface ArticleText {
  id: string;
  title: string;
  text: string;
}

/**
 * Where the anchored words are in the text as it is now: the offsets when they still hold,
 * else the quote found by its exact words and surrounding context (the Web Annotation way).
 */
export function locate(text: string, anchor: Anchor): { start: number; end: number; moved: boolean } | null {
  if (text.slice(anchor.start, anchor.end) === anchor.exact) return { start: anchor.start, end: anchor.end, moved: false };
  const withContext = text.indexOf(anchor.prefix + anchor.exact + anchor.suffix);
  if (withContext >= 0) {
    const start = withContext + anchor.prefix.length;
    return { start, end: start + anchor.exact.length, moved: true };
  }
  const bare = text.indexOf(anchor.exact);
  return bare >= 0 ? { start: bare, end: bare + anchor.exact.length, moved: true } : null;
}

const PROVENANCE_WORDS: Record<Provenance['kind'], string> = {
  ASSERTED: 'Asserted: the words state it.',
  INFERRED: 'Inferred by the curators from the words.',
  EXTERNAL: 'From outside the articles.',
  EXTRACTED: 'Extracted from the article and accepted by an editor.',
};

function provenanceBlock(provenance: Provenance | null): HTMLElement {
  if (!provenance) return h('p', { class: 'provenance' }, 'Provenance: curated (not recorded in detail).');
  return h(
    'div',
    { class: `provenance provenance-${provenance.kind.toLowerCase()}`, 'data-provenance': provenance.kind },
    h('p', {}, h('strong', {}, 'Provenance: '), PROVENANCE_WORDS[provenance.kind]),
    provenance.reason ? h('p', {}, 'Why: ', provenance.reason) : null,
    provenance.source ? h('p', {}, 'Source: ', provenance.source) : null,
    provenance.review
      ? h('p', {}, `Proposal ${provenance.review.proposalId} by ${provenance.review.extractor}, accepted by ${provenance.review.reviewedBy} on ${provenance.review.reviewedAt.slice(0, 10)}.`)
      : null,
  );
}

function sourceLine(source: Source): HTMLElement {
  return h(
    'span',
    { class: 'source-line' },
    h('cite', {}, source.title),
    source.publisher ? ` — ${source.publisher}` : '',
    source.publishedOn ? `, ${source.publishedOn}` : '',
    source.url ? [' ', h('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, 'original')] : null,
  );
}

function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export class EvidencePanel {
  private readonly texts = new Map<string, Promise<ArticleText>>();

  constructor(
    private readonly root: HTMLElement,
    private readonly request: GraphqlRequest,
    private readonly actions: EvidenceActions,
  ) {}

  clear(): void {
    replaceChildren(this.root, h('p', { class: 'empty' }, 'Pick a node or a link to read the words behind it.'));
  }

  showError(message: string): void {
    replaceChildren(this.root, h('p', { class: 'error', role: 'alert' }, message));
  }

  showEntity(entity: ViewEntity, details: EntityDetails | null): void {
    const style = kindStyle(entity.kind);
    const statistic = entity.statistic;
    const actions = h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', 'data-action': 'expand' }, 'Expand neighbours'),
      h('button', { type: 'button', 'data-action': 'path-from' }, 'Path from here'),
      h('button', { type: 'button', 'data-action': 'path-to' }, 'Path to here'),
      statistic ? h('button', { type: 'button', 'data-action': 'chart' }, 'Chart this measure') : null,
    );
    actions.addEventListener('click', (event) => {
      const action = (event.target as HTMLElement).closest('button')?.dataset.action;
      if (action === 'expand') this.actions.expand(entity.id);
      if (action === 'path-from') this.actions.pathFrom(entity.id);
      if (action === 'path-to') this.actions.pathTo(entity.id);
      if (action === 'chart' && statistic) this.actions.chart(statistic.measure, details?.places[0]?.id ?? null);
    });
    const comparison = details?.comparison;
    // What a reader checks first comes first: the number, then the words that state it in their
    // article, then how it compares and where it comes from.
    replaceChildren(
      this.root,
      h('p', { class: 'kind-badge', 'data-kind': entity.kind }, style.label),
      h('h2', { id: 'evidence-title' }, entity.name),
      actions,
      statistic
        ? h(
            'dl',
            { class: 'facts' },
            h('dt', {}, 'Value'),
            h('dd', { class: 'value' }, `${statistic.qualifier === 'EXACT' ? '' : `${statistic.qualifier.toLowerCase().replace(/_/g, ' ')} `}${formatNumber(statistic.value)} ${statistic.unit ?? ''}`),
            h('dt', {}, 'Measure'),
            h('dd', {}, statistic.measure),
            h('dt', {}, 'Period'),
            h('dd', {}, statistic.period ? `${statistic.period.label} (${statistic.period.start} to ${statistic.period.end})` : 'not stated'),
          )
        : null,
      entity.sources.length ? h('div', { class: 'article-view', 'aria-live': 'polite' }) : null,
      entity.sources.length > 1 ? this.evidenceList(entity.sources, `${entity.sources.length} sources state it`) : null,
      comparison
        ? h(
            'div',
            { class: 'comparison', 'data-verdict': comparison.verdict },
            h('p', {}, h('strong', {}, 'Official figure: '), VERDICT_STYLES[comparison.verdict]?.label ?? comparison.verdict),
            comparison.officialValue !== null ? h('p', {}, `${formatNumber(comparison.officialValue)} in ${comparison.dataset ?? 'the dataset'}${comparison.release ? ` (${comparison.release} release)` : ''}`) : null,
            h('p', { class: 'explanation' }, comparison.explanation),
          )
        : null,
      details?.disagreements.length
        ? h('div', { class: 'disagreements' }, h('p', {}, h('strong', {}, 'Other sources disagree: ')), h('ul', {}, details.disagreements.map((other) => h('li', {}, this.entityLink(other.id, `${other.name}: ${formatNumber(other.value)}`)))))
        : null,
      provenanceBlock(entity.provenance),
      entity.aliases.length ? h('p', { class: 'aliases' }, 'Also: ', entity.aliases.join('; ')) : null,
      entity.description ? h('p', {}, entity.description) : null,
      details?.quotations.length ? this.quotationList(details.quotations, details.quotationCount) : null,
      entity.sources.length ? null : h('div', { class: 'article-view', 'aria-live': 'polite' }),
    );
    if (entity.sources[0]) void this.showArticle(entity.sources[0]);
  }

  showRelation(relation: ViewRelation, fromName: string, toName: string): void {
    replaceChildren(
      this.root,
      h('p', { class: 'kind-badge' }, 'Relation'),
      h('h2', { id: 'evidence-title' }, this.entityLink(relation.from, fromName), ` ${relation.type} `, this.entityLink(relation.to, toName)),
      h('div', { class: 'article-view', 'aria-live': 'polite' }),
      relation.evidence.length > 1 ? this.evidenceList(relation.evidence, `${relation.evidence.length} sources state it`) : null,
      provenanceBlock(relation.provenance),
    );
    if (relation.evidence[0]) void this.showArticle(relation.evidence[0]);
  }

  showQuotation(quotation: ViewQuotation, speakerName: string | null): void {
    replaceChildren(
      this.root,
      h('p', { class: 'kind-badge' }, quotation.direct ? 'Quotation' : 'Reported speech'),
      h('blockquote', {}, quotation.text),
      h('p', {}, speakerName && quotation.speakerId ? ['Said by ', this.entityLink(quotation.speakerId, speakerName)] : 'Speaker not named'),
      h('div', { class: 'article-view', 'aria-live': 'polite' }),
      provenanceBlock(quotation.provenance),
    );
    void this.showArticle(quotation.evidence);
  }

  /** A sentence found by a text search, in its article. */
  showPassage(evidence: Evidence): void {
    replaceChildren(
      this.root,
      h('p', { class: 'kind-badge' }, 'Sentence'),
      h('div', { class: 'article-view', 'aria-live': 'polite' }),
    );
    void this.showArticle(evidence);
  }

  private entityLink(id: string, label: string): HTMLElement {
    const button = h('button', { type: 'button', class: 'link', 'data-id': id }, label);
    button.addEventListener('click', () => this.actions.pick(id));
    return button;
  }

  private evidenceList(evidence: readonly Evidence[], heading: string): HTMLElement {
    const items = evidence.map((piece, index) => {
      const button = h('button', { type: 'button', class: 'quote', 'aria-pressed': index === 0 ? 'true' : 'false' }, `“${piece.quote}”`);
      button.addEventListener('click', () => {
        for (const other of this.root.querySelectorAll('.evidence-list .quote')) other.setAttribute('aria-pressed', 'false');
        button.setAttribute('aria-pressed', 'true');
        void this.showArticle(piece);
      });
      return h('li', {}, button, h('br'), sourceLine(piece.article));
    });
    return h('section', { class: 'evidence-list' }, h('h3', {}, heading), h('ol', {}, items));
  }

  private quotationList(quotations: readonly ViewQuotation[], total: number): HTMLElement {
    const items = quotations.map((quotation) => {
      const button = h('button', { type: 'button', class: 'quote' }, `${quotation.direct ? '“' : ''}${quotation.text}${quotation.direct ? '”' : ''}`);
      button.addEventListener('click', () => void this.showArticle(quotation.evidence));
      return h('li', {}, button, h('br'), sourceLine(quotation.evidence.article));
    });
    return h('section', { class: 'quotation-list' }, h('h3', {}, `Quotations (${total})`), h('ol', {}, items));
  }

  private articleText(id: string): Promise<ArticleText> {
    let text = this.texts.get(id);
    if (!text) {
      text = this.request<{ entity: ArticleText | null }>(ARTICLE_TEXT, { id }).then(({ entity }) => {
        if (!entity) throw new Error(`The article ${id} is no longer in the graph.`);
        return entity;
      });
      text.catch(() => this.texts.delete(id));
      this.texts.set(id, text);
    }
    return text;
  }

  /** The whole article, the evidence's words marked and scrolled into view. */
  private async showArticle(evidence: Evidence): Promise<void> {
    const view = this.root.querySelector<HTMLElement>('.article-view');
    if (!view) return;
    replaceChildren(view, h('p', { class: 'loading' }, 'Loading the article…'));
    let article: ArticleText;
    try {
      article = await this.articleText(evidence.article.id);
    } catch (error) {
      replaceChildren(view, h('p', { class: 'error', role: 'alert' }, `The article could not be loaded: ${(error as Error).message}`));
      return;
    }
    if (!view.isConnected) return;
    const at = locate(article.text, evidence.anchor);
    const paragraphs = h('div', { class: 'article-text', tabindex: '0', 'aria-label': `Text of ${article.title}` });
    paragraphs.append(...highlighted(article.text, at ? [at] : [], { class: 'evidence-mark' }));
    replaceChildren(
      view,
      h('h3', {}, 'In ', sourceLine(evidence.article)),
      at?.moved ? h('p', { class: 'note' }, 'The text changed since this was anchored; the words were found by their context.') : null,
      at ? null : h('p', { class: 'error' }, 'These words are no longer in the article.'),
      paragraphs,
    );
    // Scrolls the article box, not the page, to the marked words.
    const mark = paragraphs.querySelector('mark');
    if (mark) paragraphs.scrollTop = mark.offsetTop - paragraphs.offsetTop - paragraphs.clientHeight / 3;
  }
}
