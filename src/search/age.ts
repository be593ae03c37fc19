// Ages decide between otherwise identical procedures ("thẻ căn cước cho người dưới
// 06 tuổi / dưới 14 tuổi / từ đủ 14 tuổi"). A citizen who says "con 10 tuổi" means
// the one entry whose age range holds 10, and never the ones that exclude it.
import { canonical, fold } from '../kernel/vietnamese.ts';

export interface AgeRange {
  /** Inclusive lower bound. */
  min: number;
  /** Exclusive upper bound. */
  max: number;
}

const BELOW = /dưới (\d{1,3}) tuổi/;
const BOUND_WORDS = new Set(['duoi', 'tren', 'tu', 'du', 'qua', 'hon']);
const FROM = /từ đủ (\d{1,3}) tuổi/;

/** The age range an entry's title states, if any. */
export function ageRangeOf(title: string): AgeRange | undefined {
  const text = canonical(title);
  const below = BELOW.exec(text);
  const from = FROM.exec(text);
  if (!below && !from) return undefined;
  return { min: from ? Number(from[1]) : 0, max: below ? Number(below[1]) : Infinity };
}

/** Where the message says a number of years ("5 tuổi", the 14 of "dưới 14 tuổi"): the number's index. */
function yearsSaid(words: readonly string[]): number[] {
  return words.flatMap((w, i) => (/^\d{1,3}$/.test(w) && fold(words[i + 1] ?? '') === 'tuoi' ? [i] : []));
}

/** Where the message says a baby's age in months ("4 tháng tuổi"): the number's index. */
function monthsSaid(words: readonly string[]): number[] {
  return words.flatMap((w, i) => (/^\d{1,3}$/.test(w) && fold(words[i + 1] ?? '') === 'thang' && fold(words[i + 2] ?? '') === 'tuoi' ? [i] : []));
}

/** The age in years a message mentions ("10 tuổi", "bé 5 tuổi", "4 tháng tuổi" is 0), if exactly one. */
export function ageIn(words: readonly string[]): number | undefined {
  // "dưới 14 tuổi" names a range, not the child's age.
  const years = yearsSaid(words).filter((i) => !BOUND_WORDS.has(fold(words[i - 1] ?? ''))).map((i) => Number(words[i]));
  const months = monthsSaid(words).map((i) => Math.floor(Number(words[i]) / 12));
  const ages = new Set([...years, ...months]);
  return ages.size === 1 ? [...ages][0] : undefined;
}

/** Whether the message says an age or an age range at all ("5 tuổi", "dưới 14 tuổi"). */
export function saysAge(words: readonly string[]): boolean {
  return yearsSaid(words).length > 0;
}

/** Whether the range holds the age. */
export function holdsAge(range: AgeRange | undefined, age: number | undefined): range is AgeRange {
  return !!range && age !== undefined && age >= range.min && age < range.max;
}

/**
 * Score factor: the narrowest range holding the age wins, ranges excluding it sink. An
 * entry the message does not name (`named` false) is never lifted: "đổi tên cho con 5
 * tuổi" is no question about the card for under-6s.
 */
export function ageFactor(range: AgeRange | undefined, age: number | undefined, narrowest: number, named = true): number {
  if (!range || age === undefined) return 1;
  if (!holdsAge(range, age)) return 0.3;
  if (!named) return 1;
  return range.max - range.min <= narrowest ? 1.5 : 1.2;
}

/** A title without the age range it states: the same thing for other ages ("Cấp thẻ căn cước cho người"). */
export function withoutAge(title: string): string {
  return canonical(title).replace(/(?:dưới|từ đủ) \d{1,3} tuổi(?: trở lên)?/g, '').replace(/\s+/g, ' ').trim();
}
