import { Corpus, type CorpusKind, type CorpusNode } from './generator/corpus';
import { Prng } from './lib/prng';
import { relationFields, ROOT_FIELD } from './servers/neo4j-graphql-typedefs';

/**
 * The five operations, each written three ways (this service's GraphQL API, the @neo4j/graphql
 * library's generated API, and hand-written Cypher behind a minimal HTTP handler), and the
 * sampled arguments they are driven with. Arguments are drawn from the corpus with the same
 * skew as its relations, so popular entities (hubs) are asked for more often, as in real use.
 */

export type OperationName = 'A' | 'B' | 'C' | 'D' | 'E';
export const OPERATIONS: OperationName[] = ['A', 'B', 'C', 'D', 'E'];
export type ContenderName = 'border-kg' | 'neo4j-graphql' | 'cypher';
export const CONTENDERS: ContenderName[] = ['border-kg', 'neo4j-graphql', 'cypher'];

export const OPERATION_TITLES: Record<OperationName, string> = {
  A: 'entity by id + first 20 relations with other ends’ names',
  B: 'name search, top 10',
  C: 'statistics about a place over a period, first 50, with reporter and source title',
  D: 'neighbourhood at depth 2, limit 200',
  E: 'shortest path between two entities (max 4 hops)',
};

/** One HTTP request of the workload: a path and a JSON body. */
export interface RequestSpec {
  path: string;
  body: string;
}

export type Sample = Record<string, string>;

// ---------------------------------------------------------------------------------------------
// This service

const OURS: Record<OperationName, string> = {
  A: `query A($id: ID!) {
  entity(id: $id) {
    id name kind
    relations(first: 20) { edges { node { id type from { id name } to { id name } } } }
  }
}`,
  B: `query B($text: String!) { search(query: $text, first: 10) { score entity { id name kind } } }`,
  C: `query C($placeId: ID!, $from: Date!, $to: Date!) {
  statistics(filter: { placeId: $placeId, from: $from, to: $to }, first: 50) {
    edges { node { id measure value unit period { start end label } reportedBy { name } source { title } } }
  }
}`,
  D: `query D($id: ID!) {
  neighborhood(id: $id, depth: 2, limit: 200) {
    nodes { id name kind }
    relations { id type from { id } to { id } }
  }
}`,
  E: `query E($from: ID!, $to: ID!) {
  path(from: $from, to: $to, maxHops: 4) { length nodes { id name } relations { id type } }
}`,
};

// ---------------------------------------------------------------------------------------------
// @neo4j/graphql 7

/**
 * A: the library needs a relationship field per type and direction, so the query asks each of
 * the entity's kind for its first 20 (sorted by the other end's id): up to 20 per field, where
 * the service returns 20 in all. The kind is known from the id's prefix, so the query uses the
 * kind's root field.
 */
function neo4jGraphqlA(kind: CorpusKind): string {
  const fields = relationFields(kind)
    .map(({ field }) => `    ${field}Connection(first: 20, sort: [{ node: { id: ASC } }]) { edges { properties { id } node { id name } } }`)
    .join('\n');
  return `query A_${kind}($id: ID!) {
  ${ROOT_FIELD[kind]}(where: { id: { eq: $id } }, limit: 1) {
    id name kind
${fields}
  }
}`;
}

const NEO4J_GRAPHQL_B = `query B($text: String!) {
  searchThings(phrase: $text, first: 10, sort: [{ score: DESC }]) { edges { score node { id name kind } } }
}`;

const NEO4J_GRAPHQL_C = `query C($placeId: ID!, $from: Date!, $to: Date!) {
  statistics(
    where: { aboutPlace: { some: { id: { eq: $placeId } } }, periodEnd: { gte: $from }, periodStart: { lte: $to } }
    sort: [{ periodStart: ASC }, { id: ASC }]
    limit: 50
  ) {
    id measure value unit periodStart periodEnd periodLabel
    reportedBy(limit: 1) { name }
    source(limit: 1) { title }
  }
}`;

/** Why the library cannot express an operation through its generated API. */
export const NOT_EXPRESSIBLE: Partial<Record<OperationName, string>> = {
  D:
    'The generated API follows one declared relationship field at a time; a neighbourhood over every relation type to depth 2, ' +
    'nearest first with one overall limit and the relations among the kept nodes, needs a variable-length pattern, which it only ' +
    'offers through a hand-written @cypher field (that would be the Cypher floor plus the library, not the library).',
  E: 'The generated API has no path queries (shortestPath / SHORTEST); only a hand-written @cypher field could do it.',
};

// ---------------------------------------------------------------------------------------------
// Hand-written Cypher (the floor): the natural query for each operation, returning the same data.

export const CYPHER: Record<OperationName, string> = {
  A: `MATCH (entity:Entity {id: $id})
CALL (entity) {
  MATCH (entity)-[relation]-(other:Entity)
  WHERE type(relation) <> 'MENTIONS'
  WITH relation, other, startNode(relation) = entity AS outgoing
  RETURN relation, other, outgoing
  ORDER BY type(relation), CASE WHEN outgoing THEN 'out' ELSE 'in' END, other.id
  LIMIT 20
}
RETURN entity.id AS id, entity.name AS name, entity.kind AS kind,
       collect({id: relation.id, type: type(relation), outgoing: outgoing, otherId: other.id, otherName: other.name}) AS relations`,
  B: `CALL db.index.fulltext.queryNodes('entity_search', $text, {limit: 100}) YIELD node, score
RETURN node.id AS id, node.name AS name, node.kind AS kind, score, toLower($text) IN node.nameKeys AS exact
ORDER BY exact DESC, score DESC, id
LIMIT 10`,
  C: `MATCH (:Entity {id: $placeId})<-[:ABOUT_PLACE]-(statistic:Statistic)
WHERE statistic.periodEnd >= date($from) AND statistic.periodStart <= date($to)
WITH statistic ORDER BY statistic.periodStart, statistic.id LIMIT 50
RETURN statistic.id AS id, statistic.measure AS measure, statistic.value AS value, statistic.unit AS unit,
       toString(statistic.periodStart) AS start, toString(statistic.periodEnd) AS end, statistic.periodLabel AS label,
       [(reporter)-[:REPORTED]->(statistic) | reporter.name][0] AS reportedBy,
       [(article)-[:STATES]->(statistic) | article.title][0] AS source`,
  D: `MATCH (center:Entity {id: $id})
OPTIONAL MATCH path = ANY SHORTEST (center)-[hop WHERE type(hop) <> 'MENTIONS']-{1,2}(other:Entity)
WITH center, other, length(path) AS distance
ORDER BY distance, other.id
WITH center, [node IN collect(other) WHERE node <> center][0..199] AS others
WITH [center] + others AS nodes
UNWIND nodes AS from
OPTIONAL MATCH (from)-[relation]->(to:Entity)
WHERE to IN nodes AND type(relation) <> 'MENTIONS'
WITH nodes, relation, from, to
ORDER BY relation.id
WITH nodes, collect(CASE WHEN relation IS NULL THEN null ELSE {id: relation.id, type: type(relation), fromId: from.id, toId: to.id} END) AS relations
RETURN [node IN nodes | {id: node.id, name: node.name, kind: node.kind}] AS nodes,
       [row IN relations WHERE row IS NOT NULL] AS relations`,
  E: `MATCH (from:Entity {id: $from}), (to:Entity {id: $to})
MATCH path = shortestPath((from)-[*..4]-(to))
WHERE none(relation IN relationships(path) WHERE type(relation) = 'MENTIONS')
RETURN [node IN nodes(path) | {id: node.id, name: node.name}] AS nodes,
       [relation IN relationships(path) | {id: relation.id, type: type(relation)}] AS relations`,
};

// ---------------------------------------------------------------------------------------------
// Requests

const kindOf = (id: string) => id.slice(0, id.indexOf(':')).toUpperCase() as CorpusKind;

export function requestFor(contender: ContenderName, operation: OperationName, sample: Sample): RequestSpec | undefined {
  if (contender === 'cypher') return { path: `/cypher/${operation}`, body: JSON.stringify(sample) };
  if (contender === 'border-kg') return { path: '/graphql', body: JSON.stringify({ query: OURS[operation], variables: sample }) };
  if (NOT_EXPRESSIBLE[operation]) return undefined;
  const query = operation === 'A' ? neo4jGraphqlA(kindOf(sample.id!)) : operation === 'B' ? NEO4J_GRAPHQL_B : NEO4J_GRAPHQL_C;
  return { path: '/graphql', body: JSON.stringify({ query, variables: sample }) };
}

// ---------------------------------------------------------------------------------------------
// Samples

const NON_ARTICLE_KINDS = ['PERSON', 'ORGANIZATION', 'PLACE', 'POLICY', 'EVENT', 'STATISTIC'] as const;

function skewedEntity(rng: Prng, corpus: Corpus, kinds: readonly (typeof NON_ARTICLE_KINDS)[number][] = NON_ARTICLE_KINDS): CorpusNode {
  const pool = corpus.pools[rng.pick(kinds)];
  return pool[rng.skewed(pool.length)]!;
}

/** Words a researcher types: a surname, a town, an agency's domain, a policy's topic. */
function searchText(rng: Prng, corpus: Corpus): string {
  const node = skewedEntity(rng, corpus, ['PERSON', 'ORGANIZATION', 'PLACE', 'POLICY']);
  const words = node.name.replace(/[^A-Za-z ]/g, ' ').split(/\s+/).filter((word) => word.length > 3);
  return words.length > 0 ? rng.pick(words) : node.name;
}

/** `count` arguments for an operation, the same for every contender and every run of a seed. */
export function samplesFor(operation: OperationName, corpus: Corpus, count: number): Sample[] {
  const rng = new Prng(`${corpus.seed}/${corpus.spec.name}/workload/${operation}`);
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) {
    switch (operation) {
      case 'A':
      case 'D':
        samples.push({ id: skewedEntity(rng, corpus).id });
        break;
      case 'B':
        samples.push({ text: searchText(rng, corpus) });
        break;
      case 'C': {
        const places = corpus.pools.PLACE;
        const year = rng.between(2020, 2024);
        const month = rng.between(1, 12);
        const start = `${year}-${String(month).padStart(2, '0')}-01`;
        const end = `${year + 1}-${String(month).padStart(2, '0')}-01`;
        samples.push({ placeId: places[rng.skewed(places.length)]!.id, from: start, to: end });
        break;
      }
      case 'E': {
        const from = skewedEntity(rng, corpus);
        let to = skewedEntity(rng, corpus);
        while (to === from) to = skewedEntity(rng, corpus);
        samples.push({ from: from.id, to: to.id });
        break;
      }
    }
  }
  return samples;
}
