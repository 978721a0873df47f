import type { Logger } from '../config/logger';
import { BadUserInputError } from '../errors';
import type { ChangeRecorder, RecordingTransaction, StoredProperties } from '../history';
import type { CypherTransaction, Neo4jExecutor } from '../neo4j/neo4j-executor';
import { ENTITY_KINDS, isCuratedEntityKind, type EntityKind, type Provenance } from '../ontology';
import { entityIdFor, lookupKeyOf, nameClaimsOf, normaliseName, skeletonKeysOf } from './entity-identity';
import type { EntityRecord } from './entity.record';
import { claimNames, EntityRepository, releaseNames, type NameConflict } from './entity.repository';
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
    private readonly recorder: ChangeRecorder,
  ) {}

  /** Creates or updates one entity in one transaction; the same input twice changes nothing (and records nothing). */
  async upsert(input: EntityWrite): Promise<EntityRecord> {
    return this.executor.writeTransaction((tx) => this.upsertIn(this.recorder.recording(tx, 'upsertEntity'), input));
  }

  /**
   * upsert, inside a caller's transaction (accepting a proposal writes its entity and mentions at
   * once), with where a new entity comes from (`origin`: EXTRACTED for an accepted candidate).
   * Its names are claimed first, in the same transaction: a name another entity holds, or looks
   * like, is refused by the database's own constraint, however many writers race for it. The
   * entity's Change records it as written, origin included.
   */
  async upsertIn(tx: RecordingTransaction, input: EntityWrite, origin: Provenance | null = null): Promise<EntityRecord> {
    if (!isCuratedEntityKind(input.kind)) {
      throw new BadUserInputError(`${input.kind} entities are not written with upsertEntity; statistics use recordStatistic`, {
        field: 'input.kind',
      });
    }
    const name = normaliseName(input.name);
    const id = input.id ?? entityIdFor(input.kind, name);
    if (!id.startsWith(`${input.kind.toLowerCase()}:`)) {
      throw new BadUserInputError(`The id of a ${input.kind} starts with "${input.kind.toLowerCase()}:"`, { field: 'input.id' });
    }
    const entity = {
      id,
      kind: input.kind,
      name,
      aliases: input.aliases?.map(normaliseName) ?? null,
      description: input.description ?? null,
    };
    await this.claimNamesIn(tx, id, [name, ...(entity.aliases ?? [])], 'input.name');
    const upserted = await this.repository.upsert(tx, entity, input.id == null);
    if (!upserted) {
      const existing = (await References.load(tx, [id])).require(id, 'input.id', ENTITY_KINDS);
      if (existing.kind !== entity.kind) {
        throw new BadUserInputError(`"${id}" exists as a ${existing.kind}, not a ${entity.kind}`, { field: 'input.kind' });
      }
      throw derivedIdRefusal(existing, name, { name: 'input.name', id: 'input.id' }, 'give this entity an id of its own in input.id');
    }
    const written = upserted.entity;
    // A renamed entity, or one whose aliases were replaced, frees the names it no longer has.
    const keys = nameClaimsOf([{ id, names: [written.name, ...written.aliases] }]).map((claim) => claim.key);
    await releaseNames(tx, [{ id, keys }]);
    const after = origin ? await this.repository.recordOrigin(tx, id, origin) : upserted.after;
    await tx.record({ what: id, entityIds: [id], before: upserted.before, after });
    return written;
  }

  /**
   * An entity's id derived from a name, found taken: by the entity of that name (a candidate
   * accepted from two articles), or by another entity, and then refused as upsert refuses it.
   */
  async requireNamedIn(tx: CypherTransaction, holder: { id: string; name: string }, name: string, field: string): Promise<void> {
    const named = await this.repository.findByNameIn(tx, name);
    if (named?.id !== holder.id) throw derivedIdRefusal(holder, name, { name: field, id: field }, 'merge it into an entity (mergeIntoId) or edit its name');
  }

  /**
   * Adds names to an entity as aliases (a candidate merged into it), each claimed as upsert claims
   * names; one Change records them all.
   */
  async addAliasesIn(tx: RecordingTransaction, id: string, names: readonly string[], provenance: Provenance, field: string): Promise<void> {
    await this.claimNamesIn(tx, id, names, field);
    let before: StoredProperties | null = null;
    let after: StoredProperties | null = null;
    for (const name of names) {
      const added = await this.repository.addAlias(tx, id, normaliseName(name), provenance);
      if (added) {
        before ??= added.before;
        after = added.after;
      }
    }
    await tx.record({ what: id, entityIds: [id], before, after });
  }

  private async claimNamesIn(tx: CypherTransaction, id: string, names: readonly string[], field: string): Promise<void> {
    const [conflict] = await claimNames(tx, nameClaimsOf([{ id, names }]));
    if (conflict) throw nameConflictError(conflict, field);
    // Articles and statistics hold no keys (their names may repeat among themselves).
    const unkeyedHolder = await this.repository.unkeyedNameHolder(tx, names);
    if (unkeyedHolder) {
      throw new BadUserInputError(`A name or alias of this entity already names "${unkeyedHolder}"`, {
        field,
        reason: 'NAME_TAKEN',
        conflictingId: unkeyedHolder,
      });
    }
  }
}

function nameConflictError(conflict: NameConflict, field: string): BadUserInputError {
  return new BadUserInputError(describeNameConflict(conflict), {
    field,
    reason: isLookalike(conflict) ? 'NAME_LOOKALIKE' : 'NAME_TAKEN',
    name: conflict.name,
    conflictingId: conflict.holderId,
    conflictingName: conflict.heldAs,
  });
}

function isLookalike(conflict: NameConflict): boolean {
  return lookupKeyOf(conflict.name) !== lookupKeyOf(conflict.heldAs);
}

/** Why a name cannot be had: the entity holding it, and for a look-alike, the name it looks like. */
export function describeNameConflict(conflict: NameConflict): string {
  const holder = `${conflict.holderId} (${conflict.holderName})`;
  return isLookalike(conflict)
    ? `"${conflict.name}" looks like "${conflict.heldAs}", a name of ${holder}: a look-alike name would pass for that entity`
    : `"${conflict.name}" already names ${holder}`;
}

/**
 * Why a name cannot have the id it derives, held by an entity that does not answer to it: the
 * name is a look-alike of that entity's (NAME_LOOKALIKE), or another name with the same slug
 * ("C Probe" after "C++ Probe": ID_TAKEN).
 */
function derivedIdRefusal(holder: { id: string; name: string }, name: string, fields: { name: string; id: string }, remedy: string): BadUserInputError {
  if (skeletonKeysOf(holder.name).some((key) => skeletonKeysOf(name).includes(key))) {
    return nameConflictError({ entityId: holder.id, name, holderId: holder.id, holderName: holder.name, heldAs: holder.name }, fields.name);
  }
  return new BadUserInputError(
    `"${holder.id}", the id derived from "${name}", belongs to "${holder.name}", and a derived id never renames another entity: ${remedy}`,
    { field: fields.id, reason: 'ID_TAKEN', conflictingId: holder.id, conflictingName: holder.name },
  );
}

/** Entities whose name keys one transaction of the startup claim covers. */
const STARTUP_CLAIM_BATCH = 500;

/**
 * Claims the name keys of the entities that hold none: written before migration 007, or by hand.
 * Two of them answering to one name (or look-alikes) cannot both hold it: the later one is
 * logged, for an editor to rename or merge, and its other names still get their keys.
 */
export async function claimMissingNameKeys(executor: Neo4jExecutor, log: Logger): Promise<void> {
  const repository = new EntityRepository(executor);
  const entities = await repository.withoutNameKeys(ENTITY_KINDS.filter(isCuratedEntityKind));
  for (let start = 0; start < entities.length; start += STARTUP_CLAIM_BATCH) {
    const batch = entities.slice(start, start + STARTUP_CLAIM_BATCH).map(({ id, name, aliases }) => ({ id, names: [name, ...aliases] }));
    const conflicts = await executor.writeTransaction((tx) => claimNames(tx, nameClaimsOf(batch)));
    for (const conflict of conflicts) {
      log.warn({ entityId: conflict.entityId, holderId: conflict.holderId }, `${conflict.entityId} keeps a name without its key: ${describeNameConflict(conflict)}`);
    }
  }
  if (entities.length > 0) log.info({ entities: entities.length }, 'Name keys claimed for entities written without them');
}
