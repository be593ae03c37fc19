// Folded words of the whole knowledge base with their document frequencies: the
// basis for "how telling is this word" (idf) and for correcting typos against
// words that really occur in the knowledge.
import SearchableMap from 'minisearch/SearchableMap';
import type { IndexedDoc } from './search-index.ts';
import { isPair, PAIR_JOINER } from './tokens.ts';

/** A word in more documents than this is too common to search for on its own (see isCommon). */
const COMMON_MIN_DF = 200;
const COMMON_SHARE = 0.1;

export class Vocabulary {
  private readonly df = new SearchableMap<number>();
  private readonly wordsOf = new Map<string, ReadonlySet<string>>();
  private readonly pairDf = new Map<string, number>();
  readonly documentCount: number;

  constructor(docs: readonly IndexedDoc[]) {
    for (const doc of docs) {
      const seen = new Set(Object.entries(doc.terms).flatMap(([field, terms]) => (field.endsWith('_f') ? terms.filter((t) => !isPair(t)) : [])));
      this.wordsOf.set(doc.id, seen);
      const pairs = new Set(Object.entries(doc.terms).flatMap(([field, terms]) => (field.endsWith('_f') ? terms.filter(isPair) : [])));
      for (const pair of pairs) this.pairDf.set(pair, (this.pairDf.get(pair) ?? 0) + 1);
      for (const word of seen) this.df.set(word, (this.df.get(word) ?? 0) + 1);
    }
    this.documentCount = docs.length;
  }

  has(word: string): boolean {
    return this.df.has(word);
  }

  /** Whether the knowledge writes these two folded words next to each other somewhere. */
  hasPair(first: string | undefined, second: string | undefined): boolean {
    return first !== undefined && second !== undefined && this.pairDf.has(first + PAIR_JOINER + second);
  }

  /** Whether an entry's text has this folded word, in any field. */
  entryHas(id: string, word: string): boolean {
    return this.wordsOf.get(id)?.has(word) ?? false;
  }

  /**
   * Terms like "thủ", "cấp" or "thủ tục" in a large imported corpus: searching them
   * scores thousands of entries for almost no information. Small knowledge bases
   * have no common words (the floor keeps curated-only ranking unchanged).
   */
  isCommon(term: string): boolean {
    const df = isPair(term) ? this.pairDf.get(term) : this.df.get(term);
    return (df ?? 0) > Math.max(COMMON_MIN_DF, COMMON_SHARE * this.documentCount);
  }

  /** Inverse document frequency; a word the knowledge never uses is the most telling. */
  idf(word: string): number {
    const df = this.df.get(word) ?? 0;
    return Math.log((this.documentCount + 1) / (df + 0.5));
  }

  /** The idf of a word no entry uses: the upper bound of idf(). */
  get maxIdf(): number {
    return Math.log((this.documentCount + 1) / 0.5);
  }

  /** The closest known word within a small edit distance that `fits`, most frequent first; undefined if none. */
  correct(word: string, fits: (candidate: string) => boolean): string | undefined {
    if (word.length < 4 || /\d/.test(word)) return undefined;
    const maxDistance = word.length >= 8 ? 2 : 1;
    let best: { word: string; distance: number; df: number } | undefined;
    for (const [candidate, [df, distance]] of this.df.fuzzyGet(word, maxDistance)) {
      if (distance === 0 || !fits(candidate)) continue;
      if (!best || distance < best.distance || (distance === best.distance && df > best.df)) best = { word: candidate, distance, df };
    }
    return best?.word;
  }
}
