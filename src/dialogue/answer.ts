// Turns the engine's decision into what the citizen reads. The first message of an
// answer fits a phone screen: it leads with the part asked about (documents, fee,
// time, place, online…), adds the short facts that still fit, and always ends with
// the legal basis, the source and the review date. Every other part is one tap (or
// one number) away as a follow-up choice.
import type { Entry } from '../knowledge/entry.ts';
import type { Aspect } from '../knowledge/lexicon.ts';
import type { Locality } from '../knowledge/locality.ts';
import type { Candidate, Decision } from '../search/decision.ts';
import type { Choice, Reply } from '../kernel/reply.ts';
import { placeNote, renderPlaceQuestion } from './place-reply.ts';
import { contactLines, officeLines } from './contacts.ts';
import { LABELS, TEXTS } from '../texts/citizens.ts';
import { localDate } from '../kernel/vietnam-time.ts';

/** A part of an entry that can be shown on its own: an aspect, the result, the notes, or a FAQ's whole answer. */
export type Section = Aspect | 'result' | 'notes' | 'full';

/** About a phone screen: the first message of an answer stays within this many characters. */
export const FIRST_MESSAGE_CHARS = 600;
/** What was asked gets at least this much room, however long the heading and footer. */
const MIN_LEAD_CHARS = 240;
/** "Where" is mostly the locality's offices; the procedure's own place line gets at least this. */
const PLACE_LINE_CHARS = 100;
/** Shown after the asked parts when they fit, in this order. */
const SHORT_FORM: readonly Section[] = ['place', 'time', 'fee', 'online', 'notes'];
/** Offered as follow-ups when not shown, in this order; the list is kept short enough to read on a phone. */
const FOLLOW_UPS: readonly Section[] = ['documents', 'place', 'time', 'fee', 'online', 'steps', 'notes', 'postal', 'conditions', 'result', 'legal'];
const MAX_FOLLOW_UPS = 6;
/** A law's name in the footer is cut after its number and the start of its subject; the full list is a follow-up. */
const LAW_CHARS = 70;
const TITLE_CHARS = 110;

export function renderDecision(decision: Decision, choices: Candidate[], locality: Locality): Reply[] {
  // A place question is answered from the units file whatever its outcome (place, clarify, fallback).
  if (decision.place?.role === 'question') return [renderPlaceQuestion(decision.place, locality)];
  switch (decision.outcome) {
    case 'place': // always a place question, answered above
      return [];
    case 'answer':
      return [renderEntry(decision.candidates[0]!.entry, decision.query.aspects, locality), ...placeNote(decision.place, locality)];
    case 'clarify': {
      const list = renderClarify(choices.map((c) => c.entry), decision.query.aspects);
      // A guess among portal records says so, and where else to ask; two entries citizens mix up are asked apart in the staff's words.
      const text = decision.tentative ? [TEXTS.clarifyGuess, ...contactLines(locality)].join('\n') : decision.apart?.question;
      const shown = text ? { ...list, text } : list;
      return [shown, ...placeNote(decision.place, locality)];
    }
    case 'fallback':
      return [
        {
          text: [TEXTS.fallback, ...contactLines(locality)].join('\n'),
          choices: [{ label: TEXTS.complaintChoice, action: 'complaint' }],
          about: { kind: 'fallback' },
        },
      ];
    case 'complaint':
      return [{ text: TEXTS.complaintStart, choices: [{ label: TEXTS.complaintChoice, action: 'complaint' }], about: { kind: 'complaint' } }];
    case 'smalltalk':
      return [{ text: TEXTS.smalltalk[decision.query.smalltalk ?? 'greeting'], about: { kind: 'smalltalk' } }];
    case 'scam':
      return [{ text: [TEXTS.scamWarning, ...contactLines(locality)].join('\n'), choices: [{ label: TEXTS.complaintChoice, action: 'complaint' }], about: { kind: 'scam' } }];
  }
}

/** "Which of these did you mean?", naming what was asked when the message asked for a part ("lệ phí"). */
export function renderClarify(entries: readonly Entry[], asked: readonly Aspect[]): Reply {
  const parts = asked.map((a) => LABELS[a].toLowerCase());
  // One entry left to offer is asked about, not listed as one of several.
  const one = entries.length === 1;
  const text = asked.length ? (one ? TEXTS.clarifyOneAspect(parts) : TEXTS.clarifyAspect(parts)) : one ? TEXTS.clarifyOne : TEXTS.clarify;
  return { text, choices: entries.map((e) => ({ label: e.title, action: `entry:${e.id}` })), about: { kind: 'list', entries: entries.map((e) => e.id), parts: [...asked] } };
}

/** A follow-up ("còn lệ phí sao?") with no procedure answered before it: which procedure is it about? */
export function renderWhichProcedure(asked: readonly Aspect[]): Reply {
  return { text: TEXTS.whichProcedure(asked.map((a) => LABELS[a].toLowerCase())), about: { kind: 'fallback' } };
}

/** One entry as an answer: the first message, with the parts not shown as follow-up choices. */
export function renderEntry(entry: Entry, asked: readonly Aspect[], locality: Locality): Reply {
  const head = heading(entry);
  const foot = footer(entry);
  let room = FIRST_MESSAGE_CHARS - head.length - foot.length;
  const parts: string[] = [];
  const shown = new Set<Section>();
  const add = (text: string, complete: boolean, section?: Section) => {
    parts.push(text);
    room -= text.length + 2;
    if (complete && section) shown.add(section);
  };

  // A record of the national portal says so: no local officer has reviewed it.
  if (entry.origin === 'imported') add(TEXTS.fromNationalPortal, true);
  // A FAQ answers one question as a whole: it has no parts to lead with.
  for (const aspect of entry.kind === 'procedure' ? asked : []) {
    const { text, complete } = sectionWithin(entry, aspect, locality, Math.max(room, MIN_LEAD_CHARS));
    add(text, complete, aspect);
  }
  if (entry.kind === 'faq') {
    // Where and when questions: the locality's own address, hours and phone come first.
    if (entry.show_contacts) add([TEXTS.localOffices, ...officeLines(locality)].join('\n'), true);
    const { text, complete } = faqAnswerWithin(entry, room);
    add(text, complete, 'full');
  } else {
    if (asked.length === 0 && entry.summary) add(fitText(entry.summary, room).text, true);
    for (const section of SHORT_FORM) {
      if (shown.has(section) || !hasSection(entry, section)) continue;
      const text = section === 'place' ? placeLine(entry) : renderSection(entry, section, locality);
      if (text.length + 2 <= room) add(text, true, section);
    }
  }
  return withFollowUps({ text: [head, ...parts.filter(Boolean), foot].join('\n\n'), about: { kind: 'answer', entry: entry.id, parts: [...asked] } }, entry, shown);
}

/**
 * An answer with what else to offer after its own follow-ups: the entry a second question
 * in the message asked about, and the entries that came close to it ("đăng ký lại kết hôn"),
 * which never repeat it (Engine.alternatives).
 */
export function withOffers(reply: Reply, also: Entry | undefined, alternatives: readonly Entry[]): Reply {
  const lines = [...(also ? [TEXTS.alsoAsked(also.title)] : []), ...(alternatives.length ? [TEXTS.alternatives(alternatives.map((e) => e.title))] : [])];
  if (!lines.length) return reply;
  const choices = [...(also ? [also] : []), ...alternatives].map((e) => ({ label: e.title, action: `entry:${e.id}` }));
  return { ...reply, text: [reply.text, ...lines].join('\n\n'), choices: [...(reply.choices ?? []), ...choices] };
}

/** One part of an entry in full (a follow-up, or a short follow-up question like "còn lệ phí?"). */
export function renderSection(entry: Entry, section: Section, locality: Locality): string {
  return sectionWithin(entry, section, locality, Infinity).text;
}

/** Parts of an entry asked for after its answer, under its title, with the other parts still on offer. */
export function renderSections(entry: Entry, sections: readonly Section[], locality: Locality): Reply {
  const text = [entry.title, ...sections.map((s) => renderSection(entry, s, locality))].join('\n\n');
  return withFollowUps({ text, about: { kind: 'answer', entry: entry.id, parts: [...sections] } }, entry, new Set(sections));
}

/** The reply with the entry's parts not yet shown offered as choices. */
function withFollowUps(reply: Reply, entry: Entry, shown: ReadonlySet<Section>): Reply {
  const more = followUps(entry, shown);
  return more.length ? { ...reply, choices: more } : reply;
}

function followUps(entry: Entry, shown: ReadonlySet<Section>): Choice[] {
  if (entry.kind === 'faq') return shown.has('full') ? [] : [{ label: LABELS.full, action: `section:${entry.id}:full` }];
  return FOLLOW_UPS.filter((s) => !shown.has(s) && hasSection(entry, s))
    .slice(0, MAX_FOLLOW_UPS)
    .map((s) => ({ label: LABELS[s], action: `section:${entry.id}:${s}` }));
}

interface Fitted {
  text: string;
  /** False when something was left out to fit: the part stays on offer as a follow-up. */
  complete: boolean;
}

/** A part as text within about `room` characters (lists by whole items, text by sentences). */
function sectionWithin(entry: Entry, section: Section, locality: Locality, room: number): Fitted {
  const whole = (text: string) => ({ text, complete: true });
  const line = (label: string, value: string) => fitText(`${label}: ${value || unknown(entry)}`, room);
  switch (section) {
    case 'documents':
      return listWithin(entry, LABELS.documents, entry.documents, room);
    case 'steps':
      return listWithin(entry, LABELS.steps, entry.steps, room);
    case 'legal':
      return listWithin(entry, LABELS.legal, entry.legal_basis, room);
    case 'fee':
      return line(LABELS.fee, entry.fee);
    case 'time':
      return line(LABELS.time, entry.processing_time);
    case 'conditions':
      return line(LABELS.conditions, entry.conditions);
    case 'result':
      return line(LABELS.result, entry.result);
    case 'notes':
      return line(LABELS.notes, entry.body);
    case 'full':
      return whole(entry.body);
    case 'place': {
      // Asked where to go: the locality's own one-stop shop too, with its address, hours and phone.
      const offices = [TEXTS.localOffices, ...officeLines(locality)].join('\n');
      const where = fitText(placeLine(entry), Math.max(room - offices.length, PLACE_LINE_CHARS));
      return { text: `${where.text}\n${offices}`, complete: where.complete };
    }
    case 'online': {
      if (!entry.submit.online) return whole(`${LABELS.online}: ${TEXTS.noOnlineInfo}`);
      const page = entry.portal_url ? `\n${TEXTS.portalPage(entry.portal_url)}` : '';
      const how = fitText(`${LABELS.online}: ${entry.submit.online}`, room - page.length);
      return { text: how.text + page, complete: how.complete };
    }
    case 'postal':
      return line(LABELS.postal, entry.submit.postal);
  }
}

function placeLine(entry: Entry): string {
  const agency = entry.agency && `${LABELS.agency}: ${entry.agency}`;
  if (!entry.submit.in_person) return agency || `${LABELS.place}: ${unknown(entry)}`;
  return [`${LABELS.place}: ${entry.submit.in_person}`, agency].filter(Boolean).join('\n');
}

/** What an empty field says: a national record names the portal as the one that left it empty. */
function unknown(entry: Entry): string {
  return entry.origin === 'imported' ? TEXTS.notOnPortal : `${TEXTS.unknownField}.`;
}

function listWithin(entry: Entry, label: string, items: readonly string[], room: number): Fitted {
  if (items.length === 0) return { text: `${label}: ${unknown(entry)}`, complete: true };
  const lines = [`${label}:`];
  let used = lines[0]!.length;
  for (const [i, item] of items.entries()) {
    // Portal records often number their own lines; the list numbers them once.
    const next = `${i + 1}. ${item.replace(/^\d{1,2}[.)]\s+/, '')}`;
    if (i > 0 && used + next.length + 1 > room) {
      lines.push(TEXTS.moreItems(items.length - i, label));
      return { text: lines.join('\n'), complete: false };
    }
    lines.push(next);
    used += next.length + 1;
  }
  return { text: lines.join('\n'), complete: true };
}

/** A FAQ's answer: the paragraphs that fit (at least the first, or the summary when the first is too long). */
function faqAnswerWithin(entry: Entry, room: number): Fitted {
  const paragraphs = entry.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const kept: string[] = [];
  let used = 0;
  for (const paragraph of paragraphs) {
    if (used + paragraph.length > room && (kept.length > 0 || entry.summary)) break;
    kept.push(paragraph);
    used += paragraph.length + 2;
  }
  if (kept.length === 0) return { text: entry.summary.length <= room ? entry.summary : '', complete: false };
  return { text: kept.join('\n\n'), complete: kept.length === paragraphs.length };
}

function hasSection(entry: Entry, section: Section): boolean {
  switch (section) {
    case 'documents':
      return entry.documents.length > 0;
    case 'steps':
      return entry.steps.length > 0;
    case 'legal':
      return entry.legal_basis.length > 0;
    case 'notes':
      return entry.body.trim() !== '';
    case 'postal':
      return entry.submit.postal !== '';
    case 'conditions':
      return entry.conditions !== '';
    case 'result':
      return entry.result !== '';
    default:
      return true;
  }
}

/** Official titles can run to a paragraph; the code beside the heading names the procedure exactly. */
function heading(entry: Entry): string {
  const title = clip(entry.title, TITLE_CHARS);
  return entry.code ? `${title}\n${TEXTS.code(entry.code)}` : title;
}

/** Legal basis, source and review date (and a note once it has passed): every answer carries them, so a citizen can check it. */
function footer(entry: Entry): string {
  const url = entry.portal_url ?? entry.sources[0]?.url;
  const [law, ...otherLaws] = entry.legal_basis;
  return [
    law && TEXTS.legalBasis(clip(law, LAW_CHARS), otherLaws.length),
    url && TEXTS.source(url),
    TEXTS.reviewed(entry.updated, entry.review_by),
    // Past its review date the entry is still served, but the citizen is told to check it.
    entry.review_by < localDate(Date.now()) && TEXTS.reviewOverdue,
  ]
    .filter(Boolean)
    .join('\n');
}

function clip(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const cut = text.slice(0, chars);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** `text` cut at the last sentence (or word) that fits in `room`, marked with "…". */
function fitText(text: string, room: number): Fitted {
  if (text.length <= room) return { text, complete: true };
  const cut = text.slice(0, Math.max(room - 2, 0));
  const sentence = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('; '), cut.lastIndexOf('\n'));
  const end = sentence >= cut.length / 2 ? sentence + 1 : cut.lastIndexOf(' ');
  return { text: `${cut.slice(0, Math.max(end, 0)).trimEnd()} …`, complete: false };
}
