// Phrase tables matched on folded word sequences, so a cue written with accents
// ("lệ phí") also matches a citizen typing without them ("le phi").
import { fold, words } from '../text/vietnamese.ts';

export interface PhraseMatch<T> {
  start: number;
  end: number;
  value: T;
}

export class PhraseTable<T> {
  private readonly byFirstWord = new Map<string, { words: string[]; value: T }[]>();

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [phrase, value] of entries) {
      const key = words(phrase).map(fold);
      if (key.length === 0) continue;
      const bucket = this.byFirstWord.get(key[0]!) ?? [];
      bucket.push({ words: key, value });
      // Longest phrase first, so "bao nhiêu tiền" wins over "bao nhiêu".
      bucket.sort((a, b) => b.words.length - a.words.length);
      this.byFirstWord.set(key[0]!, bucket);
    }
  }

  static of(phrases: Iterable<string>): PhraseTable<true> {
    return new PhraseTable([...phrases].map((p) => [p, true] as const));
  }

  /** Non-overlapping longest matches, left to right, over already folded words. */
  matches(folded: readonly string[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let i = 0; i < folded.length; ) {
      const hit = this.byFirstWord.get(folded[i]!)?.find((c) => c.words.every((w, k) => folded[i + k] === w));
      if (hit) {
        found.push({ start: i, end: i + hit.words.length, value: hit.value });
        i += hit.words.length;
      } else i++;
    }
    return found;
  }
}
