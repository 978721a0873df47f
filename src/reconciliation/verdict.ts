import { vocabulary, type ValueQualifier } from '../ontology';

/** How a reported number stands against the official figure (the contract's ComparisonVerdict). */
export const ComparisonVerdict = vocabulary('MATCHES', 'CONSISTENT', 'DIFFERS', 'NO_OFFICIAL_COUNTERPART');
export type ComparisonVerdict = keyof typeof ComparisonVerdict;

/**
 * How far an APPROXIMATE claim may be from the official figure and still be CONSISTENT: "around
 * 23,700" or "approximately 2,200" round to two or three significant figures, which is within
 * 5 %; a tenth is generous enough for "about" and still tells 20 from 40.
 */
export const APPROXIMATE_TOLERANCE = 0.1;

/** The official value in one release. */
export interface OfficialFigure {
  value: number;
  releaseId: string;
  releaseLabel: string;
}

export interface Judgement {
  verdict: Exclude<ComparisonVerdict, 'NO_OFFICIAL_COUNTERPART'>;
  /** officialValue minus the reported value. */
  difference: number;
  /** difference over the official value (0 when both are 0). */
  relativeDifference: number;
  explanation: string;
}

/**
 * Judges a reported value against the official figure of the newest release. A claim that
 * differs from the newest release but equals an earlier one was right when written: the agency
 * revised the figure since, and the explanation says so.
 */
export function judge(reported: { value: number; qualifier: ValueQualifier; unit: string }, newest: OfficialFigure, earlier: readonly OfficialFigure[]): Judgement {
  const difference = newest.value - reported.value;
  const relativeDifference = newest.value === 0 ? 0 : difference / newest.value;
  const official = `${format(newest.value)} ${reported.unit} in the ${newest.releaseLabel} release`;
  const satisfied = satisfies(reported, newest.value);
  if (reported.qualifier === 'EXACT' && difference === 0) {
    return { verdict: 'MATCHES', difference, relativeDifference, explanation: `The official figure is ${official}, as reported.` };
  }
  if (reported.qualifier !== 'EXACT' && satisfied) {
    return { verdict: 'CONSISTENT', difference, relativeDifference, explanation: `The official figure, ${official}, is ${describeQualifier(reported)}.` };
  }
  const by = `${format(Math.abs(difference))} ${difference > 0 ? 'more' : 'fewer'} (${percent(Math.abs(relativeDifference))})`;
  const revisedFrom = earlier.find((figure) => satisfies(reported, figure.value));
  const revision = revisedFrom
    ? ` The ${revisedFrom.releaseLabel} release gave ${format(revisedFrom.value)}: the figure was revised in a later release.`
    : '';
  return { verdict: 'DIFFERS', difference, relativeDifference, explanation: `The official figure is ${official}: ${by} than reported.${revision}` };
}

/** Whether an official value makes the claim true, by its qualifier. */
function satisfies(reported: { value: number; qualifier: ValueQualifier }, official: number): boolean {
  switch (reported.qualifier) {
    case 'EXACT':
      return official === reported.value;
    case 'APPROXIMATE':
      return Math.abs(official - reported.value) <= APPROXIMATE_TOLERANCE * Math.abs(reported.value);
    case 'AT_LEAST':
      return official >= reported.value;
    case 'MORE_THAN':
      return official > reported.value;
    case 'LESS_THAN':
      return official < reported.value;
  }
}

function describeQualifier(reported: { value: number; qualifier: ValueQualifier }): string {
  const value = format(reported.value);
  switch (reported.qualifier) {
    case 'APPROXIMATE':
      return `within ${percent(APPROXIMATE_TOLERANCE)} of the reported ${value}`;
    case 'AT_LEAST':
      return `at least ${value}, as claimed`;
    case 'MORE_THAN':
      return `more than ${value}, as claimed`;
    case 'LESS_THAN':
      return `less than ${value}, as claimed`;
    case 'EXACT':
      return value;
  }
}

/** A percentage change between two official values ("a drop of 78%"): the fall as a percentage of the earlier. */
export function percentageDrop(earlier: number, later: number): number {
  return earlier === 0 ? 0 : ((earlier - later) / earlier) * 100;
}

const format = (value: number) => (Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 1 }));
const percent = (share: number) => `${(share * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })} %`;
