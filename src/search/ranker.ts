// Ranks entries for a query: an accented pass and a folded pass combined in one
// MiniSearch query tree (exact diacritics weigh more), light weights for function
// and aspect words, then per-result coverage of the query's telling words.
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { fold } from '../text/vietnamese.ts';
import { ACCENTED_FIELDS, FOLDED_FIELDS, type IndexedDoc } from './search-index.ts';
import { isPair, PAIR_JOINER, withPairs } from './tokens.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface RankWeights {
  fields: Record<string, number>;
  /** Weight of the folded pass relative to the accented one. */
  folded: number;
  functionWord: number;
  aspectWord: number;
  /** Extra weight of curated entries over imported ones. */
  curated: number;
}

export const DEFAULT_WEIGHTS: RankWeights = {
  fields: { title: 2.5, alias: 3, question: 3, text: 0.5 },
  folded: 0.4,
  functionWord: 0.15,
  aspectWord: 0.4,
  curated: 1.2,
};

export interface Ranked {
  id: string;
  score: number;
  /** Share (0–1) of the query's telling words found in this entry, weighted by idf. */
  coverage: number;
}

export interface RankInput {
  phrases: string[][];
  /** Folded words that carry no topic (function words, aspect cues). */
  isLight(foldedWord: string): 'function' | 'aspect' | undefined;
}

export class Ranker {
  constructor(
    private readonly index: MiniSearch<IndexedDoc>,
    private readonly vocabulary: Vocabulary,
    private readonly isCurated: (id: string) => boolean,
    private readonly weights: RankWeights = DEFAULT_WEIGHTS,
  ) {}

  rank(input: RankInput, limit = 10): Ranked[] {
    const accented = input.phrases.flatMap(withPairs);
    const folded = input.phrases.map((p) => p.map(fold)).flatMap(withPairs);
    const boost = (fields: readonly string[], factor: number) =>
      Object.fromEntries(fields.map((f) => [f, (this.weights.fields[f.replace(/_f$/, '')] ?? 1) * factor]));
    const termWeight = (term: string) => {
      const parts = fold(term).split(PAIR_JOINER);
      const ws = parts.map((w) => {
        const light = input.isLight(w);
        return light === 'function' ? this.weights.functionWord : light === 'aspect' ? this.weights.aspectWord : 1;
      });
      return ws.reduce((a, b) => a + b, 0) / ws.length;
    };
    const results = this.index.search(
      {
        combineWith: 'OR',
        queries: [
          { queries: [unique(accented).join(' ')], fields: [...ACCENTED_FIELDS], boost: boost(ACCENTED_FIELDS, 1) },
          { queries: [unique(folded).join(' ')], fields: [...FOLDED_FIELDS], boost: boost(FOLDED_FIELDS, this.weights.folded) },
        ],
      },
      {
        boostTerm: termWeight,
        boostDocument: (id) => (this.isCurated(id as string) ? this.weights.curated : 1),
      },
    );
    const telling = unique(input.phrases.flat().map(fold)).filter((w) => !input.isLight(w));
    return results.slice(0, limit).map((r) => ({ id: r.id as string, score: r.score, coverage: this.coverage(r, telling) }));
  }

  /** Replaces unknown words by their nearest known spelling; undefined when nothing changed. */
  correct(phrases: string[][]): string[][] | undefined {
    let changed = false;
    const corrected = phrases.map((phrase) =>
      phrase.map((word) => {
        const f = fold(word);
        if (this.vocabulary.has(f)) return word;
        const fix = this.vocabulary.correct(f);
        if (!fix || fix === f) return word;
        changed = true;
        return fix;
      }),
    );
    return changed ? corrected : undefined;
  }

  private coverage(result: SearchResult, telling: string[]): number {
    if (telling.length === 0) return 0;
    const matched = new Set(result.queryTerms.filter((t) => !isPair(t)).map(fold));
    let total = 0;
    let found = 0;
    for (const word of telling) {
      const idf = this.vocabulary.idf(word);
      total += idf;
      if (matched.has(word)) found += idf;
    }
    return total > 0 ? found / total : 0;
  }
}

function unique(terms: string[]): string[] {
  return [...new Set(terms)];
}
