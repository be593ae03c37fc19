// Pure translation of a Zalo OA webhook event into the bot's Incoming. Only a
// citizen's text is a question; the OA's own echoes, delivery/seen receipts, follows
// and media are acknowledged and ignored. Ids stay strings end to end (they exceed 2^53).
import { z } from 'zod/v4';
import type { Incoming } from '../../src/kernel/messages.ts';
import type { Translation } from '../zalo/translate.ts';
import { eventMillis } from './signature.ts';
import { capText } from '../../src/kernel/split-text.ts';
import { TEXT_LIMIT } from './client.ts';

const TEXT_EVENT = 'user_send_text';

export interface OaTranslateContext {
  /** The OA's own id: events it sent itself come back through the webhook and must be dropped. */
  oaId?: string;
  /** Used as receivedAt only when the event carries no timestamp. */
  now: number;
}

const opaqueId = z.union([z.string().min(1), z.number()]).transform(String);
const timestamp = z.union([z.number(), z.string().regex(/^\d+$/)]).transform(eventMillis);

const eventSchema = z.object({
  event_name: z.string().min(1),
  sender: z.object({ id: opaqueId.optional() }).loose().optional(),
});
const textEventSchema = z.object({
  sender: z.object({ id: opaqueId }),
  // Cut where Zalo cuts a message, before any work: a forged event may be any size.
  message: z.object({ msg_id: opaqueId, text: z.string().transform((text) => capText(text, TEXT_LIMIT)) }),
  timestamp: timestamp.optional(),
});

export function translateOaEvent(body: unknown, context: OaTranslateContext): Translation {
  const event = eventSchema.safeParse(body);
  if (!event.success) return { kind: 'malformed', reason: 'not a Zalo OA event (no event_name)' };
  const { event_name: name, sender } = event.data;
  // oa_send_* are the OA's own messages (ours or staff typing in the OA console).
  if (name.startsWith('oa_send_') || (context.oaId !== undefined && sender?.id === context.oaId)) {
    return { kind: 'ignored', reason: `echo of the OA’s own message (${name})` };
  }
  if (name !== TEXT_EVENT) return { kind: 'ignored', reason: `event ${name}` };

  const parsed = textEventSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'malformed', reason: `${TEXT_EVENT}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}` };
  }
  const { sender: from, message, timestamp: sentAt } = parsed.data;
  if (!message.text.trim()) return { kind: 'ignored', reason: 'empty text' };

  const incoming: Incoming = {
    address: { channel: 'zalo-oa', chatId: from.id },
    updateId: message.msg_id,
    text: message.text,
    receivedAt: sentAt ?? context.now,
  };
  return { kind: 'incoming', incoming };
}
