import { describe, expect, it } from '@jest/globals';
import { decodeState, EMPTY_STATE, encodeState, type ExplorerState } from './url-state.js';

describe('the explorer state in the URL', () => {
  it('round-trips every part of a view', () => {
    const state: ExplorerState = {
      open: ['organization:royal-canadian-mounted-police', 'person:mike-kelly'],
      selected: 'statistic:illegal-crossings-washington-to-british-columbia-january-2025',
      hiddenKinds: ['ARTICLE'],
      hiddenTypes: ['CITES', 'MENTIONS'],
      from: '2024-10',
      to: '2025-03',
      path: ['person:mike-kelly', 'place:british-columbia'],
      chart: { measure: 'illegal crossings', placeId: 'place:us-mexico-border' },
    };
    expect(decodeState(encodeState(state))).toEqual(state);
  });

  it('leaves an empty view out of the URL entirely', () => {
    expect(encodeState(EMPTY_STATE)).toBe('');
    expect(decodeState('')).toEqual(EMPTY_STATE);
  });

  it('drops what it cannot trust: bad months, half a path, repeated ids', () => {
    const state = decodeState('?open=a,a,b&from=2024-13&to=soon&path=only-one');
    expect(state.open).toEqual(['a', 'b']);
    expect(state.from).toBeNull();
    expect(state.to).toBeNull();
    expect(state.path).toBeNull();
  });

  it('reads a chart without a place', () => {
    expect(decodeState('?chart=illegal%20crossings').chart).toEqual({ measure: 'illegal crossings', placeId: null });
  });
});
