// Ranks entries for a query: an accented pass and a folded pass combined in one
// MiniSearch query tree (exact diacritics weigh more), light weights for function
// and aspect words, then per-result coverage of the query's telling words.
import type { default as MiniSearch, SearchResult } from 'minisearch';
import { foldCanonical } from '../kernel/vietnamese.ts';
import { ACCENTED_FIELDS, FOLDED_FIELDS, type IndexedDoc } from './search-index.ts';
import { PAIR_JOINER, withPairs } from './tokens.ts';
import type { Vocabulary } from './vocabulary.ts';
import type { WordMatch } from './word-match.ts';

/** Search terms per pass (accented, folded) at most. */
const MAX_TERMS = 32;
/** Past this many words a message is long: searched by its folded form only. */
const LONG_MESSAGE_WORDS = 24;
/** A story's question whose topic words weigh less than this share of the message's says too little to be covered alone ("thủ tục làm ở đâu?"). */
const QUESTION_SHARE = 0.25;

export interface RankWeights {
  fields: Record<string, number>;
  /** Weight of the folded pass relative to the accented one. */
  folded: number;
  functionWord: number;
  aspectWord: number;
  /** Weight of curated entries against imported ones. */
  curated: number;
  /** How much an entry gains when the query says all of one of its names (title or alias). */
  name: number;
  /** Weight of the terms of a long message's last sentence (its question). */
  asked: number;
  /** Share of the final score that comes from the word-match ranking (the rest from MiniSearch's). */
  wordMatch: number;
}

/**
 * Chosen by coordinate ascent on the dev splits (test/eval/tune-engine.ts). `curated`
 * below 1 evens out the many aliases and sample questions of a curated entry, which
 * otherwise outscore a portal record that says the message's telling words in its title.
 */
export const DEFAULT_WEIGHTS: RankWeights = {
  fields: { title: 2.25, alias: 1.8, question: 2.4, text: 0.75 },
  folded: 0.6,
  functionWord: 0.15,
  aspectWord: 0.4,
  curated: 0.72,
  name: 2.25,
  asked: 3.375,
  wordMatch: 0.8,
};

export interface Ranked {
  id: string;
  score: number;
  /** Share (0–1) of the query's telling words known to the knowledge that this entry has, weighted by idf. */
  coverage: number;
  /** Share (0–1) of the entry's best-covered name that the query says. */
  nameMatch: number;
  /** The most telling known topic word this entry lacks, as a share (0–1) of the highest possible idf. */
  missing: number;
  /** The same share of the topic words of a story's question (its last sentence), when they weigh over QUESTION_SHARE of all. */
  askedCoverage?: number;
}

export type Lightness = 'function' | 'aspect' | undefined;

export interface RankResult {
  results: Ranked[];
  /** How many telling words the query has. */
  telling: number;
  /** Share (0–1, by idf) of the telling words that no entry uses at all. */
  unknown: number;
  /** The message's telling word pairs that the knowledge writes together ("thu_y"), each with how telling it is (0–1 of the highest idf). */
  pairs: ReadonlyMap<string, number>;
}

export interface RankInput {
  phrases: string[][];
  /** Whether a canonical query word carries no topic (a function word or an aspect cue). */
  isLight(word: string): Lightness;
  /** Words of the message's last sentence, where a long message asks its question. */
  asked?: ReadonlySet<string>;
}

export class Ranker {
  constructor(
    private readonly index: MiniSearch<IndexedDoc>,
    private readonly vocabulary: Vocabulary,
    private readonly isCurated: (id: string) => boolean,
    /** Folded words of each name of an entry, without function words. */
    private readonly names: (id: string) => readonly (readonly string[])[],
    private readonly wordMatch: WordMatch,
    private readonly weights: RankWeights = DEFAULT_WEIGHTS,
  ) {}

  rank(input: RankInput, limit = 10): RankResult {
    const light = lightness(input);
    const termWeight = (term: string) => this.termWeight(term, light, input.asked);
    const results = this.search(input.phrases, light, termWeight);
    const telling = this.tellingWords(input.phrases, light);
    const total = weightOf(telling);
    const unknown = weightOf(telling.filter((t) => !t.known));
    const known = telling.filter((t) => t.known);
    const pairs = this.tellingPairs(input.phrases, light);
    // Typed bare, "ho" may be the pronoun "họ" or the "hộ" of a name: a name that has it was said.
    const said = new Set([...telling.map((t) => t.word), ...input.phrases.flat().filter((w) => foldCanonical(w) === w)]);
    const nameMatches = new Map<string, number>();
    const nameMatch = (id: string) => nameMatches.get(id) ?? nameMatches.set(id, this.nameMatch(id, said)).get(id)!;
    const searched = results.slice(0, limit * 3).map((r) => {
      const id = r.id as string;
      // Applied here rather than as MiniSearch's boostDocument, which would run once per matched term.
      const curated = this.isCurated(id) ? this.weights.curated : 1;
      return { id, score: r.score * curated * (1 + this.weights.name * nameMatch(id)) };
    });
    const matched = this.wordMatch.score(matchTerms(input.phrases, light), limit * 3);
    const ranked = blend(searched, matched, this.weights.wordMatch)
      .slice(0, limit)
      .map(({ id, score }) => ({ id, score, ...this.coverage(id, known, pairs, input.asked), nameMatch: nameMatch(id) }));
    const tellingPairs = new Map([...pairs].map(([pair, idf]) => [pair, idf / this.vocabulary.maxIdf]));
    return { results: ranked, telling: telling.length, unknown: total > 0 ? unknown / total : 0, pairs: tellingPairs };
  }

  /** MiniSearch's ranking: the folded pass, and the accented one when the message has accents to give. */
  private search(phrases: readonly string[][], light: ReadonlyMap<string, Lightness>, termWeight: (term: string) => number): SearchResult[] {
    const boost = (fields: readonly string[], factor: number) =>
      Object.fromEntries(fields.map((f) => [f, (this.weights.fields[f.replace(/_f$/, '')] ?? 1) * factor]));
    // Function words alone (and pairs of them), and words too common to tell entries
    // apart, are left out of the search: they weigh almost nothing and cost most of
    // the time. Coverage still counts them, from each entry's own words.
    const searchable = (term: string) =>
      term.split(PAIR_JOINER).some((w) => light.get(w) !== 'function') && !this.vocabulary.isCommon(foldCanonical(term));
    const accented = this.budget(unique(phrases.flatMap(withPairs).filter(searchable)), termWeight);
    const folded = this.budget(unique(phrases.map((p) => p.map(foldCanonical)).flatMap(withPairs).filter(searchable)), termWeight);
    // A message typed without any diacritics has no exact-accent evidence to give, and
    // a long one says its topic through context: the folded pass alone ranks them, at
    // half the cost.
    const long = phrases.flat().length > LONG_MESSAGE_WORDS;
    const typedAccents = !long && accented.some((w) => foldCanonical(w) !== w);
    return this.index.search(
      {
        combineWith: 'OR',
        queries: [
          ...(typedAccents ? [{ queries: [accented.join(' ')], fields: [...ACCENTED_FIELDS], boost: boost(ACCENTED_FIELDS, 1) }] : []),
          { queries: [folded.join(' ')], fields: [...FOLDED_FIELDS], boost: boost(FOLDED_FIELDS, this.weights.folded) },
        ],
      },
      { boostTerm: termWeight },
    );
  }

  /** A term (a word or a pair) weighs the mean of its words; light ones little, those of a long message's question more. */
  private termWeight(term: string, light: ReadonlyMap<string, Lightness>, asked: ReadonlySet<string> | undefined): number {
    const ws = term.split(PAIR_JOINER).map((w) => {
      const l = light.get(w);
      return l === 'function' ? this.weights.functionWord : l === 'aspect' ? this.weights.aspectWord : 1;
    });
    const mean = ws.reduce((a, b) => a + b, 0) / ws.length;
    return asked?.has(term.split(PAIR_JOINER)[0]!) ? mean * this.weights.asked : mean;
  }

  /**
   * The words that say which entry is meant, each weighted by how telling it is:
   * idf, and much less for aspect cues ("hồ sơ", "lệ phí"), which name a part, not a topic.
   */
  private tellingWords(phrases: readonly string[][], light: ReadonlyMap<string, Lightness>): Telling[] {
    const content = unique(phrases.flat()).filter((w) => light.get(w) !== 'function');
    const weighted = new Map<string, number>();
    const aspects = new Set<string>();
    for (const word of content) {
      const f = foldCanonical(word);
      if (light.get(word) === 'aspect') aspects.add(f);
      const weight = this.vocabulary.idf(f) * (light.get(word) === 'aspect' ? this.weights.aspectWord : 1);
      weighted.set(f, Math.max(weighted.get(f) ?? 0, weight));
    }
    return [...weighted].map(([word, weight]) => ({ word, weight, known: this.vocabulary.has(word), topic: !aspects.has(word) }));
  }

  /**
   * A long message is searched by its most telling terms only: past a few dozen
   * terms, more of the story adds time, not precision.
   */
  private budget(terms: string[], weight: (term: string) => number): string[] {
    if (terms.length <= MAX_TERMS) return terms;
    const value = new Map(
      terms.map((term) => {
        const parts = foldCanonical(term).split(PAIR_JOINER);
        return [term, weight(term) * (parts.reduce((sum, w) => sum + this.vocabulary.idf(w), 0) / parts.length)] as const;
      }),
    );
    const kept = new Set([...terms].sort((a, b) => value.get(b)! - value.get(a)!).slice(0, MAX_TERMS));
    return terms.filter((t) => kept.has(t));
  }

  /** Whether an entry has this folded word (in any field) or word pair (in its names or phrasings). */
  entryHas(id: string, term: string): boolean {
    return this.vocabulary.entryHas(id, term);
  }

  /** Replaces unknown words by their nearest known spelling; undefined when nothing changed. */
  correct(phrases: string[][]): string[][] | undefined {
    let changed = false;
    const corrected = phrases.map((phrase) => {
      const folded = phrase.map(foldCanonical);
      return phrase.map((word, i) => {
        const f = folded[i]!;
        if (this.vocabulary.has(f)) return word;
        // A one-letter slip on a short syllable easily lands on another real word
        // ("flan" → "lan"), so a correction must also fit a neighbour as the
        // knowledge writes them together ("căn cuco" → "căn cước").
        const fix = this.vocabulary.correct(f, (candidate) =>
          this.vocabulary.hasPair(folded[i - 1], candidate) || this.vocabulary.hasPair(candidate, folded[i + 1]),
        );
        if (!fix) return word;
        changed = true;
        return fix;
      });
    });
    return changed ? corrected : undefined;
  }

  /** A specific entry whose whole name was said beats neighbours that add words the query lacks. */
  private nameMatch(id: string, said: ReadonlySet<string>): number {
    let best = 0;
    for (const name of this.names(id)) {
      if (name.length === 0) continue;
      best = Math.max(best, name.filter((w) => said.has(w)).length / name.length);
    }
    return best;
  }

  /**
   * Neighbouring topic words the knowledge writes together ("thú y", "thế chấp"): a
   * two-syllable word is told by the pair far more than by either syllable.
   */
  private tellingPairs(phrases: readonly string[][], light: ReadonlyMap<string, Lightness>): Map<string, number> {
    const pairs = new Map<string, number>();
    for (const phrase of phrases) {
      for (let i = 0; i + 1 < phrase.length; i++) {
        if (light.get(phrase[i]!) !== undefined || light.get(phrase[i + 1]!) !== undefined) continue;
        const [first, second] = [foldCanonical(phrase[i]!), foldCanonical(phrase[i + 1]!)];
        const pair = first + PAIR_JOINER + second;
        if (this.vocabulary.hasPair(first, second)) pairs.set(pair, this.vocabulary.idf(pair));
      }
    }
    return pairs;
  }

  /** Coverage counts words; a telling pair the entry lacks counts as missing too. */
  private coverage(id: string, telling: readonly Telling[], pairs: ReadonlyMap<string, number>, asked?: ReadonlySet<string>): { coverage: number; missing: number; askedCoverage?: number } {
    // A story's words set the scene; what the entry must not lack is in the question asked.
    const inQuestion = (term: string) => !asked || term.split(PAIR_JOINER).every((w) => asked.has(w));
    let total = 0;
    let found = 0;
    let missing = 0;
    // The same share over the question's topic words alone, when the question says enough of the topic.
    let askedTotal = 0;
    let askedFound = 0;
    for (const { word, weight, topic } of telling) {
      total += weight;
      const asks = topic && inQuestion(word);
      const ofQuestion = asks && !!asked;
      if (ofQuestion) askedTotal += weight;
      if (this.vocabulary.entryHas(id, word)) {
        found += weight;
        if (ofQuestion) askedFound += weight;
      } else if (asks) missing = Math.max(missing, weight / this.vocabulary.maxIdf);
    }
    for (const [pair, weight] of pairs) if (inQuestion(pair) && !this.vocabulary.entryHas(id, pair)) missing = Math.max(missing, weight / this.vocabulary.maxIdf);
    return { coverage: total > 0 ? found / total : 0, missing, ...(askedTotal > QUESTION_SHARE * total ? { askedCoverage: askedFound / askedTotal } : {}) };
  }
}

interface Telling {
  word: string;
  weight: number;
  /** Used by some entry. */
  known: boolean;
  topic: boolean;
}

/**
 * Lightness is decided on the word as typed, then shared with its folded form,
 * so "ánh" (never light) is not mistaken for the pronoun "anh".
 */
function lightness(input: RankInput): Map<string, Lightness> {
  const light = new Map<string, Lightness>();
  for (const word of input.phrases.flat()) {
    const l = input.isLight(word);
    light.set(word, l);
    light.set(foldCanonical(word), l);
  }
  return light;
}

function weightOf(telling: readonly Telling[]): number {
  return telling.reduce((sum, t) => sum + t.weight, 0);
}

/** Folded telling words, and pairs of neighbours not both function words: what the word-match scorer looks up. */
function matchTerms(phrases: readonly string[][], light: ReadonlyMap<string, Lightness>): string[] {
  const terms: string[] = [];
  for (const phrase of phrases) {
    phrase.forEach((word, i) => {
      if (light.get(word) === undefined) terms.push(foldCanonical(word));
      const next = phrase[i + 1];
      if (next !== undefined && (light.get(word) !== 'function' || light.get(next) !== 'function')) terms.push(foldCanonical(word) + PAIR_JOINER + foldCanonical(next));
    });
  }
  return terms;
}

/** Two rankings in one: each score as a share of its ranking's best, mixed by `share` (of the second). */
function blend(first: readonly Scored[], second: readonly Scored[], share: number): Scored[] {
  // The best score, not the first: MiniSearch's order is before the curated and name boosts.
  const top = (list: readonly Scored[]) => Math.max(...list.map((s) => s.score)) || 1;
  const [firstTop, secondTop] = [top(first), top(second)];
  const mixed = new Map<string, number>();
  for (const { id, score } of first) mixed.set(id, ((1 - share) * score) / firstTop);
  for (const { id, score } of second) mixed.set(id, (mixed.get(id) ?? 0) + (share * score) / secondTop);
  return [...mixed].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

interface Scored {
  id: string;
  score: number;
}

function unique(terms: string[]): string[] {
  return [...new Set(terms)];
}
