import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../graphql/connection';

@ObjectType({
  description:
    'One thing a write changed, as the history records it in the write\'s own transaction: who wrote, when, through which mutation, what, and the properties it changed (docs/api.md#history).',
})
export class Change {
  @Field(() => ID, { description: 'Opaque and unique: "change:" and a random UUID.' })
  id: string;

  @Field({ description: "When the write's transaction began, ISO 8601 in UTC, e.g. '2025-03-02T14:05:09.123Z'; the same for every change of one write." })
  at: string;

  @Field({
    description: 'Who wrote: the editor key\'s fingerprint ("key:" and the first 12 hex digits of its SHA-256), never the key; "ingest-cli" for `npm run ingest`.',
  })
  by: string;

  @Field({ description: 'The mutation that wrote: upsertEntity, linkEntities, unlinkEntities, recordStatistic, ingestArticle or reviewProposals.' })
  operation: string;

  @Field(() => ID, { description: 'The id of what changed: an entity (a statistic, an article), a relation, a quotation, or a mention ("<article>-[MENTIONS]-><entity>").' })
  what: string;

  @Field(() => [ID], { description: 'The entities the change touched: the entity itself, the ends of a relation, the places, reporter and source of a statistic.' })
  entityIds: string[];

  @Field(() => String, {
    nullable: true,
    description: 'The properties that changed, as they were: a JSON object (a property that did not exist is null); null when the write created the thing.',
  })
  before: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The properties that changed, as the write left them: a JSON object (a property it removed is null); null when the write deleted the thing.',
  })
  after: string | null;
}

export const { Edge: ChangeEdge, Connection: ChangeConnection } = connectionTypes('Change', () => Change);
