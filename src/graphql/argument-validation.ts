import { getMetadataStorage, validateSync, ValidationTypes, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';

/**
 * What TypeGraphQL's own validation used with `validate: { forbidUnknownValues: false }`: it
 * always adds `skipMissingProperties`, so an absent optional argument is not checked.
 */
const VALIDATOR_OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

/** Per class: whether class-validator has a rule for it (its own or inherited); classes live as long as the process. */
const hasRules = new Map<Function, boolean>();

/**
 * Whether class-validator would check anything on `value`: it looks its class's rules up the same
 * way, and finds none on many argument classes (an id to look up, a filter of enums).
 * Decorators run when their class is defined, before any request, so the answer cannot change.
 */
function mayBreakARule(value: object): boolean {
  const target = value.constructor;
  // Not an instance of a class (an object without a prototype): let class-validator decide.
  if (typeof target !== 'function') return true;
  let found = hasRules.get(target);
  if (found === undefined) {
    found = getMetadataStorage().getTargetValidationMetadatas(target, '', false, false).length > 0;
    hasRules.set(target, found);
  }
  return found;
}

/** Validates one argument value, throwing what TypeGraphQL throws: ArgumentValidationError with class-validator's errors. */
function validateValue(value: unknown): void {
  if (value === null || typeof value !== 'object' || !mayBreakARule(value)) return;
  const errors = validateSync(value, VALIDATOR_OPTIONS);
  if (errors.length > 0) throw new ArgumentValidationError(errors);
}

/**
 * The `validateFn` of buildSchema: TypeGraphQL's default validation (class-validator on every
 * argument and input object), with the same options, errors and order, without its cost per
 * request. TypeGraphQL imports class-validator with `await import()` for every argument it
 * validates, and runs it on every argument object, although most argument classes have no rule.
 * Here class-validator is imported once, classes without rules are skipped (looked up once per
 * class), and the rest is validated synchronously.
 *
 * Synchronous validation skips async rules (`@ValidatorConstraint({ async: true })`, `@ValidatePromise`):
 * the API has none, and src/app/schema.test.ts fails if one appears (see asyncRulesOf).
 * A list argument is validated item by item; the first item that breaks a rule is reported,
 * as TypeGraphQL's Promise.all reported it. A rule that throws (none does) is not wrapped, as
 * TypeGraphQL wrapped it, in an ArgumentValidationError that format-error could not read: it
 * fails the field as an internal error, logged by the error-logging plugin.
 */
export const validateArgument: ValidatorFn = (value) => {
  if (Array.isArray(value)) {
    for (const item of value) validateValue(item);
  } else {
    validateValue(value);
  }
};

/**
 * The names of the asynchronous rules on a class's properties (its own and inherited), which
 * validateArgument would skip.
 */
export function asyncRulesOf(target: Function): string[] {
  const storage = getMetadataStorage();
  return storage.getTargetValidationMetadatas(target, '', true, false).flatMap((rule) => {
    const asyncNames =
      rule.type === ValidationTypes.PROMISE_VALIDATION
        ? [rule.type]
        : storage
            .getTargetValidatorConstraints(rule.constraintCls)
            .filter((constraint) => constraint.async)
            .map((constraint) => constraint.name);
    return asyncNames.map((name) => `${target.name}.${rule.propertyName}: ${name}`);
  });
}
