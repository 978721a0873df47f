import { ArrayMaxSize, ArrayMinSize, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { QUOTE_MINIMUM } from '../article';
import { INPUT_LIMITS, IsEntityId, IsText } from '../graphql/input-rules';
import { RELATION_TYPE_PATTERN } from './relation-id';

@InputType({ description: 'An article and a verbatim sentence of it that states a fact.' })
export class EvidenceInput {
  @Field(() => ID, { description: 'The article that states the fact.' })
  @IsEntityId()
  articleId: string;

  @Field({
    description: `A verbatim sentence (or part of one) of the article, found there once: at least a clause, ${QUOTE_MINIMUM.words} words and ${QUOTE_MINIMUM.characters} characters (words at Unicode's word boundaries; "a" is refused as QUOTE_TOO_SHORT), at most ${INPUT_LIMITS.quoteLength} characters.`,
  })
  @IsText(INPUT_LIMITS.quoteLength)
  @Matches(/\S/, { message: 'quote must not be blank' })
  quote: string;
}

@InputType({ description: 'A typed, sourced link to create (linkEntities); evidence is added to an existing link.' })
export class RelationInput {
  @Field({ description: 'A relation type of the ontology (docs/ontology.md), e.g. CO_CHAIRS.' })
  @Matches(RELATION_TYPE_PATTERN, { message: 'type must be UPPER_SNAKE_CASE, e.g. CO_CHAIRS' })
  type: string;

  @Field(() => ID, { description: 'The entity the relation starts at; its kind must fit the type.' })
  @IsEntityId()
  fromId: string;

  @Field(() => ID, { description: 'The entity the relation points to; its kind must fit the type.' })
  @IsEntityId()
  toId: string;

  @Field(() => [EvidenceInput], { description: `1 to ${INPUT_LIMITS.evidenceCount} pieces of evidence.` })
  @ArrayMinSize(1, { message: 'evidence must hold at least one article and quote' })
  @ArrayMaxSize(INPUT_LIMITS.evidenceCount)
  @ValidateNested()
  evidence: EvidenceInput[];
}
