import { BadUserInputError } from '../errors';
import type { CypherTransaction, Neo4jExecutor } from '../neo4j/neo4j-executor';
import { ENTITY_KINDS, isCuratedEntityKind, type EntityKind } from '../ontology';
import { entityIdFor } from './entity-identity';
import type { EntityRecord } from './entity.record';
import type { EntityRepository } from './entity.repository';
import { References } from './references';

export interface EntityWrite {
  id?: string | null;
  kind: EntityKind;
  name: string;
  aliases?: string[] | null;
  description?: string | null;
}

/** The rules of writing entities: which kinds, which ids, one name for one entity. */
export class EntityService {
  constructor(
    private readonly executor: Neo4jExecutor,
    private readonly repository: EntityRepository,
  ) {}

  /** Creates or updates one entity in one transaction; the same input twice changes nothing. */
  async upsert(input: EntityWrite): Promise<EntityRecord> {
    return this.executor.writeTransaction((tx) => this.upsertIn(tx, input));
  }

  /** upsert, inside a caller's transaction (accepting a proposal writes its entity and mentions at once). */
  async upsertIn(tx: CypherTransaction, input: EntityWrite): Promise<EntityRecord> {
    if (!isCuratedEntityKind(input.kind)) {
      throw new BadUserInputError(`${input.kind} entities are not written with upsertEntity; statistics use recordStatistic`, {
        field: 'input.kind',
      });
    }
    const id = input.id ?? entityIdFor(input.kind, input.name);
    if (!id.startsWith(`${input.kind.toLowerCase()}:`)) {
      throw new BadUserInputError(`The id of a ${input.kind} starts with "${input.kind.toLowerCase()}:"`, { field: 'input.id' });
    }
    const entity = {
      id,
      kind: input.kind,
      name: input.name.trim(),
      aliases: input.aliases?.map((alias) => alias.trim()) ?? null,
      description: input.description ?? null,
    };
    const holder = await this.repository.nameHolder(tx, id, entity.name, entity.aliases ?? []);
    if (holder) {
      throw new BadUserInputError(`A name or alias of this entity already names "${holder}"`, {
        field: 'input.name',
        conflictingId: holder,
      });
    }
    const written = await this.repository.upsert(tx, entity);
    if (!written) {
      const existing = (await References.load(tx, [id])).require(id, 'input.id', ENTITY_KINDS);
      throw new BadUserInputError(`"${id}" exists as a ${existing.kind}, not a ${entity.kind}`, { field: 'input.kind' });
    }
    return written;
  }
}
