import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fromProjectRoot } from '../config/project-root';
import { CURATED_RELATION_TYPES, DERIVED_RELATION_TYPES, ENTITY_KINDS, MEASURES, PROVENANCE_KINDS, RELATION_TYPES, STATISTIC_RANKS, VALUE_QUALIFIERS } from '.';

/** docs/ontology.md promises to agree with the code's vocabulary: these tests hold it to that. */

const doc = readFileSync(fromProjectRoot('docs', 'ontology.md'), 'utf8');

/** The text from a heading (exact line) to the next heading of the same or a higher level. */
function section(heading: string): string {
  const start = doc.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`docs/ontology.md has no "${heading}"`);
  const level = heading.indexOf(' ');
  const rest = doc.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`\\n#{1,${level}} `));
  return end < 0 ? rest : rest.slice(0, end);
}

/** The cells of a section's table rows, header and separator left out. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.slice(1, -1).split('|').map((cell) => cell.trim()))
    .slice(2);
}

const kindList = (cell: string) => cell.split(',').map((kind) => kind.trim());

describe('docs/ontology.md', () => {
  it('lists exactly the kinds of the code', () => {
    expect(tableRows(section('## Kinds')).map(([kind]) => kind)).toEqual([...ENTITY_KINDS]);
  });

  it('names exactly the value qualifiers of the code', () => {
    const listed = /\*\*qualifier\*\*: one of ([A-Z_, ]+)\./.exec(section('## Statistics'))?.[1];
    expect(kindList(listed ?? '')).toEqual([...VALUE_QUALIFIERS]);
  });

  it('names exactly the statistic ranks of the code', () => {
    const listed = /\*\*rank\*\*: one of ([A-Z_, ]+)[.;]/.exec(section('## Statistics'))?.[1];
    expect(kindList(listed ?? '')).toEqual([...STATISTIC_RANKS]);
  });

  it('lists exactly the measures of the code, each with its one unit', () => {
    expect(tableRows(section('## Statistics')).map(([measure, unit]) => [measure, unit])).toEqual(
      MEASURES.map((definition) => [definition.measure, definition.unit]),
    );
  });

  it('lists exactly the provenance kinds of the code', () => {
    expect(tableRows(section('## Provenance')).map(([kind]) => kind)).toEqual([...PROVENANCE_KINDS]);
  });

  it('lists the derived relation types, with the kinds they join', () => {
    const rows = tableRows(section('### Derived by the loader (never listed in graph.json)'));
    expect(rows.map(([type]) => type)).toEqual(RELATION_TYPES.filter((definition) => DERIVED_RELATION_TYPES.has(definition.type)).map((definition) => definition.type));
    for (const [type, , from, to] of rows) {
      const definition = RELATION_TYPES.find((candidate) => candidate.type === type)!;
      expect({ type, from: kindList(from!), to: kindList(to!) }).toEqual({ type, from: [...definition.fromKinds], to: [...definition.toKinds] });
    }
  });

  it('names exactly the reflexive relation types of the code', () => {
    const listed = /\*\*reflexive types\*\*: ([A-Z_, ]+|none)\./.exec(section('## Relation types'))?.[1];
    const reflexive = RELATION_TYPES.filter((definition) => definition.reflexive).map((definition) => definition.type);
    expect(listed === 'none' ? [] : kindList(listed ?? 'missing')).toEqual(reflexive);
  });

  it('lists the curated relation types, with the kinds they join', () => {
    const rows = tableRows(section('### Curated (listed in graph.json)'));
    expect(rows.map(([type]) => type)).toEqual(CURATED_RELATION_TYPES.map((definition) => definition.type));
    for (const [type, , from, to] of rows) {
      const definition = CURATED_RELATION_TYPES.find((candidate) => candidate.type === type)!;
      // "same kind": the relation joins two entities of one kind, any of its from kinds.
      const toKinds = to === 'same kind' ? kindList(from!) : kindList(to!);
      expect({ type, from: [...kindList(from!)].sort(), to: [...toKinds].sort() }).toEqual({
        type,
        from: [...definition.fromKinds].sort(),
        to: [...definition.toKinds].sort(),
      });
    }
  });
});
