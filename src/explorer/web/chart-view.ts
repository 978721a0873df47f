/*
 * Numbers as a chart: the articles' claims of one measure (and place) as points over the
 * official monthly series, drawn with uPlot (about 50 kB, canvas, fast with thousands of
 * points). Each point's colour is its comparison's verdict; the table under the chart lists
 * every claim, including those whose period is not one month (a fiscal year is not a point on a
 * monthly line), each a button to its evidence.
 */
import { h, replaceChildren } from './dom.js';
import { monthIndex } from './period.js';
import { VERDICT_STYLES } from './vocabulary.js';

export interface ReportedPointData {
  value: number;
  qualifier: string;
  period: { start: string; end: string; label: string };
  statistic: {
    id: string;
    name: string;
    officialComparison: { verdict: string; officialValue: number | null; explanation: string };
  };
}

export interface ChartData {
  measure: string;
  place: { id: string; name: string } | null;
  points: ReportedPointData[];
  official: { datasetTitle: string; release: string; measure: string; points: { month: string; value: number }[] } | null;
}

/** A claim drawn on the monthly line: its period is one calendar month. */
export function isMonthly(point: ReportedPointData): boolean {
  return monthIndex(point.period.start) === monthIndex(point.period.end) && point.period.start.endsWith('-01');
}

/** Seconds since the epoch of a month's first day (uPlot's time axis counts seconds). */
function monthStart(isoDate: string): number {
  const index = monthIndex(isoDate);
  return Date.UTC(Math.floor(index / 12), index % 12, 1) / 1000;
}

/** The aligned columns uPlot draws: x (months), the official line, and one column of points per verdict. */
export function chartColumns(data: ChartData): { xs: number[]; official: (number | null)[]; byVerdict: Map<string, (number | null)[]> } {
  const monthly = data.points.filter(isMonthly);
  const xs = [...new Set([...(data.official?.points ?? []).map((point) => monthStart(point.month)), ...monthly.map((point) => monthStart(point.period.start))])].sort((a, b) => a - b);
  const at = new Map(xs.map((x, index) => [x, index]));
  const official: (number | null)[] = xs.map(() => null);
  for (const point of data.official?.points ?? []) official[at.get(monthStart(point.month))!] = point.value;
  const byVerdict = new Map<string, (number | null)[]>();
  for (const point of monthly) {
    const verdict = point.statistic.officialComparison.verdict;
    if (!byVerdict.has(verdict)) byVerdict.set(verdict, xs.map(() => null));
    byVerdict.get(verdict)![at.get(monthStart(point.period.start))!] = point.value;
  }
  return { xs, official, byVerdict };
}

export class ChartView {
  private plot: InstanceType<typeof uPlot> | null = null;
  /** How many of the articles' numbers the chart draws as points (the others are listed only). */
  drawnClaims = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly pick: (statisticId: string) => void,
  ) {}

  close(): void {
    this.plot?.destroy();
    this.plot = null;
    this.root.hidden = true;
    replaceChildren(this.root);
  }

  loading(measure: string): void {
    this.root.hidden = false;
    replaceChildren(this.root, h('p', { class: 'loading' }, `Loading the numbers for ${measure}…`));
  }

  showError(message: string): void {
    this.root.hidden = false;
    replaceChildren(this.root, h('p', { class: 'error', role: 'alert' }, message));
  }

  show(data: ChartData): void {
    this.plot?.destroy();
    this.root.hidden = false;
    const title = `${data.measure}${data.place ? ` at ${data.place.name}` : ''}: reported against official`;
    const canvasHolder = h('div', { class: 'chart', role: 'img', 'aria-label': `${title}. The table below lists every point.` });
    const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close the chart' }, '×');
    close.addEventListener('click', () => this.close());
    replaceChildren(
      this.root,
      h('div', { class: 'chart-head' }, h('h2', {}, title), close),
      data.official
        ? h('p', { class: 'note' }, `Line: ${data.official.datasetTitle}, ${data.official.measure} by month (${data.official.release} release). Points: the articles' numbers, coloured by verdict.`)
        : h('p', { class: 'note' }, 'No official series covers this measure and place: the articles’ numbers are drawn alone.'),
      canvasHolder,
      this.table(data),
    );
    const { xs, official, byVerdict } = chartColumns(data);
    if (xs.length === 0) {
      replaceChildren(canvasHolder, h('p', { class: 'empty' }, 'No dated monthly numbers to draw.'));
      return;
    }
    const verdicts = [...byVerdict.keys()];
    this.drawnClaims = [...byVerdict.values()].reduce((count, column) => count + column.filter((value) => value !== null).length, 0);
    const width = Math.max(280, Math.min(canvasHolder.clientWidth || this.root.clientWidth || 600, 900));
    const options = {
      width,
      height: 260,
      scales: { x: { time: true } },
      // The table below reads every value; a legend that follows the cursor would repeat it.
      legend: { live: false },
      axes: [{}, { values: (_u: unknown, ticks: number[]) => ticks.map((tick) => tick.toLocaleString('en-US')) , size: 70 }],
      series: [
        {},
        { label: data.official ? 'Official' : 'Official (none)', stroke: '#495057', width: 1.5, points: { show: false } },
        ...verdicts.map((verdict) => ({
          label: `Reported: ${VERDICT_STYLES[verdict]?.label ?? verdict}`,
          stroke: VERDICT_STYLES[verdict]?.colour ?? '#000',
          fill: undefined,
          width: 0,
          paths: () => null,
          points: { show: true, size: 11, width: 2, fill: VERDICT_STYLES[verdict]?.colour ?? '#000', stroke: '#ffffff' },
        })),
      ],
    };
    const columns = [xs, official, ...verdicts.map((verdict) => byVerdict.get(verdict)!)];
    const plot = new uPlot(options as never, columns as never, canvasHolder);
    this.plot = plot;
    // A click on the plot opens the evidence of the reported point under the cursor, if any.
    const monthly = data.points.filter(isMonthly);
    plot.over.addEventListener('click', () => {
      const index = plot.cursor.idx;
      if (index === null || index === undefined) return;
      const x = xs[index];
      const point = monthly.find((candidate) => monthStart(candidate.period.start) === x);
      if (point) this.pick(point.statistic.id);
    });
  }

  private table(data: ChartData): HTMLElement {
    const rows = data.points.map((point) => {
      const comparison = point.statistic.officialComparison;
      const open = h('button', { type: 'button', class: 'link', 'data-statistic': point.statistic.id }, 'evidence');
      open.addEventListener('click', () => this.pick(point.statistic.id));
      return h(
        'tr',
        { 'data-verdict': comparison.verdict },
        h('td', {}, point.period.label, isMonthly(point) ? '' : ' (not a month: not drawn)'),
        h('td', { class: 'number' }, `${point.qualifier === 'EXACT' ? '' : `${point.qualifier.toLowerCase().replace(/_/g, ' ')} `}${point.value.toLocaleString('en-US')}`),
        h('td', { class: 'number' }, comparison.officialValue === null ? '—' : comparison.officialValue.toLocaleString('en-US')),
        h('td', {}, h('span', { class: 'verdict', 'data-verdict': comparison.verdict }, VERDICT_STYLES[comparison.verdict]?.label ?? comparison.verdict)),
        h('td', {}, open),
      );
    });
    return h(
      'table',
      { class: 'points' },
      h('caption', {}, `${data.points.length} reported number${data.points.length === 1 ? '' : 's'}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Period'), h('th', { scope: 'col' }, 'Reported'), h('th', { scope: 'col' }, 'Official'), h('th', { scope: 'col' }, 'Verdict'), h('th', { scope: 'col' }, 'Source'))),
      h('tbody', {}, rows),
    );
  }
}
