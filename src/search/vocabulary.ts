// Folded words of the whole knowledge base with their document frequencies: the
// basis for "how telling is this word" (idf) and for correcting typos against
// words that really occur in the knowledge.
import SearchableMap from 'minisearch/SearchableMap';
import type { IndexedDoc } from './search-index.ts';
import { fieldTerms } from './tokens.ts';

export class Vocabulary {
  private readonly df = new SearchableMap<number>();
  readonly documentCount: number;

  constructor(docs: readonly IndexedDoc[]) {
    for (const doc of docs) {
      const seen = new Set(fieldTerms([doc.title, doc.alias, doc.question, doc.text].join('\n'), { pairs: false, folded: true }));
      for (const word of seen) this.df.set(word, (this.df.get(word) ?? 0) + 1);
    }
    this.documentCount = docs.length;
  }

  has(word: string): boolean {
    return this.df.has(word);
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

  /** The closest known word within a small edit distance, most frequent first; undefined if none. */
  correct(word: string): string | undefined {
    if (word.length < 4 || /\d/.test(word)) return undefined;
    const maxDistance = word.length >= 8 ? 2 : 1;
    let best: { word: string; distance: number; df: number } | undefined;
    for (const [candidate, [df, distance]] of this.df.fuzzyGet(word, maxDistance)) {
      if (distance === 0) return candidate;
      if (!best || distance < best.distance || (distance === best.distance && df > best.df)) best = { word: candidate, distance, df };
    }
    return best?.word;
  }
}
