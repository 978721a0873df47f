import { requireQuote } from '../article';
import { References } from '../entity';
import { BadUserInputError } from '../errors';
import type { ChangeRecorder, RecordingTransaction } from '../history';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import { CURATED_RELATION_TYPES, type Provenance } from '../ontology';
import { parseRelationId } from './relation-id';
import { selfLoopRefusal, unlinkRefusal } from './relation-rules';
import { mergeRelations, type RelationRepository, type RelationWrite } from './relation.repository';
import type { RelationRecord } from './relation.type';

/**
 * The rules of writing relations: curated types only, ends of the type's kinds and not one entity
 * twice, verbatim evidence; every link made or removed recorded in the history.
 */
export class RelationService {
  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly repository: RelationRepository,
    private readonly recorder: ChangeRecorder,
  ) {}

  /**
   * Creates a link, or adds evidence to the existing link of that type between the two, in one
   * transaction. Derived types (REPORTED, STATES, ...) are written by recordStatistic and the seed only.
   */
  async link(input: RelationWrite): Promise<RelationRecord> {
    return this.executor.writeTransaction((tx) => this.linkIn(this.recorder.recording(tx, 'linkEntities'), input));
  }

  /** link, inside a caller's transaction, with where a new link comes from (EXTRACTED for an accepted proposal). */
  async linkIn(tx: RecordingTransaction, input: RelationWrite, provenance: Provenance | null = null): Promise<RelationRecord> {
    const definition = CURATED_RELATION_TYPES.find((candidate) => candidate.type === input.type);
    if (!definition) {
      throw new BadUserInputError(
        `Unknown relation type "${input.type}"; use one of ${CURATED_RELATION_TYPES.map((candidate) => candidate.type).join(', ')}`,
        { field: 'input.type' },
      );
    }
    const selfLoop = selfLoopRefusal(definition, input.fromId, input.toId);
    if (selfLoop) throw new BadUserInputError(selfLoop.message, { field: 'input.toId', reason: selfLoop.reason });
    const references = await References.load(tx, [input.fromId, input.toId, ...input.evidence.map((item) => item.articleId)]);
    references.require(input.fromId, 'input.fromId', definition.fromKinds);
    references.require(input.toId, 'input.toId', definition.toKinds);
    input.evidence.forEach((item, index) => requireQuote(references, item.articleId, item.quote, `input.evidence[${index}]`));
    const [relation] = await this.mergeIn(tx, [input], provenance);
    return relation!;
  }

  /**
   * Writes links whose types, ends and evidence the caller has checked (ingestion's publisher and
   * comparisons of accepted statistics), with a provenance for the new ones where given, and
   * records each link that changed.
   */
  async mergeIn(tx: RecordingTransaction, links: RelationWrite[], provenance: Provenance | null = null): Promise<RelationRecord[]> {
    const merged = await mergeRelations(tx, links);
    for (const { relation, before, after } of merged) {
      const { fromId, type, toId } = relation;
      const provenanced = provenance ? await this.repository.recordProvenance(tx, { fromId, type, toId }, provenance) : null;
      await tx.record({ what: relation.id, entityIds: [fromId, toId], before, after: provenanced ?? after });
    }
    return merged.map(({ relation }) => relation);
  }

  /** Deletes a curated link; false when there was none (deleting twice is harmless, and recorded once). */
  async unlink(id: string): Promise<boolean> {
    const ends = parseRelationId(id);
    if (!ends) throw new BadUserInputError(`"${id}" is not a relation id`, { field: 'id' });
    const refusal = unlinkRefusal(ends.type);
    if (refusal) throw new BadUserInputError(refusal.message, { field: 'id', reason: refusal.reason });
    return this.executor.writeTransaction(async (transaction) => {
      const tx = this.recorder.recording(transaction, 'unlinkEntities');
      const before = await this.repository.delete(tx, ends);
      await tx.record({ what: id, entityIds: [ends.fromId, ends.toId], before, after: null });
      return before !== null;
    });
  }
}
