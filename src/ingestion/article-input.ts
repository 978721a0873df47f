import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { contentHashOf, normaliseArticleText, sentenceSpans } from '../article';
import { BadUserInputError } from '../errors';
import { isIsoDate, vocabulary } from '../ontology';

/**
 * An article as an editor or the CLI hands it in (issue 12, parts 1 and 4), read into the plain
 * text the extraction works on: one paragraph or heading per line, as the seed articles have
 * them, so that offsets, sentences and the content hash mean the same whatever the format. Pure
 * and offline: no network, no clock (the caller passes today's date), nothing stored.
 */

/** The formats an article may come in (the contract's ArticleFormat). */
export const ArticleFormat = vocabulary('TEXT', 'MARKDOWN', 'HTML');
export type ArticleFormat = keyof typeof ArticleFormat;

export interface ArticleInputFields {
  text: string;
  format: ArticleFormat;
  title?: string | null;
  url?: string | null;
  publisher?: string | null;
  /** ISO calendar date (YYYY-MM-DD); the resolver turns the contract's Date with toIsoDate. */
  publishedOn?: string | null;
}

export interface ArticleInputRead {
  /** Plain text, one paragraph or heading per line, no empty lines, no trailing newline. */
  text: string;
  title: string | null;
  url: string | null;
  publisher: string | null;
  publishedOn: string | null;
  /** sha256 (hex) of `text`: the same words in any format give the same hash. */
  contentHash: string;
  /** What was accepted but deserves a look, in plain words. */
  warnings: string[];
}

/** Characters of plain text or Markdown, and of the text extracted from a page. */
export const MAX_TEXT_CHARACTERS = 200_000;
/**
 * Characters of a saved HTML page, markup included: pages carry far more markup and script
 * than words. The HTTP body limit (1 MB, src/http/server.ts) is the tighter bound for GraphQL.
 */
export const MAX_HTML_CHARACTERS = 1_000_000;
/**
 * Elements of a page, and how deep they may nest. Readability's time grows with the square of
 * the nesting (2,000 levels: two minutes) and the element count; saved news pages have a few
 * thousand elements nested a few dozen deep.
 */
export const MAX_HTML_ELEMENTS = 20_000;
export const MAX_HTML_DEPTH = 100;
/** Above this share of control characters (or U+FFFD) the input is taken for binary content. */
export const MAX_CONTROL_SHARE = 0.05;

/** Why an input is refused, sent as `extensions.reason` beside `extensions.field`. */
export type ArticleInputProblem =
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'BINARY'
  | 'MALFORMED_UNICODE'
  | 'NO_SENTENCES'
  | 'HTML_WITHOUT_TEXT'
  | 'TOO_COMPLEX'
  | 'UNKNOWN_FORMAT'
  | 'INVALID_DATE'
  | 'FUTURE_DATE'
  | 'INVALID_URL';

function refuse(field: string, reason: ArticleInputProblem, message: string, extensions: Record<string, unknown> = {}): never {
  throw new BadUserInputError(message, { field, reason, ...extensions });
}

const FORMATS: ReadonlySet<string> = new Set<string>(Object.values(ArticleFormat));

/**
 * Checks and reads an article's input. `today` (YYYY-MM-DD) is the day a publication date may
 * not be after. Throws BadUserInputError with `extensions.field` ("input.text", "input.format",
 * "input.publishedOn", "input.url") and `extensions.reason` (an ArticleInputProblem).
 */
export function readArticleInput(input: ArticleInputFields, today: string): ArticleInputRead {
  if (!isIsoDate(today)) throw new Error(`today must be an ISO date (YYYY-MM-DD), not "${today}"`);
  const warnings: string[] = [];
  const { text: raw, format } = input;

  if (!FORMATS.has(format)) refuse('input.format', 'UNKNOWN_FORMAT', `input.format must be TEXT, MARKDOWN or HTML, not "${String(format)}"`);
  if (raw.trim().length === 0) refuse('input.text', 'EMPTY', 'input.text is empty');
  const limit = format === 'HTML' ? MAX_HTML_CHARACTERS : MAX_TEXT_CHARACTERS;
  if (raw.length > limit) {
    refuse('input.text', 'TOO_LARGE', `input.text has ${raw.length} characters; the limit for ${format} is ${limit}`, { limit, length: raw.length });
  }
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(raw);
  if (loneSurrogate) {
    refuse('input.text', 'MALFORMED_UNICODE', `input.text is not well-formed Unicode: a lone surrogate at offset ${loneSurrogate.index}`, { offset: loneSurrogate.index });
  }
  const nul = raw.indexOf('\0');
  if (nul >= 0) refuse('input.text', 'BINARY', `input.text looks binary: a NUL character at offset ${nul}`, { offset: nul });
  const controls = (raw.match(/[\x01-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFD]/g) ?? []).length;
  if (controls > raw.length * MAX_CONTROL_SHARE) {
    refuse('input.text', 'BINARY', `input.text looks binary: ${controls} of its ${raw.length} characters are control or replacement characters`);
  }
  const replacements = (raw.match(/\uFFFD/g) ?? []).length;
  if (replacements > 0) warnings.push(`${replacements} replacement character(s) (U+FFFD): part of the source was not valid UTF-8`);

  const publishedOn = blankToNull(input.publishedOn);
  if (publishedOn !== null) {
    if (!isIsoDate(publishedOn)) refuse('input.publishedOn', 'INVALID_DATE', `input.publishedOn must be a calendar date YYYY-MM-DD, not "${publishedOn}"`);
    // ISO dates compare as strings.
    if (publishedOn > today) refuse('input.publishedOn', 'FUTURE_DATE', `input.publishedOn (${publishedOn}) is after today (${today})`, { today });
  }
  const url = blankToNull(input.url);
  if (url !== null && !isWebUrl(url)) refuse('input.url', 'INVALID_URL', `input.url must be an absolute http(s) URL, not "${url}"`);

  let extracted: { lines: string[]; title: string | null; publishedOnPage: string | null };
  switch (format) {
    case 'TEXT':
      extracted = { lines: raw.split(/\r\n?|\n/), title: null, publishedOnPage: null };
      break;
    case 'MARKDOWN':
      extracted = { lines: markdownLines(raw), title: null, publishedOnPage: null };
      break;
    case 'HTML':
      extracted = htmlArticle(raw, warnings);
      break;
  }

  const text = normaliseArticleText(extracted.lines.join('\n'));
  if (text.length > MAX_TEXT_CHARACTERS) {
    refuse('input.text', 'TOO_LARGE', `the article's text has ${text.length} characters; the limit is ${MAX_TEXT_CHARACTERS}`, { limit: MAX_TEXT_CHARACTERS, length: text.length });
  }
  if (!sentenceSpans(text).some((span) => /\p{L}{2}/u.test(span.sentence))) {
    refuse('input.text', 'NO_SENTENCES', 'input.text has no sentence: no line with a word in it');
  }

  const title = oneLine(input.title) ?? oneLine(extracted.title);
  if (title === null) warnings.push('no title: the first line titles the article');
  if (publishedOn === null) {
    warnings.push('no publication date: periods such as "in January" or "last fiscal year" stay unresolved');
    if (extracted.publishedOnPage !== null) {
      warnings.push(`the page gives ${extracted.publishedOnPage} as its publication date; pass it as publishedOn to use it`);
    }
  }
  return {
    text,
    title,
    url,
    publisher: oneLine(input.publisher),
    publishedOn,
    contentHash: contentHashOf(text),
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// HTML: the main text by Readability over linkedom, then block elements to lines

/** The little of the DOM this file reads; linkedom's own types assume the DOM lib, which this project does not load. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomDocument extends DomNode {
  body: DomNode | null;
  querySelector(selector: string): (DomNode & { getAttribute(name: string): string | null }) | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content is never article text. Figure captions and credits are left out too: the seed texts have none and they break the run of the paragraphs. */
const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'object', 'embed', 'svg', 'math',
  'canvas', 'img', 'picture', 'video', 'audio', 'source', 'track', 'map', 'button', 'input', 'select', 'option', 'textarea',
  'figcaption',
]);
/** Elements that start and end a line. */
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption',
]);

function htmlArticle(source: string, warnings: string[]): { lines: string[]; title: string | null; publishedOnPage: string | null } {
  // linkedom, unlike a browser, builds no <html>/<body> around a fragment, and Readability needs them.
  const page = /<html[\s>]/i.test(source) ? source : `<!DOCTYPE html><html><head></head><body>${source}</body></html>`;
  const { document } = parseHTML(page) as unknown as { document: DomDocument };
  const pageLines = document.body ? blockLines(document.body) : [];
  if (!pageLines.some((line) => line.trim().length > 0)) {
    refuse('input.text', 'HTML_WITHOUT_TEXT', 'input.text is HTML without any text outside scripts, styles and markup');
  }
  const shape = pageShape(document);
  if (shape.elements > MAX_HTML_ELEMENTS || shape.depth > MAX_HTML_DEPTH) {
    refuse('input.text', 'TOO_COMPLEX', `input.text is a page of ${shape.elements} elements nested ${shape.depth} deep; the limits are ${MAX_HTML_ELEMENTS} and ${MAX_HTML_DEPTH}`, {
      elements: shape.elements, depth: shape.depth, maxElements: MAX_HTML_ELEMENTS, maxDepth: MAX_HTML_DEPTH,
    });
  }
  // Read before Readability, which rewrites the document.
  const ownTitle = oneLine(document.querySelector('meta[property="og:title"]')?.getAttribute('content')) ?? oneLine(document.querySelector('title')?.textContent);

  const article = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
  const lines = article?.content ? blockLines(article.content) : [];
  const found = lines.some((line) => line.trim().length > 0);
  if (!found) warnings.push('Readability found no main text in the page: the text of the whole page was taken');
  const published = /^\d{4}-\d{2}-\d{2}/.exec(article?.publishedTime ?? '')?.[0] ?? null;
  return {
    lines: found ? lines : pageLines,
    title: oneLine(article?.title) ?? ownTitle,
    publishedOnPage: published !== null && isIsoDate(published) ? published : null,
  };
}

/** How many elements a page has and how deep they nest, counted without recursion. */
function pageShape(root: DomNode): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  const pending: [DomNode, number][] = [[root, 0]];
  while (pending.length > 0) {
    const [node, level] = pending.pop()!;
    if (node.nodeType !== ELEMENT_NODE && level > 0) continue;
    if (level > 0) elements += 1;
    depth = Math.max(depth, level);
    for (const child of Array.from(node.childNodes)) pending.push([child, level + 1]);
  }
  return { elements, depth };
}

/** The text of an element, a line per block element and <br>, whitespace collapsed outside <pre>. */
function blockLines(root: DomNode): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    lines.push(current.replace(/\s+/g, ' ').trim());
    current = '';
  };
  // Iterative, so that a page of deeply nested elements cannot overflow the stack.
  type Step = { node: DomNode; inPre: boolean } | { leave: string };
  const steps: Step[] = [{ node: root, inPre: false }];
  while (steps.length > 0) {
    const step = steps.pop()!;
    if ('leave' in step) {
      if (BLOCK_ELEMENTS.has(step.leave)) flush();
      continue;
    }
    const { node, inPre } = step;
    if (node.nodeType === TEXT_NODE) {
      const pieces = (node.textContent ?? '').split('\n');
      if (!inPre) current += pieces.join(' ');
      else
        pieces.forEach((piece, index) => {
          if (index > 0) flush();
          current += piece;
        });
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = node.nodeName.toLowerCase();
    if (SKIPPED_ELEMENTS.has(tag)) continue;
    if (tag === 'br') {
      flush();
      continue;
    }
    if (tag === 'td' || tag === 'th') current += ' ';
    if (BLOCK_ELEMENTS.has(tag)) flush();
    steps.push({ leave: tag });
    // Copied once: linkedom builds childNodes afresh on every access.
    const children = Array.from(node.childNodes);
    for (let index = children.length - 1; index >= 0; index -= 1) steps.push({ node: children[index]!, inPre: inPre || tag === 'pre' });
  }
  flush();
  return lines.filter((line) => line.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Markdown: markup stripped by line rules, no library (see markdownLines)

/**
 * Markdown to lines: a paragraph (its wrapped lines joined), a heading, a list item, a table row
 * or a code line each become one line; front matter, rules, link definitions, images, raw HTML
 * (scripts and styles with their content) and the markup of emphasis, links and code go. This
 * is the common subset of CommonMark news copy uses, not a full parser.
 */
export function markdownLines(source: string): string[] {
  const lines = source
    .replace(/\r\n?/g, '\n')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) out.push(markdownInline(paragraph.join(' ')));
    paragraph = [];
  };

  let index = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((line, at) => at > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (close > 0) index = close + 1;
  }
  let fence: string | null = null;
  for (; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (fence !== null) {
      if (line.trim().startsWith(fence)) fence = null;
      else out.push(line);
      continue;
    }
    const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (opening) {
      endParagraph();
      fence = opening[1]!;
      continue;
    }
    const content = line.replace(/^\s{0,3}(?:>\s?)+/, '');
    if (content.trim().length === 0 || /^\s{0,3}\[[^\]]+\]:\s*\S/.test(content)) {
      endParagraph();
      continue;
    }
    if (paragraph.length > 0 && /^\s{0,3}(?:=+|-+)\s*$/.test(content)) {
      // A setext underline: the paragraph above is a heading.
      endParagraph();
      continue;
    }
    if (/^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/.test(content)) {
      endParagraph();
      continue;
    }
    const heading = /^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/.exec(content);
    if (heading) {
      endParagraph();
      out.push(markdownInline(heading[1] ?? ''));
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(content)) {
      endParagraph();
      if (!/^\s*\|[\s|:-]+\|\s*$/.test(content)) out.push(markdownInline(content.trim().slice(1, -1).split('|').map((cell) => cell.trim()).join(' ')));
      continue;
    }
    const item = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/.exec(content);
    if (item) {
      endParagraph();
      paragraph.push(content.slice(item[0].length).trim());
      continue;
    }
    const hardBreak = / {2,}$|\\$/.test(content);
    paragraph.push(content.trim().replace(/\\$/, ''));
    if (hardBreak) endParagraph();
  }
  endParagraph();
  return out;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', mdash: '—', ndash: '–', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', deg: '°',
};

/** Private-use stand-ins for characters that are text, not markup (escaped, or inside code). */
const protect = (text: string) => text.replace(/[!-/:-@[-`{-~]/g, (char) => String.fromCharCode(0xe000 + char.charCodeAt(0)));
const unprotect = (text: string) => text.replace(/[\uE000-\uE07F]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xe000));

function markdownInline(text: string): string {
  let out = text
    .replace(/\\([!-/:-@[-`{-~])/g, (_, char: string) => protect(char))
    .replace(/(`+)\s?([\s\S]*?)\s?\1(?!`)/g, (_, _ticks: string, code: string) => protect(code))
    .replace(/!\[[^\]]*\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])/g, '')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/\[([^\]]*)\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+|[^@>\s]+@[^>\s]+)>/gi, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, '');
  for (let pass = 0; pass < 2; pass += 1) {
    out = out
      .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1')
      .replace(/(?<![\p{L}\p{N}_])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/gu, '$1')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
      .replace(/\*(?=[^\s*])([^*]*?[^\s*])\*/g, '$1')
      .replace(/(?<![\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1');
  }
  out = out.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/g, (entity, decimal?: string, hex?: string, name?: string) => {
    const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity;
    return ENTITIES[name!] ?? entity;
  });
  return unprotect(out);
}

// ---------------------------------------------------------------------------------------------

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}

function oneLine(value: string | null | undefined): string | null {
  return blankToNull(value?.replace(/\s+/g, ' '));
}

function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
