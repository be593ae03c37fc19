// Generated messages through every channel: for each, the platform's update is translated,
// answered by the real dialogue and rendered for the platform. Nothing may throw, and every
// reply must be valid where it goes (length, escaping, a choice's token). MESSAGE_RUNS sets
// how many per channel (CI runs 10,000; npm test a quicker 1,000).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realConversation, type RealConversation } from '../web/real-conversation.ts';
import { MAX_TEXT_LENGTH, renderReplies as renderTelegram, translateUpdate as translateTelegram } from '../../adapters/telegram/translate.ts';
import { renderReplies as renderZalo, translateUpdate as translateZalo } from '../../adapters/zalo/translate.ts';
import { TEXT_LIMIT as ZALO_LIMIT } from '../../adapters/zalo/client.ts';
import { translateOaEvent } from '../../adapters/zalo-oa/translate.ts';
import type { Incoming } from '../../src/kernel/messages.ts';
import type { Reply } from '../../src/kernel/reply.ts';
import { typed } from './typed-messages.ts';

const RUNS = Number(process.env.MESSAGE_RUNS ?? 1_000);
let real: RealConversation;
beforeAll(async () => {
  real = await realConversation();
  real.engine.knowledge.places?.warm();
});
afterAll(() => real.close());

let update = 0;
/** A few chats, so that sessions (lists, intake, follow-ups) carry over between generated messages. */
const chatOf = (n: number) => `chat-${n % 7}`;

function validReply(reply: Reply): void {
  expect(typeof reply.text).toBe('string');
  for (const choice of reply.choices ?? []) {
    expect(choice.label.length).toBeGreaterThan(0);
    expect(Buffer.byteLength(choice.action)).toBeLessThanOrEqual(64);
  }
}

async function answered(incoming: Incoming | undefined): Promise<Reply[]> {
  if (!incoming) return [];
  const replies = await real.conversation.handle(incoming);
  replies.forEach(validReply);
  return replies;
}

describe(`generated messages, ${RUNS} per channel`, { timeout: 600_000 }, () => {
  it('web: every message gets a reply, each valid', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        const n = ++update;
        const replies = await answered({ address: { channel: 'web', chatId: chatOf(n) }, updateId: String(n), text: text.slice(0, 2_000), receivedAt: Date.now() });
        expect(replies.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('Telegram: each message sent is within 4,096 characters and escaped for HTML mode', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        const n = ++update;
        const translated = translateTelegram({ update_id: n, message: { message_id: n, date: 1, chat: { id: n % 7, type: 'private' }, text } }, Date.now());
        const replies = await answered(translated.kind === 'incoming' ? translated.incoming : undefined);
        for (const message of renderTelegram(replies)) {
          // Telegram counts the parsed text: entities count as one character each.
          const parsed = message.text.replace(/&(amp|lt|gt|quot|#39);/g, '_');
          expect(parsed.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
          expect(parsed).not.toMatch(/[<>&]/);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('Telegram: a complaint told with markup and long runs is echoed back escaped and within the limit', async () => {
    const steps = (story: string) => ['tôi muốn phản ánh', story, 'xong', 'bỏ qua', 'không để lại số'];
    await fc.assert(
      fc.asyncProperty(fc.tuple(fc.constantFrom('<', '>', '&', '<b>x</b>', 'A & B', '&amp;'), typed), async ([markup, rest]) => {
        const story = `${markup} ${rest}`;
        const chat = ++update;
        for (const text of steps(story)) {
          const n = ++update;
          const translated = translateTelegram({ update_id: n, message: { message_id: n, date: 1, chat: { id: chat, type: 'private' }, text } }, Date.now());
          const replies = await answered(translated.kind === 'incoming' ? translated.incoming : undefined);
          for (const message of renderTelegram(replies)) {
            const parsed = message.text.replace(/&(amp|lt|gt|quot|#39);/g, '_');
            expect(parsed.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
            expect(parsed).not.toMatch(/[<>&]/);
          }
        }
        await answered({ address: { channel: 'telegram', chatId: String(chat) }, updateId: `cancel-${chat}`, text: 'hủy', receivedAt: Date.now() });
      }),
      { numRuns: Math.ceil(RUNS / 10) },
    );
  });

  it('Zalo Bot Platform: each message sent is plain text of 1–2,000 characters', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        const n = ++update;
        const translated = translateZalo({ event_name: 'message.text.received', message: { message_id: `m${n}`, date: Date.now(), text, chat: { id: chatOf(n) }, from: { id: chatOf(n) } } }, { botId: 'bot', now: Date.now() });
        const replies = await answered(translated.kind === 'incoming' ? translated.incoming : undefined);
        for (const chunk of renderZalo(replies)) {
          expect(chunk.length).toBeGreaterThan(0);
          expect(chunk.length).toBeLessThanOrEqual(ZALO_LIMIT);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('Zalo OA: each event is read or set aside, and each message sent is within 2,000 characters', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        const n = ++update;
        const event = { app_id: 'app', event_name: 'user_send_text', sender: { id: chatOf(n) }, message: { msg_id: `oa${n}`, text }, timestamp: String(Date.now()) };
        const translated = translateOaEvent(event, { oaId: 'oa', now: Date.now() });
        const replies = await answered(translated.kind === 'incoming' ? translated.incoming : undefined);
        for (const chunk of renderZalo(replies)) expect(chunk.length).toBeLessThanOrEqual(ZALO_LIMIT);
      }),
      { numRuns: RUNS },
    );
  });
});
