// The Fastify route Telegram posts updates to: the secret token, then the update (a
// citizen's, or the staff group's) received; see shared/webhook-route.ts for the
// answers. Replies go out later, through the sender.
import type { FastifyPluginAsync } from 'fastify';
import type { Admit } from '../../src/kernel/messages.ts';
import { registerWebhook } from '../shared/webhook-route.ts';
import { secretHeaderCheck } from '../shared/secret-header.ts';
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

export const telegramWebhook: FastifyPluginAsync<TelegramWebhookOptions> = async (app, options) => {
  const { path = '/telegram/webhook', secret, admit, onCallbackQuery, staff } = options;
  if (!SECRET_TOKEN.test(secret)) throw new Error('Telegram webhook secret must be 1–256 characters of A-Z a-z 0-9 _ -');
  const secretMatches = secretHeaderCheck(secret);
  registerWebhook(app, {
    path,
    label: 'telegram webhook',
    body: 'json',
    authorized: (request) => secretMatches(request.headers['x-telegram-bot-api-secret-token']),
    receive: (update, request) =>
      staff?.owns(update)
        ? staff.handle(update)
        : receiveUpdate(update, {
            admit,
            answerCallbackQuery: onCallbackQuery,
            onAnswerError: (err) => request.log.warn({ err }, 'telegram: answerCallbackQuery failed'),
          }),
  });
};
