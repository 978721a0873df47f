import { Matches, MaxLength, MinLength, registerDecorator, type ValidationOptions } from 'class-validator';

/** Limits on what editors may write; the same numbers are documented in the schema. */
export const INPUT_LIMITS = {
  nameLength: 200,
  aliasCount: 50,
  descriptionLength: 2000,
  quoteLength: 2000,
  evidenceCount: 20,
  idLength: 200,
  /** Reads: a search query, longer than any name or alias worth looking for. */
  searchLength: 200,
} as const;

/** "<kind>:<slug>", the shape of every entity id. */
export const ENTITY_ID_PATTERN = /^[a-z]+:[a-z0-9][a-z0-9-]*$/;

/** No control characters: they break logs, terminals and the sentence matching of evidence. */
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;
/** Descriptions and quotes may keep line breaks and tabs, no other control character. */
const TEXT_WITHOUT_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f]*$/;

function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}

/** A one-line name: 1 to INPUT_LIMITS.nameLength characters, no control characters. */
export function IsName(options?: ValidationOptions): PropertyDecorator {
  return compose(
    MinLength(1, options),
    MaxLength(INPUT_LIMITS.nameLength, options),
    Matches(/\S/, { ...options, message: '$property must not be blank' }),
    Matches(NO_CONTROL_CHARACTERS, { ...options, message: '$property must not contain control characters' }),
  );
}

export function IsText(maxLength: number): PropertyDecorator {
  return compose(
    MaxLength(maxLength),
    Matches(TEXT_WITHOUT_CONTROL_CHARACTERS, { message: '$property must not contain control characters' }),
  );
}

export function IsEntityId(options?: ValidationOptions): PropertyDecorator {
  return compose(
    MaxLength(INPUT_LIMITS.idLength, options),
    Matches(ENTITY_ID_PATTERN, { ...options, message: '$property must look like "kind:slug", e.g. "place:canada"' }),
  );
}

/**
 * An integer argument within [min, max] (null and absent pass: the default applies). The
 * message names the argument and its range, and the error's extensions carry them
 * (`argumentName`, `limit`; see format-error.ts), so a client can correct the call.
 */
export function IsIntInRange(min: number, max: number): PropertyDecorator {
  return (target, property) => {
    const argumentName = String(property);
    registerDecorator({
      name: 'isIntInRange',
      target: target.constructor,
      propertyName: argumentName,
      constraints: [min, max],
      options: {
        message: ({ value }) => `"${argumentName}" must be between ${min} and ${max}, got ${String(value)}`,
        context: { argumentName, limit: max },
      },
      validator: {
        validate: (value: unknown) =>
          value === null || value === undefined || (Number.isInteger(value) && (value as number) >= min && (value as number) <= max),
      },
    });
  };
}
