import { Field, ObjectType } from 'type-graphql';
import { connectionTypes } from '../graphql/connection';
import { DateScalar } from '../graphql/scalars';
import { Entity, Node } from '../entity';

@ObjectType({ implements: [Node, Entity], description: 'A source text of the corpus.' })
export class Article extends Entity {
  @Field({ description: 'Headline. The corpus texts carry none: ours are derived from the content (see description).' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Where the article was published, when known.' })
  url: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Publication date; see publishedOnInferred.' })
  publishedOn: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True when publishedOn was inferred from the content (the month the text implies), not printed.',
  })
  publishedOnInferred: boolean | null;

  text?: string;
}

export const { Edge: ArticleEdge, Connection: ArticleConnection } = connectionTypes('Article', () => Article);
