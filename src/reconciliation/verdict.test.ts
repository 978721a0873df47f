import { describe, expect, it } from '@jest/globals';
import { judge, percentageDrop } from './verdict';

const august = { value: 301_981, releaseId: 'release:aug-2025', releaseLabel: 'August 2025' };

describe('judge', () => {
  it('MATCHES an exact claim equal to the official figure', () => {
    expect(judge({ value: 301_981, qualifier: 'EXACT', unit: 'crossings' }, august, [])).toMatchObject({ verdict: 'MATCHES', difference: 0 });
  });

  it('finds a bounded claim CONSISTENT when the official figure satisfies it: "over one million" against 2,135,005', () => {
    const judgement = judge({ value: 1_000_000, qualifier: 'MORE_THAN', unit: 'crossings' }, { ...august, value: 2_135_005 }, []);
    expect(judgement).toMatchObject({ verdict: 'CONSISTENT', difference: 1_135_005 });
    expect(judgement.explanation).toContain('more than 1,000,000');
  });

  it('says by how much an exact claim DIFFERS, and that a later release revised it when an earlier one agreed', () => {
    const newest = { value: 11_714, releaseId: 'release:aug-2025', releaseLabel: 'August 2025' };
    const earlier = { value: 11_709, releaseId: 'release:mar-2025', releaseLabel: 'March 2025' };
    const revised = judge({ value: 11_709, qualifier: 'EXACT', unit: 'crossings' }, newest, [earlier]);
    expect(revised).toMatchObject({ verdict: 'DIFFERS', difference: 5 });
    expect(revised.explanation).toContain('5 more');
    expect(revised.explanation).toContain('revised in a later release');
    expect(judge({ value: 11_709, qualifier: 'EXACT', unit: 'crossings' }, newest, []).explanation).not.toContain('revised');
  });

  it('allows an approximate claim a tenth either way', () => {
    expect(judge({ value: 23_700, qualifier: 'APPROXIMATE', unit: 'people' }, { ...august, value: 23_721 }, []).verdict).toBe('CONSISTENT');
    expect(judge({ value: 20, qualifier: 'APPROXIMATE', unit: 'people' }, { ...august, value: 40 }, []).verdict).toBe('DIFFERS');
    expect(judge({ value: 100, qualifier: 'LESS_THAN', unit: 'people' }, { ...august, value: 100 }, []).verdict).toBe('DIFFERS');
    expect(judge({ value: 100, qualifier: 'AT_LEAST', unit: 'people' }, { ...august, value: 100 }, []).verdict).toBe('CONSISTENT');
  });
});

describe('percentageDrop', () => {
  it('is the fall as a percentage of the earlier value: 301,981 to 11,714 is a drop of 96.1 %', () => {
    expect(percentageDrop(301_981, 11_714)).toBeCloseTo(96.12, 2);
    expect(percentageDrop(0, 5)).toBe(0);
  });
});
