// The complaint intake as a small state machine, channel-neutral and without IO:
// what happened (several messages) → which office or procedure (optional) → the
// personal-data notice (Luật Bảo vệ dữ liệu cá nhân 2025) → a phone number only if the
// citizen agreed → review. The conversation keeps the draft in the session and
// submits it to the hotline when the machine says so.
import { randomUUID } from 'node:crypto';
import type { ComplaintDraft } from '../complaints/hotline.ts';
import type { Locality } from '../knowledge/locality.ts';
import { readIntakeAnswer, storyBeforeDone, type IntakeWord } from './intake-answers.ts';
import type { Choice, Reply } from '../kernel/reply.ts';
import { COMPLAINT_TEXTS } from '../texts/citizens.ts';
import { spokenDigitRuns, withoutPhones } from './personal-data.ts';

export type IntakeStep = 'describe' | 'subject' | 'consent' | 'phone' | 'review';

export interface IntakeDraft extends ComplaintDraft {
  step: IntakeStep;
  /** The procedure last answered in the session when intake began, offered as the subject. */
  offeredSubject?: string;
}

/** What the intake's buttons mean; as conversation actions they read `intake:<action>`. */
export type IntakeAction = 'next' | 'offered' | 'skip' | 'agree' | 'decline' | 'send' | 'cancel';
export const INTAKE_ACTIONS: readonly IntakeAction[] = ['next', 'offered', 'skip', 'agree', 'decline', 'send', 'cancel'];

export type IntakeInput = { text: string } | { action: IntakeAction };

export type IntakeResult =
  | { kind: 'continue'; draft: IntakeDraft; replies: Reply[] }
  | { kind: 'cancelled'; replies: Reply[] }
  /** Ready: the conversation submits `draft`, then drops it (or keeps it if submitting fails). */
  | { kind: 'submit'; draft: IntakeDraft };

/** The step's text, after the note that a phone number typed was not kept, when one was. */
function withPhoneNote(text: string, masked: boolean): string {
  return masked ? `${COMPLAINT_TEXTS.phoneNotKept}\n\n${text}` : text;
}

/** Characters of "what happened": enough for a detailed account, small enough for the session and a staff post. */
const MAX_DESCRIPTION = 8000;

/** A Vietnamese phone number as typed ("0912 345 678", "+84 912.345.678", "84912345678") → "0912345678"; undefined if it is not one. */
export function normalisePhone(typed: string): string | undefined {
  const compact = typed.replace(/[\s.\-()]/g, '');
  const match = /^(?:0|\+84|84)([1-9]\d{8})$/.exec(compact);
  return match ? `0${match[1]}` : undefined;
}

/** A phone number within a short answer ("được, 0918 623 047", "de so ba e nha 0976 583 210"), or the answer itself as one. */
export function phoneIn(typed: string): string | undefined {
  // Digits may come one by one ("0 3 8 9 1 2 2 4 5 7"), or be said in words (speech to text).
  for (const said of [...(typed.match(/(?:\+?84|0)[\d\s.\-()]{8,20}\d/g) ?? []), typed, ...spokenDigitRuns(typed).map((run) => run.digits)]) {
    const phone = normalisePhone(said);
    if (phone) return phone;
  }
  return undefined;
}

/** The typed answers each step understands (each also has its buttons). */
const STEP_WORDS: Record<IntakeStep, readonly IntakeWord[]> = {
  // "Gửi đi" while telling the story sends it as it is; "bỏ qua", "không có" end the story.
  describe: ['cancel', 'next', 'skip', 'send'],
  subject: ['cancel', 'skip'],
  consent: ['cancel', 'agree', 'decline'],
  phone: ['cancel', 'skip', 'decline'],
  review: ['cancel', 'send'],
};

export class Intake {
  constructor(
    private readonly locality: Locality,
    private readonly now: () => number,
  ) {}

  /** A new draft; `firstPart` is the message that started it (the engine read it as a complaint). */
  start(options: { firstPart?: string; offeredSubject?: string }): { draft: IntakeDraft; replies: Reply[] } {
    const { text, masked } = withoutPhones(options.firstPart?.trim() ?? '');
    // The key makes the final submit idempotent if this draft's confirmation is handled twice.
    const draft: IntakeDraft = { step: 'describe', text, key: randomUUID(), ...(options.offeredSubject ? { offeredSubject: options.offeredSubject } : {}) };
    const opening = text ? `${COMPLAINT_TEXTS.describeStep} ${COMPLAINT_TEXTS.firstPartKept} ${COMPLAINT_TEXTS.addMore}` : COMPLAINT_TEXTS.describe;
    return { draft, replies: [this.ask(draft, withPhoneNote(opening, masked))] };
  }

  /** The question of the step the draft is at, e.g. when the citizen comes back to it. */
  prompt(draft: IntakeDraft): Reply {
    return this.ask(draft, this.question(draft));
  }

  step(draft: IntakeDraft, input: IntakeInput): IntakeResult {
    const said = 'text' in input ? input.text.trim() : '';
    // A typed answer counts as the button it stands for ("ok gửi đi ạ" → send).
    const typed = said ? readIntakeAnswer(said, STEP_WORDS[draft.step]) : undefined;
    const action = 'action' in input ? input.action : typed;
    if (action === 'cancel') return { kind: 'cancelled', replies: [{ text: COMPLAINT_TEXTS.cancelled, about: { kind: 'complaint_cancelled' } }] };
    // A button from an earlier step (still on screen) asks the current step's question again.
    if ('action' in input && !this.choices(draft).some((c) => c.action === `intake:${action}`)) return this.askStep(draft);
    switch (draft.step) {
      case 'describe':
        return this.describe(draft, action, said);
      case 'subject': {
        if (action === 'offered' && draft.offeredSubject) return this.askStep({ ...draft, subject: draft.offeredSubject, step: 'consent' });
        if (action === 'skip') return this.askStep(withoutSubject(draft));
        if (!said) return this.askStep(draft);
        const { text: subject, masked } = withoutPhones(said);
        const next = { ...draft, subject, step: 'consent' as const };
        return this.stay(next, withPhoneNote(this.question(next), masked));
      }
      case 'consent': {
        // A number typed after the notice, alone or with a yes: the citizen agreed by giving it.
        // Read first: a number read aloud begins with "không" (0), which alone is a no.
        const phone = phoneIn(said);
        if (phone) return this.askStep({ ...draft, consentAt: this.now(), phone, step: 'review' });
        if (action === 'decline') return this.askStep(withoutPhone(draft));
        if (action === 'agree') return this.askStep({ ...draft, consentAt: this.now(), step: 'phone' });
        return this.stay(draft, COMPLAINT_TEXTS.consentUnclear);
      }
      case 'phone': {
        const phone = phoneIn(said);
        if (phone) return this.askStep({ ...draft, phone, step: 'review' });
        // Consent without a number collects nothing: it is not kept either.
        if (action === 'skip' || action === 'decline') return this.askStep(withoutPhone(draft));
        return this.stay(draft, COMPLAINT_TEXTS.badPhone);
      }
      case 'review':
        if (action === 'send') return { kind: 'submit', draft };
        return this.stay(draft, `${this.question(draft)}\n\n${COMPLAINT_TEXTS.reviewUnclear}`);
    }
  }

  /** "What happened": each message adds a part, until the citizen says the story is done. */
  private describe(draft: IntakeDraft, action: IntakeAction | undefined, typed: string): IntakeResult {
    // A phone number is no part of the story: it is asked for after the personal-data notice.
    const { text: said, masked, only } = withoutPhones(typed);
    if (only) return this.stay(draft, withPhoneNote(draft.text ? COMPLAINT_TEXTS.addMore : COMPLAINT_TEXTS.describe, true));
    // "Gửi đi", "gửi luôn đi": the citizen wants it sent now; the office and the number are only asked, never needed.
    if (action === 'send' && draft.text.trim()) return { kind: 'submit', draft };
    // "… xong rồi": the last part of the story, and the end of it.
    const done = action === 'next' || action === 'skip' || action === 'send';
    const last = done ? '' : storyBeforeDone(said);
    if (done || last !== undefined) {
      const text = last ? (draft.text ? `${draft.text}\n${last}` : last) : draft.text;
      if (!text.trim()) return this.stay(draft, COMPLAINT_TEXTS.emptyDescription);
      if (text.length > MAX_DESCRIPTION) return this.stay(draft, COMPLAINT_TEXTS.descriptionFull);
      const next = { ...draft, text, step: 'subject' as const };
      return this.stay(next, withPhoneNote(this.question(next), masked));
    }
    if (!said) return this.askStep(draft);
    if (draft.text.length + said.length > MAX_DESCRIPTION) return this.stay(draft, COMPLAINT_TEXTS.descriptionFull);
    return this.stay({ ...draft, text: draft.text ? `${draft.text}\n${said}` : said }, withPhoneNote(`${COMPLAINT_TEXTS.partAdded} ${COMPLAINT_TEXTS.addMore}`, masked));
  }

  private askStep(draft: IntakeDraft): IntakeResult {
    return this.stay(draft, this.question(draft));
  }

  private stay(draft: IntakeDraft, text: string): IntakeResult {
    return { kind: 'continue', draft, replies: [this.ask(draft, text)] };
  }

  private question(draft: IntakeDraft): string {
    switch (draft.step) {
      case 'describe':
        return draft.text ? `${COMPLAINT_TEXTS.describeStep} ${COMPLAINT_TEXTS.addMore}` : COMPLAINT_TEXTS.describe;
      case 'subject':
        return COMPLAINT_TEXTS.subject;
      case 'consent':
        return COMPLAINT_TEXTS.consent(this.locality.authority, this.locality.hotline.phone);
      case 'phone':
        return COMPLAINT_TEXTS.phone;
      case 'review':
        return COMPLAINT_TEXTS.review(draft.text, draft.subject, draft.phone);
    }
  }

  private ask(draft: IntakeDraft, text: string): Reply {
    return { text, choices: this.choices(draft), about: { kind: 'complaint' } };
  }

  /** The buttons of the draft's step; "Hủy" is always one of them. */
  private choices(draft: IntakeDraft): Choice[] {
    const choice = (label: string, action: IntakeAction): Choice => ({ label, action: `intake:${action}` });
    const choices: Choice[] = [];
    if (draft.step === 'describe' && draft.text) choices.push(choice(COMPLAINT_TEXTS.nextChoice, 'next'));
    if (draft.step === 'subject' && draft.offeredSubject) choices.push(choice(draft.offeredSubject, 'offered'));
    if (draft.step === 'subject' || draft.step === 'phone') choices.push(choice(COMPLAINT_TEXTS.skipChoice, 'skip'));
    if (draft.step === 'consent') choices.push(choice(COMPLAINT_TEXTS.agreeChoice, 'agree'), choice(COMPLAINT_TEXTS.declineChoice, 'decline'));
    if (draft.step === 'review') choices.push(choice(COMPLAINT_TEXTS.sendChoice, 'send'));
    choices.push(choice(COMPLAINT_TEXTS.cancelChoice, 'cancel'));
    return choices;
  }
}

/** The reply when submitting failed: the draft is kept and can be sent again. */
export function submitFailed(): Reply {
  return {
    text: COMPLAINT_TEXTS.submitFailed,
    choices: [
      { label: COMPLAINT_TEXTS.resendChoice, action: 'intake:send' },
      { label: COMPLAINT_TEXTS.cancelChoice, action: 'intake:cancel' },
    ],
  };
}

/** What the hotline stores of a draft: the dialogue's own fields stay behind. */
export function complaintDraft(draft: IntakeDraft): ComplaintDraft {
  const { text, subject, phone, consentAt, key } = draft;
  return { text, ...(subject ? { subject } : {}), ...(phone ? { phone, consentAt } : {}), ...(key ? { key } : {}) };
}

function withoutSubject(draft: IntakeDraft): IntakeDraft {
  const { subject: _subject, ...rest } = draft;
  return { ...rest, step: 'consent' };
}

function withoutPhone(draft: IntakeDraft): IntakeDraft {
  const { phone: _phone, consentAt: _consentAt, ...rest } = draft;
  return { ...rest, step: 'review' };
}
