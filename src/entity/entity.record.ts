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

/** Stored properties a record holds in another shape (period, publishedOn), only when read (text), or never (nameKeys). */
const RESHAPED: ReadonlySet<string> = new Set(['periodStart', 'periodEnd', 'periodLabel', 'publishedOn', 'nameKeys', 'text']);

/** Built by copying in a loop, not with object rest and spread: it runs for every entity of every answer. */
export function toEntityRecord(stored: StoredEntity): EntityRecord {
  const properties: Record<string, unknown> = isNode(stored) ? stored.properties : stored;
  const record: Record<string, unknown> = {};
  for (const key in properties) if (!RESHAPED.has(key)) record[key] = properties[key];
  record.aliases ??= [];
  record.description ??= null;
  const start = dateText(properties.periodStart);
  const end = dateText(properties.periodEnd);
  record.period = start && end ? { start, end, label: String(properties.periodLabel ?? `${start}..${end}`) } : null;
  record.publishedOn = dateText(properties.publishedOn);
  if (properties.text != null) record.text = String(properties.text);
  return record as unknown as EntityRecord;
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
