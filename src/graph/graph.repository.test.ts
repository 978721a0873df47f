import { MENTIONS, RELATION_TYPES } from '../ontology';
import { neighborhoodQuery, shortestPathQuery } from './graph.repository';

const READ = { entityProperties: ['id', 'kind', 'name'], withEvidence: false };
/** The relation types a walk must never take: a mention, and the links of a quotation to its speaker and its article. */
const NOT_BETWEEN_ENTITIES = [MENTIONS, 'SAID', 'QUOTED_IN'];

/** Every relation type a query's patterns name, in the order they appear. */
function walkedTypes(text: string): string[] {
  return [...text.matchAll(/\[\w*:([A-Z_|]+)/g)].flatMap((match) => match[1]!.split('|'));
}

describe('the walks of paths and neighbourhoods', () => {
  it.each([
    ['a path', shortestPathQuery(4, READ).text],
    ['a neighbourhood', neighborhoodQuery(2, READ).text],
  ])('%s expands exactly the ontology\'s relation types, which join entities only', (_name, text) => {
    const ontology = RELATION_TYPES.map((definition) => definition.type);
    const named = walkedTypes(text);
    expect(new Set(named)).toEqual(new Set(ontology));
    expect(named.filter((type) => NOT_BETWEEN_ENTITIES.includes(type))).toEqual([]);
  });

  it('puts the validated bounds into the text and refuses a bound that is no integer', () => {
    expect(shortestPathQuery(3, READ).text).toContain('*..3]-(to)');
    expect(neighborhoodQuery(2, READ).text).toContain(']-{1,2}(other:Entity)');
    expect(() => shortestPathQuery(2.5, READ)).toThrow('maxHops must be an integer');
  });
});
