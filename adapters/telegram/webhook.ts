// The Fastify route Telegram posts updates to. It answers 200 only once the update
// is stored (`admit` resolved); any other 2xx would lose the update on a crash,
// and a 5xx makes Telegram deliver it again. Replies go out later, through the sender.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Admit } from '../../src/kernel/messages.ts';
import { receiveUpdate } from './receive.ts';
import type { StaffUpdates } from './staff-updates.ts';

export interface TelegramWebhookOptions {
  /** Keep the bot token out of it: paths end up in access logs. */
  path?: string;
  /** The `secret_token` given to setWebhook. */
  secret: string;
  admit: Admit;
  /** Usually `(id) => bot.api.answerCallbackQuery(id)`. */
  onCallbackQuery: (callbackQueryId: string) => Promise<unknown>;
  /** The hotline staff group's updates go here instead of to `admit`. */
  staff?: StaffUpdates;
}

/** Telegram's rule for secret_token: 1–256 characters of A-Z a-z 0-9 _ -. */
const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

const BODY_LIMIT = 256 * 1024;

export const telegramWebhook: FastifyPluginAsync<TelegramWebhookOptions> = async (app, options) => {
  const { path = '/telegram/webhook', secret, admit, onCallbackQuery, staff } = options;
  if (!SECRET_TOKEN.test(secret)) throw new Error('Telegram webhook secret must be 1–256 characters of A-Z a-z 0-9 _ -');
  const expected = digest(secret);

  app.post(path, {
    // An update holds at most 4,096 characters of text: a bigger body is not one.
    bodyLimit: BODY_LIMIT,
    // onRequest runs before the body is read: strangers get 401 without any parsing.
    onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
      const given = request.headers['x-telegram-bot-api-secret-token'];
      if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
        return reply.code(401).send({ error: 'wrong secret token' });
      }
    },
    handler: async (request, reply) => {
      try {
        const received = staff?.owns(request.body)
          ? await staff.handle(request.body)
          : await receiveUpdate(request.body, {
              admit,
              answerCallbackQuery: onCallbackQuery,
              onAnswerError: (err) => request.log.warn({ err }, 'telegram: answerCallbackQuery failed'),
            });
        if (received.status === 'malformed') {
          request.log.warn({ problem: received.problem }, 'telegram: malformed update');
          return reply.code(400).send({ error: 'malformed update' });
        }
        if (received.status === 'ignored') request.log.debug({ reason: received.reason }, 'telegram: update ignored');
        return reply.code(200).send();
      } catch (err) {
        request.log.error({ err }, 'telegram: update not stored, Telegram will deliver it again');
        return reply.code(503).send();
      }
    },
  });
};

// Hashing first gives equal lengths, which timingSafeEqual needs, and hides the secret's length.
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
