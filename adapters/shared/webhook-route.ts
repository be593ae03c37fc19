// One shape for every channel's webhook route (Telegram, Zalo Bot Platform, Zalo OA):
// who sent it is checked before the body is read; the body is read as the channel
// signs it (JSON text, or the raw bytes a signature covers); the update is translated
// and admitted; and every outcome has one answer, the same on every channel:
//   401 { ok: false, error: 'unauthorized' }      wrong or missing secret or signature
//   400 { ok: false, error: 'bad_request', reason } not an update
//   200 { ok: true, status? }                       stored (or a known duplicate), or not for the bot
//   503 { ok: false, error: 'unavailable' }        not stored: the platform delivers it again
// 200 comes only once `admit` has stored the update: any earlier would lose it on a crash.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Admit } from '../../src/kernel/messages.ts';
import type { Translation } from '../zalo/translate.ts';

/** What became of an update. */
export type Received = { status: 'accepted' | 'duplicate' } | { status: 'ignored'; reason: string } | { status: 'malformed'; problem: string };

/** Refused after the body was read: a signature that does not match it. */
export interface Refused {
  status: 'unauthorized';
  problem: string;
}

export interface WebhookRoute {
  path: string;
  /** Names the channel in the log. */
  label: string;
  /** 'json': the body parsed from text; 'bytes': the raw body, for a signature over it. */
  body: 'json' | 'bytes';
  /** Checked before the body is read: a stranger's body is never parsed. */
  authorized(request: FastifyRequest): boolean;
  /** Rejects only when the update could not be stored. */
  receive(body: unknown, request: FastifyRequest): Promise<Received | Refused>;
}

// An update holds at most a few thousand characters of text: a bigger body is not one.
const BODY_LIMIT = 256 * 1024;

/** Registers `route` in `app`, which must be the route's own plugin (its body parsers are replaced). */
export function registerWebhook(app: FastifyInstance, route: WebhookRoute): void {
  const { path, label } = route;
  // Every body is read the same way whatever its content type, so a wrong one and broken JSON get the same 400.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: route.body === 'bytes' ? 'buffer' : 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post(path, {
    bodyLimit: BODY_LIMIT,
    onRequest: async (request, reply) => {
      if (!route.authorized(request)) return refuse(request, reply, { status: 'unauthorized', problem: 'wrong or missing secret' }, label);
    },
    handler: async (request, reply) => {
      const body = route.body === 'bytes' ? request.body : parseJson(request.body);
      if (body === undefined) return refuse(request, reply, { status: 'malformed', problem: 'body is not JSON' }, label);
      let received: Received | Refused;
      try {
        received = await route.receive(body, request);
      } catch (err) {
        request.log.error({ err }, `${label}: update not stored, answering 503 for redelivery`);
        return reply.code(503).send({ ok: false, error: 'unavailable' });
      }
      if (received.status === 'unauthorized' || received.status === 'malformed') return refuse(request, reply, received, label);
      if (received.status === 'ignored') {
        request.log.debug({ reason: received.reason }, `${label}: update ignored`);
        return reply.code(200).send({ ok: true });
      }
      return reply.code(200).send({ ok: true, status: received.status });
    },
  });
}

/** What a Zalo translation comes to once a message in it is admitted. */
export async function admitTranslation(translation: Translation, admit: Admit): Promise<Received> {
  if (translation.kind === 'malformed') return { status: 'malformed', problem: translation.reason };
  if (translation.kind === 'ignored') return { status: 'ignored', reason: translation.reason };
  return { status: await admit(translation.incoming) };
}

function refuse(request: FastifyRequest, reply: FastifyReply, { status, problem }: { status: 'unauthorized' | 'malformed'; problem: string }, label: string) {
  request.log.warn({ problem }, `${label}: ${status === 'unauthorized' ? 'refused' : 'bad request'}`);
  return status === 'unauthorized' ? reply.code(401).send({ ok: false, error: 'unauthorized' }) : reply.code(400).send({ ok: false, error: 'bad_request', reason: problem });
}

function parseJson(body: unknown): unknown {
  if (typeof body !== 'string' || body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
