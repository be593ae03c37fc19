// The dialogue, channel-neutral: one incoming message (typed text, a pressed button
// or a number answering a numbered list) in, the replies out. It keeps just enough
// state per chat for follow-ups ("còn lệ phí thì sao?"), for menus, and for a
// complaint being written; it submits complaints and looks them up ("tra cứu <mã>").
import { randomBytes } from 'node:crypto';
import type { Complaint } from '../complaints/complaint.ts';
import type { Hotline } from '../complaints/hotline.ts';
import type { Entry } from '../knowledge/entry.ts';
import type { Aspect } from '../knowledge/lexicon.ts';
import type { Decision } from '../search/decision.ts';
import { asksNothing, isRemark } from '../search/query.ts';
import type { Engine } from '../search/engine.ts';
import type { PlaceFinding } from '../search/place-question.ts';
import { placeById } from '../places/resolve.ts';
import type { QuestionLog } from '../store/question-log.ts';
import type { ReportEvent, ReportEvents } from '../store/report-events.ts';
import type { Store } from '../store/store.ts';
import { fold, words } from '../kernel/vietnamese.ts';
import { renderClarify, renderDecision, renderEntry, renderSections, renderWhichProcedure, withOffers, type Section } from './answer.ts';
import type { Log } from '../kernel/log.ts';
import { placeNote, renderPlace, renderPlaceQuestion } from './place-reply.ts';
import { complaintDraft, Intake, INTAKE_ACTIONS, submitFailed, type IntakeAction, type IntakeDraft, type IntakeInput } from './intake.ts';
import { addressKey, type Address, type ChannelName, type Incoming, type TraitsOf } from '../kernel/messages.ts';
import type { Choice, Reply } from '../kernel/reply.ts';
import { pointsBack, readCorrection, readLeadingOrdinal, readOrdinal, readTrailingOrdinal, rejectedIn } from './list-pick.ts';
import { LISTED_KEPT, MENUS_KEPT, RECENT_KEPT, Sessions, type Session } from './session.ts';
import { COMPLAINT_TEXTS, MENU_TEXTS, TEXTS } from '../texts/citizens.ts';
import { contactLines } from './contacts.ts';
import { keepQuestion, keepRating } from './kept-questions.ts';
import { readTrackingRequest, renderTracking, trackComplaint } from './tracking.ts';

const PAGE = 8;
/** A message that is not answered outright goes back to an earlier answer among its best this many. */
const NEAR = 3;
/** What a correction says was wrong names another entry only in this many words or more ("giấy độc thân"). */
const NAMING_WORDS = 2;
/** Outcomes a message pointing back at a variant of the topic is read again for. */
const READ_WITH_TOPIC: ReadonlySet<string> = new Set(['answer', 'clarify', 'fallback']);
/** "Nộp", "làm ở" (file, do it at), typed with or without marks: the message asks where to file, whatever else it asks of the place. */
const FILING = /(?:^|[^\p{L}])(?:nộp|nop|làm ở|lam o)(?=[^\p{L}]|$)/iu;
/** Store namespace of the chats that asked for announcements (key: channel:chat id, value: the Address). */
export const SUBSCRIBERS = 'subscribers';

// A Map, not an object: typed text must never match an inherited name ("constructor").
const COMMANDS = new Map<string, string>(Object.entries({
  '/start': 'menu',
  '/menu': 'menu',
  menu: 'menu',
  'bat dau': 'menu',
  '/help': 'help',
  'huong dan': 'help',
  'tro giup': 'help',
  '/thutuc': 'sectors:0',
  'linh vuc': 'sectors:0',
  '/phananh': 'complaint',
  'phan anh': 'complaint',
  'gui phan anh': 'complaint',
  'kien nghi': 'complaint',
  'gui kien nghi': 'complaint',
  'phan anh kien nghi': 'complaint',
  '/tracuu': 'track',
  '/lienhe': 'contacts',
  'lien he': 'contacts',
  'duong day nong': 'contacts',
  '/thongbao': 'subscribe',
  'nhan thong bao': 'subscribe',
  'huy thong bao': 'unsubscribe',
}));

export interface ConversationDeps {
  engine: Engine;
  store: Store;
  sessionTtlMs: number;
  /** Where complaints are submitted and looked up. */
  hotline: Hotline;
  /** What each channel can do (buttons or typed numbers; whether staff answers can be pushed). */
  traits: TraitsOf;
  /** Told why a complaint could not be submitted (the citizen is asked to send it again). */
  log?: Pick<Log, 'error' | 'warn'>;
  /** Where each message's outcome and each rating are counted for reports; none: not counted. */
  events?: Pick<ReportEvents, 'record'>;
  /** Where typed questions are kept, masked, for staff (unanswered ones, those that reached an entry); none: not kept. */
  questions?: Pick<QuestionLog, 'ask' | 'picked' | 'rated'>;
}

export class Conversation {
  private readonly sessions: Sessions;
  private readonly sectors: string[];
  private readonly intake: Intake;

  constructor(private readonly deps: ConversationDeps) {
    this.sessions = new Sessions(deps.store, deps.sessionTtlMs);
    this.intake = new Intake(deps.engine.knowledge.locality, deps.hotline.now);
    // Browsing lists curated entries only: imported portal records are found by search.
    const curated = deps.engine.knowledge.entries.filter((e) => e.origin === 'curated');
    this.sectors = [...new Set(curated.map((e) => e.sector))].sort((a, b) => a.localeCompare(b, 'vi'));
  }

  /** The engine this conversation answers with (the knowledge pages ask it too). */
  get engine(): Engine {
    return this.deps.engine;
  }

  async handle(incoming: Incoming): Promise<Reply[]> {
    const session = await this.sessions.load(incoming.address);
    const intakeBefore = session.intake;
    const replies = await this.respond(incoming, session);
    const about = replies.find((reply) => reply.about)?.about;
    if (this.deps.questions && !intakeBefore) keepQuestion(this.deps.questions, incoming, session, about, this.deps.hotline.now());
    const tokenized = this.offer(replies, session, this.numbered(incoming.address.channel));
    await this.sessions.save(incoming.address, session);
    // Typed messages are counted; a pressed button continues one already counted.
    if (!incoming.action) {
      this.count({ kind: 'message', channel: incoming.address.channel, outcome: about?.kind ?? 'other', ...(about?.kind === 'answer' ? { entryId: about.entry } : {}) });
    }
    return tokenized;
  }

  /** A report event, written later with others: the citizen's reply never waits for it. */
  private count(event: Omit<ReportEvent, 'at'>): void {
    this.deps.events?.record({ ...event, at: this.deps.hotline.now() });
  }

  /** Without buttons, choices are answered by number, so only one numbered list per turn. */
  private numbered(channel: ChannelName): boolean {
    return !this.deps.traits(channel).buttons;
  }

  private async respond(incoming: Incoming, session: Session): Promise<Reply[]> {
    const picked = this.pickedAction(incoming, session);
    if (picked === null) return [{ text: MENU_TEXTS.staleChoice }];
    if (picked) return await this.act(picked, session, incoming.address);
    const text = (incoming.text ?? '').trim();
    // A code alone is a lookup, except while a complaint is being written: there it may be part of the story.
    const tracking = readTrackingRequest(text, { bareCode: !session.intake });
    if (tracking) return tracking.kind === 'help' ? [{ text: MENU_TEXTS.track }] : [{ text: renderTracking(await trackComplaint(this.deps.hotline, tracking.typed)) }];
    const command = COMMANDS.get(fold(text).replace(/\s+/g, ' ')) ?? COMMANDS.get(text.split(/[\s@]/)[0]!.toLowerCase());
    if (command) return await this.act(command, session, incoming.address);
    // While a complaint is being written, typed text belongs to it and is not searched.
    if (session.intake) return await this.continueIntake(session, { text }, incoming.address);
    return this.answer(text, session, this.numbered(incoming.address.channel));
  }

  /** A pressed button's token or a typed number → the action it stands for; null when stale. */
  private pickedAction(incoming: Incoming, session: Session): string | undefined | null {
    if (incoming.action) {
      const [menuId, index] = incoming.action.split('.');
      const menu = session.menus.find((m) => m.id === menuId);
      return menu?.actions[Number(index)] ?? null;
    }
    const number = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(incoming.text ?? '');
    const latest = session.menus[0];
    if (number && latest) return latest.actions[Number(number[1]) - 1] ?? null;
    return undefined;
  }

  private answer(text: string, session: Session, numbered: boolean): Reply[] {
    const { engine } = this.deps;
    const { locality } = engine.knowledge;
    const meant = readCorrection(text);
    const decision = this.withPendingPlace(text, session) ?? (meant ? this.corrected(meant, session, rejectedIn(text)) : engine.decide(text));
    if (decision.place?.role === 'question') {
      // "Nộp ở phường gần nhà bên Quận 10 cũ được hông" after a procedure: where to file it, the old place named as the citizen's.
      const topic = this.answeredTopic(session);
      // "… giờ sáp nhập rồi thì nộp ở đâu": asking where to file says which unit too, which the note tells.
      const filedThere = topic?.kind === 'procedure' && (!decision.place.asksWhich || FILING.test(text)) && decision.query.aspects.includes('place');
      if (!filedThere) return [this.placeReply(decision.place, session, text)];
      return this.answerWith(topic, decision.query.aspects, session, numbered, placeNote({ ...decision.place, role: 'note' }, locality));
    }
    // "Đăng ký kết hôn cần gì" then "nhầm rồi, chồng sắp cưới của em là người Nhật": the papers of what was meant.
    const aspects = meant && !decision.query.aspects.length ? (session.aspects ?? []) : decision.query.aspects;
    const picked = this.pickFromList(text, decision, session);
    if (picked) return this.answerWith(picked, [...new Set([...(session.clarify?.aspects ?? []), ...aspects])], session, numbered);
    const instead = this.toldInstead(text, decision, session);
    if (instead) return this.answerWith(instead, aspects, session, numbered);
    // A variant pointed at ("chỉ sửa lại mái thôi") is not a detail that keeps the topic.
    const variant = this.withTopic(text, decision, session);
    if (variant) return this.answerWith(variant, aspects, session, numbered);
    const inThread = this.inThread(decision, session, numbered, !!meant);
    if (inThread) return inThread;
    const first = decision.candidates[0]?.entry;
    if (decision.outcome === 'answer') {
      return this.answerWith(first!, aspects, session, numbered, placeNote(decision.place, locality), engine.alternatives(decision), decision.also);
    }
    // The message that reads as a complaint is the first part of what happened.
    if (decision.outcome === 'complaint') return this.startIntake(session, text);
    const choices = engine.clarifyChoices(decision);
    const unanswered = decision.outcome === 'clarify' && !choices.length ? 'fallback' : decision.outcome;
    // "Ngoài ni sóng to gió lớn cả tuần nằm bờ buồn thúi ruột", "cái gì cũng bấm điện thoại": a remark nothing
    // answers (it may name a part), after the thread had its say (a pick, a correction, a detail of the case), is
    // small talk; the list and the topic stay. It comes back to no earlier topic either ("để mai tính, giờ đi nhậu
    // đã" finds the marriage just answered among others).
    const remark = unanswered === 'fallback' && asksNothing(decision.query);
    const again = remark ? undefined : this.earlierTopic(decision, session);
    if (again) return this.answerWith(again, aspects, session, numbered);
    const outcome = remark ? 'smalltalk' : unanswered;
    if (outcome === 'clarify') {
      session.clarify = { ids: choices.map((c) => c.entry.id), aspects, question: text };
      session.listed = [...session.clarify.ids, ...(session.listed ?? [])].slice(0, LISTED_KEPT);
    }
    // What nothing answers (the weather, a visa, a typo) closes an open list but not the topic:
    // "thế lệ phí bao nhiêu?" after it still asks about the procedure answered before.
    if (outcome === 'fallback') {
      session.clarify = undefined;
      session.offered = undefined;
    }
    const query = remark ? { ...decision.query, smalltalk: 'chitchat' as const } : decision.query;
    const topic = outcome === 'smalltalk' && query.smalltalk === 'chitchat' && session.entryId ? engine.get(session.entryId) : undefined;
    if (topic) return [{ text: TEXTS.smalltalkOnTopic(topic.title), about: { kind: 'smalltalk' } }];
    return renderDecision({ ...decision, query, outcome }, choices, locality);
  }

  /**
   * The reply when the message continues the thread rather than asking anew: a part asked
   * while a list is open, or after an answer (or before any topic); a detail of the
   * citizen's case after an answer. A correction is never read as staying on what it rejects.
   */
  private inThread(decision: Decision, session: Session, numbered: boolean, correction: boolean): Reply[] | undefined {
    const { engine } = this.deps;
    const { query } = decision;
    const { aspects } = query;
    // "Cảm ơn nhé, để tôi chuẩn bị" says a part's word only within small talk: thanks, not a question
    // ("mà làm ở đâu vậy cháu" is all small talk and function words too, but asks where).
    const chat = decision.outcome === 'smalltalk' && [...query.aspectWords].every((w) => query.chatWords.has(w));
    const followUp = !chat && engine.followUps.asksOnlyAPart(query);
    // While a "which one?" list is open, the list is the context: ask again, now for that part.
    const listed = followUp && session.clarify ? this.entries(session.clarify.ids) : [];
    if (listed.length) {
      session.clarify = { ids: listed.map((e) => e.id), aspects };
      return [renderClarify(listed, aspects)];
    }
    const previous = session.entryId ? engine.get(session.entryId) : undefined;
    // After an FAQ ("không còn huyện thì xin ở mô?"), a part asked is of the procedure the chat was about before it.
    const procedure = previous?.kind === 'procedure' ? previous : followUp ? this.recentProcedure(session) : undefined;
    if (followUp && procedure) {
      session.entryId = procedure.id;
      return this.withRating(renderSections(procedure, aspects, engine.knowledge.locality), procedure, numbered);
    }
    // A part asked with no topic yet names nothing: a guess from words like "con" would be a stranger's answer;
    // unless the parts' words are an entry's whole name ("nộp hồ sơ online trên cổng dịch vụ công thì làm thế nào").
    const named = decision.outcome === 'answer' && decision.candidates[0]!.nameMatch === 1;
    if (followUp && !previous && !named) return [renderWhichProcedure(aspects)];
    // Outside a list, a detail of the citizen's case ("72 tuổi thì được chưa") keeps the topic, and so
    // does a question nothing else answers in the topic's own words ("mỗi năm xét mấy lần").
    if (!previous || session.clarify || correction) return undefined;
    // "Bao lâu thì có sổ mới" after the lost land certificate: a part asked, by its cue, in the topic's own naming
    // words. "Làm căn cước cho cháu 10 tuổi được không" asks whether, with no cue: a new question.
    const ownWords = query.aspectWords.size > 0 && aspects.length > 0 && engine.followUps.asksInNamesOf(decision, previous);
    // "Quay lại vụ tiền mai táng lúc nãy": an earlier topic among the message's best few is what it comes back to,
    // unless the message asks a part in the topic's own words ("bao lâu thì được cấp" after the repair permit).
    if (!ownWords && this.earlierTopic(decision, session, previous)) return undefined;
    // A remark ("mùa ni mưa buồn thiệt, già rồi đi bộ hông nổi à") tells no detail to answer the whole entry again for.
    if (isRemark(query)) return undefined;
    const sibling = previous.kind === 'procedure' ? engine.followUps.siblingOf(decision, previous) : undefined;
    if (sibling) return this.answerWith(sibling, aspects, session, numbered);
    const detail = (previous.kind === 'procedure' && (engine.followUps.staysOn(decision, previous) || engine.followUps.asksAPartOfNothing(decision) || ownWords)) || engine.followUps.talksOf(decision, previous);
    if (detail) return this.answerWith(previous, aspects, session, numbered);
    // "Ông già hông chịu thì sao": the case told, asked of the procedure just answered: who may, and when.
    // With no conditions written for it, the whole answer says more than a "not known yet" about them.
    const ifNoPart: Aspect[] = previous.conditions ? ['conditions'] : [];
    if (previous.kind === 'procedure' && engine.followUps.asksWhatIfOfNothing(decision)) return this.answerWith(previous, aspects.length ? aspects : ifNoPart, session, numbered);
    return undefined;
  }

  /**
   * "Làm lại giấy khai sinh", then "bản chính mất rồi mà ở xã cũ còn lưu sổ, tui xin bản sao thôi": the entry
   * staff asked apart from the one just answered, when the message tells it, unless the message says a
   * third entry's whole name.
   */
  private toldInstead(text: string, decision: Decision, session: Session): Entry | undefined {
    const answered = this.answeredTopic(session);
    if (!answered || !READ_WITH_TOPIC.has(decision.outcome)) return undefined;
    const instead = this.deps.engine.toldInstead(text, answered);
    const [best] = decision.candidates;
    const third = decision.outcome === 'answer' && best!.nameMatch === 1 && best!.entry !== answered && best!.entry !== instead;
    return third ? undefined : instead;
  }

  /** The entry just answered, while no list is open: the topic of follow-ups. */
  private answeredTopic(session: Session): Entry | undefined {
    return session.entryId && !session.clarify ? this.deps.engine.get(session.entryId) : undefined;
  }

  /** The procedure this chat was last answered about, if any. */
  private recentProcedure(session: Session): Entry | undefined {
    const { engine } = this.deps;
    return session.recent?.map((id) => engine.get(id)).find((e) => e?.kind === 'procedure');
  }

  /**
   * "Quay lại vụ tạm trú lúc nãy": of an unclear message's best few, the one this chat was
   * answered about; else the one entry of an earlier list among them. An entry of the list
   * still open does not count: asked again while it is open, the list is shown again.
   */
  private earlierTopic(decision: Decision, session: Session, besides?: Entry): Entry | undefined {
    // Out of scope is an answer of its own ("xin visa Nhật cho mẹ" after the criminal record).
    if ((decision.outcome !== 'clarify' && decision.outcome !== 'fallback') || decision.query.outOfScope) return undefined;
    const near = (id: string) => id !== besides?.id && decision.candidates.slice(0, NEAR).some((c) => c.entry.id === id) && !session.clarify?.ids.includes(id);
    const answered = session.recent?.find(near);
    const listed = [...new Set(session.listed?.filter(near))];
    const id = answered ?? (listed.length === 1 ? listed[0] : undefined);
    return id ? this.deps.engine.get(id) : undefined;
  }

  /**
   * "Cái cấp lại do mất thẻ á" after an answer about the card: a message that points back at
   * a variant, read after the title of the entry just answered, is answered when that reading
   * picks one of the message's own best few. The topic only decides among them, even when the
   * message alone would answer another of them ("thẻ" alone reads as the identity card).
   */
  private withTopic(text: string, decision: Decision, session: Session): Entry | undefined {
    const { engine } = this.deps;
    const topic = this.answeredTopic(session);
    if (!topic || !READ_WITH_TOPIC.has(decision.outcome)) return undefined;
    // "Cái thẻ bảo hiểm y tế ấy": the message alone answers the topic again.
    if (decision.outcome === 'answer' && decision.candidates[0]?.entry.id === topic.id) return undefined;
    const pointing = pointsBack(text);
    // "Cái chứng thực đó mấy ngày xong?": pointed back with words of the topic's own names only, at the topic itself.
    if (pointing && engine.followUps.asksInNamesOf(decision, topic)) return undefined;
    if (!pointing && decision.outcome !== 'answer') return undefined;
    // The topic itself is not among the message's best few (see earlierTopic): a variant of it is meant.
    const read = this.readWithTopic(text, topic, new Set([topic.id]));
    // A list whose first is the message's own first also says which variant ("cái xin bản sao á" after re-registering a birth).
    const best = read.candidates[0]?.entry;
    if (!best || !decision.candidates.slice(0, NEAR).some((c) => c.entry === best)) return undefined;
    // Unpointed, only the topic combined with what the message names ("chồng em muốn nhận là cha luôn" after the birth: the birth registration combined with it).
    if (!pointing) return read.outcome !== 'fallback' && engine.names.isVariant(best, topic) ? best : undefined;
    return read.outcome === 'answer' || (read.outcome === 'clarify' && best === decision.candidates[0]?.entry) ? best : undefined;
  }

  /** A message read after the topic's title, or, when that answers nothing, after its short name. */
  private readWithTopic(text: string, topic: Entry, excluded: ReadonlySet<string>): Decision {
    const { engine } = this.deps;
    const read = engine.decide(`${topic.title}. ${text}`, excluded);
    const short = shortName(topic);
    return read.outcome === 'answer' || short === topic.title ? read : engine.decide(`${short}. ${text}`, excluded);
  }

  /**
   * "Không phải mất, ý tôi là thẻ còn nhưng gãy": what was meant instead of the last answer,
   * never that answer again. Such a message often names only the difference, so when it
   * alone is not clear it is read with the rejected answer's name before it.
   */
  private corrected(meant: string, session: Session, saidWrong?: string): Decision {
    const { engine } = this.deps;
    const topic = session.entryId ? engine.get(session.entryId) : undefined;
    // "Không phải giấy độc thân, ý tôi là …" after the foreign marriage: what is said to be wrong is another
    // entry, so the topic stands, as the context of what was meant.
    // A word alone ("không phải mất") says what of the topic was wrong, not another entry.
    const named = saidWrong && saidWrong.split(/\s+/).length >= NAMING_WORDS ? engine.decide(saidWrong) : undefined;
    const other = named?.outcome === 'answer' && named.candidates[0]!.entry.id !== topic?.id ? named.candidates[0]!.entry : undefined;
    const rejected = other ?? topic;
    const excluded = new Set(rejected ? [rejected.id] : []);
    const decision = engine.restated(engine.decide(meant, excluded));
    // "Không, cảm ơn" is thanks, not a question to read with the topic.
    if (!topic || decision.outcome === 'smalltalk') return decision;
    // "Không phải làm mới mà là làm lại do mất" after the first card: the card's re-issue, not whatever else the words find first.
    const kin = engine.followUps.kinOf(decision, topic);
    if (kin) return { ...decision, outcome: 'answer', candidates: [kin, ...decision.candidates.filter((c) => c !== kin)] };
    const read = this.readWithTopic(meant, topic, excluded);
    if (decision.outcome !== 'answer') return onlyOneLeft(read.outcome === 'answer' || read.outcome === 'clarify' ? read : decision, engine);
    // "Không phải đổi, mẹ em bị móc túi mất thẻ rồi, cấp lại ấy" after the card: the words alone find the lost
    // driving licence, but nothing said names it rather than the card's own variant, which the reading with the topic finds.
    const [plain, topical] = [decision.candidates[0]!.entry, read.outcome === 'answer' ? read.candidates[0]!.entry : undefined];
    return topical && topical.id !== plain.id && engine.followUps.namesNothingOnlyOf(decision, plain, topical) ? read : decision;
  }

  /**
   * While a "which one?" list is open, a message may pick from it: by place ("cái thứ 2",
   * "số 1 con") or by words only one listed entry has ("cái sổ bị mất ấy"), unless it
   * plainly asks about something else.
   */
  private pickFromList(text: string, decision: Decision, session: Session): Entry | undefined {
    const ids = session.clarify?.ids ?? session.offered;
    // A complaint, small talk or a scam question is what it is, whatever list was open.
    if (!ids || decision.outcome === 'complaint' || decision.outcome === 'smalltalk' || decision.outcome === 'scam') return undefined;
    // A place only in a list the citizen saw numbered: the entries offered beside an answer were never numbered with it.
    const places = session.clarify ? ids.length : 0;
    const place = readOrdinal(text, places);
    if (place) return this.deps.engine.get(ids[place - 1]!);
    // A reply to the question staff wrote for the two listed ("Ủy ban … vẫn còn lưu sổ, chỉ cần xin bản sao thôi").
    const told = session.clarify && this.deps.engine.toldApart(text, ids);
    if (told) return told;
    // An answer elsewhere counts unless the message only says words of the listed entries' names,
    // and then only if it does not say that answer's whole name ("đăng ký khai tử" while "… điện tử" is listed).
    const best = decision.candidates[0];
    const elsewhere = decision.outcome === 'answer' && !ids.includes(best!.entry.id) && (best!.nameMatch === 1 || !this.deps.engine.followUps.namesOnlyAmong(decision, ids));
    const beside = this.answeredTopic(session);
    // The words of the choice decide before a place said first and then explained ("cái thứ nhất, cấp đổi ạ, …"): lists differ in order.
    const leading = readLeadingOrdinal(text, places);
    // A place said first or last that the message's own best answer agrees with is the pick, whatever
    // else its words count ("xã bảo sổ hộ tịch bị cháy rồi, vậy chắc phải đăng ký lại, số 2 đó").
    const saidPlace = leading ?? readTrailingOrdinal(text, places);
    const agreed = saidPlace && !elsewhere && best && best.entry.id === ids[saidPlace - 1] ? best.entry : undefined;
    const variant = best && !ids.includes(best.entry.id) ? this.listedVariant(ids, best.entry) : undefined;
    const picked =
      agreed ?? (elsewhere ? variant : (this.deps.engine.followUps.pickAmong(text, ids, beside) ?? (leading ? this.deps.engine.get(ids[leading - 1]!) : (variant ?? this.answeredWithQuestion(text, decision, ids, session)))));
    // Beside an answer, words that point at the answer itself are a follow-up about it, not a pick.
    return picked?.id === session.entryId && !session.clarify ? undefined : picked;
  }

  /**
   * "Em ở luôn, nhà chồng mà, không phải ở tạm" after "đăng ký cư trú gì?" got the permanent or the
   * temporary residence to choose from: the reply says how to tell them apart, not their names. Read
   * after the question that got the list, it is answered with one of the listed entries.
   */
  private answeredWithQuestion(text: string, decision: Decision, ids: readonly string[], session: Session): Entry | undefined {
    const question = session.clarify?.question;
    // A remark that finds nothing ("haha 65 tuổi rồi mà giờ cái gì cũng bấm điện thoại") asks nothing: read after the question, it would only repeat it.
    if (!question || (decision.outcome === 'fallback' && asksNothing(decision.query))) return undefined;
    const again = this.deps.engine.decide(`${question}. ${text}`);
    const [best] = again.candidates;
    return again.outcome === 'answer' && best && ids.includes(best.entry.id) ? best.entry : undefined;
  }

  /**
   * "Chồng em muốn nhận là cha luôn" while the birth registration and its variant combined with
   * acknowledging the father are listed: the message alone finds the acknowledgement first, and
   * the one listed entry that holds its whole title is what the list offered for it.
   */
  private listedVariant(ids: readonly string[], answered: Entry): Entry | undefined {
    const { engine } = this.deps;
    const variants = ids.flatMap((id) => engine.get(id) ?? []).filter((e) => engine.names.isVariant(e, answered));
    return variants.length === 1 ? variants[0] : undefined;
  }

  /** The answer about one entry, leading with the asked parts; it becomes the topic of follow-ups. A note (where an old commune is now) follows it. */
  private answerWith(entry: Entry, aspects: readonly Aspect[], session: Session, numbered: boolean, notes: Reply[] = [], alternatives: Entry[] = [], also?: Entry): Reply[] {
    session.entryId = entry.id;
    session.aspects = aspects.length ? [...aspects] : undefined;
    session.recent = [entry.id, ...(session.recent ?? []).filter((id) => id !== entry.id)].slice(0, RECENT_KEPT);
    session.clarify = undefined;
    const offered = [...(also ? [also] : []), ...alternatives];
    session.offered = offered.length ? [entry.id, ...offered.map((e) => e.id)] : undefined;
    const answered = withOffers(renderEntry(entry, aspects, this.deps.engine.knowledge.locality), also, alternatives);
    const [answer, ...rating] = this.withRating(answered, entry, numbered);
    return [answer!, ...notes, ...rating];
  }

  /**
   * After "which province?", the citizen may just type it ("Cà Mau", "quận 3"): read
   * with the question it answers, it names one place. Anything else is a new message.
   */
  private withPendingPlace(text: string, session: Session): Decision | undefined {
    const pending = session.place;
    session.place = undefined;
    if (!pending) return undefined;
    const decision = this.deps.engine.decide(`${pending} ${text}`);
    return decision.outcome === 'place' ? decision : undefined;
  }

  /** Where a place is now and where to file there; a list of places to pick from; or the closest names. */
  private placeReply(finding: PlaceFinding, session: Session, text: string): Reply {
    if (finding.resolution.kind === 'ambiguous') session.place = text;
    return renderPlaceQuestion(finding, this.deps.engine.knowledge.locality);
  }

  /**
   * An answer and the rating question. Where choices are typed as numbers (one list a
   * turn), the rating joins the answer's own follow-ups in one list.
   */
  private withRating(reply: Reply, entry: Entry, numbered: boolean): Reply[] {
    const rating = this.ratePrompt(entry);
    if (!numbered) return [reply, rating];
    return [{ ...reply, text: `${reply.text}\n\n${MENU_TEXTS.moreOrRate}`, choices: [...(reply.choices ?? []), ...rating.choices!] }];
  }

  private entries(ids: readonly string[]): Entry[] {
    return ids.flatMap((id) => this.deps.engine.get(id) ?? []);
  }

  /** Begins writing a complaint, or takes the citizen back to the one being written. */
  private startIntake(session: Session, firstPart?: string): Reply[] {
    if (session.intake) return [this.intake.prompt(session.intake)];
    const offered = session.entryId ? this.deps.engine.get(session.entryId) : undefined;
    // A later question is not a follow-up of the procedure answered before the complaint.
    session.entryId = undefined;
    const started = this.intake.start({ ...(firstPart ? { firstPart } : {}), ...(offered?.kind === 'procedure' ? { offeredSubject: offered.title } : {}) });
    session.intake = started.draft;
    const [first, ...rest] = started.replies;
    return [{ ...first!, text: `${TEXTS.complaintStart}\n\n${first!.text}` }, ...rest];
  }

  private async continueIntake(session: Session, input: IntakeInput, address: Address): Promise<Reply[]> {
    if (!session.intake) return [{ text: MENU_TEXTS.staleChoice }];
    const result = this.intake.step(session.intake, input);
    if (result.kind === 'cancelled') session.intake = undefined;
    if (result.kind === 'continue') session.intake = result.draft;
    return result.kind === 'submit' ? await this.submit(result.draft, session, address) : result.replies;
  }

  /** Stored durably first; only then is the citizen given the code. A failure keeps the draft for "Gửi lại". */
  private async submit(draft: IntakeDraft, session: Session, address: Address): Promise<Reply[]> {
    let complaint: Complaint;
    try {
      complaint = await this.deps.hotline.submit(address, complaintDraft(draft));
    } catch (err) {
      this.deps.log?.error({ err }, 'conversation: the complaint could not be stored; the citizen is asked to send it again');
      return [submitFailed()];
    }
    session.intake = undefined;
    // The web page cannot be pushed to: there the answer is read by looking the code up.
    const confirm = this.deps.traits(address.channel).push ? COMPLAINT_TEXTS.submitted : COMPLAINT_TEXTS.submittedOnWeb;
    return [{ text: confirm(complaint.code, complaint.dueDate), about: { kind: 'complaint_submitted', code: complaint.code } }];
  }

  private async act(action: string, session: Session, address: Address): Promise<Reply[]> {
    const [kind, a, b] = action.split(':');
    switch (kind) {
      case 'entry':
        return this.pickedEntry(a!, session, address);
      case 'section':
        return this.pickedSection(a!, b as Section, session);
      case 'rate':
        return this.rate(a!, b === 'up', session, address);
      case 'place':
        return this.pickedPlace(a!, session);
      case 'sectors':
        return [this.sectorPage(Number(a) || 0)];
      case 'sector':
        return [this.sectorEntries(Number(a), Number(b) || 0)];
      case 'contacts':
        return [{ text: [MENU_TEXTS.contacts, ...contactLines(this.deps.engine.knowledge.locality)].join('\n') }];
      case 'help':
        return [{ text: MENU_TEXTS.help }];
      case 'track':
        return [{ text: MENU_TEXTS.track }];
      case 'complaint':
        return this.startIntake(session);
      case 'intake':
        return INTAKE_ACTIONS.includes(a as IntakeAction) ? await this.continueIntake(session, { action: a as IntakeAction }, address) : [{ text: MENU_TEXTS.staleChoice }];
      // Kept apart from the session, which expires: a subscription lasts until cancelled.
      case 'subscribe':
        await this.deps.store.set(SUBSCRIBERS, addressKey(address), address);
        return [{ text: MENU_TEXTS.subscribed }];
      case 'unsubscribe':
        await this.deps.store.delete(SUBSCRIBERS, addressKey(address));
        return [{ text: MENU_TEXTS.unsubscribed }];
      default:
        return [this.mainMenu()];
    }
  }

  private pickedEntry(id: string, session: Session, address: Address): Reply[] {
    const entry = this.deps.engine.get(id);
    if (!entry) return [{ text: MENU_TEXTS.staleChoice }];
    // Picked from "which one?": the answer leads with what the question asked for.
    const aspects = session.clarify?.ids.includes(entry.id) ? session.clarify.aspects : [];
    return this.answerWith(entry, aspects, session, this.numbered(address.channel));
  }

  private pickedSection(id: string, section: Section, session: Session): Reply[] {
    const { engine } = this.deps;
    const entry = engine.get(id);
    if (!entry) return [{ text: MENU_TEXTS.staleChoice }];
    session.entryId = entry.id;
    return [renderSections(entry, [section], engine.knowledge.locality)];
  }

  private rate(entryId: string, useful: boolean, session: Session, address: Address): Reply[] {
    if (this.deps.questions) keepRating(this.deps.questions, session, entryId, useful);
    this.count({ kind: 'rating', channel: address.channel, outcome: useful ? 'useful' : 'not_useful', entryId });
    return [{ text: useful ? MENU_TEXTS.thanksForRating : MENU_TEXTS.sorryForRating }];
  }

  /** A place picked from "which one?" (its id, as placeById reads it). */
  private pickedPlace(id: string, session: Session): Reply[] {
    const { places, locality } = this.deps.engine.knowledge;
    const place = places && placeById(id, places.gazetteer);
    session.place = undefined;
    return place ? [renderPlace({ kind: 'resolved', place, typed: '' }, locality)] : [{ text: MENU_TEXTS.staleChoice }];
  }

  private mainMenu(): Reply {
    return {
      text: MENU_TEXTS.intro,
      choices: [
        { label: MENU_TEXTS.browseChoice, action: 'sectors:0' },
        { label: TEXTS.complaintChoice, action: 'complaint' },
        { label: MENU_TEXTS.trackChoice, action: 'track' },
        { label: TEXTS.hotlineChoice, action: 'contacts' },
        { label: MENU_TEXTS.subscribeChoice, action: 'subscribe' },
      ],
    };
  }

  private sectorPage(page: number): Reply {
    const choices: Choice[] = this.sectors.slice(page * PAGE, (page + 1) * PAGE).map((name) => ({ label: name, action: `sector:${this.sectors.indexOf(name)}` }));
    if ((page + 1) * PAGE < this.sectors.length) choices.push({ label: MENU_TEXTS.more, action: `sectors:${page + 1}` });
    return { text: MENU_TEXTS.browse, choices };
  }

  private sectorEntries(index: number, page: number): Reply {
    const name = this.sectors[index];
    if (name === undefined) return this.mainMenu();
    const entries: Entry[] = this.deps.engine.knowledge.entries.filter((e) => e.origin === 'curated' && e.sector === name);
    const choices: Choice[] = entries.slice(page * PAGE, (page + 1) * PAGE).map((e) => ({ label: e.title, action: `entry:${e.id}` }));
    if ((page + 1) * PAGE < entries.length) choices.push({ label: MENU_TEXTS.more, action: `sector:${index}:${page + 1}` });
    choices.push({ label: MENU_TEXTS.back, action: 'menu' });
    return { text: MENU_TEXTS.sector(name), choices };
  }

  private ratePrompt(entry: Entry): Reply {
    return {
      text: MENU_TEXTS.ratePrompt,
      choices: [
        { label: MENU_TEXTS.rateUp, action: `rate:${entry.id}:up` },
        { label: MENU_TEXTS.rateDown, action: `rate:${entry.id}:down` },
      ],
    };
  }

  /**
   * Swaps each reply's semantic actions for short tokens remembered in the session.
   * Where choices are answered by number, only the last list keeps its numbers; the
   * others become a hint to type the follow-up instead.
   */
  private offer(replies: Reply[], session: Session, numbered: boolean): Reply[] {
    const lastWithChoices = replies.findLastIndex((r) => r.choices?.length);
    return replies.map((reply, i) => {
      if (!reply.choices?.length) return reply;
      if (numbered && i !== lastWithChoices) {
        return { text: `${reply.text}\n\n${MENU_TEXTS.followUpHint(reply.choices.map((c) => c.label))}` };
      }
      const id = randomBytes(3).toString('hex');
      session.menus = [{ id, actions: reply.choices.map((c) => c.action) }, ...session.menus].slice(0, MENUS_KEPT);
      return { ...reply, choices: reply.choices.map((c, k) => ({ label: c.label, action: `${id}.${k}` })) };
    });
  }
}

/**
 * "Nhầm, bằng em bị móc túi mất chứ không phải hết hạn" after the renewed licence: once the rejected
 * answer is set aside, a list of one is what was meant.
 */
function onlyOneLeft(decision: Decision, engine: Engine): Decision {
  return decision.outcome === 'clarify' && engine.clarifyChoices(decision).length === 1 ? { ...decision, outcome: 'answer' } : decision;
}

/**
 * The topic's shortest name of two words or more ("đổi sổ đỏ"): a long formal title ("Cấp đổi Giấy
 * chứng nhận quyền sử dụng đất, …") can outweigh what a message read after it says.
 */
function shortName(entry: Entry): string {
  const names = entry.aliases.filter((name) => words(name).length >= 2);
  return names.reduce((short, name) => (words(name).length < words(short).length ? name : short), entry.title);
}
