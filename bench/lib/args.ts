import { SCALES, type ScaleName } from '../generator/corpus';

/** `--name value` and `--flag` pairs; a tiny parser keeps the benchmark free of CLI dependencies. */
export function parseArgs(argv: readonly string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) args.set(name, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) args.set(name, argv[++i]!);
    else args.set(name, 'true');
  }
  return args;
}

export function scaleArg(value: string | undefined, fallback: ScaleName): ScaleName[] {
  const names = (value ?? fallback).split(',');
  for (const name of names) if (!(name in SCALES)) throw new Error(`--scale: expected ${Object.keys(SCALES).join(', ')}, got "${name}"`);
  return names as ScaleName[];
}

export function numberList(value: string | undefined, fallback: number[], name: string): number[] {
  if (value === undefined) return fallback;
  const numbers = value.split(',').map(Number);
  if (numbers.some((n) => !Number.isFinite(n) || n <= 0)) throw new Error(`--${name}: expected positive numbers, got "${value}"`);
  return numbers;
}
