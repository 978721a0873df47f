import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "Where words sit in an article's stored text: offsets in UTF-16 code units (as JavaScript strings count), so text.slice(start, end) == exact, and a W3C Web Annotation TextQuoteSelector (exact, prefix, suffix) that survives small edits.",
})
export class TextAnchor {
  @Field(() => Int, { description: 'Offset of the first character, from 0.' })
  start: number;

  @Field(() => Int, { description: 'Offset just past the last character.' })
  end: number;

  @Field({ description: 'The words exactly as the stored text has them.' })
  exact: string;

  @Field({ description: 'Up to 32 characters before the words.' })
  prefix: string;

  @Field({ description: 'Up to 32 characters after the words.' })
  suffix: string;
}
