// The answer engine: one citizen message in, one outcome out. It decides between
// answering with one entry, asking which of 2–3 entries was meant, falling back to
// the hotline, opening the complaint flow, or replying to a greeting.
import type { Entry } from '../knowledge/entry.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { QueryReader, type Query } from './query.ts';
import { DEFAULT_WEIGHTS, Ranker, type RankResult, type RankWeights } from './ranker.ts';
import { buildIndex, indexedDoc } from './search-index.ts';
import { Vocabulary } from './vocabulary.ts';
import { WordMatch, type WordMatchWeights } from './word-match.ts';
import { CODE_PATTERN } from '../knowledge/schema.ts';
import { ageFactor, ageIn, ageRangeOf, holdsAge, saysAge, type AgeRange } from './age.ts';
import { foldCanonical } from '../kernel/vietnamese.ts';
import { PAIR_JOINER, segments } from './tokens.ts';
import { messageWords, PhraseTable, SaidWords, type MessageWords } from './phrases.ts';
import { questionOf, splitQuestions } from './two-questions.ts';
import { Whereabouts } from './whereabouts.ts';
import { placeDecision } from './place-question.ts';
import { CLARIFY_SIZE, type Candidate, type Decision, type Evidence, type Outcome } from './decision.ts';
import { cached, EntryNames } from './entry-names.ts';
import { FollowUps } from './follow-ups.ts';
import { NamingWords } from './naming-words.ts';
import { ApartAnswers } from './apart-answers.ts';
import { levelAsked, preferredTwin, twinGroups, type Level } from './twins.ts';

/** A name said by half or less (see fullerFirst). */
const HALF = 0.5;

/** How much less telling the word another named entry lacks must be than the best's, for it to go first (see fullerFirst). */
const MISSING_LEAD = 0.2;

/** A narrower entry said whole goes before the entry it narrows when it scores this share of it (see fullerFirst). */
const NARROWER_SHARE = 0.3;

/** A message that says this much of one of an entry's sample questions names it (see Thresholds.leastName). */
const SAMPLE_SAID = 0.8;

/** Words for a child (folded): a list of age variants for one of them asks the age (see ageVariantsFirst). */
const CHILD_WORDS: ReadonlySet<string> = new Set(['con', 'be', 'chau', 'tre', 'nhoc', 'dua', 'thang']);

/** Outcomes that name entries. */
const NAMES_ENTRIES: ReadonlySet<Outcome> = new Set(['answer', 'clarify']);

/**
 * The decision rules' thresholds, chosen on the dev split of the evaluation set
 * (never on the frozen split; `npx tsx test/eval/tune-engine.ts --part thresholds`
 * proposes changes). Coverage and name match are 0–1 shares.
 */
export interface Thresholds {
  /** Most of a short message is words no entry uses: it is about something else. */
  unknownShare: number;
  /** "Short" for the rule above: at most this many telling words. */
  shortMessage: number;
  /** The best entry lacks a word this telling (0–1 of the highest idf)… */
  missingWord: number;
  /** …and the message says less than this much of any of its names: no direct answer… */
  weakName: number;
  /** …but a list when the entry still has this much of the message's telling words. */
  lackingCoverage: number;
  /** The message says less than this of every name of the best entry: no direct answer either (a list or the hotline, as above). */
  leastName: number;
  /** A word or pair this telling (0–1 of the highest idf) that only one of two close entries has tells them apart. */
  tellingTerm: number;
  /** Enough of the message's known telling words are in the entry… */
  fallbackCoverage: number;
  /** …or the message says this much of one of its names, with at least `nameCoverage` coverage. */
  strongName: number;
  nameCoverage: number;
  /** Answer directly when coverage reaches this and the runner-up scores below `leadRatio` of the best. */
  answerCoverage: number;
  leadRatio: number;
  /** The same when the best is a national record. */
  nationalLeadRatio: number;
  /** Candidates offered in a clarification score at least this share of the best. */
  clarifyRatio: number;
  /** Entries offered beside a direct answer score at least this share of it. */
  alternativeRatio: number;
  /** A curated entry whose whole name the message says is answered with this much coverage, when no near one rivals it. */
  namedCoverage: number;
  /** A curated entry is not answered when a portal record listed beside it names a word pair of the message this telling… */
  rivalPair: number;
  /** …which the curated entry lacks, when the message says of that record's name at least this share of what it says of the curated entry's. */
  rivalName: number;
  /** With no runner-up close, a curated entry is answered when the message says this much of its name… */
  mostlyNamed: number;
  /** …and this much more of it than of any other listed entry's. */
  nameLead: number;
  /** Each half of a message read as two questions says this much of its best entry's name. */
  questionName: number;
  /** Instead of the hotline alone, portal records are offered as a guess when the best has this much coverage… */
  guessCoverage: number;
  /** …and the message says this much of its name… */
  guessName: number;
  /** …or, whatever its coverage, the message says this much of its name (a story around a formal title)… */
  guessNameAlone: number;
  /** …or, in a long message, the best covers this much of it, which says at least this much of its name (a question in the record's own words, few of its title's). */
  guessWideCoverage: number;
  guessWideName: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  unknownShare: 0.34,
  shortMessage: 10,
  missingWord: 0.5,
  weakName: 0.6,
  lackingCoverage: 0.9,
  leastName: 0.2,
  tellingTerm: 0.3,
  fallbackCoverage: 0.4,
  strongName: 0.75,
  nameCoverage: 0.255,
  answerCoverage: 0.6,
  leadRatio: 0.8,
  nationalLeadRatio: 0.805,
  clarifyRatio: 0.5,
  alternativeRatio: 0.75,
  namedCoverage: 0.4,
  rivalPair: 0.4,
  rivalName: 0.5,
  mostlyNamed: 0.75,
  nameLead: 0.2,
  questionName: 0.5,
  guessCoverage: 0.3,
  guessName: 0.255,
  guessNameAlone: 0.5,
  guessWideCoverage: 0.45,
  guessWideName: 0.2,
};

export interface EngineOptions {
  weights?: RankWeights;
  wordMatch?: WordMatchWeights;
  thresholds?: Thresholds;
}

export class Engine {
  private readonly reader: QueryReader;
  private readonly ranker: Ranker;
  private readonly byId: Map<string, Entry>;
  private readonly byCode: Map<string, Entry>;
  private readonly thresholds: Thresholds;
  private readonly ages: Map<string, AgeRange>;
  private readonly followUpWords: ReadonlySet<string>;
  private readonly whereabouts: Whereabouts;
  private readonly vocabulary: Vocabulary;
  /** What each entry can be named by. */
  readonly names: EntryNames;
  private readonly naming: NamingWords;
  /** Whether a message after an answer or a list is still about it (the dialogue asks). */
  readonly followUps: FollowUps;
  /** Each entry that has twins, with its group. */
  private readonly twins: ReadonlyMap<string, readonly Entry[]>;
  /** Each entry citizens mix up with another: the pair in the order staff wrote it, and the words that tell the two apart. */
  private readonly apart = new Map<string, (RulePhrases & { pair: readonly [string, string]; question?: string })[]>();
  /** What replies to the question asked of two such entries say for each (lexicon ask_apart answers). */
  private readonly apartAnswers: ApartAnswers;
  /** Each everyday entry (lexicon everyday): the entries it goes before, and the words that ask for one of those. */
  private readonly everyday = new Map<string, (RulePhrases & { over: ReadonlySet<string> })[]>();
  /** Each entry's sample questions as the topic words a message asking them would have (folded), read when first needed. */
  private readonly sampleTopics = new Map<string, readonly (readonly string[])[]>();

  constructor(readonly knowledge: KnowledgeBase, options: EngineOptions = {}) {
    const { entries, lexicon } = knowledge;
    this.reader = new QueryReader(lexicon);
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.byCode = new Map(entries.filter((e) => e.code).map((e) => [e.code, e]));
    this.twins = twinGroups(entries);
    const docs = entries.map((e) => indexedDoc(e, (phrase) => this.reader.expandKnowledge(phrase)));
    const index = buildIndex(docs);
    const vocabulary = new Vocabulary(docs);
    this.vocabulary = vocabulary;
    this.followUpWords = new Set(lexicon.follow_up_words.flatMap((p) => segments(p).flat().map(foldCanonical)));
    this.whereabouts = new Whereabouts(lexicon, (text) => !!knowledge.places?.gazetteer.provinceNamed(text));
    this.names = new EntryNames(entries, this.reader, this.followUpWords);
    this.naming = new NamingWords(this.reader, this.whereabouts, this.followUpWords);
    this.ages = new Map(entries.flatMap((e) => {
      const range = ageRangeOf(e.title);
      return range ? [[e.id, range] as const] : [];
    }));
    this.ranker = new Ranker(
      index,
      vocabulary,
      (id) => this.byId.get(id)?.origin === 'curated',
      (id) => this.names.of(id),
      new WordMatch(docs, options.wordMatch),
      options.weights ?? DEFAULT_WEIGHTS,
    );
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    this.apartAnswers = new ApartAnswers(lexicon.ask_apart);
    for (const { entries: pair, unless, when, question } of lexicon.ask_apart) {
      const rule = { pair, ...phrasesOf(unless, when), ...(question ? { question } : {}) };
      for (const id of pair) this.apart.set(id, [...(this.apart.get(id) ?? []), rule]);
    }
    for (const { entry, over, unless, when } of lexicon.everyday) {
      const rule = { over: new Set(over), ...phrasesOf(unless, when) };
      this.everyday.set(entry, [...(this.everyday.get(entry) ?? []), rule]);
    }
    this.followUps = new FollowUps({
      reader: this.reader,
      names: this.names,
      naming: this.naming,
      whereabouts: this.whereabouts,
      followUpWords: this.followUpWords,
      weakName: this.thresholds.weakName,
      get: (id) => this.byId.get(id),
      decideOne: (text) => this.decideOne(text),
    });
  }

  /**
   * A correction ("không phải …, ý tôi là …") restates the question after a wrong answer:
   * its best is answered when no other comes close, even if it says little of its name.
   */
  restated(decision: Decision): Decision {
    const [first, second] = decision.candidates;
    if (decision.outcome !== 'clarify' || decision.tentative || !first) return decision;
    // Or the message says more of its name than of the runner-up's, and covers as much of what it says.
    const named = !!second && first.nameMatch >= second.nameMatch + this.thresholds.nameLead && first.coverage >= second.coverage;
    return !second || second.score < first.score * this.leadRatioOf(first) || named ? { ...decision, outcome: 'answer' } : decision;
  }

  get(id: string): Entry | undefined {
    return this.byId.get(id);
  }

  /** The one of two listed entries that staff asked apart which a reply to their question tells ("vẫn còn lưu sổ"), if any. */
  toldApart(reply: string, listed: readonly string[]): Entry | undefined {
    const id = this.apartAnswers.told(reply, listed);
    return id ? this.byId.get(id) : undefined;
  }

  /** The entry staff asked apart from `answered` that a message after its answer tells instead ("bản chính mất rồi mà xã còn lưu sổ"), if any. */
  toldInstead(message: string, answered: Entry): Entry | undefined {
    const id = this.apartAnswers.toldInstead(message, answered.id);
    return id ? this.byId.get(id) : undefined;
  }

  /** `excluded`: entries the citizen said were not meant ("không phải cái đó"). */
  decide(text: string, excluded?: ReadonlySet<string>): Decision {
    const whole = this.askedAfterStory(text, this.decideOne(text, excluded), excluded);
    if (!NAMES_ENTRIES.has(whole.outcome) || whole.place) return whole;
    // Two questions in one message: the first is answered, the second's entry offered after it.
    const halves = splitQuestions(text);
    if (!halves) return whole;
    const [first, second] = halves.map((half) => this.decideOne(half, excluded));
    // Each half names an entry of its own: "còn nhỏ lắm, mới 5 tuổi" adds to the first, it asks nothing.
    // A half may be a place question with no entry at all ("phường 1 ở đâu": which of several wards?).
    const topOf = (d: Decision) => {
      const best = d.candidates[0];
      return NAMES_ENTRIES.has(d.outcome) && !d.place && best && best.nameMatch >= this.thresholds.questionName ? best.entry : undefined;
    };
    const [firstTop, secondTop] = [topOf(first!), topOf(second!)];
    // "Tôi muốn phản ánh …. Với lại …?": what happened comes first; the question after it does not undo it,
    // unless it names a procedure ("… nhà đã xuống cấp nặng. Con cháu muốn xin giấy phép xây dựng"): then it was the story.
    if (first!.outcome === 'complaint') return secondTop ? whole : first!;
    if (!firstTop || !secondTop || firstTop.id === secondTop.id) return whole;
    return second!.outcome === 'answer' ? { ...first!, also: secondTop } : first!;
  }

  /**
   * "… vợ hắn mới đẻ thằng cu … chừ mệ đi đăng ký khai sinh cho cháu được không": a story lists
   * entries its words touch (the father abroad, "cha mẹ"), but its question alone answers the first
   * of them: that one, with the others beside it.
   */
  private askedAfterStory(text: string, whole: Decision, excluded?: ReadonlySet<string>): Decision {
    if (whole.outcome !== 'clarify' || whole.tentative || whole.apart || whole.place) return whole;
    const question = questionOf(text);
    const asked = question ? this.decideOne(question, excluded) : undefined;
    const best = asked?.outcome === 'answer' ? asked.candidates[0] : undefined;
    // The story still ranks: its first must be the question's answer, and no other it lists may be named by a
    // telling word of the story that the first's names lack ("vợ tôi người Trung Quốc … giờ muốn đăng ký kết hôn":
    // the foreign marriage).
    const [first, ...rest] = whole.candidates;
    if (!best || first?.entry.id !== best.entry.id) return whole;
    const own = this.names.wordSet(first.entry.id);
    const telling = this.tellingWords(this.naming.topic(whole.query)).filter((w) => !own.has(w));
    const named = rest.slice(0, CLARIFY_SIZE - 1).some((c) => telling.some((w) => this.names.wordSet(c.entry.id).has(w)));
    return named ? whole : { ...whole, outcome: 'answer' };
  }

  private decideOne(text: string, excluded?: ReadonlySet<string>): Decision {
    // "Phường cũ X giờ thuộc đâu?" is answered from the units file, unless the message asks a procedure.
    return placeDecision(text, this.knowledge, (t) => this.decideProcedure(t, excluded));
  }

  private decideProcedure(text: string, excluded?: ReadonlySet<string>): Decision {
    const query = this.reader.read(text);
    const none = (outcome: Outcome): Decision => ({ outcome, query, candidates: [] });
    const byCode = this.lookupCode(text);
    if (byCode) return { outcome: 'answer', query, candidates: [{ entry: byCode, score: 1, coverage: 1, nameMatch: 1, missing: 0 }] };
    if (query.smalltalk) return none('smalltalk');
    if (query.complaint) return none('complaint');
    if (query.scam) return none('scam');

    let ranked = this.rank(query.phrases, query);
    // The message's telling words: function words and aspect cues name no entry.
    const topic = this.naming.topic(query);
    // "=))", "ad ơi", "vậy hả": no telling word and no part asked is small talk, not a search that ends the thread.
    if (ranked.telling === 0 && !query.aspects.length) return { outcome: 'smalltalk', query: { ...query, smalltalk: 'chitchat' }, candidates: [] };
    const top = ranked.results[0];
    // Typos matter in short messages; a long one says its topic more than once.
    const doubtful = !top || top.coverage < this.thresholds.fallbackCoverage || ranked.unknown > 0;
    if (doubtful && ranked.telling <= this.thresholds.shortMessage) {
      // Fuzzy correction is a second pass only: it is slower and can drift to a wrong word.
      const corrected = this.ranker.correct(query.phrases);
      const retry = corrected && this.rank(corrected, query);
      if (retry?.results[0] && (retry.results[0].coverage > (top?.coverage ?? 0) || retry.unknown < ranked.unknown)) ranked = retry;
    }
    const said = new SaidWords(topic);
    const candidates = this.fullerFirst(this.withoutTwins(
      this.byAge(
        ranked.results.flatMap((r) => {
          const entry = this.byId.get(r.id);
          return entry && !this.isExcluded(entry, excluded) ? [{ ...r, entry }] : [];
        }),
        ageIn(query.phrases.flat()),
      ),
      levelAsked(query.phrases.flat()),
    ), topic, said, ranked.pairs);
    const evidence = { telling: ranked.telling, unknown: ranked.unknown, pairs: ranked.pairs };
    const outOfScope = query.outOfScope && !this.handles(candidates[0], query.outOfScopeTopics);
    // "Khai sinh cho chó mèo": an out-of-scope thing with a word no entry uses is what the message is about, whatever it names.
    const strange = outOfScope && query.outOfScopeTopics.some((topic) => topic.some((w) => !this.vocabulary.has(w)));
    const outcome = strange ? 'fallback' : this.outcomeOf(candidates, evidence, outOfScope, said, query, topic);
    if (!outOfScope && this.chatsOnly(outcome, candidates, query)) return { outcome: 'smalltalk', query: { ...query, smalltalk: query.chatter }, candidates: [] };
    const mixedUp = NAMES_ENTRIES.has(outcome) ? this.mixedUp(candidates, query) : undefined;
    if (mixedUp) return { outcome: 'clarify', query, candidates: mixedUp.candidates, evidence, apart: mixedUp.question ? { question: mixedUp.question } : {} };
    const everyday = outcome === 'clarify' ? this.everydayFirst(candidates, query) : undefined;
    if (everyday) return { outcome: 'answer', query, candidates: everyday, evidence };
    const byAgeAsked = outcome === 'clarify' ? this.ageVariantsFirst(candidates, query) : undefined;
    if (byAgeAsked) return { outcome, query, candidates: byAgeAsked, evidence };
    // Among 2,600 portal records the words rarely decide alone: rather than the hotline only,
    // the records that say much of the message and of their own title are offered, as a guess.
    if (outcome === 'fallback' && !outOfScope && this.worthOffering(candidates[0], evidence)) return { outcome: 'clarify', tentative: true, query, candidates, evidence };
    return { outcome, query, candidates, evidence };
  }

  /**
   * "Mi mấy tuổi rồi hè?", "bot gì mà trả lời lan man", "dạ để em hỏi mẹ em đã": small talk said
   * with words that find nothing, or only entries no name of which the message says much of, is
   * small talk, not a search that ends in the hotline or a guess. A part asked outside the small
   * talk is a question ("hihi, lệ phí sao").
   */
  private chatsOnly(outcome: Outcome, candidates: readonly Candidate[], query: Query): boolean {
    if (!query.chatter || ![...query.aspectWords].every((w) => query.chatWords.has(w))) return false;
    return outcome === 'fallback' || ((outcome === 'clarify' || outcome === 'answer') && (candidates[0]?.nameMatch ?? 0) < this.thresholds.weakName);
  }

  /**
   * "Làm lại bằng lái": the best entry (or the runner-up, for a rule whose `when` the message
   * says) and one of the candidates are two that citizens mix up (a licence renewed, or one
   * re-issued when lost), and the message says none of the words that tell them apart (and, if
   * staff gave `when`, one that makes the mix-up likely): both, in the order staff wrote them,
   * with the question staff wrote.
   */
  private mixedUp(candidates: readonly Candidate[], query: Query): { candidates: Candidate[]; question?: string } | undefined {
    // The runner-up too, for a rule whose `when` is said: "giấy kết hôn thất lạc" ranks the marriage registration first.
    const anchors = candidates.slice(0, 2).map((anchor, rank) => ({ anchor, rules: (this.apart.get(anchor.entry.id) ?? []).filter((rule) => rank === 0 || rule.when) }));
    if (anchors.every(({ rules }) => !rules.length)) return undefined;
    // The words as typed, read only when a rule may apply (most decisions meet none): "làm lại" reads as
    // "cấp lại" too, which would tell the driving licences apart.
    const said = messageWords(segments(query.text).flat());
    for (const { anchor, rules } of anchors) {
      for (const rule of rules) {
        const { pair, when, question } = rule;
        if (!applies(rule, said)) continue;
        const otherId = pair[0] === anchor.entry.id ? pair[1] : pair[0];
        // What `when` names makes the mix-up likely however far the other ranks ("làm mất giấy đăng ký
        // kết hôn" says nothing of the copy the registry can give); without it, the other must have come close.
        const other = candidates.find((c) => c.entry.id === otherId) ?? (when ? this.unranked(otherId) : undefined);
        if (!other) continue;
        const both = pair[0] === anchor.entry.id ? [anchor, other] : [other, anchor];
        return { candidates: [...both, ...candidates.filter((c) => !both.includes(c))], ...(question ? { question } : {}) };
      }
    }
    return undefined;
  }

  /**
   * "Xin giấy phép xây dựng": a list would offer first two entries of which staff wrote one is
   * the everyday case (lexicon everyday), the message says most of its name and no word of the
   * other: the everyday one, answered, with the rest beside it.
   */
  private everydayFirst(candidates: readonly Candidate[], query: Query): Candidate[] | undefined {
    const [first, second] = candidates;
    if (!first || !second) return undefined;
    for (const [usual, other] of [
      [first, second],
      [second, first],
    ] as const) {
      const rules = (this.everyday.get(usual.entry.id) ?? []).filter((rule) => rule.over.has(other.entry.id));
      if (!rules.length || usual.coverage < this.thresholds.fallbackCoverage || usual.nameMatch < this.thresholds.strongName) continue;
      // The words as typed, read only when a rule pairs the two (most lists meet none).
      const said = messageWords(segments(query.text).flat());
      if (rules.some((rule) => applies(rule, said))) return [usual, ...candidates.filter((c) => c !== usual)];
    }
    return undefined;
  }

  /** An entry the ranking did not bring, as a candidate: scored nothing. */
  private unranked(id: string): Candidate | undefined {
    const entry = this.byId.get(id);
    return entry && { entry, score: 0, coverage: 0, nameMatch: 0, missing: 1 };
  }

  private rank(phrases: string[][], query: Query): RankResult {
    // The province the citizen is in ("ở Huế", "lên Đồng Nai") is no topic either.
    const where = this.whereabouts.words(phrases, false);
    return this.ranker.rank({
      phrases,
      asked: query.asked,
      // Numbers (ages, counts) say nothing about the topic; ages are handled by byAge.
      isLight: (w) => (this.reader.isFunctionWord(w) || /^\d+$/.test(w) || where.has(foldCanonical(w)) ? 'function' : query.aspectWords.has(w) ? 'aspect' : undefined),
    });
  }

  /**
   * "Làm căn cước cho con": a list that offers entries for different ages, for a child of no age (or range) said. The
   * question is which age: every age variant the message found, youngest first, before the rest
   * ("cấp đổi" is no first card for a child).
   */
  private ageVariantsFirst(candidates: readonly Candidate[], query: Query): Candidate[] | undefined {
    const [first] = candidates;
    const said = query.phrases.flat();
    if (!first || saysAge(said) || !said.some((w) => CHILD_WORDS.has(foldCanonical(w)))) return undefined;
    const ranged = (c: Candidate) => this.ages.has(c.entry.id);
    if (candidates.slice(0, CLARIFY_SIZE).filter(ranged).length < 2) return undefined;
    const near = (c: Candidate) => c.score >= first.score * this.thresholds.clarifyRatio;
    const aged = candidates.filter((c) => ranged(c) && near(c)).slice(0, CLARIFY_SIZE);
    const range = (c: Candidate) => this.ages.get(c.entry.id)!;
    aged.sort((a, b) => range(a).max - range(b).max || range(a).min - range(b).min);
    return [...aged, ...candidates.filter((c) => !aged.includes(c))];
  }

  private byAge(candidates: Candidate[], age: number | undefined): Candidate[] {
    if (age === undefined) return candidates;
    const holding = candidates.map((c) => this.ages.get(c.entry.id)).filter((r) => holdsAge(r, age));
    const narrowest = Math.min(...holding.map((r) => r!.max - r!.min));
    return candidates
      .map((c) => ({ ...c, score: c.score * ageFactor(this.ages.get(c.entry.id), age, narrowest, c.nameMatch >= this.thresholds.weakName) }))
      .sort((a, b) => b.score - a.score);
  }

  /** Rejecting a procedure rejects its twins too: the same procedure at another level would come back as it. */
  private isExcluded(entry: Entry, excluded: ReadonlySet<string> | undefined): boolean {
    return !!excluded && (excluded.has(entry.id) || !!this.twins.get(entry.id)?.some((twin) => excluded.has(twin.id)));
  }

  /**
   * Twins count as one candidate, at the place and with the figures of the best ranked
   * of them: they would otherwise crowd the list and deny each other a lead.
   */
  private withoutTwins(candidates: Candidate[], asked: Level | undefined): Candidate[] {
    const seen = new Set<readonly Entry[]>();
    return candidates.flatMap((c) => {
      const group = this.twins.get(c.entry.id);
      if (!group) return [c];
      if (seen.has(group)) return [];
      seen.add(group);
      const ranked = [c.entry, ...group.filter((e) => e !== c.entry)];
      const entry = preferredTwin(ranked, asked);
      return [{ ...c, entry, twins: group.filter((e) => e !== entry) }];
    });
  }

  /**
   * "Sang tên đất cho con": the best ("sang tên xe") lacks a telling word of the message that
   * a close runner-up has, and the message says more of the runner-up's name: the runner-up
   * is what was asked, the best only shares its other words. Told either by the most telling
   * word the best lacks, or, when a word no entry has outweighs that ("thằng con"), by a
   * telling word or pair ("hộ kinh doanh", "sổ đỏ") that only the runner-up of the two has,
   * when the message says most of the runner-up's name. Among curated entries, one whose whole
   * name is said comes before one said by half ("làm giấy khai sinh cho đứa nhỏ nhà bên": the
   * foreign variant has the "bên" of "một bên là người nước ngoài"), and the everyday case before
   * a variant whose own words the message does not say ("làm giấy khai sinh cho con … vợ chồng em
   * đều ở trọ": the foreign variant's text has "vợ chồng").
   */
  private fullerFirst(candidates: Candidate[], topic: readonly string[], said: SaidWords, pairs: ReadonlyMap<string, number>): Candidate[] {
    const t = this.thresholds;
    const [first, ...rest] = candidates;
    if (!first) return candidates;
    const onlyIn = this.onlyIn(topic, pairs);
    // A variant: its title holds the other's whole title ("đăng ký khai sinh" in "đăng ký khai sinh có yếu tố nước ngoài"),
    // or a name of the other's that the message says whole ("đăng ký hộ kinh doanh" in "đăng ký thay đổi nội dung đăng ký hộ kinh doanh").
    const variantOf = (variant: Candidate, of: Candidate) => {
      const [, ...aliases] = this.names.of(of.entry.id);
      return this.names.isVariant(variant.entry, of.entry) || this.names.say(variant.entry, aliases.filter((name) => name.length > 1 && name.every((w) => said.has(w))));
    };
    // Among curated entries, one whose whole name is said before one said by half, or before a variant of it the message says nothing of.
    const everyday = (c: Candidate) =>
      c.nameMatch === 1 &&
      c.entry.origin === 'curated' &&
      first.entry.origin === 'curated' &&
      (first.nameMatch <= HALF || (variantOf(first, c) && this.generalOf(c, first, said)));
    // Both named whole, and the best lacks a word much more telling than any the other lacks: the other first, however far
    // behind ("hồ sơ làm sổ đỏ … nộp lâu rồi, tra cứu tình trạng ở đâu": "sổ đỏ" reads as six words of the land entries).
    const alsoNamed = rest.find(
      (c) => first.nameMatch === 1 && c.nameMatch === 1 && first.missing >= t.missingWord && c.missing <= first.missing - MISSING_LEAD && c.score >= first.score * t.clarifyRatio,
    );
    if (alsoNamed) return [alsoNamed, ...candidates.filter((c) => c !== alsoNamed)];
    // Both named whole, and the other's title is the best's with words the message says: the narrower
    // reading first ("… lên mạng xóa tạm trú cho họ": the general entry's richer text says more of the story).
    const narrower = rest.find(
      (c) => first.nameMatch === 1 && c.nameMatch === 1 && c.score >= first.score * NARROWER_SHARE && this.names.isVariant(c.entry, first.entry) && this.saysWhatItAdds(c, first, said),
    );
    if (narrower) return [narrower, ...candidates.filter((c) => c !== narrower)];
    const fuller = rest.find(
      (c) =>
        c.score >= first.score * t.leadRatio &&
        c.nameMatch > first.nameMatch &&
        ((first.missing >= t.missingWord && c.missing < t.missingWord) || (c.nameMatch >= t.weakName && onlyIn(c, first) && !onlyIn(first, c)) || everyday(c)),
    );
    return fuller ? [fuller, ...candidates.filter((c) => c !== fuller)] : candidates;
  }

  /** Whether the message says every word `narrower`'s title adds to `of`'s, none of them a small word (see EntryNames.titleAdds). */
  private saysWhatItAdds(narrower: Candidate, of: Candidate, said: SaidWords): boolean {
    const { telling, small } = this.names.titleAdds(narrower.entry, of.entry);
    return telling.length > 0 && small.length === 0 && telling.every((w) => said.has(w));
  }

  /** Whether `has` has a telling word or pair of the message (`topic`, `pairs`) that `lacks` has not. */
  private onlyIn(topic: readonly string[], pairs: ReadonlyMap<string, number>): (has: Candidate, lacks: Candidate) => boolean {
    const telling = [...this.tellingWords(topic), ...[...pairs].filter(([, weight]) => weight >= this.thresholds.tellingTerm).map(([pair]) => pair)];
    return (has, lacks) => telling.some((term) => this.ranker.entryHas(has.entry.id, term) && !this.ranker.entryHas(lacks.entry.id, term));
  }

  /**
   * The largest share of the topic words of one of the entry's sample questions that the message
   * says: 1 when it asks a question staff wrote, or attached from those nothing answered.
   */
  private sampleQuestionSaid(entry: Entry, said: SaidWords): number {
    const topics = cached(this.sampleTopics, entry.id, () => entry.questions.map((q) => [...new Set(this.naming.topic(this.reader.read(q)).map(foldCanonical))]));
    return Math.max(0, ...topics.filter((words) => words.length > 0).map((words) => words.filter((w) => said.has(w)).length / words.length));
  }

  /** The message's topic words, folded, that few entries have (idf share at least tellingTerm). */
  private tellingWords(topic: readonly string[]): string[] {
    return [...new Set(topic.map(foldCanonical))].filter((w) => this.vocabulary.idf(w) / this.vocabulary.maxIdf >= this.thresholds.tellingTerm);
  }

  /** `said`: the message's telling words. */
  private outcomeOf(candidates: Candidate[], evidence: Evidence, outOfScope: boolean, said: SaidWords, query: Query, topic: readonly string[]): Outcome {
    const t = this.thresholds;
    const [first] = candidates;
    if (!first || (first.coverage === 0 && first.nameMatch === 0)) return 'fallback';
    const saysAName = first.nameMatch >= t.strongName;
    // Something the one-stop shop does not handle, unless the message also names an entry outright
    // and is about it, lacking none of its telling words ("giá đất … có sổ đỏ … một mét" says an
    // everyday name, and asks the price).
    if (outOfScope && (first.nameMatch < 1 || first.coverage < t.answerCoverage || first.missing >= t.missingWord)) return 'fallback';
    if (evidence.unknown >= t.unknownShare && evidence.telling <= t.shortMessage && !saysAName) return 'fallback';
    const fits = first.coverage >= t.fallbackCoverage || (saysAName && first.coverage >= t.nameCoverage);
    if (!fits) return 'fallback';
    // The best entry lacks a telling word of the message: never a direct answer; a list
    // when it still covers most of what was said, else the hotline.
    const lacking = first.missing >= t.missingWord && first.nameMatch < t.weakName;
    if (lacking) return first.coverage >= t.lackingCoverage ? 'clarify' : 'fallback';
    // "Hôm qua đi chợ mua được con cá to": words of an entry's sample questions ("hôm qua", "đi chợ") and none of its names.
    // A sample question said nearly whole is as good as a name: staff attach the questions nothing answered.
    const named = first.nameMatch >= t.leastName || this.sampleQuestionSaid(first.entry, said) >= SAMPLE_SAID;
    if (!named) return first.coverage >= t.lackingCoverage ? 'clarify' : 'fallback';
    // Ahead by a margin, or the only close one whose whole name the message says ("đăng ký khai sinh").
    const close = candidates.slice(1).filter((c) => c.score >= first.score * this.leadRatioOf(first));
    // A close one whose whole name is said too competes, unless it is only a general form of the best.
    const onlyIn = this.onlyIn(topic, evidence.pairs);
    const clearLead = close.length === 0 || (first.nameMatch === 1 && close.every((c) => c.nameMatch < 1 || this.generalOf(first, c, said) || (onlyIn(first, c) && !onlyIn(c, first))));
    // The age said picks the card before what the message leaves open about the card ("con 15 tuổi … làm căn cước").
    if (first.coverage >= t.answerCoverage && this.agedOut(candidates, said, query)) return 'answer';
    if (this.portalNamesWhatItLacks(candidates, evidence.pairs) || this.sharedThing(candidates, query)) return 'clarify';
    // A portal record is answered only when the message says some of its name: its other words are
    // the portal's long text, which small talk can hit ("rành dữ" folds to the "ranh giới" of a land record).
    // A story around a curated entry's whole name: its question, said in the entry's words, is what must be covered.
    const covered = first.entry.origin === 'curated' && first.nameMatch === 1 ? Math.max(first.coverage, first.askedCoverage ?? 0) : first.coverage;
    if (clearLead && covered >= t.answerCoverage && (first.entry.origin === 'curated' || first.nameMatch >= t.guessName)) return 'answer';
    if (close.length === 0 && first.entry.origin === 'curated' && (this.onlyNamed(candidates, said) || this.namedMost(candidates, said, query.asked))) return 'answer';
    // A story around a curated entry's whole name ("làm hộ chiếu đi Hàn thăm con gái"): its
    // other words lower the coverage, and the near ones are only general forms of it for
    // what the message says ("thẻ căn cước … bong lớp … đổi cái mới": cấp lại lacks "đổi").
    const namedAlone = first.entry.origin === 'curated' && first.nameMatch === 1 && this.unrivalled(candidates, said);
    return namedAlone && first.coverage >= t.namedCoverage ? 'answer' : 'clarify';
  }

  /**
   * "Chứng chỉ thú y … gia hạn": the curated "gia hạn tạm trú" says the action, a portal record
   * listed beside it names the thing ("thú y"). A curated entry that lacks a telling word pair
   * of the message, which such a record's name has, is listed with it rather than answered.
   */
  private portalNamesWhatItLacks(candidates: readonly Candidate[], pairs: ReadonlyMap<string, number>): boolean {
    const [first, ...rest] = candidates;
    if (first?.entry.origin !== 'curated') return false;
    const lacked = [...pairs]
      .filter(([pair, telling]) => telling >= this.thresholds.rivalPair && !this.ranker.entryHas(first.entry.id, pair))
      .map(([pair]) => pair.split(PAIR_JOINER));
    return rest
      .slice(0, CLARIFY_SIZE)
      .some((c) => c.entry.origin === 'imported' && c.nameMatch >= first.nameMatch * this.thresholds.rivalName && this.names.say(c.entry, lacked));
  }

  /**
   * "Hỏi về thẻ bảo hiểm y tế", "vụ tạm trú": the message names a thing and no action on it.
   * A close curated entry does another thing to it ("cấp lại, đổi … thẻ BHYT", "gia hạn tạm
   * trú"), and nothing the message says tells the two apart: no naming word in the names of
   * one only, nor a small word of one's title ("cấp lại", "là gì"). One whose name holds the
   * best's whole title is only a variant of it ("đăng ký khai sinh có yếu tố nước ngoài"),
   * offered beside the answer instead.
   */
  private sharedThing(candidates: readonly Candidate[], query: Query): boolean {
    const [first, ...rest] = candidates;
    if (first?.entry.origin !== 'curated' || query.aspects.some((a) => a !== 'steps')) return false;
    const naming = this.naming.folded(query);
    const own = this.names.wordSet(first.entry.id);
    if (!naming.length || !naming.every((w) => own.has(w))) return false;
    const small = query.phrases.flat().filter((w) => !naming.includes(foldCanonical(w)));
    const firstTitle = this.names.titleSmallWords(first.entry);
    const title = this.names.of(first.entry.id)[0] ?? [];
    return rest
      .filter((c) => c.entry.origin === 'curated' && c.score >= first.score * this.thresholds.alternativeRatio)
      .slice(0, CLARIFY_SIZE - 1)
      .some((c) => {
        const theirs = this.names.wordSet(c.entry.id);
        const theirTitle = this.names.titleSmallWords(c.entry);
        const tells = small.some((w) => firstTitle.matches(w) !== theirTitle.matches(w));
        return naming.every((w) => theirs.has(w)) && !tells && !this.names.say(c.entry, [title]);
      });
  }

  /** A portal record's formal title matches citizens' words less surely than a curated entry: it needs a wider lead. */
  private leadRatioOf(best: Candidate): number {
    return best.entry.origin === 'curated' ? this.thresholds.leadRatio : this.thresholds.nationalLeadRatio;
  }

  /**
   * `other` is only a general form of `first` ("đăng ký khai sinh" beside "đăng ký lại khai
   * sinh"): every word that the message says of its names (or of its best-said names only,
   * when `bestOnly`) is in `first`'s names too.
   */
  private generalOf(first: Candidate, other: Candidate, said: SaidWords, bestOnly = false): boolean {
    const own = this.names.wordSet(first.entry.id);
    const share = (name: readonly string[]) => name.filter((w) => said.has(w)).length / Math.max(1, name.length);
    const names = this.names.spelledOf(other.entry.id);
    const best = bestOnly ? Math.max(0, ...names.map(share)) : 0;
    return names.filter((n) => share(n) >= best).every((name) => name.every((w) => !said.has(w) || own.has(foldCanonical(w))));
  }

  /**
   * The message says the best entry's whole name, and none of the others a list would show
   * competes for its words: each is only a general form of it. "Hộ chiếu" beside "lý lịch tư
   * pháp", or "cấp lại" beside "cấp đổi" when the message says "đổi", are rivals. Then the
   * name decides, however little of a long story the best entry covers.
   */
  private onlyNamed(candidates: readonly Candidate[], said: SaidWords): boolean {
    const [first] = candidates;
    return !!first && first.nameMatch === 1 && first.coverage >= this.thresholds.nameCoverage && this.unrivalled(candidates, said);
  }

  /**
   * No other entry a list would show is said by name nearly as much as the best, which the
   * message mostly names ("muốn đăng ký cho con dâu tạm trú ở nhà tui, nó quê ở Cà Mau"): the best is
   * the everyday case, the others only share some of its words or are general forms of it (an FAQ
   * on "tài khoản định danh" beside "tài khoản định danh mức 2"). After a story, the question
   * itself (the last sentence) must say a word of its names: else the name was part of the story.
   */
  private namedMost(candidates: readonly Candidate[], said: SaidWords, asked?: ReadonlySet<string>): boolean {
    const [first] = candidates;
    if (!first || first.nameMatch < this.thresholds.mostlyNamed) return false;
    if (asked && !this.names.of(first.entry.id).some((name) => name.some((w) => asked.has(w)))) return false;
    const near = this.listedWith(candidates).slice(0, CLARIFY_SIZE - 1);
    return near.every((c) => c.nameMatch <= first.nameMatch - this.thresholds.nameLead || this.generalOf(first, c, said, true));
  }

  /**
   * "Làm căn cước cho con 15 tuổi": the age said picks the one entry whose range holds it, and each
   * near one has no age of its own and is only a general form of it for what the message says
   * (the card exchanged or re-issued: the message says neither).
   */
  private agedOut(candidates: readonly Candidate[], said: SaidWords, query: Query): boolean {
    const range = candidates[0] && this.ages.get(candidates[0].entry.id);
    // The message's age is read only for an entry that has a range.
    const age = range && ageIn(query.phrases.flat());
    if (!range || !holdsAge(range, age)) return false;
    // A wider range that holds the age too is only the general form ("dưới 14 tuổi" for a baby of 4 months: "dưới 06 tuổi").
    const wider = (other: AgeRange | undefined) => !other || (holdsAge(other, age) && other.max - other.min > range.max - range.min);
    return this.listedWith(candidates).every((c) => wider(this.ages.get(c.entry.id)) && this.generalOf(candidates[0]!, c, said, true));
  }

  /** Each of the others close enough to be listed is only a general form of the best, by the name the message says most of. */
  private unrivalled(candidates: readonly Candidate[], said: SaidWords): boolean {
    return this.listedWith(candidates).every((c) => this.generalOf(candidates[0]!, c, said, true));
  }

  /** The others close enough to the best to be listed with it. */
  private listedWith(candidates: readonly Candidate[]): readonly Candidate[] {
    const [first, ...rest] = candidates;
    return rest.filter((c) => c.score >= first!.score * this.thresholds.clarifyRatio);
  }

  /**
   * "Công ty TNHH", "đăng kiểm" are no commune's business, but the national set has
   * procedures named for them: the best candidate handles the topic when one of its names
   * says it word for word and the message says much of that name.
   */
  private handles(first: Candidate | undefined, topics: readonly string[][]): boolean {
    return !!first && first.nameMatch >= this.thresholds.weakName && this.names.say(first.entry, topics);
  }

  private worthOffering(first: Candidate | undefined, evidence: Evidence): boolean {
    const t = this.thresholds;
    // A story around a formal title covers little of what it says, but says much of the title.
    if (first?.entry.origin !== 'imported') return false;
    // A long question that the record covers widely says its business in the record's words, not its title's; in a short one that is chance.
    const wide = evidence.telling > t.shortMessage && first.coverage >= t.guessWideCoverage && first.nameMatch >= t.guessWideName;
    return first.nameMatch >= t.guessNameAlone || (first.coverage >= t.guessCoverage && first.nameMatch >= t.guessName) || wide;
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

  /**
   * Beside a direct answer, the entries that came close (its variants: "đăng ký kết hôn"
   * beside "… có yếu tố nước ngoài"), offered as one-tap follow-ups rather than a list first.
   */
  alternatives(decision: Decision): Entry[] {
    const [first, ...rest] = decision.candidates;
    if (decision.outcome !== 'answer' || !first) return [];
    // Its twins first, those whose titles say how they differ (a same-titled one adds nothing);
    // the entry a second question asks about is offered as that, not again as an alternative.
    const twins = (first.twins ?? []).filter((e) => e.title !== first.entry.title);
    const close = rest.filter((c) => c.score >= first.score * this.thresholds.alternativeRatio && c.coverage >= this.thresholds.answerCoverage);
    return [...twins, ...close.map((c) => c.entry)]
      .slice(0, 2)
      .filter((e) => e.id !== decision.also?.id);
  }

  /** Candidates to offer in a clarification: the best 2–3 close to the top score, or the two citizens mix up. */
  clarifyChoices(decision: Decision): Candidate[] {
    const [first] = decision.candidates;
    if (!first) return [];
    if (decision.apart) return decision.candidates.slice(0, 2);
    return decision.candidates.filter((c) => c.score >= first.score * this.thresholds.clarifyRatio).slice(0, CLARIFY_SIZE);
  }
}

/** A lexicon rule's phrases (ask_apart, everyday): those that rule it out, and those it needs, if any. */
interface RulePhrases {
  unless: PhraseTable<true>;
  when?: PhraseTable<true>;
}

function phrasesOf(unless: readonly string[], when: readonly string[] | undefined): RulePhrases {
  return { unless: PhraseTable.of(unless), ...(when ? { when: PhraseTable.of(when) } : {}) };
}

/** A rule applies when the message says no phrase of its `unless`, and one of its `when` when it has one. */
function applies(rule: RulePhrases, said: MessageWords): boolean {
  return rule.unless.matches(said).length === 0 && (!rule.when || rule.when.matches(said).length > 0);
}
