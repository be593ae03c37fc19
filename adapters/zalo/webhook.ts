// The Zalo Bot Platform webhook as a Fastify plugin: the secret header, then the
// update translated and admitted (see shared/webhook-route.ts for the answers).
import type { FastifyPluginAsync } from 'fastify';
import type { Admit } from '../../src/kernel/messages.ts';
import { translateUpdate } from './translate.ts';
import { admitTranslation, registerWebhook } from '../shared/webhook-route.ts';
import { secretHeaderCheck } from '../shared/secret-header.ts';

const SECRET_HEADER = 'x-bot-api-secret-token';

export interface ZaloWebhookOptions {
  /** Default '/zalo/webhook'. */
  path?: string;
  /** The secret_token given to setWebhook (8–256 characters). */
  secret: string;
  /** The bot's own user id from getMe, to drop the echo of its own messages. */
  botId: string;
  admit: Admit;
  /** Clock for updates that carry no date; default Date.now. */
  now?: () => number;
}

export const zaloWebhook: FastifyPluginAsync<ZaloWebhookOptions> = async (app, options) => {
  const { path = '/zalo/webhook', secret, botId, admit, now = Date.now } = options;
  if (secret.length < 8 || secret.length > 256) throw new RangeError('zaloWebhook: secret must be 8–256 characters');
  const secretMatches = secretHeaderCheck(secret);
  registerWebhook(app, {
    path,
    label: 'zalo webhook',
    body: 'json',
    authorized: (request) => secretMatches(request.headers[SECRET_HEADER]),
    receive: (body) => admitTranslation(translateUpdate(body, { botId, now: now() }), admit),
  });
};
