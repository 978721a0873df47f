import { MaxLength } from 'class-validator';
import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import { EntityKind } from '../entity/entity-kind';
import { Entity } from '../entity/entity.type';
import { INPUT_LIMITS } from '../graphql/input-rules';

@ObjectType({ description: 'An entity that matches a search, with its relevance.' })
export class SearchHit {
  @Field(() => Entity, { description: 'The entity that matches.' })
  entity: Entity;

  @Field(() => Float, {
    description: 'Lucene relevance. Hits whose name or alias equals the query come first whatever their score.',
  })
  score: number;
}

@ArgsType()
export class SearchArgs {
  @Field({
    description: `Words to look for, at most ${INPUT_LIMITS.searchLength} characters; any text is safe (Lucene syntax is treated as plain characters).`,
  })
  @MaxLength(INPUT_LIMITS.searchLength)
  query: string;

  @Field(() => [EntityKind], { nullable: true, description: 'Only entities of these kinds.' })
  kinds?: EntityKind[] | null;

  @Field(() => Int, { nullable: true, defaultValue: 10, description: 'How many hits, 0 to 100.' })
  first?: number | null;
}
