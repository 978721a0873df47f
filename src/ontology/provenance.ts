import { vocabulary } from './vocabulary';

/**
 * Where an assertion of the graph comes from (a relation, an alias, a description, a date or a
 * period): the text says it (ASSERTED), the curators read it into the text (INFERRED, with a
 * short reason), or it comes from outside the articles (EXTERNAL, with its source, e.g.
 * "common usage" or a URL).
 */
export const ProvenanceKind = vocabulary('ASSERTED', 'INFERRED', 'EXTERNAL');

export type ProvenanceKind = keyof typeof ProvenanceKind;

export const PROVENANCE_KINDS: readonly ProvenanceKind[] = Object.values(ProvenanceKind);

/** One assertion's provenance. INFERRED needs a reason, EXTERNAL a source. */
export interface Provenance {
  kind: ProvenanceKind;
  reason?: string;
  source?: string;
}

/**
 * What is wrong with a provenance, or null: a kind of the vocabulary, a reason exactly for
 * INFERRED, a source for EXTERNAL (a reason beside it is allowed: why the outside fact holds here).
 */
export function provenanceProblem(provenance: Provenance | undefined): string | null {
  if (provenance === undefined) return 'missing';
  if (!PROVENANCE_KINDS.includes(provenance.kind)) return `unknown kind ${String(provenance.kind)}`;
  const hasReason = (provenance.reason ?? '').trim().length > 0;
  const hasSource = (provenance.source ?? '').trim().length > 0;
  switch (provenance.kind) {
    case 'ASSERTED':
      return hasReason || hasSource ? 'ASSERTED takes neither reason nor source' : null;
    case 'INFERRED':
      return hasReason && !hasSource ? null : 'INFERRED needs a reason and no source';
    case 'EXTERNAL':
      return hasSource ? null : 'EXTERNAL needs a source';
  }
}

/**
 * Provenance as node and relationship properties store it: the kind, and one note (the reason of
 * an inference, the source of an outside fact; "reason || source" for an EXTERNAL with both).
 * Neo4j properties cannot hold maps, and lists cannot hold nulls, hence a string note, "" for none.
 */
export function provenanceNote(provenance: Provenance): string {
  if (provenance.kind === 'EXTERNAL') return provenance.reason ? `${provenance.source} || ${provenance.reason}` : provenance.source ?? '';
  return provenance.reason ?? '';
}

/** The inverse of provenanceNote; null when no kind was stored (written without provenance). */
export function storedProvenance(kind: unknown, note: unknown): Provenance | null {
  if (typeof kind !== 'string' || !PROVENANCE_KINDS.includes(kind as ProvenanceKind)) return null;
  const text = typeof note === 'string' ? note : '';
  switch (kind as ProvenanceKind) {
    case 'ASSERTED':
      return { kind: 'ASSERTED' };
    case 'INFERRED':
      return { kind: 'INFERRED', reason: text };
    case 'EXTERNAL': {
      const [source, ...reason] = text.split(' || ');
      return reason.length > 0 ? { kind: 'EXTERNAL', source: source!, reason: reason.join(' || ') } : { kind: 'EXTERNAL', source: text };
    }
  }
  return null;
}
