import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { fromProjectRoot } from '../config/project-root';

/**
 * The import rules of .dependency-cruiser.js, checked by dependency-cruiser itself (its CLI: the
 * package is ESM-only), and the one rule it cannot state: no circle between folders.
 */

interface CruiseResult {
  modules: { source: string; dependencies: { resolved: string; coreModule: boolean; couldNotResolve: boolean }[] }[];
  summary: { violations: { rule: { name: string }; from: string; to: string }[] };
}

function cruise(): CruiseResult {
  const cli = fromProjectRoot('node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const args = [cli, 'src', 'scripts', 'test', 'bench', '--config', '.dependency-cruiser.js', '--output-type', 'json'];
  try {
    return JSON.parse(execFileSync(process.execPath, args, { cwd: fromProjectRoot(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as CruiseResult;
  } catch (error) {
    // It exits non-zero when a rule is broken, still printing its full result.
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    return JSON.parse(stdout) as CruiseResult;
  }
}

/** src/<folder>/... is its folder; a file at src/ is itself; bench, test and scripts are one each. */
function folderOf(path: string): string | undefined {
  const match = /^(src\/[^/]+\/|src\/[^/]+$|bench\/|test\/|scripts\/)/.exec(path);
  return match?.[1]?.replace(/\/$/, '');
}

/** The folders that import each other in a circle (strongly connected components of two or more). */
function folderCycles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (folder: string) => {
    index.set(folder, index.size);
    low.set(folder, index.get(folder)!);
    stack.push(folder);
    onStack.add(folder);
    for (const next of edges.get(folder) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(folder, Math.min(low.get(folder)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(folder, Math.min(low.get(folder)!, index.get(next)!));
      }
    }
    if (low.get(folder) === index.get(folder)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== folder);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const folder of edges.keys()) if (!index.has(folder)) visit(folder);
  return cycles;
}

describe('the architecture', () => {
  const result = cruise();

  it('keeps every import rule of .dependency-cruiser.js', () => {
    expect(result.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`)).toEqual([]);
  });

  it('has no circle between folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const module of result.modules) {
      const from = folderOf(module.source);
      if (!from) continue;
      for (const dependency of module.dependencies) {
        const to = folderOf(dependency.resolved);
        if (!to || to === from || dependency.coreModule || dependency.couldNotResolve) continue;
        edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    expect(edges.size).toBeGreaterThan(10);
    expect(folderCycles(edges)).toEqual([]);
  });

  it('finds a circle between folders when there is one', () => {
    const edges = new Map([
      ['src/entity', new Set(['src/relation'])],
      ['src/relation', new Set(['src/entity', 'src/graphql'])],
      ['src/graphql', new Set<string>()],
    ]);
    expect(folderCycles(edges)).toEqual([['src/entity', 'src/relation']]);
  });
});
