import { ENTITY_ID_PATTERN } from '../graphql/input-rules';

/**
 * A relation's id names its ends and type, e.g.
 * "person:mike-kelly-[CO_CHAIRS]->organization:northern-border-security-caucus":
 * readable, stable across reseeds, and resolvable without a scan of every relationship.
 */
export function relationId(fromId: string, type: string, toId: string): string {
  return `${fromId}-[${type}]->${toId}`;
}

/** UPPER_SNAKE_CASE; the vocabulary check comes after this shape check (see src/ontology). */
export const RELATION_TYPE_PATTERN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

const unanchored = (pattern: RegExp) => pattern.source.replace(/^\^/, '').replace(/\$$/, '');

/** Both ends are entity ids and the type has the shape of a relation type. */
const RELATION_ID = new RegExp(
  `^(${unanchored(ENTITY_ID_PATTERN)})-\\[(${unanchored(RELATION_TYPE_PATTERN)})\\]->(${unanchored(ENTITY_ID_PATTERN)})$`,
);

/** The ends and type of a relation id; undefined for anything else, however close. */
export function parseRelationId(id: string): { fromId: string; type: string; toId: string } | undefined {
  const match = RELATION_ID.exec(id);
  return match ? { fromId: match[1]!, type: match[2]!, toId: match[3]! } : undefined;
}

/**
 * Evidence is stored on the relationship as "<articleId>|<quote>" strings: Neo4j properties
 * cannot hold maps, and one list keeps each pair together and makes the union a set operation.
 */
export function encodeEvidence(articleId: string, quote: string): string {
  return `${articleId}|${quote}`;
}

export function decodeEvidence(encoded: string): { articleId: string; quote: string } {
  const separator = encoded.indexOf('|');
  return { articleId: encoded.slice(0, separator), quote: encoded.slice(separator + 1) };
}
