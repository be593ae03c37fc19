// Pure translation between Telegram and the bot: an Update in, an Incoming (or
// the reason it is ignored) out; Reply[] in, sendMessage payloads out.
import type { InlineKeyboardMarkup, LinkPreviewOptions } from 'grammy/types';
import { z } from 'zod/v4';
import type { Incoming } from '../../src/kernel/messages.ts';
import type { Reply } from '../../src/kernel/reply.ts';
import { capText, splitText } from '../../src/kernel/split-text.ts';
import { escapeHtml } from '../shared/escape-html.ts';

/** Telegram's limit on a message text, counted after HTML parsing (UTF-16 units). */
export const MAX_TEXT_LENGTH = 4096;
/** Telegram's limit on InlineKeyboardButton.callback_data, in UTF-8 bytes. */
const MAX_CALLBACK_DATA_BYTES = 64;

// Only the fields the adapter reads; zod strips the rest. Chat and user also serve the staff group (staff-updates.ts).
export const chat = z.object({ id: z.number().int(), type: z.string() });
export const user = z.object({ id: z.number().int(), is_bot: z.boolean(), first_name: z.string(), last_name: z.string().optional(), username: z.string().optional() });
const message = z.object({
  message_id: z.number().int(),
  date: z.number().int(),
  chat,
  from: user.optional(),
  // Telegram lets a citizen send 4,096 characters: a longer text is forged, and cut.
  text: z
    .string()
    .transform((text) => capText(text, MAX_TEXT_LENGTH))
    .optional(),
  sticker: z.unknown().optional(),
});
const callbackQuery = z.object({
  id: z.string(),
  from: user,
  // Absent for buttons under inline-mode messages; may be an "inaccessible message" (still has chat).
  message: z.object({ chat }).optional(),
  data: z.string().optional(),
});
const update = z
  .object({ update_id: z.number().int().nonnegative(), message: message.optional(), callback_query: callbackQuery.optional() })
  .loose();

export type Translation =
  /** callbackQueryId: a pressed button whose query must be answered to stop the client's spinner. */
  | { kind: 'incoming'; incoming: Incoming; callbackQueryId?: string }
  | { kind: 'ignored'; reason: string; callbackQueryId?: string }
  | { kind: 'malformed'; problem: string };

/** `now` (ms since the epoch) dates button presses, which carry no date of their own. */
export function translateUpdate(raw: unknown, now: number): Translation {
  const parsed = update.safeParse(raw);
  if (!parsed.success) return { kind: 'malformed', problem: parsed.error.issues.map((i) => `${i.path.join('.') || 'update'}: ${i.message}`).join('; ') };
  const { update_id, message: msg, callback_query: query, ...rest } = parsed.data;
  const updateId = String(update_id);

  if (query) {
    const callbackQueryId = query.id;
    if (!query.message) return { kind: 'ignored', reason: 'button without a chat', callbackQueryId };
    if (query.data === undefined) return { kind: 'ignored', reason: 'button without callback data', callbackQueryId };
    if (query.message.chat.type !== 'private') return { kind: 'ignored', reason: 'not a private chat', callbackQueryId };
    const incoming: Incoming = { address: address(query.message.chat.id), updateId, action: query.data, userName: displayName(query.from), receivedAt: now };
    return { kind: 'incoming', incoming, callbackQueryId };
  }

  if (msg) {
    if (msg.from?.is_bot) return { kind: 'ignored', reason: 'sent by a bot' };
    // Answers can hold personal details (complaints); groups would show them to everyone.
    if (msg.chat.type !== 'private') return { kind: 'ignored', reason: 'not a private chat' };
    if (msg.sticker !== undefined) return { kind: 'ignored', reason: 'sticker' };
    if (msg.text === undefined) return { kind: 'ignored', reason: 'message without text' };
    const incoming: Incoming = { address: address(msg.chat.id), updateId, text: msg.text, receivedAt: msg.date * 1000 };
    if (msg.from) incoming.userName = displayName(msg.from);
    return { kind: 'incoming', incoming };
  }

  const kind = Object.keys(rest)[0];
  return { kind: 'ignored', reason: kind ? kind.replaceAll('_', ' ') : 'empty update' };
}

function address(chatId: number): Incoming['address'] {
  return { channel: 'telegram', chatId: String(chatId) };
}

export function displayName(from: z.infer<typeof user>): string {
  return [from.first_name, from.last_name].filter(Boolean).join(' ');
}

/** The sendMessage parameters besides chat_id. */
export interface OutgoingMessage {
  text: string;
  parse_mode: 'HTML';
  link_preview_options: LinkPreviewOptions;
  reply_markup?: InlineKeyboardMarkup;
}

/**
 * One or more messages per reply: the text HTML-escaped and split at paragraph
 * boundaries to fit Telegram's limit; the choices as buttons under the last part.
 * Throws when a choice's action does not fit callback_data (a bug in the bot).
 */
export function renderReplies(replies: readonly Reply[]): OutgoingMessage[] {
  return replies.flatMap((reply) => {
    const parts = splitText(reply.text.trim(), MAX_TEXT_LENGTH).map(
      // Source links would otherwise unfold into large previews under every answer.
      (part): OutgoingMessage => ({ text: escapeHtml(part), parse_mode: 'HTML', link_preview_options: { is_disabled: true } }),
    );
    const last = parts[parts.length - 1];
    if (last && reply.choices?.length) last.reply_markup = keyboard(reply.choices);
    return parts;
  });
}

function keyboard(choices: NonNullable<Reply['choices']>): InlineKeyboardMarkup {
  return {
    // Button labels are shown as plain text, never parsed as HTML: no escaping.
    inline_keyboard: choices.map((choice) => {
      const bytes = Buffer.byteLength(choice.action, 'utf8');
      if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
        throw new Error(`choice action must be 1–${MAX_CALLBACK_DATA_BYTES} bytes for Telegram callback_data, got ${bytes}: ${choice.action}`);
      }
      return [{ text: choice.label, callback_data: choice.action }];
    }),
  };
}
