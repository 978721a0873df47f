import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '../graphql/connection';
import { INPUT_LIMITS } from '../graphql/input-rules';

/**
 * The arguments of `quotations`: filters and a page. `first` is range-checked (0 to
 * MAX_PAGE_SIZE, IsIntInRange) and defaults to DEFAULT_PAGE_SIZE, as every page is (PageArgs).
 */
@ArgsType()
export class QuotationsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the words of this entity, e.g. "person:mike-kelly".' })
  speakerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the quotations of this article.' })
  articleId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Only quotations whose words contain these (full-text, whole words), at most ${INPUT_LIMITS.searchLength} characters; any text is safe (Lucene syntax is treated as plain characters).`,
  })
  @IsOptional()
  @MaxLength(INPUT_LIMITS.searchLength)
  words?: string | null;
}
