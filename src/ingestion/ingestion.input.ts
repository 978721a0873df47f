import { ArrayMaxSize, IsIn, IsNumber, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, registerEnumType } from 'type-graphql';
import { INPUT_LIMITS, IsEntityId, IsName } from '../graphql/input-rules';
import { DateScalar } from '../graphql/scalars';
import { ENTITY_KINDS, EntityKind, ValueQualifier } from '../ontology';
import { PeriodInput } from '../statistic';
import { ArticleFormat, MAX_HTML_CHARACTERS } from './article-input';

registerEnumType(ArticleFormat, {
  name: 'ArticleFormat',
  description: 'How an article is handed in: plain text, Markdown, or a saved HTML page (its main text is extracted; scripts and markup never reach the graph).',
});

@InputType({ description: 'An article to ingest, with what is known about it.' })
export class ArticleInput {
  // The size limits depend on the format and are checked with it (readArticleInput), with a reason code.
  @Field({ description: `The article: up to 200,000 characters of text or Markdown, or ${MAX_HTML_CHARACTERS.toLocaleString('en-US')} of HTML.` })
  text: string;

  @Field(() => ArticleFormat, { nullable: true, defaultValue: ArticleFormat.TEXT, description: 'TEXT unless told.' })
  format?: ArticleFormat | null;

  @Field(() => String, { nullable: true, description: "The headline; without one, the page's title or the text's first line." })
  @IsOptional()
  @IsName()
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it was published (http or https); the same URL with another text is a new revision.' })
  @IsOptional()
  @MaxLength(2000)
  url?: string | null;

  @Field(() => String, { nullable: true, description: "A publisher's name; linked to an existing organization where one matches." })
  @IsOptional()
  @IsName()
  publisher?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Needed to resolve 'in January' or 'last fiscal year'; without it such periods stay unresolved." })
  @IsOptional()
  publishedOn?: Date | null;
}

@InputType({ description: 'Corrections an editor makes before accepting a proposal (edit-then-accept). Each field applies to one kind of proposal; a field of another kind is refused.' })
export class ProposalEdit {
  @Field(() => String, { nullable: true, description: 'A candidate entity: its name.' })
  @IsOptional()
  @IsName()
  name?: string | null;

  @Field(() => EntityKind, { nullable: true, description: 'A candidate entity: its kind.' })
  @IsOptional()
  @IsIn(ENTITY_KINDS.filter((kind) => kind !== EntityKind.STATISTIC && kind !== EntityKind.ARTICLE))
  kind?: EntityKind | null;

  @Field(() => [String], { nullable: true, description: 'A candidate entity: its other names.' })
  @IsOptional()
  @ArrayMaxSize(INPUT_LIMITS.aliasCount)
  @IsName({ each: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A statistic: its measure, one of the ontology.' })
  @IsOptional()
  @IsName()
  measure?: string | null;

  @Field(() => Float, { nullable: true, description: 'A statistic: its value.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number | null;

  @Field(() => String, { nullable: true, description: "A statistic: its unit, the measure's." })
  @IsOptional()
  @IsName()
  unit?: string | null;

  @Field(() => ValueQualifier, { nullable: true, description: 'A statistic: how the value relates to the true one.' })
  @IsOptional()
  qualifier?: ValueQualifier | null;

  @Field(() => PeriodInput, { nullable: true, description: 'A statistic: when it applies.' })
  @IsOptional()
  @ValidateNested()
  period?: PeriodInput | null;

  @Field(() => ID, { nullable: true, description: 'A statistic: where a flow starts.' })
  @IsOptional()
  @IsEntityId()
  originId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A statistic: where a flow ends.' })
  @IsOptional()
  @IsEntityId()
  destinationId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'A statistic: the places it is about.' })
  @IsOptional()
  @ArrayMaxSize(INPUT_LIMITS.aliasCount)
  @IsEntityId({ each: true })
  placeIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'A statistic: the organization that reported it.' })
  @IsOptional()
  @IsEntityId()
  reportedById?: string | null;

  @Field(() => ID, { nullable: true, description: 'A statistic: who counted or caught what is counted.' })
  @IsOptional()
  @IsEntityId()
  collectedById?: string | null;

  @Field(() => ID, { nullable: true, description: 'A quotation: who said it.' })
  @IsOptional()
  @IsEntityId()
  speakerId?: string | null;

  @Field(() => String, { nullable: true, description: 'A relation: its type, one of the ontology.' })
  @IsOptional()
  @IsName()
  type?: string | null;

  @Field(() => ID, { nullable: true, description: 'A relation: the entity it starts at.' })
  @IsOptional()
  @IsEntityId()
  fromId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A relation: the entity it points to.' })
  @IsOptional()
  @IsEntityId()
  toId?: string | null;
}

@InputType({ description: 'An editor\'s decision on one proposal.' })
export class ProposalDecision {
  @Field(() => ID, { description: 'The proposal decided.' })
  @MaxLength(INPUT_LIMITS.idLength)
  id: string;

  @Field({ description: 'True accepts (the proposal becomes an ordinary fact of the graph), false rejects.' })
  accept: boolean;

  @Field(() => ProposalEdit, { nullable: true, description: 'Corrections to make before accepting.' })
  @IsOptional()
  @ValidateNested()
  edit?: ProposalEdit | null;

  @Field(() => ID, {
    nullable: true,
    description: 'For a candidate entity that is an entity the graph has: merge it there (its names become aliases, its sentences mentions) instead of creating it.',
  })
  @IsOptional()
  @IsEntityId()
  mergeIntoId?: string | null;
}
