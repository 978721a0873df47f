import { MaxLength } from 'class-validator';
import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import { Entity } from '../entity';
import { INPUT_LIMITS, IsIntInRange } from '../graphql/input-rules';
import { EntityKind } from '../ontology';
import { MAX_PAGE_SIZE } from '../paging';

export const DEFAULT_SEARCH_HITS = 10;

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

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_SEARCH_HITS, description: `How many hits, 0 to ${MAX_PAGE_SIZE}.` })
  @IsIntInRange(0, MAX_PAGE_SIZE)
  first?: number | null;
}
