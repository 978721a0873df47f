import { ArrayMaxSize, IsOptional, ValidateIf } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { INPUT_LIMITS, IsEntityId, IsName, IsText } from '../graphql/input-rules';
import { EntityKind } from '../ontology';

@InputType({ description: 'An entity to create, or to update when its id exists (upsertEntity).' })
export class EntityInput {
  @Field(() => ID, { nullable: true, description: 'Omit to derive it from kind and name.' })
  @IsOptional()
  @IsEntityId()
  id?: string | null;

  @Field(() => EntityKind, { description: 'PERSON, ORGANIZATION, PLACE, POLICY or EVENT; statistics go through recordStatistic.' })
  kind: EntityKind;

  @Field({ description: `Canonical name, at most ${INPUT_LIMITS.nameLength} characters.` })
  @IsName()
  name: string;

  @Field(() => [String], { nullable: true, description: `Other names, at most ${INPUT_LIMITS.aliasCount}.` })
  @IsOptional()
  @ArrayMaxSize(INPUT_LIMITS.aliasCount)
  @IsName({ each: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true, description: `At most ${INPUT_LIMITS.descriptionLength} characters.` })
  @ValidateIf((input: EntityInput) => input.description != null)
  @IsText(INPUT_LIMITS.descriptionLength)
  description?: string | null;
}
