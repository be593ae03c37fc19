// Finds the known names closest to a mistyped one ("ben nge" → "ben nghe", "bennghe" →
// "ben nghe"). Names are compared without their spaces and bucketed by that length, so
// only names that could be within the distance are compared; a name that differs at both
// its first and last letter is taken for another name; each comparison only fills the
// cells that can stay within the distance.

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

  constructor(keys: Iterable<string>) {
    for (const key of keys) {
      const name = nameOf(key);
      const list = this.buckets.get(name.compact.length);
      if (list) list.push(name);
      else this.buckets.set(name.compact.length, [name]);
    }
  }

  /** Keys within `maxDistance` edits of `typed` (spaces aside) that `accept` takes, closest first. */
  within(typed: string, maxDistance: number, accept: (key: string) => boolean = () => true): Near[] {
    const wanted = nameOf(typed);
    const found: Near[] = [];
    for (let length = wanted.compact.length - maxDistance; length <= wanted.compact.length + maxDistance; length++) {
      for (const name of this.buckets.get(length) ?? []) {
        // A slip rarely hits both ends of a name; and each edit changes the letter counts by at most 2.
        if (name.compact[0] !== wanted.compact[0] && name.compact.at(-1) !== wanted.compact.at(-1)) continue;
        if (letterGap(wanted.letters, name.letters) > 2 * maxDistance) continue;
        const distance = boundedDistance(wanted.compact, name.compact, maxDistance);
        if (distance <= maxDistance && accept(name.key)) found.push({ key: name.key, distance, wordGap: Math.abs(name.words - wanted.words) });
      }
    }
    return found.sort((a, b) => a.distance - b.distance || a.wordGap - b.wordGap || a.key.localeCompare(b.key));
  }
}

function nameOf(key: string): Name {
  const compact = key.replace(/ /g, '');
  const letters = new Uint8Array(37);
  for (let i = 0; i < compact.length; i++) letters[slot(compact.charCodeAt(i))]!++;
  return { key, compact, words: key.split(' ').length, letters };
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

let rows = [new Uint16Array(64), new Uint16Array(64), new Uint16Array(64)];

/**
 * Edit distance of a and b, two neighbouring letters swapped counting as one edit ("thnah"
 * for "thanh"), or max + 1 as soon as it must exceed max (only the band |i − j| ≤ max is
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
      let value = Math.min(previous[j - 1]! + (same ? 0 : 1), previous[j]! + 1, current[j - 1]! + 1, outside);
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
