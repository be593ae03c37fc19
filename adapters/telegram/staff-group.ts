// The hotline target `telegram-group`: posts each new complaint to the staff's
// Telegram group (HOTLINE_TELEGRAM_CHAT_ID) with a claim button, and later notices
// (overdue, answer not delivered) as short messages. Staff act on these posts
// through staff-updates.ts; the post's first line names the tracking code, which is
// how a staff reply is tied to its complaint.
import { GrammyError, HttpError, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Complaint } from '../../src/complaints/complaint.ts';
import { CHANNEL_LABELS, readable } from '../../src/complaints/export.ts';
import { vietnamTime, vnDate } from '../../src/kernel/vietnam-time.ts';
import type { HotlineEvent, HotlineTarget, TargetOutcome } from '../../src/complaints/outbox.ts';
import { parseTrackingCode } from '../../src/complaints/tracking-code.ts';
import { sendErrorText, STAFF_GROUP_TEXTS } from '../../src/texts/staff.ts';
import { TELEGRAM_GROUP_TARGET_NAME } from './target-name.ts';
import { escapeHtml } from '../shared/escape-html.ts';
import { MAX_TEXT_LENGTH } from './translate.ts';

/** callback_data of the claim button: "hl:claim:PA-7KQ3-M9X" (22 bytes, well under Telegram's 64). */
export const CLAIM_ACTION_PREFIX = 'hl:claim:';
/** Room left in a post for everything but the citizen's text, which is cut to fit Telegram's limit. */
const POST_FRAME_CHARS = 1_000;

/**
 * Tells the staff group that a knowledge edit was refused, with its errors (file:line:
 * field: problem); the bot answers from the last good version meanwhile.
 */
export async function tellKnowledgeRefused(api: Api, chatId: string, problems: readonly string[]): Promise<void> {
  const lines = problems.map((problem) => `• <code>${escapeHtml(problem)}</code>`);
  const text = fit([`⚠️ ${STAFF_GROUP_TEXTS.knowledgeRefused}`, ...lines].join('\n'), MAX_TEXT_LENGTH);
  await api.sendMessage(chatId, text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
}

/** Posts a plain text to the staff group (the weekly digest of unanswered questions), cut to Telegram's limit. */
export async function postToStaff(api: Api, chatId: string, text: string): Promise<void> {
  await api.sendMessage(chatId, fit(text, MAX_TEXT_LENGTH), { link_preview_options: { is_disabled: true } });
}

export interface TelegramGroupTargetOptions {
  /** The bot's API client (TELEGRAM_BOT_TOKEN); the bot must be a member of the group. */
  api: Api;
  /** HOTLINE_TELEGRAM_CHAT_ID. */
  chatId: string;
}

export function createTelegramGroupTarget({ api, chatId }: TelegramGroupTargetOptions): HotlineTarget {
  return {
    name: TELEGRAM_GROUP_TARGET_NAME,
    async deliver(event: HotlineEvent): Promise<TargetOutcome> {
      try {
        const { text, reply_markup } = renderEvent(event);
        await api.sendMessage(chatId, text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(reply_markup ? { reply_markup } : {}) });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: describeTelegramError(error) };
      }
    },
  };
}

export interface RenderedPost {
  /** HTML. */
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

function renderEvent({ type, complaint }: HotlineEvent): RenderedPost {
  const code = escapeHtml(complaint.code);
  switch (type) {
    case 'new':
      return renderComplaintPost(complaint);
    case 'overdue':
      return { text: STAFF_GROUP_TEXTS.overdue(`<b>${code}</b>`, vnDate(complaint.dueDate)) };
    case 'reply_failed': {
      const why = complaint.reply?.state === 'failed' || complaint.reply?.state === 'pending' ? complaint.reply.lastError : undefined;
      return { text: STAFF_GROUP_TEXTS.replyFailed(`<b>${code}</b>`, why === undefined ? undefined : escapeHtml(sendErrorText(why))) };
    }
  }
}

/**
 * The post about a new complaint: with the claim button while nobody has it, with
 * the claimer's name once someone has (the post is edited to this on a claim).
 */
export function renderComplaintPost(complaint: Complaint): RenderedPost {
  const t = STAFF_GROUP_TEXTS;
  const [date, time] = vietnamTime(complaint.createdAt).split(' ');
  const field = (label: string, value: string) => `${label}: ${escapeHtml(value)}`;
  const lines = [
    `📩 <b>${t.newTitle}: ${escapeHtml(complaint.code)}</b>`,
    field(t.received, `${time} ${vnDate(date!)}`),
    field(t.due, vnDate(complaint.dueDate)),
    field(t.channel, CHANNEL_LABELS[complaint.address.channel]),
    ...(complaint.subject ? [field(t.subject, complaint.subject)] : []),
    ...(complaint.phone ? [field(t.phone, complaint.phone)] : []),
    '',
    escapeHtml(fit(readable(complaint.text), MAX_TEXT_LENGTH - POST_FRAME_CHARS)),
    '',
    t.howToAnswer,
    ...(complaint.assignee ? [t.claimedBy(escapeHtml(complaint.assignee))] : []),
  ];
  const text = lines.join('\n');
  if (complaint.assignee) return { text };
  return { text, reply_markup: { inline_keyboard: [[{ text: t.claimButton, callback_data: `${CLAIM_ACTION_PREFIX}${complaint.code}` }]] } };
}

/** Counted before escaping, as Telegram counts the parsed text. */
function fit(text: string, limit: number): string {
  return text.length <= limit ? text : text.slice(0, limit - STAFF_GROUP_TEXTS.cut.length) + STAFF_GROUP_TEXTS.cut;
}

/** The tracking code a bot post is about: named in its first line (the text as Telegram returns it, without markup). */
export function codeInPost(text: string | undefined): string | undefined {
  const firstLine = text?.split('\n', 1)[0] ?? '';
  const candidate = /\bPA-[0-9A-Z]{4}-[0-9A-Z]{2}\b/.exec(firstLine)?.[0];
  return candidate ? parseTrackingCode(candidate) : undefined;
}

/** What a failed Bot API call says, for a delivery record or a log line (after the client's own retries). */
export function describeTelegramError(error: unknown): string {
  if (error instanceof GrammyError) return `Telegram ${error.error_code}: ${error.description}`;
  if (error instanceof HttpError) return `network error: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
