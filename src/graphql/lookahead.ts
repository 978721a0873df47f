import type { GraphQLResolveInfo } from 'graphql';
import { getNamedType } from 'graphql';
import { parseResolveInfo, simplifyParsedResolveInfoFragmentWithType, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * The arguments (variables applied, defaults filled in) of the first selection of `name` in the
 * current field's selection set, or undefined when it is not selected. Resolvers use it to fetch
 * a nested field together with its parent in one query. Selections made only in fragments on a
 * concrete type are not seen: the nested field then loads on its own, as it would without this.
 */
export function selectedSubfieldArgs(info: GraphQLResolveInfo, name: string): Record<string, unknown> | undefined {
  const parsed = parseResolveInfo(info);
  if (!parsed || !('fieldsByTypeName' in parsed)) return undefined;
  const { fields } = simplifyParsedResolveInfoFragmentWithType(parsed as ResolveTree, getNamedType(info.returnType));
  return (Object.values(fields) as ResolveTree[]).find((field) => field.name === name)?.args;
}
