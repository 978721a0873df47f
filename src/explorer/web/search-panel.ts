/*
 * Search as you type: names and aliases (PREFIX or FUZZY), and the sentences and quotations
 * that contain the words, each with its matches marked. One request per pause in typing; an
 * answer that arrives after a newer question is dropped.
 */
import { ApiError, type GraphqlRequest } from './api.js';
import { h, highlighted, replaceChildren, type Span } from './dom.js';
import { SEARCH, toSource, toViewQuotation, type QuotationData, type SourceData } from './queries.js';
import { kindStyle } from './vocabulary.js';
import type { Anchor, Evidence, ViewQuotation } from './view-model.js';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
const PAUSE_MS = 180;

interface SearchAnswer {
  search: { score: number; entity: { id: string; kind: string; name: string; aliases: string[] } }[];
  sentences: { text: string; highlights: Span[]; anchor: Anchor; article: SourceData }[];
  quotationSearch: { highlights: Span[]; quotation: QuotationData }[];
}

export interface SearchActions {
  openEntity(id: string): void;
  showSentence(sentence: Evidence): void;
  showQuotation(quotation: ViewQuotation, speakerName: string | null): void;
}

export class SearchPanel {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private asked = 0;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly mode: HTMLSelectElement,
    private readonly results: HTMLElement,
    private readonly request: GraphqlRequest,
    private readonly actions: SearchActions,
  ) {
    input.addEventListener('input', () => this.schedule());
    mode.addEventListener('change', () => this.schedule(0));
    input.form?.addEventListener('submit', (event) => {
      event.preventDefault();
      this.schedule(0);
    });
    input.addEventListener('keydown', (event) => {
      // Down arrow moves from the box into the results, as in a combobox.
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        this.results.querySelector<HTMLElement>('button')?.focus();
      }
      if (event.key === 'Escape') this.hide();
    });
    results.addEventListener('keydown', (event) => this.moveFocus(event));
  }

  private schedule(delay = PAUSE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delay);
  }

  hide(): void {
    this.results.hidden = true;
  }

  private async run(): Promise<void> {
    const query = this.input.value.trim();
    const asked = ++this.asked;
    if (query.length < 2) {
      this.hide();
      return;
    }
    this.results.hidden = false;
    this.results.setAttribute('aria-busy', 'true');
    try {
      const answer = await this.request<SearchAnswer>(SEARCH, { query, mode: this.mode.value });
      if (asked !== this.asked) return;
      this.render(query, answer);
    } catch (error) {
      if (asked !== this.asked) return;
      const message = error instanceof ApiError ? `${error.message} (${error.code})` : String(error);
      replaceChildren(this.results, h('p', { class: 'error', role: 'alert' }, `Search failed: ${message}`));
    } finally {
      if (asked === this.asked) this.results.removeAttribute('aria-busy');
    }
  }

  private render(query: string, answer: SearchAnswer): void {
    const entities = answer.search.map(({ entity }) => {
      const button = h('button', { type: 'button', class: 'hit entity-hit', 'data-id': entity.id }, h('span', { class: 'kind-dot', 'data-kind': entity.kind, 'aria-hidden': 'true' }), entity.name, h('span', { class: 'kind' }, ` ${kindStyle(entity.kind).label}`));
      button.addEventListener('click', () => {
        this.hide();
        this.actions.openEntity(entity.id);
      });
      const alias = entity.aliases.find((name) => name.toLowerCase().includes(query.toLowerCase()));
      return h('li', {}, button, alias && alias !== entity.name ? h('span', { class: 'alias' }, `also “${alias}”`) : null);
    });
    const sentences = answer.sentences.map((hit) => {
      const button = h('button', { type: 'button', class: 'hit sentence-hit' }, ...highlighted(hit.text, hit.highlights));
      button.addEventListener('click', () => this.actions.showSentence({ quote: hit.text, anchor: hit.anchor, article: toSource(hit.article) }));
      return h('li', {}, button, h('span', { class: 'source' }, hit.article.title));
    });
    const quotations = answer.quotationSearch.map((hit) => {
      const quotation = toViewQuotation(hit.quotation);
      const button = h('button', { type: 'button', class: 'hit quotation-hit' }, '“', ...highlighted(hit.quotation.text, hit.highlights), '”');
      button.addEventListener('click', () => this.actions.showQuotation(quotation, hit.quotation.speaker?.name ?? null));
      return h('li', {}, button, h('span', { class: 'source' }, hit.quotation.speaker?.name ?? 'unnamed speaker', ' — ', hit.quotation.article.title));
    });
    const group = (title: string, items: HTMLElement[]) => h('section', { class: 'hit-group' }, h('h2', {}, `${title} (${items.length})`), items.length ? h('ul', {}, items) : h('p', { class: 'empty' }, 'None.'));
    replaceChildren(
      this.results,
      entities.length + sentences.length + quotations.length === 0
        ? h('p', { class: 'empty' }, `Nothing matches “${query}”. Try “tolerate typos”, or fewer words.`)
        : [group('Entities', entities), group('Sentences', sentences), group('Quotations', quotations)],
    );
  }

  /** Up and down arrows move between the results' buttons. */
  private moveFocus(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...this.results.querySelectorAll<HTMLElement>('button')];
    const index = buttons.indexOf(document.activeElement as HTMLElement);
    if (index < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? buttons[index + 1] : buttons[index - 1];
    (next ?? (event.key === 'ArrowUp' ? this.input : buttons[index]))?.focus();
  }
}
