// Pure translation between the Zalo Bot Platform and the bot: an update body (from
// the webhook or from getUpdates) becomes an Incoming, and Reply[] becomes the plain
// text messages Zalo can show (no buttons, 2,000 characters each).
import { z } from 'zod/v4';
import type { Incoming } from '../../src/kernel/messages.ts';
import type { Reply } from '../../src/kernel/reply.ts';
import { TEXT_LIMIT } from './client.ts';
import { capText, splitText } from '../../src/kernel/split-text.ts';
import { CHOICE_HINT } from '../../src/texts/citizens.ts';

const TEXT_EVENT = 'message.text.received';

export type Translation =
  | { kind: 'incoming'; incoming: Incoming }
  /** A well-formed update the bot does not handle (images, stickers, its own echo…): acknowledge it. */
  | { kind: 'ignored'; reason: string }
  /** Not a Zalo update at all, or a text event missing what an answer needs. */
  | { kind: 'malformed'; reason: string };

export interface TranslateContext {
  /** The bot's own user id (getMe): Zalo echoes the bot's sends back, and those must be dropped. */
  botId: string;
  /** Used as receivedAt only when the update carries no date. */
  now: number;
}

const opaqueId = z.union([z.string().min(1), z.number()]).transform(String);
const millis = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

const updateSchema = z.object({ event_name: z.string().min(1), message: z.unknown().optional() });
const textMessageSchema = z.object({
  message_id: opaqueId,
  // Milliseconds since the epoch (13 digits), unlike Telegram's seconds.
  date: millis.optional(),
  // Cut where Zalo cuts a message, before any work: a forged update may be any size.
  text: z.string().transform((text) => capText(text, TEXT_LIMIT)),
  chat: z.object({ id: opaqueId }),
  from: z
    .object({
      id: opaqueId.optional(),
      // The webhook sample says display_name, the getUpdates sample first_name, some clients see name.
      display_name: z.string().optional(),
      first_name: z.string().optional(),
      name: z.string().optional(),
    })
    .optional(),
});

export function translateUpdate(body: unknown, context: TranslateContext): Translation {
  const update = updateSchema.safeParse(unwrap(body));
  if (!update.success) return { kind: 'malformed', reason: 'not a Zalo update (no event_name)' };
  const { event_name: event, message } = update.data;
  if (event !== TEXT_EVENT) return { kind: 'ignored', reason: `event ${event}` };

  const parsed = textMessageSchema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'malformed', reason: `text event: ${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid'}` };
  }
  const { message_id, date, text, chat, from } = parsed.data;
  if (from?.id === context.botId) return { kind: 'ignored', reason: 'echo of the bot’s own message' };
  if (!text.trim()) return { kind: 'ignored', reason: 'empty text' };

  const userName = from?.display_name ?? from?.first_name ?? from?.name;
  const incoming: Incoming = {
    address: { channel: 'zalo', chatId: chat.id },
    updateId: message_id,
    text,
    receivedAt: date ?? context.now,
    ...(userName ? { userName } : {}),
  };
  return { kind: 'incoming', incoming };
}

/** The webhook doc shows `{ ok: true, result: { event_name, message } }`; real pushes may be flat. */
function unwrap(body: unknown): unknown {
  if (isRecord(body) && body.ok === true && isRecord(body.result)) return body.result;
  return body;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each reply becomes one or more plain-text messages of at most 2,000 characters. */
export function renderReplies(replies: readonly Reply[]): string[] {
  return replies.flatMap((reply) => splitText(replyText(reply), TEXT_LIMIT));
}

function replyText(reply: Reply): string {
  const parts = [reply.text.trim()];
  if (reply.choices?.length) {
    parts.push(reply.choices.map((choice, i) => `${i + 1}. ${choice.label.trim()}`).join('\n'), CHOICE_HINT);
  }
  return parts
    .filter(Boolean)
    .join('\n\n')
    .normalize('NFC');
}
