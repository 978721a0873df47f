import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type GraphQLCompositeType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The fields an operation selects, by the type they are selected on (`... on Statistic {
 * measure }` counts under Statistic, `name` under Entity where the position is an Entity),
 * fragments and aliases included, whatever arguments and directives they carry. A superset of
 * what the operation's answers can read: repositories use it to fetch only those properties.
 */
export type SelectedFields = ReadonlyMap<string, ReadonlySet<string>>;

/** Per operation node: Apollo Server keeps one parsed document per query text, so this is worked out once per document. */
const selectedByOperation = new WeakMap<OperationDefinitionNode, SelectedFields>();

function collect(
  schema: GraphQLSchema,
  info: Pick<GraphQLResolveInfo, 'fragments'>,
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType,
  into: Map<string, Set<string>>,
  spreadsSeen: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const fields = into.get(parentType.name) ?? new Set<string>();
      fields.add(name);
      into.set(parentType.name, fields);
      if (!selection.selectionSet || !(isObjectType(parentType) || isInterfaceType(parentType))) continue;
      const field = parentType.getFields()[name];
      const fieldType = field && getNamedType(field.type);
      if (fieldType) collect(schema, info, selection.selectionSet, fieldType as GraphQLCompositeType, into, spreadsSeen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
      collect(schema, info, selection.selectionSet, (condition ?? parentType) as GraphQLCompositeType, into, spreadsSeen);
    } else {
      // A fragment's fields are the same wherever it is spread: reading it once is enough.
      const name = selection.name.value;
      const fragment = info.fragments[name];
      if (!fragment || spreadsSeen.has(name)) continue;
      spreadsSeen.add(name);
      const condition = schema.getType(fragment.typeCondition.name.value);
      collect(schema, info, fragment.selectionSet, (condition ?? parentType) as GraphQLCompositeType, into, spreadsSeen);
    }
  }
}

/** What the resolver's operation selects, by type (see SelectedFields). */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'schema' | 'operation' | 'fragments'>): SelectedFields {
  let selected = selectedByOperation.get(info.operation);
  if (!selected) {
    const into = new Map<string, Set<string>>();
    const root = info.schema.getRootType(info.operation.operation);
    if (root) collect(info.schema, info, info.operation.selectionSet, root, into, new Set());
    selected = into;
    selectedByOperation.set(info.operation, selected);
  }
  return selected;
}

/** Whether the operation selects `field` on the type `typeName` anywhere (see SelectedFields). */
export function selects(info: Pick<GraphQLResolveInfo, 'schema' | 'operation' | 'fragments'>, typeName: string, field: string): boolean {
  return selectedFields(info).get(typeName)?.has(field) ?? false;
}
