// The Zalo OA webhook as a Fastify plugin. The signature covers the raw body bytes, so
// this plugin reads bodies itself. Durable before acknowledged: a citizen's text is
// answered 200 only after the bot has admitted it; when admission fails the answer is
// 503 so that Zalo delivers it again. Zalo wants an answer within ~2 s, so nothing slow
// (searching, replying) happens here.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Admit } from '../../src/kernel/messages.ts';
import { SIGNATURE_HEADER, verifySignature } from './signature.ts';
import { translateOaEvent } from './translate.ts';
import { answerTranslation, badRequest } from '../shared/webhook-reply.ts';

/** OA events are small JSON objects; anything near this size is not one. */
// An event holds at most 2,000 characters of text: a bigger body is not one.
const BODY_LIMIT = 256 * 1024;

export interface ZaloOaWebhookOptions {
  /** Default '/zalo-oa/webhook'. */
  path?: string;
  /** The app's id; events for another app are refused. */
  appId: string;
  /** The OA Secret Key from the webhook settings page (not the app Secret Key). */
  oaSecretKey: string;
  admit: Admit;
  /** The OA's id, to drop the echo of its own messages (oa_send_* events are dropped regardless). */
  oaId?: string;
  /**
   * Refuse events older or newer than this (see SignatureOptions). It must not outlast the
   * inbox's memory of update ids, or a captured event is taken again once that is gone.
   * Default 48 hours (0: any age).
   */
  replayWindowMs?: number;
  /** Clock for the replay window and for events without a timestamp; default Date.now. */
  now?: () => number;
}

export const DEFAULT_REPLAY_WINDOW_MS = 48 * 3600_000;

export const zaloOaWebhook: FastifyPluginAsync<ZaloOaWebhookOptions> = async (app, options) => {
  const { path = '/zalo-oa/webhook', appId, oaSecretKey, admit, oaId, replayWindowMs = DEFAULT_REPLAY_WINDOW_MS, now = Date.now } = options;
  if (!appId || !oaSecretKey) throw new TypeError('zaloOaWebhook: appId and oaSecretKey are required');

  // This plugin is its own encapsulation context: these parsers only apply to its route.
  // Bodies stay raw bytes (the signature is over them, and re-encoding could change
  // them); any content type is read the same way, and parsed in the handler.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post(path, {
    bodyLimit: BODY_LIMIT,
    // An unsigned request is refused before its body is read.
    onRequest: async (request, reply) => {
      const header = request.headers[SIGNATURE_HEADER];
      if (typeof header !== 'string' || header.trim() === '') return unauthorized(request, reply, 'missing signature');
    },
    handler: async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const body = parseObject(raw);
      if (body === undefined) return badRequest(request, reply, 'body is not a JSON object', 'zalo oa webhook');

      const check = verifySignature(request.headers[SIGNATURE_HEADER], raw, body, { oaSecretKey, replayWindowMs, now });
      if (!check.ok) return check.reason === 'malformed' ? badRequest(request, reply, check.detail, 'zalo oa webhook') : unauthorized(request, reply, check.detail);
      if (String(body.app_id) !== appId) return unauthorized(request, reply, 'event for another app');

      return answerTranslation(request, reply, translateOaEvent(body, { oaId, now: now() }), admit, 'zalo oa webhook');
    },
  });
};

function parseObject(raw: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function unauthorized(request: FastifyRequest, reply: FastifyReply, reason: string) {
  request.log.warn({ reason }, 'zalo oa webhook: refused');
  return reply.code(401).send({ ok: false, error: 'unauthorized' });
}
