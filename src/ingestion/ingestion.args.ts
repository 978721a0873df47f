import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '../graphql/connection';
import { ProposalStatus } from './proposal.record';

/** The arguments of `proposals`: an article (or all), a status (PROPOSED unless asked), a page. */
@ArgsType()
export class ProposalsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the proposals of this article.' })
  articleId?: string | null;

  @Field(() => ProposalStatus, { nullable: true, defaultValue: ProposalStatus.PROPOSED, description: 'PROPOSED: what awaits review.' })
  status?: ProposalStatus | null;
}

/** The arguments of `Article.proposals`. */
@ArgsType()
export class ArticleProposalsArgs extends PageArgs {
  @Field(() => ProposalStatus, { nullable: true, defaultValue: ProposalStatus.PROPOSED, description: 'PROPOSED: what awaits review.' })
  status?: ProposalStatus | null;
}
