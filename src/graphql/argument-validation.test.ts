import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  ArrayMaxSize,
  getMetadataStorage,
  IsOptional,
  MaxLength,
  registerDecorator,
  ValidateNested,
  ValidatorConstraint,
  Validate,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { graphql, type GraphQLSchema } from 'graphql';
import { Arg, Args, ArgsType, ArgumentValidationError, buildSchema, Field, InputType, Int, Query, Resolver } from 'type-graphql';
import { asyncRulesOf, validateArgument } from './argument-validation';
import { PageArgs } from './connection';
import { IsIntInRange } from './input-rules';

@InputType()
class TagInput {
  @Field()
  @MaxLength(5)
  name: string;
}

@InputType()
class NoteInput {
  @Field()
  @MaxLength(10)
  text: string;

  @Field(() => [TagInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(2)
  @ValidateNested()
  tags?: TagInput[] | null;
}

/** Arguments without any rule: most of the API's (ids, enums, cursors). */
@ArgsType()
class LookupArgs {
  @Field()
  id: string;
}

@ArgsType()
class RangeArgs {
  @Field(() => Int, { nullable: true })
  @IsIntInRange(1, 4)
  depth?: number | null;

  @Field(() => Int, { nullable: true })
  @IsIntInRange(1, 10)
  limit?: number | null;
}

@Resolver()
class ProbeResolver {
  @Query(() => Int, { nullable: true })
  page(@Args() { first }: PageArgs): number | null | undefined {
    return first;
  }

  @Query(() => String)
  lookup(@Args() { id }: LookupArgs): string {
    return id;
  }

  @Query(() => Int)
  range(@Args() { depth, limit }: RangeArgs): number {
    return (depth ?? 0) + (limit ?? 0);
  }

  @Query(() => String)
  note(@Arg('input', () => NoteInput) input: NoteInput): string {
    return input.text;
  }

  @Query(() => Int)
  tags(@Arg('tags', () => [TagInput]) tags: TagInput[]): number {
    return tags.length;
  }

  @Query(() => String)
  since(@Arg('when', () => String, { nullable: true }) when: string | null): string {
    return String(when);
  }
}

/** The same API, validated as TypeGraphQL did before (its `validate` option) and as it does now. */
let typeGraphqlDefault: GraphQLSchema;
let ours: GraphQLSchema;
// TypeGraphQL keeps its metadata in one global store, which held the service's resolvers (and
// their @Authorized, for which every build then needs a checker) when this file ran after
// others in a full `npm test`.
const authChecker = () => true;
beforeAll(async () => {
  typeGraphqlDefault = await buildSchema({ resolvers: [ProbeResolver], authChecker, validate: { forbidUnknownValues: false } });
  ours = await buildSchema({ resolvers: [ProbeResolver], authChecker, validateFn: validateArgument });
});

afterEach(() => {
  jest.restoreAllMocks();
});

async function run(schema: GraphQLSchema, source: string, variableValues?: Record<string, unknown>) {
  const result = await graphql({ schema, source, variableValues });
  return {
    data: result.data,
    errors: result.errors?.map((error) => ({
      message: error.message,
      path: error.path,
      isArgumentValidationError: error.originalError instanceof ArgumentValidationError,
      extensions: error.extensions,
    })),
  };
}

describe('validateArgument', () => {
  it.each([
    ['an argument within its range', '{ page(first: 5) }'],
    ['an argument out of its range', '{ page(first: 101) }'],
    ['the default of an absent argument', '{ page }'],
    ['an argument class without rules', '{ lookup(id: "place:canada") }'],
    ['two arguments out of their ranges', '{ range(depth: 9, limit: 0) }'],
    ['a valid input object', '{ note(input: { text: "short", tags: [{ name: "a" }] }) }'],
    ['an input object breaking a rule', '{ note(input: { text: "far too long a text" }) }'],
    ['a nested input breaking a rule', '{ note(input: { text: "ok", tags: [{ name: "ok" }, { name: "far too long" }] }) }'],
    ['a list of inputs, the second and third breaking rules', '{ tags(tags: [{ name: "ok" }, { name: "second!" }, { name: "third!" }]) }'],
    ['a scalar argument', '{ since(when: "2024-01-01") }'],
    ['null for a nullable scalar', '{ since(when: null) }'],
    ['several fields, one breaking a rule', '{ a: page(first: 1) b: page(first: -1) c: lookup(id: "x") }'],
  ])('answers %s exactly as TypeGraphQL’s own validation did', async (_case, source) => {
    const expected = await run(typeGraphqlDefault, source);
    expect(await run(ours, source)).toEqual(expected);
  });

  it('refuses with ArgumentValidationError carrying class-validator’s errors', async () => {
    const { errors } = await run(ours, '{ page(first: 101) }');
    expect(errors).toHaveLength(1);
    expect(errors![0]!.isArgumentValidationError).toBe(true);
    expect(errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      validationErrors: [{ property: 'first', constraints: { isIntInRange: '"first" must be between 0 and 100, got 101' } }],
    });
  });

  it('reports the first item of a list that breaks a rule', () => {
    const items = ['ok', 'second!', 'third!'].map((name) => Object.assign(new TagInput(), { name }));
    let thrown: unknown;
    try {
      validateArgument(items, TagInput, {} as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ArgumentValidationError);
    expect((thrown as ArgumentValidationError).extensions.validationErrors).toMatchObject([{ property: 'name', value: 'second!' }]);
  });

  it('returns synchronously, without a promise to wait for', () => {
    expect(validateArgument(Object.assign(new PageArgs(), { first: 20 }), PageArgs, {} as never)).toBeUndefined();
  });

  it('looks a class without rules up once, and never runs class-validator on it again', () => {
    const storage = getMetadataStorage();
    @ArgsType()
    class Unruled {
      @Field()
      id: string;
    }
    const lookups = jest.spyOn(storage, 'getTargetValidationMetadatas');
    for (let request = 0; request < 5; request += 1) validateArgument(Object.assign(new Unruled(), { id: 'x' }), Unruled, {} as never);
    expect(lookups).toHaveBeenCalledTimes(1);
  });

  it('validates a class with rules every time', () => {
    validateArgument(Object.assign(new PageArgs(), { first: 1 }), PageArgs, {} as never);
    const lookups = jest.spyOn(getMetadataStorage(), 'getTargetValidationMetadatas');
    expect(() => validateArgument(Object.assign(new PageArgs(), { first: 1000 }), PageArgs, {} as never)).toThrow(ArgumentValidationError);
    expect(() => validateArgument(Object.assign(new PageArgs(), { first: 1000 }), PageArgs, {} as never)).toThrow(ArgumentValidationError);
    expect(lookups).toHaveBeenCalledTimes(2);
  });

  it.each([[undefined], [null], ['text'], [42], [true], [new Date(0)], [[1, 'two', null]]])('lets %p through', (value) => {
    expect(() => validateArgument(value, Object, {} as never)).not.toThrow();
  });
});

describe('asyncRulesOf', () => {
  it('names a class’s asynchronous rules, which synchronous validation would skip', () => {
    @ValidatorConstraint({ name: 'isKnownRemotely', async: true })
    class IsKnownRemotely implements ValidatorConstraintInterface {
      async validate(): Promise<boolean> {
        return true;
      }
    }
    class WithAsyncRule {
      @Validate(IsKnownRemotely)
      id: string;

      @MaxLength(3)
      code: string;
    }
    class InheritsAsyncRule extends WithAsyncRule {}
    function IsRemotelyUnique(target: object, property: string) {
      registerDecorator({ name: 'isRemotelyUnique', target: target.constructor, propertyName: property, async: true, validator: { validate: async () => true } });
    }
    class WithRegisteredAsyncRule {
      @IsRemotelyUnique
      name: string;
    }
    expect(asyncRulesOf(WithAsyncRule)).toEqual(['WithAsyncRule.id: isKnownRemotely']);
    expect(asyncRulesOf(InheritsAsyncRule)).toEqual(['InheritsAsyncRule.id: isKnownRemotely']);
    expect(asyncRulesOf(WithRegisteredAsyncRule)).toEqual(['WithRegisteredAsyncRule.name: isRemotelyUnique']);
  });

  it('finds none on synchronous rules', () => {
    expect(asyncRulesOf(PageArgs)).toEqual([]);
    expect(asyncRulesOf(NoteInput)).toEqual([]);
  });
});
