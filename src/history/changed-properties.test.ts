import { describe, expect, it } from '@jest/globals';
import neo4j from 'neo4j-driver';
import { changedProperties } from './changed-properties';

const parsed = (changed: ReturnType<typeof changedProperties>) =>
  changed && { before: changed.before === null ? null : JSON.parse(changed.before), after: changed.after === null ? null : JSON.parse(changed.after) };

describe('changedProperties', () => {
  it('records every property of a thing created, and no before', () => {
    expect(parsed(changedProperties(null, { id: 'person:jane', name: 'Jane', aliases: ['J.'] }))).toEqual({
      before: null,
      after: { aliases: ['J.'], id: 'person:jane', name: 'Jane' },
    });
  });

  it('records every property of a thing deleted, and no after', () => {
    expect(parsed(changedProperties({ id: 'a-[BORDERS]->b', evidence: ['article:x|words'] }, null))).toEqual({
      before: { evidence: ['article:x|words'], id: 'a-[BORDERS]->b' },
      after: null,
    });
  });

  it('records only the properties an update changed, a property added or removed as null on the other side', () => {
    const before = { id: 'person:jane', name: 'Jane', description: 'Old', title: 'Dr' };
    const after = { id: 'person:jane', name: 'Jane Roe', description: 'Old', aliases: ['J.'] };
    expect(parsed(changedProperties(before, after))).toEqual({
      before: { aliases: null, name: 'Jane', title: 'Dr' },
      after: { aliases: ['J.'], name: 'Jane Roe', title: null },
    });
  });

  it('finds nothing changed when the states hold the same values, a null property being an absent one', () => {
    expect(changedProperties({ id: 'x', evidence: ['a', 'b'], _lock: null }, { id: 'x', evidence: ['a', 'b'] })).toBeNull();
    expect(changedProperties(null, null)).toBeNull();
  });

  it('tells lists apart by order and maps by content, whatever the order of their keys', () => {
    expect(parsed(changedProperties({ evidence: ['a', 'b'] }, { evidence: ['b', 'a'] }))).toEqual({ before: { evidence: ['a', 'b'] }, after: { evidence: ['b', 'a'] } });
    expect(changedProperties({ links: { x: ['1'], y: null } }, { links: { y: null, x: ['1'] } })).toBeNull();
  });

  it('writes temporal values as their ISO text', () => {
    const changed = parsed(changedProperties({ periodStart: new neo4j.types.Date(2025, 1, 1) }, { periodStart: new neo4j.types.Date(2025, 2, 1) }));
    expect(changed).toEqual({ before: { periodStart: '2025-01-01' }, after: { periodStart: '2025-02-01' } });
  });
});
