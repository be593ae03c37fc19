// Finds the known names closest to a mistyped one ("ben nge" → "ben nghe", "bennghe" →
// "ben nghe"). Names are compared without their spaces and bucketed by that length, so
// only names that could be within the distance are compared; a name that differs at both
// its first and last letter is taken for another name; each comparison only fills the
// cells that can stay within the distance. The distance counts the slips people make: a
// letter dropped, added or swapped with the next, the key beside the right one or a letter
// their region says alike (l/n, s/x) for it, "ch"/"tr", "d"/"gi" at a word's start and
// "c"/"t", "n"/"ng" at its end;
// another letter in place of the right one is rather another word, and counts two.
import { addTo } from '../kernel/multimap.ts';

export interface Near {
  key: string;
  distance: number;
  /** How many words more or fewer than typed: "tan thanhh" is nearer "tan thanh" than "tan thanh a". */
  wordGap: number;
}

interface Name {
  key: string;
  compact: string;
  words: number;
  letters: Uint8Array;
}

export class NearNames {
  /** compact length → names */
  private readonly buckets = new Map<number, Name[]>();
  /** compact → names: a regional spelling is looked up whole. */
  private readonly byCompact = new Map<string, Name[]>();

  constructor(keys: Iterable<string>) {
    for (const key of keys) {
      const name = nameOf(key);
      addTo(this.buckets, name.compact.length, name);
      addTo(this.byCompact, name.compact, name);
    }
  }

  /** Keys within `maxDistance` edits of `typed` (spaces aside) that `accept` takes, closest first. */
  within(typed: string, maxDistance: number, accept: (key: string) => boolean = () => true): Near[] {
    const wanted = nameOf(typed);
    const found: Near[] = [];
    // A regional spelling of a word's start is one slip, though two letters.
    for (const variant of regionalVariants(typed)) {
      for (const known of this.byCompact.get(compact(variant)) ?? []) {
        if (accept(known.key)) found.push({ key: known.key, distance: 1, wordGap: Math.abs(known.words - wanted.words) });
      }
    }
    for (let length = wanted.compact.length - maxDistance; length <= wanted.compact.length + maxDistance; length++) {
      for (const name of this.buckets.get(length) ?? []) {
        // A slip rarely hits both ends of a name; and each edit changes the letter counts by at most 2.
        if (name.compact[0] !== wanted.compact[0] && name.compact.at(-1) !== wanted.compact.at(-1)) continue;
        if (letterGap(wanted.letters, name.letters) > 2 * maxDistance) continue;
        const distance = boundedDistance(wanted.compact, name.compact, maxDistance);
        if (distance <= maxDistance && !found.some((f) => f.key === name.key && f.distance <= distance) && accept(name.key)) found.push({ key: name.key, distance, wordGap: Math.abs(name.words - wanted.words) });
      }
    }
    return found.sort((a, b) => a.distance - b.distance || a.wordGap - b.wordGap || a.key.localeCompare(b.key));
  }
}

/** A name's letters without its spaces: "Dak Rông" and "Dakrông" compare alike. */
export function compact(key: string): string {
  return key.replace(/ /g, '');
}

function nameOf(key: string): Name {
  const letters = compact(key);
  const counts = new Uint8Array(37);
  for (let i = 0; i < letters.length; i++) counts[slot(letters.charCodeAt(i))]!++;
  return { key, compact: letters, words: key.split(' ').length, letters: counts };
}

/** a–z, 0–9, anything else. */
function slot(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 22;
  return 36;
}

function letterGap(a: Uint8Array, b: Uint8Array): number {
  let gap = 0;
  for (let i = 0; i < a.length; i++) gap += Math.abs(a[i]! - b[i]!);
  return gap;
}

/** Word starts said alike in one region or another ("trung"/"chung", "giang"/"dang"). */
const REGIONAL_STARTS: [RegExp, string][] = [
  [/\bch(?=[aeiouy])/g, 'tr'],
  [/\btr(?=[aeiouy])/g, 'ch'],
  [/\bgi(?=[aeiouy])/g, 'd'],
  [/\bd(?=[aeiouy])/g, 'gi'],
];

/** Word ends said alike in the south and centre ("Quy Đạc" for Quy Đạt, "Bình Thuậng" for Bình Thuận). */
const REGIONAL_ENDS: [RegExp, string][] = [
  [/(?<=[aeiouy])c\b/g, 't'],
  [/(?<=[aeiouy])t\b/g, 'c'],
  [/(?<=[aeiouy])ng\b/g, 'n'],
  [/(?<=[aeiouy])n\b/g, 'ng'],
];

/** The key with one word's start or end spelt as another region says it. */
function regionalVariants(key: string): string[] {
  return [...REGIONAL_STARTS, ...REGIONAL_ENDS].flatMap(([pattern, into]) => [...key.matchAll(pattern)].map((m) => key.slice(0, m.index) + into + key.slice(m.index + m[0].length)));
}

/** Letters of a phone's QWERTY keyboard, row by row: a thumb slips along its row ("Nghệ Ab", "Hồng Sơb"). */
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Letters one region says alike, or one sound spelt two ways ("Đắc", "Đắk"): a slip rather than another word. */
const SAID_ALIKE = ['ln', 'sx', 'iy', 'ck'];

/** What typing one letter for another costs, by char code (a × 128 + b): a key beside it or a letter said alike is one slip, another letter two. */
const SUBSTITUTION: Uint8Array = (() => {
  const cost = new Uint8Array(128 * 128).fill(2);
  for (const [a, b] of [...KEY_ROWS.flatMap((row) => [...row].slice(1).map((ch, k) => row[k]! + ch)), ...SAID_ALIKE].map((pair) => [pair.charCodeAt(0), pair.charCodeAt(1)] as const)) {
    cost[a * 128 + b] = cost[b * 128 + a] = 1;
  }
  return cost;
})();

function substitution(a: number, b: number): number {
  return a < 128 && b < 128 ? SUBSTITUTION[a * 128 + b]! : 2;
}

/** What a letter typed in more costs: one slip when it doubles a letter beside it or is a key beside one ("TTân", "Sơbn"), or makes a final "n" "ng" or "nh" as regions say it ("Lạng" for Lạn), else two. */
function extra(typed: string, at: number): number {
  const code = typed.charCodeAt(at);
  if ((code === G || code === H) && typed.charCodeAt(at - 1) === N) return 1;
  for (const beside of [at - 1, at + 1]) {
    const other = typed.charCodeAt(beside);
    if (other === code || substitution(code, other) === 1) return 1;
  }
  return 2;
}

const [G, H, N] = ['g', 'h', 'n'].map((ch) => ch.charCodeAt(0)) as [number, number, number];

let rows = [new Uint16Array(64), new Uint16Array(64), new Uint16Array(64)];

/**
 * Edit distance of typed a from name b, two neighbouring letters swapped counting as one
 * edit ("thnah" for "thanh"), a letter typed for another or typed in more as one only
 * when the keys are side by side or the letters said alike (or doubled), a letter left
 * out as one; or max + 1 as soon as it must exceed max (only the band |i − j| ≤ max is
 * computed).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (rows[0]!.length <= m) rows = [new Uint16Array(m + 1), new Uint16Array(m + 1), new Uint16Array(m + 1)];
  const outside = max + 1;
  let [older, previous, current] = rows as [Uint16Array, Uint16Array, Uint16Array];
  for (let j = 0; j <= m; j++) previous[j] = j <= max ? j : outside;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    current[from - 1] = from === 1 && i <= max ? i : outside;
    let best = current[from - 1]!;
    for (let j = from; j <= to; j++) {
      const same = a.charCodeAt(i - 1) === b.charCodeAt(j - 1);
      let value = Math.min(previous[j - 1]! + (same ? 0 : substitution(a.charCodeAt(i - 1), b.charCodeAt(j - 1))), previous[j]! + extra(a, i - 1), current[j - 1]! + 1, outside);
      if (!same && i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) value = Math.min(value, older[j - 2]! + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    if (to < m) current[to + 1] = outside;
    if (best > max) return outside;
    [older, previous, current] = [previous, current, older];
  }
  return Math.min(previous[m]!, outside);
}
