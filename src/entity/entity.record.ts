import { isNode, type Node as Neo4jNode } from 'neo4j-driver';
import type { StoredProperties } from '../history';
import type { EntityKind } from '../ontology';

export interface PeriodRecord {
  start: string;
  end: string;
  label: string;
}

/**
 * An entity as resolvers receive it: the node's properties, dates as "YYYY-MM-DD".
 * Kind-specific fields are present only on their kind (title on a person or article, ...).
 */
export interface EntityRecord {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description: string | null;
  title?: string | null;
  acronym?: string | null;
  countryId?: string | null;
  period?: PeriodRecord | null;
  measure?: string;
  value?: number;
  valueText?: string | null;
  unit?: string;
  qualifier?: string;
  /** A statistic's rank (PREFERRED, NORMAL, DEPRECATED), absent on statistics stored before ranks; and why. */
  rank?: string | null;
  rankReason?: string | null;
  evidence?: string;
  sourceId?: string;
  url?: string | null;
  publishedOn?: string | null;
  publishedOnInferred?: boolean | null;
  text?: string;
}

function dateText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/**
 * A node as queries return it: the node itself, or a map projection of its properties
 * (`n {.*, text: null}`, which leaves out an article's full text until a client asks for it).
 */
export type StoredEntity = Neo4jNode | Record<string, unknown>;

export function toEntityRecord(stored: StoredEntity): EntityRecord {
  const storedProperties = isNode(stored) ? stored.properties : stored;
  const { periodStart, periodEnd, periodLabel, publishedOn, nameKeys: _nameKeys, text, ...properties } = storedProperties;
  const start = dateText(periodStart);
  const end = dateText(periodEnd);
  return {
    ...(properties as Omit<EntityRecord, 'period' | 'publishedOn'>),
    aliases: (properties.aliases as string[] | undefined) ?? [],
    description: (properties.description as string | undefined) ?? null,
    period: start && end ? { start, end, label: String(periodLabel ?? `${start}..${end}`) } : null,
    publishedOn: dateText(publishedOn),
    ...(text == null ? {} : { text: String(text) }),
  };
}

/**
 * An entity's properties as the history records them (its Change's before and after): without
 * its name keys, derived from the names the Change records, and without an article's text, which
 * no write changes once stored and which would copy the article into its history (its
 * contentHash names the text).
 */
export function accountedProperties({ nameKeys: _nameKeys, text: _text, ...properties }: StoredProperties): StoredProperties {
  return properties;
}
