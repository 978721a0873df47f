import { vocabulary } from './vocabulary';

/**
 * Where an assertion of the graph comes from (a relation, an alias, a description, a date or a
 * period): the text says it (ASSERTED), the curators read it into the text (INFERRED, with a
 * short reason), it comes from outside the articles (EXTERNAL, with its source, e.g.
 * "common usage" or a URL), or ingestion extracted it from the text and an editor accepted it
 * (EXTRACTED, with that review).
 */
export const ProvenanceKind = vocabulary('ASSERTED', 'INFERRED', 'EXTERNAL', 'EXTRACTED');

export type ProvenanceKind = keyof typeof ProvenanceKind;

export const PROVENANCE_KINDS: readonly ProvenanceKind[] = Object.values(ProvenanceKind);

/** How an EXTRACTED assertion came to be trusted: which extractor proposed it, which key accepted it, when. */
export interface ExtractionReview {
  proposalId: string;
  /** The extractor and its version, e.g. "statistics@1". */
  extractor: string;
  /** The fingerprint of the editor's API key (never the key). */
  reviewedBy: string;
  /** ISO date-time. */
  reviewedAt: string;
}

/** One assertion's provenance. INFERRED needs a reason, EXTERNAL a source, EXTRACTED its review. */
export interface Provenance {
  kind: ProvenanceKind;
  reason?: string;
  source?: string;
  review?: ExtractionReview;
}

/**
 * What is wrong with a provenance, or null: a kind of the vocabulary, a reason exactly for
 * INFERRED, a source for EXTERNAL (a reason beside it is allowed: why the outside fact holds here).
 */
export function provenanceProblem(provenance: Provenance | undefined): string | null {
  if (provenance === undefined) return 'missing';
  if (!PROVENANCE_KINDS.includes(provenance.kind)) return `unknown kind ${String(provenance.kind)}`;
  if (provenance.kind === 'EXTRACTED') return provenance.review && !provenance.reason && !provenance.source ? null : 'EXTRACTED needs its review, and no reason or source';
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
 * an inference, the source of an outside fact; "source || reason" for an EXTERNAL with both; the
 * review of an extraction as JSON).
 * Neo4j properties cannot hold maps, and lists cannot hold nulls, hence a string note, "" for none.
 */
export function provenanceNote(provenance: Provenance): string {
  if (provenance.kind === 'EXTRACTED') return JSON.stringify(provenance.review);
  if (provenance.kind === 'EXTERNAL') return provenance.reason ? `${provenance.source} || ${provenance.reason}` : provenance.source ?? '';
  return provenance.reason ?? '';
}

/**
 * A provenance as the properties `<prefix>ProvenanceKind` and `<prefix>ProvenanceNote` of a node
 * (docs/ontology.md#provenance), null for none: what provenanceOf (src/entity) reads back.
 */
export function provenanceProperties(prefix: string, provenance: Provenance | null | undefined): Record<string, string | null> {
  return {
    [`${prefix}ProvenanceKind`]: provenance?.kind ?? null,
    [`${prefix}ProvenanceNote`]: provenance ? provenanceNote(provenance) : null,
  };
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
    case 'EXTRACTED':
      return { kind: 'EXTRACTED', review: JSON.parse(text) as ExtractionReview };
  }
  return null;
}
