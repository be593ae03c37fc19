// Turns text into the index terms both sides share: canonical words, plus adjacent
// word pairs inside a phrase (no pair crosses punctuation). Pairs stand in for
// Vietnamese multi-syllable words ("khai sinh", "căn cước") without a segmenter.
import { canonical, foldCanonical } from '../kernel/vietnamese.ts';

const SEGMENT_BREAK = /[\n\r.,;:!?()[\]{}"“”'‘’|/\\–—-]+/u;
/** Where a message's sentences end: citizens tell their story first and ask last. */
export const SENTENCE_BREAK = /[.!?\n]+/;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Canonical words grouped by phrase. */
export function segments(text: string): string[][] {
  return canonical(text)
    .split(SEGMENT_BREAK)
    .map((part) => part.match(WORD) ?? [])
    .filter((part) => part.length > 0);
}

export const PAIR_JOINER = '_';

export function withPairs(phrase: readonly string[]): string[] {
  const terms = [...phrase];
  for (let i = 0; i + 1 < phrase.length; i++) terms.push(phrase[i] + PAIR_JOINER + phrase[i + 1]);
  return terms;
}

export function isPair(term: string): boolean {
  return term.includes(PAIR_JOINER);
}

/** Terms of a field, accented and folded, from one pass over the text; pairs when asked. */
export function fieldTerms(text: string, pairs: boolean, expand: (phrase: string[]) => string[]): { accented: string[]; folded: string[] } {
  const accented: string[] = [];
  const folded: string[] = [];
  for (const typed of segments(text)) {
    const phrase = expand(typed);
    // segments() and the lexicon give canonical words: fold them without normalising again.
    const f = phrase.map(foldCanonical);
    accented.push(...(pairs ? withPairs(phrase) : phrase));
    folded.push(...(pairs ? withPairs(f) : f));
  }
  return { accented, folded };
}
