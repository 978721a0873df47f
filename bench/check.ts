import type { ContenderName, OperationName, RequestSpec } from './workload';

/**
 * Before any load, each contender answers a few samples of each operation one at a time: the
 * answers must have no error, and their sizes are recorded so the results show that the
 * contenders did comparable work (and where they differ by design).
 */

export interface CheckResult {
  operation: OperationName;
  contender: ContenderName;
  ok: boolean;
  /** One line per sample: what came back. */
  summaries: string[];
  error?: string;
  /** When the first attempt failed and a second one was made. */
  firstAttemptError?: string;
}

type Json = Record<string, unknown>;

function summarise(contender: ContenderName, operation: OperationName, body: Json): string {
  if (contender === 'cypher') {
    const rows = body.data as Json[];
    const first = rows[0];
    switch (operation) {
      case 'A':
        return first ? `${first.name}: ${(first.relations as unknown[]).length} relations` : 'no entity';
      case 'B':
        return `${rows.length} hits, first ${first?.id ?? '-'}`;
      case 'C':
        return `${rows.length} statistics, first ${first?.id ?? '-'}`;
      case 'D':
        return first ? `${(first.nodes as unknown[]).length} nodes, ${(first.relations as unknown[]).length} relations` : 'no centre';
      case 'E':
        return first ? `path of length ${(first.relations as unknown[]).length}` : 'no path';
    }
  }
  const data = body.data as Json;
  if (contender === 'border-kg') {
    switch (operation) {
      case 'A': {
        const entity = data.entity as Json | null;
        return entity ? `${entity.name}: ${((entity.relations as Json).edges as unknown[]).length} relations` : 'no entity';
      }
      case 'B': {
        const hits = data.search as Json[];
        return `${hits.length} hits, first ${(hits[0]?.entity as Json | undefined)?.id ?? '-'}`;
      }
      case 'C': {
        const edges = (data.statistics as Json).edges as Json[];
        return `${edges.length} statistics, first ${(edges[0]?.node as Json | undefined)?.id ?? '-'}`;
      }
      case 'D': {
        const graph = data.neighborhood as Json | null;
        return graph ? `${(graph.nodes as unknown[]).length} nodes, ${(graph.relations as unknown[]).length} relations` : 'no centre';
      }
      case 'E': {
        const path = data.path as Json | null;
        return path ? `path of length ${path.length}` : 'no path';
      }
    }
  }
  switch (operation) {
    case 'A': {
      const [entity] = Object.values(data)[0] as Json[];
      if (!entity) return 'no entity';
      const relations = Object.entries(entity)
        .filter(([key]) => key.endsWith('Connection'))
        .reduce((sum, [, connection]) => sum + ((connection as Json).edges as unknown[]).length, 0);
      return `${entity.name}: ${relations} relations`;
    }
    case 'B': {
      const edges = (data.searchThings as Json).edges as Json[];
      return `${edges.length} hits, first ${(edges[0]?.node as Json | undefined)?.id ?? '-'}`;
    }
    case 'C': {
      const rows = data.statistics as Json[];
      return `${rows.length} statistics, first ${rows[0]?.id ?? '-'}`;
    }
    default:
      return 'not expressible';
  }
}

export async function checkContender(
  contender: ContenderName,
  operation: OperationName,
  baseUrl: string,
  requests: RequestSpec[],
): Promise<CheckResult> {
  const summaries: string[] = [];
  for (const request of requests) {
    try {
      const response = await fetch(new URL(request.path, baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: request.body,
      });
      const text = await response.text();
      const body = JSON.parse(text) as Json;
      if (!response.ok || body.errors || body.error) {
        return { operation, contender, ok: false, summaries, error: `${response.status} ${text.slice(0, 500)}` };
      }
      const trips = response.headers.get('x-cypher-round-trips');
      summaries.push(`${summarise(contender, operation, body)}${trips ? ` (${trips} round trips)` : ''}`);
    } catch (error) {
      return { operation, contender, ok: false, summaries, error: error instanceof Error ? error.message : String(error) };
    }
  }
  return { operation, contender, ok: true, summaries };
}
