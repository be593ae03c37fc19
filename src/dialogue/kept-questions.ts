// Which typed questions are kept for staff, and what becomes of them: a question that got
// an answer, a "which one?" list or the fallback is kept (masked); a later pick from its
// list, or a rating of its answer, is written onto it. Numbers, buttons, complaint steps,
// lookups and small talk are not questions and are not kept.
import { randomUUID } from 'node:crypto';
import type { Incoming } from '../kernel/messages.ts';
import type { ReplyAbout } from '../kernel/reply.ts';
import type { QuestionLog, QuestionOutcome } from '../store/question-log.ts';
import { maskPersonalData } from './personal-data.ts';
import type { Session } from './session.ts';

const KEPT: Partial<Record<ReplyAbout['kind'], QuestionOutcome>> = { answer: 'answer', list: 'clarify', fallback: 'fallback' };
const TYPED_NUMBER = /^\s*\d{1,2}\s*[.)]?\s*$/;
/** Longer messages are cut: staff read questions, not stories. */
const MAX_KEPT_LENGTH = 500;

/** After a message was answered: keeps it when it was a question, or writes a pick onto the question whose list it answered. */
export function keepQuestion(log: Pick<QuestionLog, 'ask' | 'picked'>, incoming: Incoming, session: Session, about: ReplyAbout | undefined, now: number): void {
  const asked = session.asked;
  if (about?.kind === 'answer' && asked?.listed?.includes(about.entry)) {
    log.picked(asked.id, about.entry);
    session.asked = { id: asked.id, entryId: about.entry };
  }
  const outcome = about && KEPT[about.kind];
  const text = incoming.text?.trim() ?? '';
  if (!outcome || incoming.action || !text || TYPED_NUMBER.test(text)) return;
  const id = randomUUID();
  const entryId = about.kind === 'answer' ? about.entry : undefined;
  log.ask({ id, at: now, channel: incoming.address.channel, text: maskPersonalData(text).slice(0, MAX_KEPT_LENGTH), outcome, ...(entryId ? { entryId } : {}) });
  session.asked = { id, ...(entryId ? { entryId } : {}), ...(about.kind === 'list' ? { listed: about.entries } : {}) };
}

/** A rating of the answer the last kept question got is written onto that question. */
export function keepRating(log: Pick<QuestionLog, 'rated'>, session: Session, entryId: string, useful: boolean): void {
  if (session.asked?.entryId === entryId) log.rated(session.asked.id, useful ? 'useful' : 'not_useful');
}
