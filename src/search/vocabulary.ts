// Folded words of the whole knowledge base with their document frequencies: the
// basis for "how telling is this word" (idf) and for correcting typos against
// words that really occur in the knowledge.
import SearchableMap from 'minisearch/SearchableMap';
import type { IndexedDoc } from './search-index.ts';
import { isPair, PAIR_JOINER } from './tokens.ts';

/** A word in more documents than this is too common to search for on its own (see isCommon). */
const COMMON_MIN_DF = 100;
const COMMON_SHARE = 0.05;

export class Vocabulary {
  /** Document frequency per folded word; a plain Map for the many lookups per message. */
  private readonly df: Map<string, number>;
  /** The same words as a radix tree, for typo correction only. */
  private readonly spellings: SearchableMap<number>;
  private readonly wordsOf = new Map<string, ReadonlySet<string>>();
  private readonly pairsOf = new Map<string, ReadonlySet<string>>();
  private readonly pairDf = new Map<string, number>();
  readonly documentCount: number;

  constructor(docs: readonly IndexedDoc[]) {
    // Counted in a plain Map, then turned into the searchable tree once: far cheaper
    // than updating the tree for every word of every entry.
    const df = new Map<string, number>();
    for (const doc of docs) {
      const words = new Set<string>();
      const pairs = new Set<string>();
      for (const [field, terms] of Object.entries(doc.terms)) {
        if (field.endsWith('_f')) for (const term of terms) (isPair(term) ? pairs : words).add(term);
      }
      this.wordsOf.set(doc.id, words);
      this.pairsOf.set(doc.id, pairs);
      for (const word of words) df.set(word, (df.get(word) ?? 0) + 1);
      for (const pair of pairs) this.pairDf.set(pair, (this.pairDf.get(pair) ?? 0) + 1);
    }
    this.df = df;
    this.spellings = SearchableMap.from(df);
    this.documentCount = docs.length;
  }

  has(word: string): boolean {
    return this.df.has(word);
  }

  /** Whether the knowledge writes these two folded words next to each other somewhere. */
  hasPair(first: string | undefined, second: string | undefined): boolean {
    return first !== undefined && second !== undefined && this.pairDf.has(first + PAIR_JOINER + second);
  }

  /** Whether an entry's text has this folded word (in any field) or word pair (in a short field). */
  entryHas(id: string, term: string): boolean {
    return ((isPair(term) ? this.pairsOf : this.wordsOf).get(id)?.has(term) ?? false);
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

  /** Inverse document frequency of a word or pair; one the knowledge never uses is the most telling. */
  idf(word: string): number {
    const df = (isPair(word) ? this.pairDf.get(word) : this.df.get(word)) ?? 0;
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
    for (const [candidate, [df, distance]] of this.spellings.fuzzyGet(word, maxDistance)) {
      if (distance === 0 || !fits(candidate)) continue;
      if (!best || distance < best.distance || (distance === best.distance && df > best.df)) best = { word: candidate, distance, df };
    }
    return best?.word;
  }
}
