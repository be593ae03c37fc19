// The Zalo OA webhook as a Fastify plugin: a signature over the raw body, the event's
// age and app, then the event translated and admitted (see shared/webhook-route.ts for
// the answers). Zalo wants an answer within ~2 s, so nothing slow (searching,
// replying) happens here.
import type { FastifyPluginAsync } from 'fastify';
import type { Admit } from '../../src/kernel/messages.ts';
import { SIGNATURE_HEADER, verifySignature } from './signature.ts';
import { translateOaEvent } from './translate.ts';
import { admitTranslation, registerWebhook } from '../shared/webhook-route.ts';

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

  registerWebhook(app, {
    path,
    label: 'zalo oa webhook',
    // The signature covers the raw bytes: re-encoding could change them.
    body: 'bytes',
    authorized: (request) => {
      const header = request.headers[SIGNATURE_HEADER];
      return typeof header === 'string' && header.trim() !== '';
    },
    receive: async (raw, request) => {
      const bytes = raw as Buffer;
      const body = parseObject(bytes);
      if (body === undefined) return { status: 'malformed', problem: 'body is not a JSON object' };
      const check = verifySignature(request.headers[SIGNATURE_HEADER], bytes, body, { oaSecretKey, replayWindowMs, now });
      if (!check.ok) return { status: check.reason === 'malformed' ? 'malformed' : 'unauthorized', problem: check.detail };
      if (String(body.app_id) !== appId) return { status: 'unauthorized', problem: 'event for another app' };
      return admitTranslation(translateOaEvent(body, { oaId, now: now() }), admit);
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
