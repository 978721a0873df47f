import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../graphql/connection';

/**
 * A date, or a date-time with its offset: never a local time, which would mean another instant on
 * another server. Neo4j's datetime() reads every such text; IsISO8601 refuses days that do not exist.
 */
const DATE_OR_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** The arguments of `changes`: a time to start from, and a page. */
@ArgsType()
export class ChangesArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: "Only the changes of writes at or after this time: a date-time with its offset, e.g. '2025-03-02T09:00:00Z', or a date (its midnight, UTC); every change without it.",
  })
  @IsOptional()
  @Matches(DATE_OR_DATE_TIME, { message: "since must be a date or a date-time with its offset, e.g. '2025-03-02T09:00:00Z'" })
  @IsISO8601({ strict: true }, { message: 'since must name a day that exists' })
  since?: string | null;
}
