/*
 * The view a researcher can cite: which entities are open, what is picked, the filters, the
 * period, a path and a chart, all in the page's query string (/explore?open=...&from=2024-01).
 * Pure functions, so the round trip is tested without a browser.
 */

export interface ExplorerState {
  /** Entities whose neighbours are on screen, in the order they were opened. */
  open: string[];
  /** The picked entity or relation, whose evidence the panel shows. */
  selected: string | null;
  /** Entity kinds and relation types hidden by the filters. */
  hiddenKinds: string[];
  hiddenTypes: string[];
  /** The period slider's bounds, as YYYY-MM; null leaves that side open. */
  from: string | null;
  to: string | null;
  /** A shortest path asked for between two entities. */
  path: [string, string] | null;
  /** A chart of a measure (and place) against the official line. */
  chart: { measure: string; placeId: string | null } | null;
}

export const EMPTY_STATE: ExplorerState = {
  open: [],
  selected: null,
  hiddenKinds: [],
  hiddenTypes: [],
  from: null,
  to: null,
  path: null,
  chart: null,
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Ids are "<kind>:<slug>"-like and never contain commas; a list is comma-separated. */
const list = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);
const month = (value: string | null): string | null => (value && MONTH.test(value) ? value : null);

export function encodeState(state: ExplorerState): string {
  const params = new URLSearchParams();
  if (state.open.length) params.set('open', state.open.join(','));
  if (state.selected) params.set('selected', state.selected);
  if (state.hiddenKinds.length) params.set('hideKinds', state.hiddenKinds.join(','));
  if (state.hiddenTypes.length) params.set('hideTypes', state.hiddenTypes.join(','));
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.path) params.set('path', state.path.join(','));
  if (state.chart) params.set('chart', state.chart.placeId ? `${state.chart.measure}@${state.chart.placeId}` : state.chart.measure);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Reads a query string back; anything malformed is dropped rather than trusted. */
export function decodeState(search: string): ExplorerState {
  const params = new URLSearchParams(search);
  const path = list(params.get('path'));
  const chart = params.get('chart');
  const at = chart ? chart.lastIndexOf('@') : -1;
  return {
    open: [...new Set(list(params.get('open')))],
    selected: params.get('selected') || null,
    hiddenKinds: list(params.get('hideKinds')),
    hiddenTypes: list(params.get('hideTypes')),
    from: month(params.get('from')),
    to: month(params.get('to')),
    path: path.length === 2 ? [path[0]!, path[1]!] : null,
    chart: chart ? (at > 0 ? { measure: chart.slice(0, at), placeId: chart.slice(at + 1) } : { measure: chart, placeId: null }) : null,
  };
}
