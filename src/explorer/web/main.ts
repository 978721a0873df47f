/*
 * The explorer page: wires the search, the graph, the evidence panel, the chart and the
 * exports to one store of what has been fetched and one state that the URL mirrors, so that
 * every view can be cited by its link. Everything comes from the public GraphQL API.
 */
import { ApiError, graphqlClient } from './api.js';
import { ChartView, type ChartData, type ReportedPointData } from './chart-view.js';
import { h, replaceChildren } from './dom.js';
import { EvidencePanel, type EntityDetails } from './evidence-panel.js';
import { EXPORT_FORMATS, exportFileName, graphml, jsonLd, quotationsCsv, relationsCsv, statisticsCsv, type ExportKind } from './exports.js';
import { GraphView } from './graph-view.js';
import { monthIndex, monthOf, monthsSpanned, type Window } from './period.js';
import {
  ENTITIES_PAGE,
  ENTITY_DETAILS,
  ENTITY_RELATIONS_PAGE,
  NEIGHBOURHOOD,
  PATH,
  QUOTATIONS_PAGE,
  REPORTED_AGAINST_OFFICIAL,
  toViewEntity,
  toViewQuotation,
  toViewRelation,
  type EntityData,
  type QuotationData,
  type RelationData,
} from './queries.js';
import { SearchPanel } from './search-panel.js';
import { decodeState, encodeState, type ExplorerState } from './url-state.js';
import { KIND_STYLES, KINDS } from './vocabulary.js';
import type { ViewEntity, ViewGraph, ViewQuotation, ViewRelation } from './view-model.js';

interface Config {
  endpoint: string;
}

const config = JSON.parse(document.getElementById('border-kg-explorer-config')!.textContent!) as Config;
const request = graphqlClient(config.endpoint);
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** How many neighbours one expansion brings (the API allows up to 500 per neighbourhood). */
const NEIGHBOURS_PER_EXPANSION = 100;

/** Everything fetched so far; the graph shows part of it, the exports write it. */
const store = {
  entities: new Map<string, ViewEntity>(),
  relations: new Map<string, ViewRelation>(),
  quotations: new Map<string, ViewQuotation>(),
  expanded: new Set<string>(),
};

let state: ExplorerState = decodeState(location.search);
let pendingWork = 0;

// ---- status: loading, empty and error states, never a blank page -------------------------------

const status = element<HTMLElement>('status');
function setStatus(message: string, tone: 'info' | 'error' = 'info'): void {
  status.textContent = message;
  status.dataset.tone = tone;
  status.setAttribute('role', tone === 'error' ? 'alert' : 'status');
}

/** Runs one step of work with the page marked busy (the browser test waits on data-busy). */
async function busy<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
  pendingWork++;
  document.body.dataset.busy = 'true';
  setStatus(label);
  try {
    const result = await work();
    setStatus(summary());
    return result;
  } catch (error) {
    const message = error instanceof ApiError ? `${error.message} (${error.code})` : (error as Error).message;
    setStatus(`The service refused: ${message}`, 'error');
    return undefined;
  } finally {
    if (--pendingWork === 0) document.body.dataset.busy = 'false';
  }
}

/** The graph's empty state says what to do, rather than showing a blank canvas. */
function refreshEmptyState(): void {
  element('graph-empty').hidden = graph.nodeCount > 0;
}

function summary(): string {
  refreshEmptyState();
  const { entities, relations } = graph.visible();
  if (graph.nodeCount === 0) return 'Search for a person, an agency, a place or a number to begin.';
  return `${entities.length} entities and ${relations.length} relations on screen${entities.length < graph.nodeCount ? ` (${graph.nodeCount - entities.length} hidden by the filters)` : ''}.`;
}

function remember(entities: EntityData[], relations: RelationData[]): { entities: ViewEntity[]; relations: ViewRelation[] } {
  const viewEntities = entities.map(toViewEntity);
  const viewRelations = relations.map(toViewRelation);
  for (const entity of viewEntities) store.entities.set(entity.id, entity);
  for (const relation of viewRelations) store.relations.set(relation.id, relation);
  return { entities: viewEntities, relations: viewRelations };
}

function rememberQuotations(quotations: QuotationData[]): ViewQuotation[] {
  const view = quotations.map(toViewQuotation);
  for (const quotation of view) store.quotations.set(quotation.id, quotation);
  return view;
}

// ---- the URL ---------------------------------------------------------------------------------

function saveState(push = false): void {
  const url = `${location.pathname}${encodeState(state)}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

// ---- the graph -------------------------------------------------------------------------------

const graph = new GraphView(element('graph'), {
  onPick: (id) => void pick(id),
  onClear: () => void pick(null),
});

async function expand(id: string, options: { push?: boolean } = {}): Promise<void> {
  if (store.expanded.has(id)) return;
  await busy(`Loading the neighbours of ${store.entities.get(id)?.name ?? id}…`, async () => {
    const { neighborhood } = await request<{ neighborhood: { nodes: EntityData[]; relations: RelationData[] } }>(NEIGHBOURHOOD, { id, limit: NEIGHBOURS_PER_EXPANSION });
    if (neighborhood.nodes.length === 0) throw new ApiError(`Nothing in the graph has the id ${id}.`, 'NOT_FOUND');
    const { entities, relations } = remember(neighborhood.nodes, neighborhood.relations);
    const added = graph.add(entities, relations, id);
    graph.markExpanded(id);
    graph.frame([id, ...added]);
    store.expanded.add(id);
    if (!state.open.includes(id)) state.open = [...state.open, id];
    saveState(options.push);
    refreshToolbar();
    applyFilters();
    renderList();
  });
}

async function pick(id: string | null, options: { expandOnClick?: boolean } = {}): Promise<void> {
  state.selected = id;
  graph.select(id);
  saveState();
  if (!id) {
    evidence.clear();
    return;
  }
  const relation = store.relations.get(id);
  if (relation) {
    evidence.showRelation(relation, store.entities.get(relation.from)?.name ?? relation.from, store.entities.get(relation.to)?.name ?? relation.to);
    return;
  }
  const known = store.entities.get(id);
  if (known) evidence.showEntity(known, null);
  if (options.expandOnClick !== false && expandOnClick.checked && !store.expanded.has(id) && known) void expand(id);
  await busy('Loading the evidence…', async () => {
    const { entity } = await request<{ entity: (EntityData & DetailsData) | null }>(ENTITY_DETAILS, { id });
    if (!entity) throw new ApiError(`Nothing in the graph has the id ${id}.`, 'NOT_FOUND');
    const view = remember([entity], []);
    const details: EntityDetails = {
      quotations: rememberQuotations(entity.quotations.edges.map((edge) => edge.node)),
      quotationCount: entity.quotations.totalCount,
      comparison: entity.officialComparison
        ? {
            ...entity.officialComparison,
            dataset: entity.officialComparison.dataset?.title ?? null,
            release: entity.officialComparison.release?.label ?? null,
          }
        : null,
      places: entity.places ?? [],
      disagreements: entity.disagreements ?? [],
    };
    if (state.selected === id) evidence.showEntity(view.entities[0]!, details);
  });
}

interface DetailsData {
  quotations: { totalCount: number; edges: { node: QuotationData }[] };
  officialComparison?: { verdict: string; officialValue: number | null; difference: number | null; explanation: string; dataset: { title: string } | null; release: { label: string } | null };
  places?: { id: string; name: string }[];
  disagreements?: { id: string; name: string; value: number; qualifier: string }[];
}

async function showPath(from: string, to: string): Promise<void> {
  state.path = [from, to];
  saveState(true);
  await busy('Looking for a shortest path…', async () => {
    const { path } = await request<{ path: { length: number; nodes: EntityData[]; relations: RelationData[] } | null }>(PATH, { from, to });
    if (!path) {
      graph.showPath([]);
      throw new ApiError(`No chain of up to 6 relations joins ${store.entities.get(from)?.name ?? from} and ${store.entities.get(to)?.name ?? to}.`, 'NO_PATH');
    }
    const { entities, relations } = remember(path.nodes, path.relations);
    // Each new node of the path is placed beside the one before it.
    entities.forEach((entity, index) => graph.add([entity], relations, index > 0 ? entities[index - 1]!.id : entity.id));
    const onPath = [...entities.map((entity) => entity.id), ...relations.map((relation) => relation.id)];
    graph.showPath(onPath);
    graph.frame(onPath);
    applyFilters();
    renderList();
    pathNote.textContent = `Path of ${path.length} relation${path.length === 1 ? '' : 's'}: ${entities.map((entity) => entity.name).join(' → ')}`;
  });
}

// ---- the chart -------------------------------------------------------------------------------

interface ReportedAnswer {
  reportedSeries: {
    measure: string;
    place: { id: string; name: string } | null;
    points: (ReportedPointData & { statistic: { sources: unknown[] } })[];
    officialSeries: { measure: string; dataset: { title: string }; release: { label: string }; points: { value: number; period: { start: string } }[] } | null;
  };
}

async function showChart(measure: string, placeId: string | null): Promise<void> {
  state.chart = { measure, placeId };
  saveState();
  chart.loading(measure);
  const answer = await busy(`Loading ${measure}…`, () => request<ReportedAnswer>(REPORTED_AGAINST_OFFICIAL, { measure, placeId }));
  if (!answer) {
    chart.showError(status.textContent ?? 'The chart could not be loaded.');
    return;
  }
  const series = answer.reportedSeries;
  const data: ChartData = {
    measure: series.measure,
    place: series.place,
    points: series.points,
    official: series.officialSeries
      ? {
          datasetTitle: series.officialSeries.dataset.title,
          release: series.officialSeries.release.label,
          measure: series.officialSeries.measure,
          points: series.officialSeries.points.map((point) => ({ month: point.period.start, value: point.value })),
        }
      : null,
  };
  chart.show(data);
}

// ---- filters and the period slider -----------------------------------------------------------

const toolbar = element<HTMLElement>('graph-toolbar');
const expandOnClick = h('input', { type: 'checkbox', id: 'expand-on-click', checked: true });
const kindFilters = h('fieldset', { class: 'kinds' }, h('legend', {}, 'Kinds'));
const typeFilters = h('fieldset', { class: 'types' }, h('legend', {}, 'Relation types'));
const periodFrom = h('input', { type: 'range', id: 'period-from', min: 0, max: 0, value: 0, 'aria-label': 'Period from' });
const periodTo = h('input', { type: 'range', id: 'period-to', min: 0, max: 0, value: 0, 'aria-label': 'Period to' });
const periodLabel = h('output', { id: 'period-label', for: 'period-from period-to' }, 'all dates');
const pathNote = h('p', { class: 'path-note', 'aria-live': 'polite' });
let span: { first: number; last: number } | null = null;

for (const kind of KINDS) {
  const box = h('input', { type: 'checkbox', value: kind, checked: !state.hiddenKinds.includes(kind), 'data-kind': kind });
  kindFilters.append(h('label', {}, box, h('span', { class: 'kind-dot', 'data-kind': kind, 'aria-hidden': 'true' }), KIND_STYLES[kind]!.label));
}
kindFilters.addEventListener('change', () => {
  state.hiddenKinds = [...kindFilters.querySelectorAll<HTMLInputElement>('input:not(:checked)')].map((box) => box.value);
  saveState();
  applyFilters();
});
typeFilters.addEventListener('change', () => {
  state.hiddenTypes = [...typeFilters.querySelectorAll<HTMLInputElement>('input:not(:checked)')].map((box) => box.value);
  saveState();
  applyFilters();
});
for (const slider of [periodFrom, periodTo]) {
  slider.addEventListener('input', () => {
    if (!span) return;
    let from = Number(periodFrom.value);
    let to = Number(periodTo.value);
    if (from > to) [from, to] = slider === periodFrom ? [from, from] : [to, to];
    periodFrom.value = String(from);
    periodTo.value = String(to);
    state.from = from === span.first ? null : monthOf(from);
    state.to = to === span.last ? null : monthOf(to);
    saveState();
    applyFilters();
  });
}

function windowOfState(): Window {
  return { from: state.from ? monthIndex(state.from) : null, to: state.to ? monthIndex(state.to) : null };
}

/** Types and the slider's range follow what is on screen. */
function refreshToolbar(): void {
  const types = [...new Set([...store.relations.values()].map((relation) => relation.type))].sort();
  const shown = new Set([...typeFilters.querySelectorAll<HTMLInputElement>('input')].map((box) => box.value));
  for (const type of types) {
    if (shown.has(type)) continue;
    typeFilters.append(h('label', {}, h('input', { type: 'checkbox', value: type, checked: !state.hiddenTypes.includes(type) }), type));
  }
  span = monthsSpanned([...store.entities.values()], [...store.relations.values()].flatMap((relation) => relation.evidence));
  if (span) {
    for (const slider of [periodFrom, periodTo]) {
      slider.min = String(span.first);
      slider.max = String(span.last);
    }
    periodFrom.value = String(state.from ? monthIndex(state.from) : span.first);
    periodTo.value = String(state.to ? monthIndex(state.to) : span.last);
  }
}

function applyFilters(): void {
  const window = windowOfState();
  graph.applyFilters(
    { hiddenKinds: new Set(state.hiddenKinds), hiddenTypes: new Set(state.hiddenTypes), window },
    (id) => store.entities.get(id),
    (id) => store.relations.get(id),
  );
  periodLabel.textContent = span ? `${monthOf(window.from ?? span.first)} to ${monthOf(window.to ?? span.last)}` : 'all dates';
  if (pendingWork === 0) setStatus(summary());
  renderList();
}

// ---- the same graph as a list, for keyboards and screen readers ------------------------------

function renderList(): void {
  const { entities, relations } = graph.visible();
  const entityItems = entities.map((id) => {
    const entity = store.entities.get(id)!;
    const button = h('button', { type: 'button', class: 'link', 'data-id': id }, entity.name);
    button.addEventListener('click', () => void pick(id));
    return h('li', {}, button, ` (${KIND_STYLES[entity.kind]?.label ?? entity.kind}${store.expanded.has(id) ? ', expanded' : ''})`);
  });
  const relationItems = relations.map((id) => {
    const relation = store.relations.get(id)!;
    const button = h('button', { type: 'button', class: 'link', 'data-id': id }, `${store.entities.get(relation.from)?.name} ${relation.type} ${store.entities.get(relation.to)?.name}`);
    button.addEventListener('click', () => void pick(id));
    return h('li', {}, button);
  });
  replaceChildren(element('graph-list'), h('h3', {}, 'Entities'), h('ul', {}, entityItems), h('h3', {}, 'Relations'), h('ul', {}, relationItems));
}

// ---- exports ---------------------------------------------------------------------------------

function currentView(): ViewGraph {
  const { entities, relations } = graph.visible();
  const onScreen = new Set(entities);
  return {
    entities: entities.map((id) => store.entities.get(id)!),
    relations: relations.map((id) => store.relations.get(id)!),
    quotations: [...store.quotations.values()].filter((quotation) => quotation.speakerId !== null && onScreen.has(quotation.speakerId)),
  };
}

interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}
type EntityWithRelations = EntityData & { relations: Page<RelationData> };

/** The whole graph through the API's pages: every entity with all its relations, and every quotation. */
async function wholeGraph(): Promise<ViewGraph> {
  const entities = new Map<string, ViewEntity>();
  const relations = new Map<string, ViewRelation>();
  const quotations = new Map<string, ViewQuotation>();
  const addRelations = (page: Page<RelationData>) => {
    for (const { node } of page.edges) relations.set(node.id, toViewRelation(node));
  };
  let after: string | null = null;
  do {
    const { entities: page }: { entities: Page<EntityWithRelations> } = await request(ENTITIES_PAGE, { after });
    for (const { node } of page.edges) {
      entities.set(node.id, toViewEntity(node));
      addRelations(node.relations);
      let more = node.relations.pageInfo;
      while (more.hasNextPage) {
        const { entity }: { entity: { relations: Page<RelationData> } } = await request(ENTITY_RELATIONS_PAGE, { id: node.id, after: more.endCursor });
        addRelations(entity.relations);
        more = entity.relations.pageInfo;
      }
    }
    setStatus(`Fetching the whole graph: ${entities.size} entities, ${relations.size} relations so far…`);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  do {
    const { quotations: page }: { quotations: Page<QuotationData> } = await request(QUOTATIONS_PAGE, { after });
    for (const { node } of page.edges) quotations.set(node.id, toViewQuotation(node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return { entities: [...entities.values()], relations: [...relations.values()], quotations: [...quotations.values()] };
}

const WRITERS: Record<ExportKind, (view: ViewGraph) => string> = {
  statistics: statisticsCsv,
  relations: relationsCsv,
  quotations: quotationsCsv,
  'json-ld': (view) => JSON.stringify(jsonLd(view, location.origin), null, 2),
  graphml,
};

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const EXPORT_LABELS: Record<ExportKind, string> = {
  statistics: 'Statistics CSV',
  relations: 'Relations CSV',
  quotations: 'Quotations CSV',
  'json-ld': 'JSON-LD',
  graphml: 'GraphML',
};

async function exportAs(kind: ExportKind, scope: 'view' | 'graph'): Promise<void> {
  await busy(scope === 'graph' ? 'Fetching the whole graph…' : 'Preparing the export…', async () => {
    const view = scope === 'graph' ? await wholeGraph() : currentView();
    const name = exportFileName(kind, new Date()).replace(/^border-kg-/, `border-kg-${scope === 'graph' ? 'graph' : 'view'}-`);
    download(name, EXPORT_FORMATS[kind].mediaType, WRITERS[kind](view));
  });
}

function exportMenu(): HTMLElement {
  const menu = h('details', { class: 'export-menu' }, h('summary', {}, 'Export'));
  for (const scope of ['view', 'graph'] as const) {
    const group = h('div', { class: 'export-group', role: 'group', 'aria-label': scope === 'view' ? 'This view' : 'The whole graph' }, h('p', {}, scope === 'view' ? 'This view:' : 'Whole graph:'));
    for (const kind of Object.keys(EXPORT_FORMATS) as ExportKind[]) {
      const button = h('button', { type: 'button', 'data-export': `${scope}:${kind}` }, EXPORT_LABELS[kind]);
      button.addEventListener('click', () => void exportAs(kind, scope));
      group.append(button);
    }
    menu.append(group);
  }
  return menu;
}

// ---- assembling the page ---------------------------------------------------------------------

const evidence = new EvidencePanel(element('evidence'), request, {
  expand: (id) => void expand(id, { push: true }),
  pathFrom: (id) => {
    pathStart = id;
    pathNote.textContent = `Path from ${store.entities.get(id)?.name ?? id}: now pick the other end and choose “Path to here”.`;
  },
  pathTo: (id) => {
    if (pathStart && pathStart !== id) void showPath(pathStart, id);
    else pathNote.textContent = 'Choose “Path from here” on the first entity, then “Path to here” on the second.';
  },
  chart: (measure, placeId) => void showChart(measure, placeId),
  pick: (id) => void openOrPick(id),
});
let pathStart: string | null = state.path?.[0] ?? null;

const chart = new ChartView(element('chart-panel'), (id) => void openOrPick(id));

/** Picks an entity, first fetching its neighbourhood if it is not on screen yet. */
async function openOrPick(id: string): Promise<void> {
  if (!graph.has(id)) await expand(id, { push: true });
  graph.reveal(id);
  await pick(id, { expandOnClick: false });
}

new SearchPanel(element('search-input'), element('search-mode'), element('search-results'), request, {
  openEntity: (id) => void openOrPick(id),
  showSentence: (sentence) => evidence.showPassage(sentence),
  showQuotation: (quotation, speakerName) => evidence.showQuotation(quotation, speakerName),
});

function buildToolbar(): void {
  const fit = h('button', { type: 'button' }, 'Fit');
  fit.addEventListener('click', () => graph.fit());
  const rearrange = h('button', { type: 'button', title: 'Run a force layout over everything on screen' }, 'Re-arrange');
  rearrange.addEventListener('click', () => graph.rearrange());
  const clearPath = h('button', { type: 'button' }, 'Clear path');
  clearPath.addEventListener('click', () => {
    state.path = null;
    pathStart = null;
    graph.showPath([]);
    pathNote.textContent = '';
    saveState();
  });
  const copyLink = h('button', { type: 'button', title: 'Copy a link to this view' }, 'Copy link');
  copyLink.addEventListener('click', () => {
    void navigator.clipboard?.writeText(location.href).then(
      () => setStatus('Link to this view copied.'),
      () => setStatus(`Link to this view: ${location.href}`),
    );
  });
  replaceChildren(
    toolbar,
    h('div', { class: 'row' }, h('label', {}, expandOnClick, ' expand on click'), fit, rearrange, clearPath, copyLink, exportMenu()),
    h('div', { class: 'row period' }, h('span', {}, 'Period'), periodFrom, periodTo, periodLabel),
    h('details', { class: 'filters' }, h('summary', {}, 'Filters'), kindFilters, typeFilters),
    pathNote,
  );
  replaceChildren(
    element('legend'),
    h('span', { class: 'legend-title' }, 'Legend:'),
    ...KINDS.map((kind) => h('span', { class: 'legend-item' }, h('span', { class: 'kind-dot', 'data-kind': kind, 'aria-hidden': 'true' }), KIND_STYLES[kind]!.label)),
    h('span', { class: 'legend-item' }, h('span', { class: 'path-swatch', 'aria-hidden': 'true' }), 'path'),
    h('span', { class: 'legend-item' }, h('span', { class: 'expanded-swatch', 'aria-hidden': 'true' }), 'expanded'),
  );
}

/** Rebuilds the view the URL describes: entities opened in order, then the path, chart and pick. */
async function restore(): Promise<void> {
  graph.clear();
  store.expanded.clear();
  const wanted = state;
  for (const id of wanted.open) await expand(id);
  if (wanted.path) await showPath(wanted.path[0], wanted.path[1]);
  if (wanted.chart) await showChart(wanted.chart.measure, wanted.chart.placeId);
  if (wanted.selected) await pick(wanted.selected, { expandOnClick: false });
  graph.fit();
}

window.addEventListener('popstate', () => {
  state = decodeState(location.search);
  void restore();
});

buildToolbar();
document.body.dataset.busy = 'false';
setStatus(summary());
void restore();

/** A read-only handle for the browser test and for a researcher's console. */
Object.assign(window, {
  borderKgExplorer: {
    nodeCount: () => graph.nodeCount,
    positionOf: (id: string) => graph.positionOf(id),
    renderedPositionOf: (id: string) => graph.renderedPositionOf(id),
    drawnClaims: () => chart.drawnClaims,
    measurePan: (frames: number) => graph.measurePan(frames),
    visible: () => graph.visible(),
    expand: (id: string) => expand(id),
  },
});
