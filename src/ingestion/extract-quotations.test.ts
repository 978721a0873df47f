import { describe, expect, it } from '@jest/globals';
import type { KnownEntity } from './extraction.types';
import { extractQuotations } from './extract-quotations';

const known: KnownEntity[] = [
  { id: 'person:mike-kelly', kind: 'PERSON', name: 'Mike Kelly', aliases: ['Representative Mike Kelly', 'Kelly'] },
  { id: 'organization:rcmp', kind: 'ORGANIZATION', name: 'Royal Canadian Mounted Police', aliases: ['RCMP'] },
  { id: 'organization:the-post', kind: 'ORGANIZATION', name: 'The Post', aliases: [] },
  { id: 'group:unnamed-sources', kind: 'GROUP', name: 'Unnamed sources', aliases: ['sources', 'a source'] },
  { id: 'place:canada', kind: 'PLACE', name: 'Canada', aliases: [] },
];

const summary = (text: string) =>
  extractQuotations(text, known).map(({ text: words, speakerId, attributedTo, attribution, direct }) => ({ words, speakerId, attributedTo, attribution, direct }));

describe('extractQuotations', () => {
  it('takes the speaker after the verb: “...,” said Kelly.', () => {
    expect(summary('“It is so easy to walk across,” said Kelly.')).toEqual([
      { words: 'It is so easy to walk across', speakerId: 'person:mike-kelly', attributedTo: 'Kelly', attribution: 'said', direct: true },
    ]);
  });

  it('takes the speaker before the verb, and the one told is no speaker: “...,” the RCMP told The Post.', () => {
    expect(summary('“The terrain is varied and the climate unpredictable,” the RCMP told The Post.')).toEqual([
      { words: 'The terrain is varied and the climate unpredictable', speakerId: 'organization:rcmp', attributedTo: 'RCMP', attribution: 'told The Post', direct: true },
    ]);
  });

  it('resolves "a source" to the group of unnamed sources', () => {
    expect(summary('“They know the routes well enough by now,” a source explained.')[0]).toMatchObject({ speakerId: 'group:unnamed-sources', attribution: 'explained' });
  });

  it('gives words standing alone to the subject of the sentence before', () => {
    const text = 'Representative Mike Kelly (R-PA) expressed concerns about the staffing of the crossings.\n“The numbers are not big, but the people are dangerous.”';
    const standing = summary(text).find((quotation) => quotation.direct);
    expect(standing).toEqual({ words: 'The numbers are not big, but the people are dangerous.', speakerId: 'person:mike-kelly', attributedTo: 'Representative Mike Kelly', attribution: null, direct: true });
  });

  it('gives words standing alone after an attributed quotation to the same speaker', () => {
    const text = '“That border is so easy to get through,” said Kelly. “You just step over a line.”';
    expect(summary(text).map((quotation) => [quotation.words, quotation.speakerId])).toEqual([
      ['That border is so easy to get through', 'person:mike-kelly'],
      ['You just step over a line.', 'person:mike-kelly'],
    ]);
  });

  it('skips scare quotes of one to three words inside a sentence', () => {
    expect(summary('Officials report a surge of “northbounders” who are “self-deporting” north.').filter((quotation) => quotation.direct)).toEqual([]);
  });

  it('reads straight quotation marks too', () => {
    expect(summary('"We have added officers and drones this winter," the RCMP said.')[0]).toMatchObject({ speakerId: 'organization:rcmp', direct: true });
  });

  it('keeps the words of an unknown speaker', () => {
    const [quotation] = extractQuotations('“We are watching every crossing point closely,” said a spokesperson for the agency.', known);
    expect(quotation).toMatchObject({ speakerId: null, attributedTo: 'a spokesperson for the agency', attribution: 'said', direct: true });
    expect(quotation!.speakerAnchor!.exact).toBe('a spokesperson for the agency');
  });

  it('starts reported speech at its first word: "Kelly told The Post the numbers ..."', () => {
    const [quotation] = extractQuotations('Representative Mike Kelly told The Post the numbers were encouraging.', known);
    expect(quotation).toMatchObject({ text: 'the numbers were encouraging', direct: false, speakerId: 'person:mike-kelly', attribution: 'told The Post' });
    expect(quotation!.anchor.exact).toBe('the numbers were encouraging');
  });

  it('reads reported speech: "X said it had ..." and "..., sources told The Post."', () => {
    expect(summary('The RCMP said it had brought in additional officers and drones in recent months.')).toEqual([
      { words: 'it had brought in additional officers and drones in recent months', speakerId: 'organization:rcmp', attributedTo: 'RCMP', attribution: 'said', direct: false },
    ]);
    expect(summary('More migrants are heading north than south this winter, sources told The Post.')).toEqual([
      { words: 'More migrants are heading north than south this winter', speakerId: 'group:unnamed-sources', attributedTo: 'sources', attribution: 'told The Post', direct: false },
    ]);
  });

  it('reads no speech into a sentence without a speaker or a verb of speech', () => {
    expect(summary('The RCMP recorded 40 illegal crossings into Canada in January.')).toEqual([]);
    expect(summary('Canada said nothing at all about the new rules.')).toEqual([]);
  });

  it('anchors each quotation at its words in the text', () => {
    const text = 'Intro.\n“It is so easy to walk across,” said Kelly.';
    const [quotation] = extractQuotations(text, known);
    expect(text.slice(quotation!.anchor.start, quotation!.anchor.end)).toBe('It is so easy to walk across');
    expect(quotation).toMatchObject({ position: 1, sentence: '“It is so easy to walk across,” said Kelly.' });
  });
});
