// After an answer or a list, is the next message about the same thing? The judgements the
// dialogue asks of a decision: a part asked of the topic just answered ("còn lệ phí?"), a
// detail of the citizen's case, a pick from a list in words, the entry a correction
// points at. They read the message's naming words against the entries' names and answers.
import type { Entry } from '../knowledge/entry.ts';
import { fold, foldCanonical, words } from '../kernel/vietnamese.ts';
import { CLARIFY_SIZE, type Candidate, type Decision } from './decision.ts';
import type { EntryNames } from './entry-names.ts';
import type { NamingWords } from './naming-words.ts';
import type { Query, QueryReader } from './query.ts';
import { splitQuestions } from './two-questions.ts';
import { ageIn, ageRangeOf, holdsAge, withoutAge } from './age.ts';
import type { Whereabouts } from './whereabouts.ts';

/** "Có", typed with its mark: what follows is what the citizen has (see toldAsHeld). */
const HAS = /^có$/u;

/** After "có", these (folded) ask whether something must be done ("có phải", "có cần"), not what the citizen has. */
const MUST: ReadonlySet<string> = new Set(['phai', 'can', 'bat']);

/** An answer whose name the message says less of than this names nothing (see talksOf). */
const UNNAMED = 0.35;

/** A follow-up stays on the entry just answered only when that entry is among its best this many. */
const TOPIC_NEAR = 3;

/** A pick in words by a single word of a listed name says at most this many naming words in all. */
const PICK_ALONE_WORDS = 8;

/** A correction that says only what changes says at most this many naming words ("làm lại do mất")… */
const KIN_SAYS = 3;
/** …and its entry is sought among this many of what its words find (see kinOf)… */
const KIN_NEAR = 6;
/** …and must share at least this many of the topic's naming words that the correction does not say… */
const KIN_WORDS = 2;
/** …and this many times as many as the best does. */
const KIN_LEAD = 2;

/** "… thì sao", "… thì làm sao ạ", or "… cũng vậy luôn hả" (the same for someone else?) at the end: what if (folded). */
const WHAT_IF =
  /\b(?:thi (?:sao|lam sao|ra sao|the nao|lam the nao)|cung (?:vay|the|y vay|nhu vay|nhu the|giong vay|duoc)(?: luon)?(?: (?:ha|ho|khong|ko|k|hong|chu))?)(?: (?:a|ad|anh|chi|em|ban|vay|z|v|ha|nhi|bac|co|chu))*[\s?.!]*$/;

/** A follow-up of words of its own is short: it says at most this many naming words (half as many when it asks a part). */
const TOPIC_WORDS = 6;

/** What the judgements read: the engine's readers of words and names, and a decision of any text. */
export interface FollowUpReaders {
  reader: QueryReader;
  names: EntryNames;
  naming: NamingWords;
  whereabouts: Whereabouts;
  /** Folded words that ask for more ("còn", "thế"). */
  followUpWords: ReadonlySet<string>;
  /** Below this share of its name, a listed entry is only weakly named (the engine's threshold). */
  weakName: number;
  get(id: string): Entry | undefined;
  /** The engine's decision of one question, as `decide` reads a half of two. */
  decideOne(text: string): Decision;
}

export class FollowUps {
  private readonly reader: QueryReader;
  private readonly names: EntryNames;
  private readonly naming: NamingWords;
  private readonly whereabouts: Whereabouts;
  private readonly followUpWords: ReadonlySet<string>;
  private readonly weakName: number;
  private readonly get: (id: string) => Entry | undefined;
  private readonly decideOne: (text: string) => Decision;

  constructor(readers: FollowUpReaders) {
    this.reader = readers.reader;
    this.names = readers.names;
    this.naming = readers.naming;
    this.whereabouts = readers.whereabouts;
    this.followUpWords = readers.followUpWords;
    this.weakName = readers.weakName;
    this.get = readers.get;
    this.decideOne = readers.decideOne;
  }

  /**
   * A follow-up: it asks about a part ("lệ phí bao nhiêu", "gửi bưu điện được không") and names
   * no topic of its own; where the citizen is ("tôi ở Huế thì nộp ở mô") names none.
   */
  asksOnlyAPart(query: Query): boolean {
    if (!query.aspects.length) return false;
    const where = this.whereabouts.words(query.phrases);
    return this.naming.topic(query).every((w) => query.partWords.has(w) || query.chatWords.has(w) || this.followUpWords.has(foldCanonical(w)) || where.has(foldCanonical(w)));
  }

  /**
   * Which of the listed entries the message points at by its words ("cái sổ bị mất ấy",
   * "cái cho bé dưới 6 tuổi"): the only one whose names hold the most of the message's
   * words (counted as often as said) that not every listed entry shares.
   */
  pickAmong(text: string, ids: readonly string[], beside?: Entry): Entry | undefined {
    // Each time a word is said counts: "cái bị mất bằng ấy, làm rồi mất" is about the lost one.
    // Offered beside an answer, a word its own answer says points at no other ("mấy ngày thì người ta có sổ").
    const spoken = beside ? this.names.answerWords(beside) : undefined;
    const words = this.naming.topic(this.reader.read(text)).filter((w) => {
      const folded = foldCanonical(w);
      return !this.followUpWords.has(folded) && !spoken?.has(folded);
    });
    // Accent-aware: "hẳn" typed with its marks is not the "hạn" of "thời hạn".
    const named = ids.map((id) => this.names.sayer(id));
    const listed = words.filter((w) => named.some((says) => says(w)));
    // "Ngoài ni sóng to gió lớn cả tuần nằm bờ buồn thúi ruột": one word of a name ("lớn") in a longer message about something else picks nothing.
    if (listed.length < 2 && words.length > PICK_ALONE_WORDS) return undefined;
    const telling = listed.filter((w) => !named.every((says) => says(w)));
    const scores = named.map((says) => telling.filter(says).length);
    const best = Math.max(0, ...scores);
    if (best === 0 || scores.filter((s) => s === best).length > 1) return undefined;
    return this.get(ids[scores.indexOf(best)]!);
  }

  /**
   * "Không phải làm mới mà là làm lại do mất" after the first card: a short correction that says what
   * is done and not to what. Among what its words find, the one whose names share the most of the
   * topic's naming words that it does not say (the thing: "thẻ căn cước") is meant; none when two tie,
   * when the best is of that thing already, or when the words name their best well ("ý tôi là giấy
   * phép lái xe bị mất").
   */
  kinOf(decision: Decision, topic: Entry): Candidate | undefined {
    if (decision.outcome === 'answer' && decision.candidates[0]!.nameMatch >= this.weakName) return undefined;
    const said = new Set(this.naming.folded(decision.query));
    // A longer one whose words find nothing sure ("thẻ có rồi mà bị ghi sai tên đệm": a guess among portal records)
    // is sought among curated entries by the topic's title only: its other names hold words as common as "online".
    const loose = said.size > KIN_SAYS;
    if (loose && !decision.tentative && decision.outcome !== 'fallback') return undefined;
    const thing = [...(loose ? new Set(this.names.of(topic.id)[0]) : this.names.wordSet(topic.id))].filter((w) => !said.has(w));
    const near = decision.candidates.slice(0, KIN_NEAR).filter((c) => !loose || c.entry.origin === 'curated');
    const shared = near.map((c) => thing.filter((w) => this.names.wordSet(c.entry.id).has(w)).length);
    const best = Math.max(0, ...shared);
    // The best is of the topic's thing too ("sổ … bị thất lạc" after exchanging the land certificate: its loss).
    if ((shared[0] ?? 0) * KIN_LEAD > best || best < KIN_WORDS || shared.filter((n) => n === best).length > 1) return undefined;
    return near[shared.indexOf(best)];
  }

  /**
   * A follow-up that tells a detail of the citizen's case is still about `topic`, the entry
   * just answered, when it names nothing at all, or when `topic` is among its best few and the
   * message says no word of the best entry's names ("mới 72 tuổi thì được chưa": an age is no
   * name), or says one only as a paper `topic` asks for ("hộ chiếu Mỹ có được không?").
   * "Làm căn cước cho cháu 10 tuổi" names a card: a new topic.
   */
  staysOn(decision: Decision, topic: Entry): boolean {
    const [first] = decision.candidates;
    if (!first || first.entry.id === topic.id) return false;
    const said = this.naming.folded(decision.query);
    // "Con tôi 5 tuổi có làm được không": nothing named at all, whatever the words found.
    if (said.length === 0) return true;
    // "Nộp ở văn phòng đăng ký đất đai hay ủy ban phường?": where to file, in the topic's own words.
    if (decision.query.aspects.includes('place') && said.every((w) => this.names.officeWords(topic).has(w))) return true;
    // "Hồ sơ cần giấy gì, bà chỉ có mỗi cái căn cước": a paper the citizen has, told while asking about papers.
    if (this.toldAsHeld(decision.query, said, topic)) return true;
    // Further down, but it has more of the message's telling words than any of the best, and lacks none more telling.
    const here = decision.candidates.find((c) => c.entry.id === topic.id);
    if (here && decision.candidates.slice(0, TOPIC_NEAR).every((c) => c === here || (here.coverage > c.coverage && here.missing <= c.missing))) return true;
    if (!decision.candidates.slice(0, TOPIC_NEAR).some((c) => c.entry.id === topic.id)) return false;
    const named = this.names.wordSet(first.entry.id);
    return said.every((w) => !named.has(w)) || this.saysTopicsPaper(decision.query, first.entry, topic);
  }

  /**
   * "Mỗi năm xét mấy lần" after the near-poor household, "trả bằng thẻ ngân hàng nước ngoài
   * được không" after paying fees online: a short message that no entry answers (the hotline,
   * or portal records offered as a guess), whose naming words the topic's own answer says,
   * asks more about the topic.
   */
  talksOf(decision: Decision, topic: Entry): boolean {
    // Out of scope is an answer of its own ("xin visa Nhật cho mẹ"), whatever the topic's text says.
    // An answer that the message names almost nothing of ("ông em nằm một chỗ không ra xã được": "ra xã") is no better.
    const unnamed = decision.outcome === 'answer' && decision.candidates[0]!.nameMatch < UNNAMED;
    const unanswered = !decision.query.outOfScope && (decision.outcome === 'fallback' || (decision.outcome === 'clarify' && !!decision.tentative) || unnamed);
    const said = this.naming.folded(decision.query);
    if (!unanswered || said.length === 0 || said.length > TOPIC_WORDS) return false;
    const spoken = this.names.answerWords(topic);
    // One word in three may be the citizen's own ("lần").
    return said.filter((w) => !spoken.has(w)).length <= Math.floor(said.length / 3);
  }

  /**
   * "Em dâu con còn ở cữ, làm trên điện thoại được không", "quê em ở Thái Bình thì nộp ở đâu":
   * a part asked in a short message that names no entry asks it of the topic just answered:
   * nothing answers it (none is named by half its name), or the answer it finds, it finds by
   * the part's own words ("vợ em làm trên VNeID được không" finds the VNeID account by "VNeID"
   * alone), not by a word of its names.
   */
  asksAPartOfNothing(decision: Decision): boolean {
    const { query, candidates, outcome } = decision;
    if (!query.aspects.length) return false;
    const typed = this.naming.typed(query);
    const said = typed.map(foldCanonical);
    const saysNameOf = (c: Candidate) => {
      const named = this.names.wordSet(c.entry.id);
      return said.some((w) => named.has(w));
    };
    // An FAQ found by the part's words alone ("e làm trên vneid được không, cả ngày trong xưởng không có
    // time lên công an" finds the VNeID FAQ): however long the story around it, the part is asked of the
    // topic. Typed with marks, "trực tiếp" is no word of "trực tuyến".
    const unnamed = (c: Candidate) => !typed.some(this.names.sayer(c.entry.id));
    const offered = outcome === 'answer' ? 1 : outcome === 'clarify' ? CLARIFY_SIZE : 0;
    if (candidates[0]?.entry.kind === 'faq' && offered > 0 && candidates.slice(0, offered).every(unnamed)) return true;
    if (said.length > TOPIC_WORDS / 2) return this.asksAPartInAHalf(decision);
    if (outcome === 'answer') return !saysNameOf(candidates[0]!);
    const unanswered = outcome === 'fallback' || outcome === 'clarify';
    // Named only by the part's own words ("làm online" names the FAQ on online services): named by nothing.
    return unanswered && candidates.slice(0, CLARIFY_SIZE).every((c) => c.nameMatch < this.weakName || !saysNameOf(c));
  }

  /**
   * "Ông già hông chịu thì sao", "còn thằng em e cũng ở chung phòng, nó 16 tuổi thì sao a": a short "what if"
   * about the citizen's case that finds nothing, or only entries it names weakly, asks it of what was just
   * answered. "Nấu phở bò sao cho ngon" asks no "what if".
   */
  asksWhatIfOfNothing(decision: Decision): boolean {
    const { query, outcome, tentative, candidates } = decision;
    const nothing = (outcome === 'fallback' && !tentative) || (candidates[0]?.nameMatch ?? 0) < this.weakName;
    return nothing && !query.outOfScope && WHAT_IF.test(fold(query.text)) && this.naming.folded(query).length <= TOPIC_WORDS / 2;
  }

  /**
   * "Vợ em người Lào thì sao" after the marriage registration, "thằng lớn 15 tuổi thì sao" after the card for
   * under-14s: the case told makes what the message finds first a sibling of the topic, asked instead of it: a
   * variant of the topic (its title holds the topic's whole title), or the same thing for the age said, which the
   * topic's range leaves out.
   */
  siblingOf(decision: Decision, topic: Entry): Entry | undefined {
    const best = decision.candidates[0]?.entry;
    if (!best || best.id === topic.id || decision.tentative || (decision.outcome !== 'answer' && decision.outcome !== 'clarify')) return undefined;
    if (this.names.isVariant(best, topic) && this.namesWhatItAdds(decision.query, best, topic)) return best;
    const age = ageIn(decision.query.phrases.flat());
    const [ours, theirs] = [ageRangeOf(topic.title), ageRangeOf(best.title)];
    const sameThing = withoutAge(topic.title) === withoutAge(best.title);
    return ours && sameThing && !holdsAge(ours, age) && holdsAge(theirs, age) ? best : undefined;
  }

  /**
   * Whether `variant` is more than `of` with a small word ("đăng ký lại kết hôn", which "mất lệ phí" finds by "mất"),
   * and the message says a word of its names that `of`'s names lack ("người Lào").
   */
  private namesWhatItAdds(query: Query, variant: Entry, of: Entry): boolean {
    if (!this.names.titleAdds(variant, of).telling.length) return false;
    const [theirs, ours] = [this.names.wordSet(variant.id), this.names.wordSet(of.id)];
    return this.naming.folded(query).some((w) => theirs.has(w) && !ours.has(w));
  }

  /**
   * "Mấy ngày thì có phiếu? Deadline bên kia là 2 tuần nữa": a message nothing answers (or only a
   * guess) whose one question asks a part of nothing; the other half is a remark about the case.
   */
  private asksAPartInAHalf(decision: Decision): boolean {
    if (decision.outcome !== 'fallback' && !decision.tentative) return false;
    return !!splitQuestions(decision.query.text)?.some((half) => {
      const read = this.decideOne(half);
      return read.query.aspects.length > 0 && this.asksAPartOfNothing(read);
    });
  }

  /** "Bị mất" while lost and renewed licences are listed: every word the message names with is in one of the listed entries' names. */
  namesOnlyAmong(decision: Decision, ids: readonly string[]): boolean {
    return this.allInNamesOf(this.naming.folded(decision.query), ids);
  }

  /**
   * Every naming word of the message's question (after a story, its last sentence) is in `entry`'s names:
   * "bao lâu thì có sổ mới", "Cảm ơn, thôi để đi khám. Quay lại nhé, cái vụ sửa ngày sinh có mất tiền không?".
   */
  asksInNamesOf(decision: Decision, entry: Entry): boolean {
    const { asked } = decision.query;
    return this.allInNamesOf(this.naming.folded(decision.query).filter((w) => !asked || asked.has(w)), [entry.id]);
  }

  /** Some words, each in the names of one of these entries. */
  private allInNamesOf(said: readonly string[], ids: readonly string[]): boolean {
    const listed = new Set(ids.flatMap((id) => this.names.of(id).flat()));
    return said.length > 0 && said.every((w) => listed.has(w));
  }

  /** Nothing the message names points at `entry` rather than `other`: every naming word it says of `entry`'s names is in `other`'s too. */
  namesNothingOnlyOf(decision: Decision, entry: Entry, other: Entry): boolean {
    const [own, theirs] = [this.names.wordSet(entry.id), this.names.wordSet(other.id)];
    return this.naming.folded(decision.query).every((w) => !own.has(w) || theirs.has(w));
  }

  /**
   * Asking about papers, the message names what the topic's names do not only after "có" (what the
   * citizen has: "chỉ có mỗi cái căn cước", "có giấy khai sinh rồi").
   */
  private toldAsHeld(query: Query, said: readonly string[], topic: Entry): boolean {
    if (!query.aspects.some((a) => a === 'documents' || a === 'conditions')) return false;
    const own = this.names.wordSet(topic.id);
    // Typed without marks, "co" is read as "có" too.
    const has = (w: string) => (query.accented ? HAS.test(w) : foldCanonical(w) === 'co');
    // "Có phải báo công an không" asks whether something must be done, not about a paper held ("tui có hai
    // phòng cho khách … có phải báo công an không"). Asking about papers, "có phải xin giấy xác nhận độc
    // thân trước không" names a paper, as one held would.
    const asksMust = (phrase: readonly string[]) => phrase.some((w, i) => has(w) && MUST.has(foldCanonical(phrase[i + 1] ?? '')));
    if (!query.aspects.includes('documents') && query.phrases.some(asksMust)) return false;
    const held = new Set(query.phrases.flatMap((phrase) => phrase.slice(phrase.findIndex(has) + 1 || phrase.length)).map(foldCanonical));
    const other = said.filter((w) => !own.has(w));
    return other.length > 0 && other.every((w) => held.has(w));
  }

  /** The message says a whole name of `named` that is a paper of `topic`: one it gives, or, asking about papers, one it asks for. */
  private saysTopicsPaper(query: Query, named: Entry, topic: Entry): boolean {
    // "Bao lâu có giấy chứng nhận kết hôn" after the foreign marriage: the paper the topic gives, whatever was asked.
    const asksOfPapers = query.aspects.some((a) => a === 'documents' || a === 'conditions');
    const papers = ` ${[...(asksOfPapers ? topic.documents : []), topic.result].flatMap((paper) => words(paper)).map(foldCanonical).join(' ')} `;
    const said = new Set(this.naming.topic(query).map(foldCanonical));
    const names = this.names.of(named.id);
    return names.some((name) => name.length > 0 && name.every((w) => said.has(w)) && papers.includes(` ${name.join(' ')} `));
  }
}
