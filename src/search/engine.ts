// The answer engine: one citizen message in, one outcome out. It decides between
// answering with one entry, asking which of 2–3 entries was meant, falling back to
// the hotline, opening the complaint flow, or replying to a greeting.
import type { Entry } from '../knowledge/entry.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { QueryReader, type Query } from './query.ts';
import { DEFAULT_WEIGHTS, Ranker, type Ranked, type RankWeights } from './ranker.ts';
import { buildIndex, indexedDoc } from './search-index.ts';
import { Vocabulary } from './vocabulary.ts';
import { CODE_PATTERN } from '../knowledge/schema.ts';
import { fold, words } from '../text/vietnamese.ts';

export type Outcome = 'answer' | 'clarify' | 'fallback' | 'complaint' | 'smalltalk';

export interface Candidate {
  entry: Entry;
  score: number;
  coverage: number;
}

export interface Decision {
  outcome: Outcome;
  query: Query;
  /** Ranked candidates (best first); for `answer` the first is the answer, for `clarify` the first 2–3 are offered. */
  candidates: Candidate[];
}

export interface Thresholds {
  /** Below this coverage of the telling words, nothing fits. */
  fallbackCoverage: number;
  /** At or above this coverage and with a clear lead, answer directly. */
  answerCoverage: number;
  /** The runner-up must score below this share of the best for a clear lead. */
  leadRatio: number;
  /** Candidates offered in a clarification score at least this share of the best. */
  clarifyRatio: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  fallbackCoverage: 0.5,
  answerCoverage: 0.75,
  leadRatio: 0.7,
  clarifyRatio: 0.5,
};

export interface EngineOptions {
  weights?: RankWeights;
  thresholds?: Thresholds;
}

export class Engine {
  private readonly reader: QueryReader;
  private readonly ranker: Ranker;
  private readonly byId: Map<string, Entry>;
  private readonly byCode: Map<string, Entry>;
  private readonly thresholds: Thresholds;

  constructor(readonly knowledge: KnowledgeBase, options: EngineOptions = {}) {
    const { entries, lexicon } = knowledge;
    this.reader = new QueryReader(lexicon);
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.byCode = new Map(entries.filter((e) => e.code).map((e) => [e.code, e]));
    const index = buildIndex(entries);
    const vocabulary = new Vocabulary(entries.map(indexedDoc));
    const names = new Map(entries.map((e) => [e.id, this.nameWords(e)]));
    this.ranker = new Ranker(
      index,
      vocabulary,
      (id) => this.byId.get(id)?.origin === 'curated',
      (id) => names.get(id) ?? [],
      options.weights ?? DEFAULT_WEIGHTS,
    );
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  }

  /** The words of a query that name a topic (not function words, not aspect cues). */
  topicWords(query: Query): string[] {
    return query.phrases.flat().filter((w) => !this.reader.isFunctionWord(w) && !this.reader.isAspectWord(w));
  }

  get(id: string): Entry | undefined {
    return this.byId.get(id);
  }

  decide(text: string): Decision {
    const query = this.reader.read(text);
    const none = (outcome: Outcome): Decision => ({ outcome, query, candidates: [] });
    const byCode = this.lookupCode(text);
    if (byCode) return { outcome: 'answer', query, candidates: [{ entry: byCode, score: 1, coverage: 1 }] };
    if (query.smalltalk) return none('smalltalk');
    if (query.complaint) return none('complaint');

    let ranked = this.rank(query.phrases);
    const top = ranked[0];
    if (!top || top.coverage < this.thresholds.answerCoverage) {
      // Fuzzy correction is a second pass only: it is slower and can drift to a wrong word.
      const corrected = this.ranker.correct(query.phrases);
      const retry = corrected && this.rank(corrected);
      if (retry?.[0] && retry[0].coverage > (top?.coverage ?? 0)) ranked = retry;
    }
    const candidates = ranked.flatMap((r) => {
      const entry = this.byId.get(r.id);
      return entry ? [{ entry, score: r.score, coverage: r.coverage }] : [];
    });
    return { outcome: this.outcomeOf(candidates), query, candidates };
  }

  /** Title (without the "Thủ tục" prefix) and aliases, as folded words without function words. */
  private nameWords(entry: Entry): string[][] {
    const names = [entry.title.replace(/^thủ tục\s+/i, ''), ...entry.aliases];
    return names.map((name) => words(name).filter((w) => !this.reader.isFunctionWord(w)).map(fold));
  }

  private rank(phrases: string[][]): Ranked[] {
    return this.ranker.rank({
      phrases,
      isLight: (w) => (this.reader.isFunctionWord(w) ? 'function' : this.reader.isAspectWord(w) ? 'aspect' : undefined),
    });
  }

  private outcomeOf(candidates: Candidate[]): Outcome {
    const t = this.thresholds;
    const [first, second] = candidates;
    if (!first || first.coverage < t.fallbackCoverage) return 'fallback';
    const clearLead = !second || second.score < first.score * t.leadRatio;
    if (clearLead && first.coverage >= t.answerCoverage) return 'answer';
    return 'clarify';
  }

  private lookupCode(text: string): Entry | undefined {
    for (const token of text.match(/\d\.\d{6}/g) ?? []) {
      if (CODE_PATTERN.test(token)) {
        const entry = this.byCode.get(token) ?? this.byId.get(token);
        if (entry) return entry;
      }
    }
    return undefined;
  }

  /** Candidates to offer in a clarification: the best 2–3 close to the top score. */
  clarifyChoices(decision: Decision): Candidate[] {
    const [first] = decision.candidates;
    if (!first) return [];
    return decision.candidates.filter((c) => c.score >= first.score * this.thresholds.clarifyRatio).slice(0, 3);
  }
}
