import os from 'node:os';

/** A figure as the results print it: `digits` decimals at most. */
export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The machine's load average over 1, 5 and 15 minutes, recorded beside every figure. */
export const loadAverage = () => os.loadavg().map((value) => round(value));

/** The value below which a fraction of sorted numbers fall (the nearest rank); 0 for none. */
export function percentile(sorted: readonly number[], fraction: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}
