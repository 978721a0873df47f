import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { ArticleContext } from '../article';
import { entityProjection, readsRelationEvidence, type EntityScope, type EntitySelectionPrefetch } from '../entity';
import { keyedPageLoader } from '../graphql/keyed-page-loader';
import { selectedSubfieldArgs } from '../graphql/lookahead';
import { selects } from '../graphql/selection';
import type { ChangeRecorder } from '../history';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import type { Provenance } from '../ontology';
import type { Page } from '../paging';
import { RelationsArgs, relationPageArgs, type RelationPageArgs } from './relation.args';
import { RelationRepository, type RelationsRead, type RelationWithOtherEnd } from './relation.repository';
import { RelationService } from './relation.service';

/**
 * The relations page an `entity` selection asks for, if any, read ahead so that the entity and
 * that page come from one query. Arguments the field would refuse are left to it to report.
 */
function relationsSelected(info: GraphQLResolveInfo): RelationPageArgs | undefined {
  const selected = selectedSubfieldArgs(info, 'relations');
  const args = selected && RelationsArgs.checked(selected);
  if (!args) return undefined;
  try {
    return relationPageArgs(args);
  } catch {
    // A cursor that does not decode: the field reports it.
    return undefined;
  }
}

/** A page of relations as an operation reads it: which page, and what of the entities and relations it needs. */
interface RelationPageRead extends RelationsRead {
  args: RelationPageArgs;
}

function pageRead(args: RelationPageArgs, info: GraphQLResolveInfo, evidenceNeeded = false): RelationPageRead {
  return {
    args,
    entityProperties: entityProjection(info),
    withEvidence: evidenceNeeded || readsRelationEvidence(info),
    withTotalCount: selects(info, 'RelationConnection', 'totalCount'),
  };
}

/** Relations for one request: the repository, the service, and the batched relations of entities. */
export class RelationScope {
  readonly repository: RelationRepository;
  readonly service: RelationService;

  /**
   * Pages of relations of the entities asked for in one tick, one query per distinct filter and
   * page. The query returns the entities themselves too, which the entity scope keeps.
   */
  private readonly ofEntities = keyedPageLoader<RelationPageRead, RelationWithOtherEnd>(async (ids, read) => {
    const { pages, entities } = await this.repository.ofEntities(ids, read.args.query, read.args.page, read);
    this.entities.remember(entities.values());
    this.entities.rememberAbsent(ids.filter((id) => !entities.has(id)));
    return pages;
  });

  /** Provenance is asked of few relations and stored apart from what relation queries read: batched on its own. */
  private readonly provenance = new DataLoader<string, Provenance | null>(async (ids) => {
    const found = await this.repository.provenanceOf(ids);
    return ids.map((id) => found.get(id) ?? null);
  });

  constructor(
    executor: Neo4jExecutor,
    private readonly entities: EntityScope,
    recorder: ChangeRecorder,
  ) {
    this.repository = new RelationRepository(executor);
    this.service = new RelationService(executor, this.repository, recorder);
  }

  /**
   * A page of an entity's relations, each with its other end (kept by the entity scope), with
   * what the resolver's operation reads of them; with their evidence also when the caller reads it.
   */
  async withOtherEnds(id: string, args: RelationPageArgs, info: GraphQLResolveInfo, evidenceNeeded = false): Promise<Page<RelationWithOtherEnd>> {
    const page = await this.ofEntities.load({ id, args: pageRead(args, info, evidenceNeeded) });
    this.entities.remember(page.items.map((item) => item.node.other));
    return page;
  }

  provenanceOf(relationId: string): Promise<Provenance | null> {
    return this.provenance.load(relationId);
  }

  /** For EntityScope.addSelectionPrefetch: `entity(id) { relations }` in one query. */
  readonly prefetchSelectedRelations: EntitySelectionPrefetch = async (id, info) => {
    const args = relationsSelected(info);
    if (args) await this.ofEntities.load({ id, args: pageRead(args, info) });
  };
}

export interface RelationContext extends ArticleContext {
  relations: RelationScope;
}
