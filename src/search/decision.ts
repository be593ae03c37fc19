// What the engine decides for one message: the outcome, the entries it names (best
// first) with the evidence for each, and what else the message holds (a place, a second
// question, a mix-up staff wrote a question for).
import type { Entry } from '../knowledge/entry.ts';
import type { PlaceFinding } from './place-question.ts';
import type { Query } from './query.ts';

export type Outcome = 'answer' | 'clarify' | 'fallback' | 'complaint' | 'smalltalk' | 'place' | 'scam';

export interface Candidate {
  entry: Entry;
  score: number;
  /** Share of the query's known telling words this entry has. */
  coverage: number;
  /** Share of this entry's best-covered name that the query says. */
  nameMatch: number;
  /** The most telling known topic word of the query this entry lacks (0–1). */
  missing: number;
  /** Share of the topic words of a story's question (its last sentence) this entry has, when they say enough of the topic. */
  askedCoverage?: number;
  /** The same procedure registered at other levels (see twins.ts), mentioned beside it. */
  twins?: readonly Entry[];
}

/** Query-level signals for the decision. */
export interface Evidence {
  /** Number of telling words (not function words, not aspect cues). */
  telling: number;
  /** Share (by idf) of telling words that no entry uses. */
  unknown: number;
  /** Telling word pairs the knowledge writes together ("thú y"), each 0–1 of the highest idf. */
  pairs: ReadonlyMap<string, number>;
}

export interface Decision {
  outcome: Outcome;
  query: Query;
  /** Ranked candidates (best first); for `answer` the first is the answer, for `clarify` the first 2–3 are offered. */
  candidates: Candidate[];
  evidence?: Evidence;
  /** A place the message asks about (outcome place, or clarify/fallback with no candidates), or names beside a procedure. */
  place?: PlaceFinding;
  /** The entry a second question in the same message asks about ("…? Với lại …?"). */
  also?: Entry;
  /** A list offered as a guess where the hotline alone would have been the answer. */
  tentative?: boolean;
  /** Two entries citizens mix up, listed alone, with the question staff wrote to tell them apart: the message fits both and says nothing that does (lexicon ask_apart). */
  apart?: { question?: string };
}

/** At most this many entries are offered in a clarification. */
export const CLARIFY_SIZE = 3;
