import unhomoglyph from 'unhomoglyph';

/**
 * The UTS #39 skeleton of a text (https://www.unicode.org/reports/tr39/#Confusable_Detection):
 * NFD, every character mapped to its prototype in Unicode's confusables data, NFD again. Two
 * texts a reader cannot tell apart ("Police" and "Pоlice" with a Cyrillic о) have one
 * skeleton. A skeleton is for comparing, never for showing: "m" becomes "rn".
 */
export function skeleton(text: string): string {
  return unhomoglyph(text.normalize('NFD')).normalize('NFD');
}
