import { createHash } from 'node:crypto';

/**
 * The one normal form every format ends in, so the hash depends on the words alone: Unicode
 * NFC, every kind of line break a newline, control and invisible characters gone, runs of
 * (no-break) spaces one space, lines trimmed, empty lines dropped. Typographic quotes stay:
 * evidence quotes are matched against the text as written.
 */
export function normaliseArticleText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\x0B\x0C\x85]/g, '\n')
    .replace(/[\x00-\x08\x0E-\x1F\x7F-\x84\x86-\x9F\u00AD\u200B\u2060\uFEFF]/g, '')
    .split('\n')
    .map((line) => line.replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/**
 * What identifies an article's words whatever the format they came in: the sha256 (hex) of
 * their normal form (normaliseArticleText's, which the caller has made: ingestion has it
 * already). The seed's articles carry it too, so ingesting a seed text is a no-op.
 */
export function contentHashOf(normalText: string): string {
  return createHash('sha256').update(normalText, 'utf8').digest('hex');
}
