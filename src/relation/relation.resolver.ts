import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Article, findQuote, TextAnchor, type TextAnchorRecord } from '../article';
import { Entity } from '../entity';
import { RelationInput } from './relation.input';
import type { RelationContext } from './relation.context';
import { Evidence, Relation, type EvidenceRecord, type RelationRecord } from './relation.type';

@Resolver(() => Relation)
export class RelationResolver {
  @Authorized('editor')
  @Mutation(() => Relation, {
    description:
      'Links two different entities with a typed, sourced relation, or adds evidence to the existing one; one transaction, idempotent, recorded in the history. Needs an editor key.',
  })
  async linkEntities(@Arg('input', () => RelationInput, { description: 'The link and its evidence.' }) input: RelationInput, @Ctx() { relations }: RelationContext) {
    return relations.service.link(input);
  }

  @Authorized('editor')
  @Mutation(() => Boolean, {
    description:
      'Deletes a curated relation by id; false when there was none; recorded in the history. Derived links (REPORTED, STATES, MENTIONS …) cannot be deleted: BAD_USER_INPUT with reason DERIVED_RELATION. Needs an editor key.',
  })
  async unlinkEntities(
    @Arg('id', () => ID, { description: 'The relation id, e.g. "person:mike-kelly-[CO_CHAIRS]->organization:northern-border-security-caucus".' }) id: string,
    @Ctx() { relations }: RelationContext,
  ) {
    return relations.service.unlink(id);
  }

  @FieldResolver(() => Entity)
  from(@Root() relation: RelationRecord, @Ctx() { entities }: RelationContext) {
    return entities.resolve(relation.fromId);
  }

  @FieldResolver(() => Entity)
  to(@Root() relation: RelationRecord, @Ctx() { entities }: RelationContext) {
    return entities.resolve(relation.toId);
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Article)
  article(@Root() evidence: EvidenceRecord, @Ctx() { entities }: RelationContext) {
    return entities.resolve(evidence.articleId);
  }

  /**
   * Found in the article's text when asked for (one batched query for the texts of a request):
   * writes accept only quotes that occur once in their article, so the place is unambiguous.
   */
  @FieldResolver(() => TextAnchor)
  async anchor(@Root() evidence: EvidenceRecord, @Ctx() { articles }: RelationContext): Promise<TextAnchorRecord> {
    const [anchor] = findQuote((await articles.texts.load(evidence.articleId)) ?? '', evidence.quote);
    if (!anchor) throw new Error(`The quote of an evidence of ${evidence.articleId} is not in its text`);
    return anchor;
  }
}
