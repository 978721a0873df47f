import type { TextAnchorRecord } from '../article';
import { storedProvenance, type Provenance } from '../ontology';

/** Quotation ids are `quotation:<slug>`: no entity kind is called that, so `node(id)` tells them apart. */
export const QUOTATION_ID_PREFIX = 'quotation:';

export function isQuotationId(id: string): boolean {
  return id.startsWith(QUOTATION_ID_PREFIX);
}

/**
 * A quotation as resolvers receive it. `typeName` makes it identifiable as a Node without the
 * entity domain knowing this one: the Node interface resolves any value that names its type.
 */
export interface QuotationRecord {
  typeName: 'Quotation';
  id: string;
  text: string;
  direct: boolean;
  attribution: string | null;
  attributedTo: string | null;
  speakerId: string | null;
  articleId: string;
  anchor: TextAnchorRecord;
  /** EXTRACTED (with its review) for words accepted from ingestion; null for the curated ones. */
  provenance: Provenance | null;
}

/** A quotation as queries return it: the node's properties and the speaker's id. */
export interface StoredQuotation {
  properties: Record<string, unknown>;
  speakerId: string | null;
}

export function toQuotationRecord({ properties, speakerId }: StoredQuotation): QuotationRecord {
  const text = String(properties.text);
  return {
    typeName: 'Quotation',
    id: String(properties.id),
    text,
    direct: properties.direct === true,
    attribution: (properties.attribution as string | null | undefined) ?? null,
    attributedTo: (properties.attributedTo as string | null | undefined) ?? null,
    speakerId,
    articleId: String(properties.articleId),
    provenance: storedProvenance(properties.originProvenanceKind, properties.originProvenanceNote),
    anchor: {
      start: Number(properties.start),
      end: Number(properties.end),
      exact: text,
      prefix: String(properties.prefix ?? ''),
      suffix: String(properties.suffix ?? ''),
    },
  };
}
