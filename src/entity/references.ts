import { BadUserInputError, NotFoundError } from '../errors';
import { readCypher } from '../neo4j/cypher-files';
import type { CypherTransaction } from '../neo4j/neo4j-executor';
import type { EntityKind } from '../ontology';

export interface ReferencedEntity {
  id: string;
  kind: EntityKind;
  name: string;
  /** Set for articles: what evidence must quote. */
  text: string | null;
}

/**
 * The entities a write refers to, read inside the write's own transaction, so that what was
 * checked is what gets linked.
 */
export class References {
  private constructor(private readonly found: Map<string, ReferencedEntity>) {}

  static async load(tx: CypherTransaction, ids: Iterable<string>): Promise<References> {
    const records = await tx.run(readCypher('queries/entity/describe.cypher'), { ids: [...new Set(ids)] });
    const found = new Map<string, ReferencedEntity>();
    for (const record of records) {
      if (record.get('kind') === null) continue;
      found.set(record.get('id'), {
        id: record.get('id'),
        kind: record.get('kind'),
        name: record.get('name'),
        text: record.get('text'),
      });
    }
    return new References(found);
  }

  /** The entity if it exists, of whatever kind. */
  find(id: string): ReferencedEntity | undefined {
    return this.found.get(id);
  }

  /** The entity, which must exist (NOT_FOUND) and be of one of the kinds (BAD_USER_INPUT). */
  require(id: string, field: string, kinds: readonly EntityKind[]): ReferencedEntity {
    const entity = this.found.get(id);
    if (!entity) throw new NotFoundError('Entity', id);
    if (!kinds.includes(entity.kind)) {
      throw new BadUserInputError(`${field} "${id}" is a ${entity.kind}; expected ${kinds.join(' or ')}`, {
        field,
      });
    }
    return entity;
  }
}
