// A second, simpler scorer beside MiniSearch: for each entry, the summed idf of the
// message's telling words (and word pairs) that the entry has, each counted once, at
// the weight of the best field it is in. BM25 rewards an entry for saying a word
// often and for being short; this scorer only asks "which entry has the rare words
// the message says", which bridges a citizen's story to a portal record's formal
// title far better. The engine blends the two rankings (see Ranker).
import type { IndexedDoc } from './search-index.ts';
import { isPair } from './tokens.ts';

export interface WordMatchWeights {
  /** A word in the entry's title. */
  name: number;
  /** A word only in the entry's aliases or sample questions. */
  phrasing: number;
  /** A word only in its summary, sector, result or FAQ answer. */
  detail: number;
  /** Extra share for an entry whose title the message says much of (idf-weighted). */
  nameShare: number;
}

/** Chosen with the ranking weights (see DEFAULT_WEIGHTS in ranker.ts). */
export const DEFAULT_WORD_MATCH: WordMatchWeights = { name: 1, phrasing: 0.5, detail: 0.45, nameShare: 0.75 };

const NAME = 1;
const PHRASING = 2;
const DETAIL = 4;
const FIELD_BITS = 3;

export interface Matched {
  id: string;
  score: number;
}

export class WordMatch {
  private readonly ids: string[];
  /** Per folded term: entry index << FIELD_BITS | the fields holding it. */
  private readonly postings = new Map<string, Int32Array>();
  private readonly nameMass: Float64Array;
  // Per-entry sums of one score() call, kept between calls (and zeroed after each) so a
  // message costs no fresh arrays the size of the knowledge.
  private readonly scores: Float64Array;
  private readonly named: Float64Array;
  private readonly touched: Int32Array;

  constructor(docs: readonly IndexedDoc[], private readonly weights: WordMatchWeights = DEFAULT_WORD_MATCH) {
    this.ids = docs.map((d) => d.id);
    const lists = new Map<string, number[]>();
    docs.forEach((doc, i) => {
      const fields = new Map<string, number>();
      const mark = (terms: readonly string[] | undefined, bit: number) => {
        for (const term of terms ?? []) fields.set(term, (fields.get(term) ?? 0) | bit);
      };
      mark(doc.terms.title_f, NAME);
      mark(doc.terms.alias_f, PHRASING);
      mark(doc.terms.question_f, PHRASING);
      mark(doc.terms.text_f, DETAIL);
      for (const [term, bits] of fields) {
        let list = lists.get(term);
        if (!list) lists.set(term, (list = []));
        list.push((i << FIELD_BITS) | bits);
      }
    });
    for (const [term, list] of lists) this.postings.set(term, Int32Array.from(list));
    // How much there is to say of each title: the sum of its words' idf.
    this.scores = new Float64Array(docs.length);
    this.named = new Float64Array(docs.length);
    this.touched = new Int32Array(docs.length);
    this.nameMass = new Float64Array(docs.length);
    docs.forEach((doc, i) => {
      for (const term of new Set(doc.terms.title_f)) if (!isPair(term)) this.nameMass[i]! += this.idf(this.postings.get(term)!);
    });
  }

  /** Inverse document frequency, from how many entries a term's postings name. */
  private idf(postings: Int32Array): number {
    return Math.log((this.ids.length + 1) / (postings.length + 0.5));
  }

  /** The best `limit` entries for these folded terms (words and pairs), best first. */
  score(terms: readonly string[], limit: number): Matched[] {
    const { name, phrasing, detail, nameShare } = this.weights;
    if (limit <= 0) return [];
    const { scores, named, touched } = this;
    let count = 0;
    for (const term of new Set(terms)) {
      const postings = this.postings.get(term);
      if (!postings) continue;
      const idf = this.idf(postings);
      const single = !isPair(term);
      for (const posting of postings) {
        const i = posting >> FIELD_BITS;
        if (scores[i] === 0) touched[count++] = i;
        scores[i]! += idf * (posting & NAME ? name : posting & PHRASING ? phrasing : detail);
        if (single && posting & NAME) named[i]! += idf;
      }
    }
    // A common word touches most entries: only the best `limit` become results (ties
    // in the order first touched, as a stable sort would leave them).
    const best: Matched[] = [];
    for (let t = 0; t < count; t++) {
      const i = touched[t]!;
      const score = scores[i]! * (1 + (nameShare * named[i]!) / (this.nameMass[i] || 1));
      scores[i] = 0;
      named[i] = 0;
      if (best.length === limit && score <= best[limit - 1]!.score) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.score < score) at--;
      best.splice(at, 0, { id: this.ids[i]!, score });
      if (best.length > limit) best.pop();
    }
    return best;
  }
}
