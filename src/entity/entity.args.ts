import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '../graphql/connection';
import { INPUT_LIMITS } from '../graphql/input-rules';
import { EntityKind } from '../ontology';

@ArgsType()
export class EntityLookupArgs {
  @Field(() => ID, { nullable: true, description: 'Exact id, e.g. "organization:royal-canadian-mounted-police".' })
  id?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Canonical name or any alias, case-insensitive, e.g. "Mounties"; at most ${INPUT_LIMITS.nameLength} characters, like every name.`,
  })
  @IsOptional()
  @MaxLength(INPUT_LIMITS.nameLength)
  name?: string | null;
}

@ArgsType()
export class EntitiesArgs extends PageArgs {
  @Field(() => EntityKind, { nullable: true, description: 'Only entities of this kind.' })
  kind?: EntityKind | null;
}
