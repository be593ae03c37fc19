// A staff action as submitted by a form: checked, applied through the Hotline (which
// keeps the history and queues the citizen's notice), and when refused, explained in
// Vietnamese with what was typed kept for another try.
import type { Transition } from '../../src/complaints/complaint.ts';
import { STATUS_LABELS } from '../../src/complaints/export.ts';
import type { Hotline } from '../../src/complaints/hotline.ts';
import type { Typed } from './detail-page.ts';
import { ACTION_LABELS, ADMIN_TEXTS, type ActionType } from '../../src/texts/staff.ts';

/** Long enough for any answer; short enough to go out as a few chat messages. */
export const MAX_TEXT = 4000;

export type ActionOutcome = { ok: true; action: ActionType } | { ok: false; status: number; message: string; typed?: Typed };

const isAction = (value: unknown): value is ActionType => typeof value === 'string' && Object.hasOwn(ACTION_LABELS, value);

export async function performAction(hotline: Hotline, code: string, by: string, form: Record<string, string>): Promise<ActionOutcome> {
  const action = form.action;
  if (!isAction(action)) return { ok: false, status: 400, message: ADMIN_TEXTS.unknownAction };
  const text = typeof form.text === 'string' ? form.text.trim() : '';
  const typed: Typed = { action, text };
  const problem = formProblem(action, text, form.confirm);
  if (problem) return { ok: false, status: 422, message: problem, typed };

  if (action === 'erase') {
    const result = await hotline.erase(code, by);
    return result.ok ? { ok: true, action } : { ok: false, status: 409, message: ADMIN_TEXTS.alreadyErased };
  }
  const result = await hotline.act(code, toTransition(action, by, text));
  if (result.ok) return { ok: true, action };
  // Refused because the complaint moved on (another staff member was quicker): say how it stands now.
  const now = await hotline.complaints.get(code);
  const message =
    action === 'claim' && now?.assignee
      ? ADMIN_TEXTS.claimedBy(now.assignee)
      : ADMIN_TEXTS.refused(ACTION_LABELS[action], now ? (STATUS_LABELS[now.status] ?? now.status) : '');
  return { ok: false, status: 409, message, typed };
}

function formProblem(action: ActionType, text: string, confirm: string | undefined): string | undefined {
  if (action === 'erase') return confirm === 'yes' ? undefined : ADMIN_TEXTS.needConfirm;
  if (action === 'answer' && !text) return ADMIN_TEXTS.needAnswer;
  if ((action === 'transfer' || action === 'reject') && !text) return ADMIN_TEXTS.needReason;
  if (text.length > MAX_TEXT) return ADMIN_TEXTS.tooLong(MAX_TEXT);
  return undefined;
}

function toTransition(action: Transition['type'], by: string, text: string): Transition {
  switch (action) {
    case 'answer':
      return { type: 'answer', by, text };
    case 'transfer':
    case 'reject':
      return { type: action, by, reason: text };
    case 'claim':
    case 'close':
      return { type: action, by };
  }
}
