import { requireQuote } from '../article';
import { References } from '../entity';
import { BadUserInputError } from '../errors';
import type { CypherTransaction, Neo4jExecutor } from '../neo4j/neo4j-executor';
import { CURATED_RELATION_TYPES, DERIVED_RELATION_TYPES } from '../ontology';
import { parseRelationId } from './relation-id';
import { mergeRelations, type RelationRepository, type RelationWrite } from './relation.repository';
import type { RelationRecord } from './relation.type';

/** The rules of writing relations: curated types only, ends of the type's kinds, verbatim evidence. */
export class RelationService {
  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly repository: RelationRepository,
  ) {}

  /**
   * Creates a link, or adds evidence to the existing link of that type between the two, in one
   * transaction. Derived types (REPORTED, STATES, ...) are written by recordStatistic and the seed only.
   */
  async link(input: RelationWrite): Promise<RelationRecord> {
    return this.executor.writeTransaction((tx) => this.linkIn(tx, input));
  }

  /** link, inside a caller's transaction. */
  async linkIn(tx: CypherTransaction, input: RelationWrite): Promise<RelationRecord> {
    const definition = CURATED_RELATION_TYPES.find((candidate) => candidate.type === input.type);
    if (!definition) {
      throw new BadUserInputError(
        `Unknown relation type "${input.type}"; use one of ${CURATED_RELATION_TYPES.map((candidate) => candidate.type).join(', ')}`,
        { field: 'input.type' },
      );
    }
    const references = await References.load(tx, [input.fromId, input.toId, ...input.evidence.map((item) => item.articleId)]);
    references.require(input.fromId, 'input.fromId', definition.fromKinds);
    references.require(input.toId, 'input.toId', definition.toKinds);
    input.evidence.forEach((item, index) => requireQuote(references, item.articleId, item.quote, `input.evidence[${index}]`));
    const [relation] = await mergeRelations(tx, [input]);
    return relation!;
  }

  /** Deletes a curated link; false when there was none (deleting twice is harmless). */
  async unlink(id: string): Promise<boolean> {
    const ends = parseRelationId(id);
    if (!ends) throw new BadUserInputError(`"${id}" is not a relation id`, { field: 'id' });
    if (DERIVED_RELATION_TYPES.has(ends.type)) {
      throw new BadUserInputError(`${ends.type} links are derived from statistics and articles and cannot be unlinked`, {
        field: 'id',
      });
    }
    return this.executor.writeTransaction((tx) => this.repository.delete(tx, ends));
  }
}
