// The Zalo Bot Platform webhook as a Fastify plugin. Durable before acknowledged: a
// text update is answered 200 only after the bot has admitted it (stored or known
// duplicate); when admission fails the answer is 503 so Zalo may deliver it again.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Admit } from '../../src/kernel/messages.ts';
import { translateUpdate } from './translate.ts';
import { answerTranslation, badRequest } from '../shared/webhook-reply.ts';

const SECRET_HEADER = 'x-bot-api-secret-token';
/** Zalo updates are small JSON objects; anything near this size is not one. */
// An event holds at most 2,000 characters of text: a bigger body is not one.
const BODY_LIMIT = 256 * 1024;

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
  const expected = digest(secret);

  // This plugin is its own encapsulation context: these parsers only apply to its route.
  // Every body is read as text and parsed in the handler, so a wrong or missing
  // content type and broken JSON all get the same small 400.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post(path, {
    bodyLimit: BODY_LIMIT,
    // Checked before the body is read: nothing from an unauthenticated sender is parsed.
    onRequest: async (request, reply) => {
      if (!secretMatches(request.headers[SECRET_HEADER], expected)) {
        request.log.warn('zalo webhook: wrong or missing secret token');
        return reply.code(401).send({ ok: false, error: 'unauthorized' });
      }
    },
    handler: async (request, reply) => {
      const body = parseJson(request.body);
      if (body === undefined) return badRequest(request, reply, 'body is not JSON', 'zalo webhook');

      return answerTranslation(request, reply, translateUpdate(body, { botId, now: now() }), admit, 'zalo webhook');
    },
  });
};

/** SHA-256 both sides so timingSafeEqual always compares equal lengths and leaks none. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function secretMatches(header: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof header !== 'string' || header === '') return false;
  return timingSafeEqual(digest(header), expected);
}

function parseJson(body: unknown): unknown {
  if (typeof body !== 'string' || body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
