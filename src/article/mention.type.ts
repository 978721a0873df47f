import { Field, ObjectType } from 'type-graphql';
import { connectionTypes } from '../graphql/connection';
import { Article } from './article.type';

export interface MentionRecord {
  articleId: string;
  sentence: string;
  position: number;
}

@ObjectType({ description: 'A sentence of an article that names an entity.' })
export class Mention {
  @Field(() => Article, { description: 'The article the sentence belongs to.' })
  article: Article;

  @Field({ description: 'The sentence, verbatim.' })
  sentence: string;
}

export const { Edge: MentionEdge, Connection: MentionConnection } = connectionTypes('Mention', () => Mention);
