import { Field, ObjectType } from 'type-graphql';
import { Article, TextAnchor } from '../article';
import { Entity, Node, Provenance } from '../entity';
import { connectionTypes } from '../graphql/connection';

@ObjectType({ implements: Node, description: 'Words a speaker said or is reported to have said.' })
export class Quotation extends Node {
  @Field({ description: 'The quoted words, verbatim from the article (its own characters: anchor.exact).' })
  text: string;

  @Field(() => Entity, {
    nullable: true,
    description: 'Who said them: an entity, a group where the article names no one in person ("sources", "US officials"); null only where the article names no one at all.',
  })
  speaker: Entity | null;

  @Field({ description: 'True for words inside quotation marks, false for reported speech.' })
  direct: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "How the article attributes the words: 'said', 'told The Post', 'claiming', 'explained'; null where they follow, with no verb, a sentence that names the speaker.",
  })
  attribution: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The words the article names the speaker with, e.g. 'sources', 'US officials', 'Kelly'.",
  })
  attributedTo: string | null;

  @Field(() => Article, { description: 'The article that carries the words.' })
  article: Article;

  @Field(() => TextAnchor, { description: "Where the words sit in the article's text: text.slice(start, end) is exactly them." })
  anchor: TextAnchor;

  @Field(() => Provenance, {
    nullable: true,
    description: 'EXTRACTED (with its review) for words an editor accepted from an ingested article; null for the curated quotations.',
  })
  provenance: Provenance | null;
}

export const { Edge: QuotationEdge, Connection: QuotationConnection } = connectionTypes('Quotation', () => Quotation);
