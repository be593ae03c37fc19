// Reads a citizen's message into what the ranker and the decision need: the words
// after teencode and abbreviations are expanded, which aspects of a procedure are
// asked about, and whether the message is a complaint or small talk.
import { allExpansions, QUIET_SMALLTALK, SMALLTALK, type Aspect, type Lexicon, type QuietSmalltalk, type Smalltalk } from '../knowledge/lexicon.ts';
import { fold, foldCanonical, hasDiacritics } from '../kernel/vietnamese.ts';
import { messageWords, PhraseTable, WordSet, type MessageWords, type PhraseMatch } from './phrases.ts';
import { SENTENCE_BREAK, segments } from './tokens.ts';

export interface Query {
  text: string;
  /** Canonical words per phrase, after expansion. */
  phrases: string[][];
  accented: boolean;
  aspects: Aspect[];
  /** Words (canonical and folded) of the last sentence, when the message has several. */
  asked?: ReadonlySet<string>;
  /** The words that belong to an aspect cue in this message ("hồ sơ", "bao lâu"). */
  aspectWords: ReadonlySet<string>;
  /** The aspect cues' words with what the cues typed expand to ("vneid" → the app's full name): a follow-up says only these. */
  partWords: ReadonlySet<string>;
  complaint: boolean;
  /** The message names something the one-stop shop does not handle (lexicon `out_of_scope`). */
  outOfScope: boolean;
  /** The out-of-scope phrases said, as folded words: an entry whose name has one handles it after all. */
  outOfScopeTopics: readonly string[][];
  /** The message asks whether a call, a message or an offer is a scam (lexicon `scam`). */
  scam: boolean;
  /** A question mark or a word that asks or requests (lexicon `question_words`): the message asks something. */
  asks: boolean;
  /** How many words the message has, as read. */
  length: number;
  smalltalk?: Smalltalk;
  /**
   * Small talk said among other words: a chit-chat or displeased cue, or an emoticon, whatever
   * else is said ("hihi máy mà nói chuyện dễ thương ghê"); thanks, a greeting or a goodbye beside
   * at most a couple of other words ("Dạ em chào, em đi làm đây"). Nothing found, it is the reply.
   */
  chatter?: Smalltalk;
  /** Words of small-talk cues, said with something else ("hihi ok. vậy nộp ở đâu"): they name no topic. */
  chatWords: ReadonlySet<string>;
}

type ComplaintCue = keyof Lexicon['complaint'];

/**
 * A message is a complaint when its cues add up to COMPLAINT_POINTS: an explicit
 * wish to file one, or a grievance told about a topic, but not a general question
 * about how complaints work. Chosen on the dev split of the evaluation set.
 */
const CUE_POINTS: Record<ComplaintCue, number> = { intent: 2, topic: 1, grievance: 1, narrative: 0.5, question: -1.5 };
const COMPLAINT_POINTS = 2;
type ScamCue = keyof Lexicon['scam'];
const SCAM_CUES: readonly ScamCue[] = ['certain', 'contact', 'demand', 'doubt'];

/** ":))", "=))", ":D", ":v", "^^", "<3": chat, whatever the words. Not the colon of a time ("10:30"). */
const EMOTICON = /(?<![\d\p{L}])[:;=]-?[()DPpvV3]+(?![\p{L}\d])|\^[_-]?\^|<3|\p{Extended_Pictographic}/u;
/** Thanks, a greeting or a goodbye is small talk beside at most this many other words ("Dạ em chào, em đi làm đây"). */
const CHATTER_BESIDE = 2;

/**
 * "Hồ sơ tách thửa nộp ở đâu", "gửi hồ sơ qua bưu điện được không": another part is asked, and
 * "hồ sơ" there is the file, not a question about which documents it needs.
 */
function asksAnotherPart(matches: readonly { value: Aspect }[]): boolean {
  return matches.some((m) => m.value !== 'documents');
}

/** "Hồ sơ gồm cái chi", "hồ sơ cần gì": what follows asks what the file holds. */
const ASKS_WHAT_IT_HOLDS: ReadonlySet<string> = new Set(['gom', 'gi', 'chi', 'j', 'can', 'nhung', 'co']);

function isTheFile(match: { start: number; end: number; value: Aspect }, words: readonly string[]): boolean {
  const next = foldCanonical(words[match.end] ?? '');
  return match.value === 'documents' && foldCanonical(words.slice(match.start, match.end).join(' ')) === 'ho so' && !ASKS_WHAT_IT_HOLDS.has(next);
}

/**
 * "Làm trực tuyến thì có rẻ hơn không", "nộp qua bưu điện thì mấy ngày có": before "thì" is
 * the case, after it the question, whose part leads. Typed bare, "thi" is "thì" only in a
 * message with no marks at all ("thi bằng lái" is an exam). `whetherMust`: the question asks
 * whether something must be done (see asksWhetherMust), a part no cue after "thì" says.
 */
function askedFirst(matches: readonly { start: number; value: Aspect }[], words: readonly string[], accented: boolean, whetherMust: boolean): Aspect[] {
  const then = words.findLastIndex((w) => w === 'thì' || (!accented && w === 'thi'));
  const after = matches.filter((m) => m.start > then);
  const ordered = then < 0 ? matches : [...after, ...matches.filter((m) => m.start <= then)];
  // "Về quê 3 tháng thì có phải khai báo tạm vắng không": the story's cue ("về quê") comes after what is asked.
  return [...new Set([...(whetherMust && after.length === 0 ? (['conditions'] as const) : []), ...ordered.map((m) => m.value)])];
}

/**
 * "Có phải khai báo tạm vắng không", "có cần xin phép xây dựng hông": a yes-or-no question whether
 * something must be done asks who must and when (the conditions), though it says no cue of its own;
 * so does one whether it can be done ("đăng ký lại kết hôn được không", "nợ thuế thì có nghỉ được không").
 */
const MUST_IT = /(?:^|\s)co (?:phai|can|bat buoc) .*\s(?:khong|ko|k|kg|khg|hong|hok|hem)$|\sduoc (?:khong|ko|k|kg|khg|hong|hok|hem)$/;

/** The last sentence, folded to bare words, asks whether something must be done. */
function asksWhetherMust(text: string): boolean {
  const question = fold(text.split(SENTENCE_BREAK).filter((s) => s.trim()).at(-1) ?? '');
  return MUST_IT.test(question.replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
}

/** Citizens tell the story first and ask last: the words (canonical and folded) of the last sentence. */
function askedWords(sentence: string[][]): Set<string> {
  const words = sentence.flat();
  return new Set([...words, ...words.map(foldCanonical)]);
}

/** "Cháu ơi", "ad ơi", "chị ơi": the word before "ơi" is whom the citizen addresses, not what they ask about. */
function withoutAddressee(phrase: string[]): string[] {
  return phrase.filter((_, i) => foldCanonical(phrase[i + 1] ?? '') !== 'oi');
}

export class QueryReader {
  private readonly expansions: PhraseTable<string[]>;
  private readonly aspects: PhraseTable<Aspect>;
  private readonly circumstances: PhraseTable<Aspect>;
  private readonly complaintCues: PhraseTable<ComplaintCue>;
  private readonly outOfScope: PhraseTable<true>;
  /** Question words, and phrases that hold one but ask nothing ("cái gì cũng", "ai cũng"): false. */
  private readonly questionWords: PhraseTable<boolean>;
  private readonly questionEndings: PhraseTable<true>;
  private readonly scamCues: PhraseTable<ScamCue>;
  private readonly smalltalkCues: PhraseTable<Smalltalk | QuietSmalltalk>;
  private readonly functionWords: WordSet;

  constructor(lexicon: Lexicon) {
    this.expansions = new PhraseTable(Object.entries(allExpansions(lexicon)).map(([k, v]) => [k, segments(v).flat()] as const));
    this.aspects = new PhraseTable(
      Object.entries(lexicon.aspects).flatMap(([aspect, cues]) => (cues ?? []).map((cue) => [cue, aspect as Aspect] as const)),
    );
    this.circumstances = new PhraseTable(lexicon.circumstances.map((phrase) => [phrase, 'conditions'] as const));
    this.complaintCues = new PhraseTable(
      (Object.keys(CUE_POINTS) as ComplaintCue[]).flatMap((cue) => lexicon.complaint[cue].map((phrase) => [phrase, cue] as const)),
    );
    this.outOfScope = PhraseTable.of(lexicon.out_of_scope);
    this.questionWords = new PhraseTable<boolean>([...lexicon.question_words.map((p) => [p, true] as const), ...lexicon.not_questions.map((p) => [p, false] as const)]);
    this.questionEndings = PhraseTable.of(lexicon.question_endings);
    this.scamCues = new PhraseTable(SCAM_CUES.flatMap((cue) => lexicon.scam[cue].map((phrase) => [phrase, cue] as const)));
    this.smalltalkCues = new PhraseTable([...SMALLTALK, ...QUIET_SMALLTALK].flatMap((kind) => lexicon.smalltalk[kind].map((phrase) => [phrase, kind] as const)));
    this.functionWords = new WordSet(lexicon.function_words, lexicon.function_words_if_accented);
  }

  read(text: string): Query {
    // Phrases are read sentence by sentence, so the last sentence is known without a second pass.
    const typedSentences = text.split(SENTENCE_BREAK).filter((s) => s.trim()).map(segments);
    const sentences = typedSentences.map((sentence) => sentence.map((phrase) => this.expand(phrase)));
    const typed = typedSentences.flat();
    // Cues are read in every word said ("bot ơi, kể chuyện cười" is chat); the topic without whom it addresses.
    const all = messageWords(sentences.flat().flat());
    const topical = sentences.map((sentence) => sentence.map(withoutAddressee));
    const phrases = topical.flat();
    const partMatches = this.aspects.matches(all);
    const situation = this.circumstances.matches(all);
    // "Mẹ tôi không đi được, gửi qua bưu điện được không": the situation asks only when nothing else is.
    const cueMatches = partMatches.length ? partMatches : situation;
    const asked = asksAnotherPart(cueMatches) ? cueMatches.filter((m) => !isTheFile(m, all.words)) : cueMatches;
    const accented = hasDiacritics(text);
    const aspects = askedFirst(asked, all.words, accented, asksWhetherMust(text));
    // The file's words stay light: "hồ sơ" names no topic either way.
    const aspectWords = new Set([...partMatches, ...situation].flatMap((m) => all.words.slice(m.start, m.end)));
    // A cue as typed, with what it expands to: "vneid" read as the app's full name still only asks "online?".
    // Overlapping cues count too: "cần giấy tờ gì" holds "cần giấy" and "giấy tờ".
    const partWords = new Set(aspectWords);
    for (const phrase of typed) {
      for (const table of [this.aspects, this.circumstances]) for (const m of table.everyMatch(phrase)) for (const w of this.expand(phrase.slice(m.start, m.end))) partWords.add(w);
    }
    // Before and after expansion: "học bằng lái" must not hide behind "giấy phép lái xe".
    const chatMatches = this.smalltalkCues.matches(all);
    const outOfScopeTopics = [typed.flat(), all.words].flatMap((said) => this.outOfScope.matches(said).map((m) => said.slice(m.start, m.end).map(foldCanonical)));
    return {
      text,
      phrases,
      accented,
      aspects,
      asked: topical.length >= 2 ? askedWords(topical.at(-1)!) : undefined,
      aspectWords,
      partWords,
      complaint: this.isComplaint(all),
      outOfScope: outOfScopeTopics.length > 0,
      outOfScopeTopics,
      ...this.smalltalk(text, all, chatMatches),
      chatWords: new Set(chatMatches.flatMap((m) => all.words.slice(m.start, m.end))),
      scam: this.isScam(all),
      asks: text.includes('?') || this.questionWords.matches(all).some((m) => m.value) || sentences.flat().some((phrase) => this.endsAsking(phrase)),
      length: all.words.length,
    };
  }

  /** "… được không ạ", "rồi à": the phrase ends with a question ending, polite words after it aside. */
  private endsAsking(phrase: readonly string[]): boolean {
    // From the end, past the padding; a question ending is read before padding it folds like ("hả" / "ha").
    for (let end = phrase.length; end > 0; end--) {
      if (this.questionEndings.matches(phrase.slice(end - 1, end)).length > 0) return true;
      if (!ENDING_PADDING.has(foldCanonical(phrase[end - 1]!))) return false;
    }
    return false;
  }

  /** A word as typed: accented words are compared accented, unaccented ones folded. */
  isFunctionWord(word: string): boolean {
    return this.functionWords.matches(word);
  }

  /** Knowledge text goes through the same expansions as messages, keeping its accents. */
  expandKnowledge(phrase: string[]): string[] {
    return this.expand(phrase, true);
  }

  private expand(typed: string[], keepAccents = false): string[] {
    // "5t", "10t": an age in chat shorthand.
    const phrase = typed.flatMap((w) => (/^\d{1,3}t$/.test(w) ? [w.slice(0, -1), 'tuổi'] : [w]));
    const out: string[] = [];
    let at = 0;
    for (const m of this.expansions.matches(phrase)) {
      // An expansion is as accented as what was typed: "so do" must not gain exact
      // diacritic matches that the citizen's other, unaccented words cannot.
      const typedAccented = keepAccents || phrase.slice(m.start, m.end).some((w) => foldCanonical(w) !== w);
      out.push(...phrase.slice(at, m.start), ...(typedAccented ? m.value : m.value.map(foldCanonical)));
      at = m.end;
    }
    out.push(...phrase.slice(at));
    return out;
  }

  /**
   * Each kind of cue counts once; see CUE_POINTS. A question asked before the message ends
   * by saying it wants to complain ("… vậy là sao, tui muốn phản ánh") is part of the story.
   */
  private isComplaint(message: MessageWords): boolean {
    const matches = this.complaintCues.matches(message);
    const last = (kind: ComplaintCue) => Math.max(-1, ...matches.filter((m) => m.value === kind).map((m) => m.start));
    const kinds = new Set(matches.map((m) => m.value));
    if (last('intent') > last('question')) kinds.delete('question');
    let points = 0;
    for (const kind of kinds) points += CUE_POINTS[kind];
    return points >= COMPLAINT_POINTS;
  }

  /** "Mã OTP" alone; or a demand for money, a code or an app with someone reaching out, or with the citizen's doubt. */
  private isScam(message: MessageWords): boolean {
    const cues = new Set(this.scamCues.matches(message).map((m) => m.value));
    return cues.has('certain') || (cues.has('demand') && (cues.has('contact') || cues.has('doubt')));
  }

  /**
   * Small talk alone (`smalltalk`: nothing else of substance is said), and small talk among other
   * words (`chatter`, see Query), from one reading of the message's small-talk cues.
   */
  private smalltalk(text: string, message: MessageWords, matches: readonly PhraseMatch<Smalltalk | QuietSmalltalk>[]): Pick<Query, 'smalltalk' | 'chatter'> {
    const kinds = new Set(matches.map((m) => m.value));
    const kind = SMALLTALK.find((k) => kinds.has(k));
    const covered = new Set<number>();
    for (const m of matches) for (let i = m.start; i < m.end; i++) covered.add(i);
    const beside = message.words.filter((w, i) => !covered.has(i) && !this.functionWords.matches(w)).length;
    // "ok", "dạ vâng" alone are a nod; "bot ơi" alone calls for a greeting.
    const alone = matches.length > 0 && beside === 0 ? (kind ?? (kinds.has('ack') ? 'thanks' : 'greeting')) : undefined;
    const chatter =
      kinds.has('displeased') || kinds.has('chitchat') ? kind : EMOTICON.test(text) ? (kind ?? 'chitchat') : beside <= CHATTER_BESIDE ? kind : undefined;
    return { ...(alone ? { smalltalk: alone } : {}), ...(chatter ? { chatter } : {}) };
  }
}

/** Polite words and whom it addresses, folded, that may follow a question ending ("được không ạ", "chưa bác"). */
const ENDING_PADDING: ReadonlySet<string> = new Set(['a', 'nha', 'nhe', 'ad', 'ban', 'oi', 'anh', 'chi', 'em', 'con', 'chau', 'bac', 'co', 'chu', 'vay', 'v', 'z', 'the', 'hen', 'ha']);

/** A remark says at least this many words: fewer are a keyword search ("giấy phép karaoke"), which the hotline may answer. */
const REMARK_WORDS = 5;

/**
 * "Ngoài ni sóng to gió lớn cả tuần nằm bờ buồn thúi ruột": several words, no question mark, no
 * word that asks or requests, no part asked, nothing out of scope named. Said where nothing
 * answers it, it is small talk, not a question to send to the hotline.
 */
export function isRemark(query: Query): boolean {
  return asksNothing(query) && query.aspects.length === 0;
}

/** Several words, and none asks or requests, whatever parts they name ("cái gì cũng bấm điện thoại"). */
export function asksNothing(query: Query): boolean {
  return !query.asks && !query.outOfScope && query.length >= REMARK_WORDS;
}
