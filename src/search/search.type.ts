import { MaxLength } from 'class-validator';
import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Entity } from '../entity';
import { INPUT_LIMITS, IsIntInRange } from '../graphql/input-rules';
import { EntityKind } from '../ontology';
import { MAX_PAGE_SIZE } from '../paging';
import { SearchMode } from './lucene';

registerEnumType(SearchMode, {
  name: 'SearchMode',
  description: "How a search matches: WORDS (whole words, today's behaviour), PREFIX (search as you type: 'moun' finds 'Mounties'), FUZZY (tolerates typos: 'Kely' finds 'Kelly').",
});

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

/** What every text search reads: the words, how they match, and how many hits. */
@ArgsType()
export class WordSearchArgs {
  @Field({
    description: `Words to look for, at most ${INPUT_LIMITS.searchLength} characters; any text is safe (Lucene syntax is treated as plain characters).`,
  })
  @MaxLength(INPUT_LIMITS.searchLength)
  query: string;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_SEARCH_HITS, description: `How many hits, 0 to ${MAX_PAGE_SIZE}.` })
  @IsIntInRange(0, MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => SearchMode, { nullable: true, defaultValue: SearchMode.WORDS, description: 'WORDS (whole words), PREFIX (every word a prefix) or FUZZY (words of four letters or more may be two edits off).' })
  mode?: SearchMode | null;
}

@ArgsType()
export class SearchArgs extends WordSearchArgs {
  @Field(() => [EntityKind], { nullable: true, description: 'Only entities of these kinds.' })
  kinds?: EntityKind[] | null;
}
