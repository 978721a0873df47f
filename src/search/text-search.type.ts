import { IsOptional } from 'class-validator';
import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Article, TextAnchor } from '../article';
import { IsEntityId } from '../graphql/input-rules';
import { WordSearchArgs } from './search.type';

/**
 * The hits of `sentences` and `quotationSearch`. Their quotation fields (SentenceHit.quotations,
 * QuotationHit.quotation) are added by the resolvers of quotationFieldsOfHits: the quotation
 * domain depends on this one, so this one cannot name its type.
 */

@ObjectType({ description: "A span of a hit's text: text.slice(start, end) is a matched word (UTF-16 offsets, as JavaScript counts)." })
export class TextSpan {
  @Field(() => Int, { description: 'Offset of the first character of the word, from 0.' })
  start: number;

  @Field(() => Int, { description: 'Offset just past the last character of the word.' })
  end: number;
}

@ObjectType({ description: 'A sentence of an article that matches a text search.' })
export class SentenceHit {
  @Field(() => Article, { description: 'The article the sentence belongs to.' })
  article: Article;

  @Field({ description: "The sentence, exactly as in the article's text." })
  text: string;

  @Field(() => TextAnchor, { description: "Where the sentence sits in the article's text (start, end, exact, prefix, suffix)." })
  anchor: TextAnchor;

  @Field(() => [TextSpan], { description: 'The matched words, as offsets into text.' })
  highlights: TextSpan[];

  @Field(() => Float, {
    description: "Relevance: the article's Lucene score times the share of the query's words the sentence holds.",
  })
  score: number;
}

@ObjectType({ description: 'A quotation that matches a text search.' })
export class QuotationHit {
  @Field(() => [TextSpan], { description: 'Matched words, as offsets into quotation.text.' })
  highlights: TextSpan[];

  @Field(() => Float, { description: "Lucene relevance of the quotation's words." })
  score: number;
}

@ArgsType()
export class SentencesArgs extends WordSearchArgs {
  @Field(() => ID, { nullable: true, description: 'Only the sentences of this article, e.g. "article:crossings-from-canada-drop-as-agents-shift-south".' })
  @IsOptional()
  @IsEntityId()
  articleId?: string | null;
}

@ArgsType()
export class QuotationSearchArgs extends WordSearchArgs {}
