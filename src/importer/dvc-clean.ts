// Cleans text from national-portal (dichvucong.gov.vn) records: Unicode NFC, whitespace,
// the portal's "no information" placeholder, and length caps that say where the rest is.
import { PORTAL_TEXTS } from '../texts/citizens.ts';

/** The portal writes this in every cell it has nothing for. */
export const PLACEHOLDER = 'Không có thông tin';

// Zero-width characters, and Wingdings bullets pasted from Word (private-use area).
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const PRIVATE_USE = /[\uf000-\uf0ff]/g;
// Only whitespace runs that differ from one plain space: much faster than /\s+/ on long text.
const INLINE_SPACE = / \s+|[^\S ]\s*/g;
const LINE_BREAK = /[^\S\n]*\n\s*/g; // a line break with the spaces and blank lines around it
const LINE_SPACE = / [^\S\n]+|[^\S \n][^\S\n]*/g;

function normalise(raw: string): string {
  return raw.normalize('NFC').replace(INVISIBLE, '').replace(PRIVATE_USE, ' ');
}

/** NFC, one space between words, no line breaks, placeholder → ''. */
export function cleanInline(raw: string): string {
  return dropPlaceholder(normalise(raw).replace(INLINE_SPACE, ' ').trim());
}

/** Like cleanInline, but keeps one line break per paragraph: they separate list items. */
export function cleanMultiline(raw: string): string {
  return dropPlaceholder(normalise(raw).replace(LINE_BREAK, '\n').replace(LINE_SPACE, ' ').trim());
}

function dropPlaceholder(text: string): string {
  return text === PLACEHOLDER ? '' : text;
}

/** Shortens to at most `max` characters, at a word boundary, marking the cut with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Caps a long free text, saying where the rest is. */
export function capText(text: string, maxChars: number): string {
  return text.length > maxChars ? `${clip(text, maxChars)}\n${PORTAL_TEXTS.moreOnPortal}` : text;
}

/** Caps each line and the number of lines, ending a cut list with PORTAL_TEXTS.moreOnPortal. */
export function capList(lines: string[], maxLines: number, maxChars: number): string[] {
  const clipped = lines.map((line) => clip(line, maxChars));
  return clipped.length > maxLines ? [...clipped.slice(0, maxLines), PORTAL_TEXTS.moreOnPortal] : clipped;
}
