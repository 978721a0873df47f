import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Provenance, provenanceOf, type EntityRecord } from '../entity';
import { Article } from './article.type';

@Resolver(() => Article)
export class ArticleProvenanceResolver {
  @FieldResolver(() => Provenance, {
    nullable: true,
    description: 'How publishedOn is known: the texts carry no date, so it is INFERRED from the content or EXTERNAL (an outside report); null where not recorded.',
  })
  publishedOnProvenance(@Root() article: EntityRecord) {
    return article.publishedOn ? provenanceOf(article, 'publishedOn') : null;
  }
}
