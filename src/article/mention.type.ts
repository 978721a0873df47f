import { Field, ObjectType } from 'type-graphql';
import { Entity } from '../entity';
import { connectionTypes } from '../graphql/connection';
import type { TextAnchorRecord } from './anchors';
import { TextAnchor } from './anchor.type';
import { Article } from './article.type';

export interface MentionRecord {
  entityId: string;
  articleId: string;
  sentence: string;
  position: number;
  anchor: TextAnchorRecord;
}

@ObjectType({ description: 'A sentence of an article that names an entity.' })
export class Mention {
  @Field(() => Entity, { description: 'The entity mentioned.' })
  entity: Entity;

  @Field(() => Article, { description: 'The article the sentence belongs to.' })
  article: Article;

  @Field({ description: 'The sentence, verbatim.' })
  sentence: string;

  @Field(() => TextAnchor, {
    description: "Where the entity's name or alias sits in the article's text (for a statistic: the words that state it).",
  })
  anchor: TextAnchor;
}

export const { Edge: MentionEdge, Connection: MentionConnection } = connectionTypes('Mention', () => Mention);
