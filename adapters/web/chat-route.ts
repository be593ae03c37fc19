// POST /api/chat: one message from the chat page in, the bot's replies out. The
// JSON schema turns away bad input before the dialogue sees it; every refusal is a
// 4xx with a short Vietnamese `error` the page can show as it is.
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Incoming } from '../../src/kernel/messages.ts';
import type { Reply } from '../../src/kernel/reply.ts';
import type { AddressLimits } from './address-limits.ts';
import { WEB_TEXTS } from '../../src/texts/citizens.ts';

/** `repeatable`: the page gave the message an id and sends it again when no answer came (see Inbox.converse). */
export type Converse = (incoming: Incoming, repeatable: boolean) => Promise<Reply[]>;

interface ChatRequest {
  session: string;
  /** The page's own id for this message, the same when it sends it again. */
  id?: string;
  text?: string;
  action?: string;
}

const MAX_TEXT = 2000;
// Room for MAX_TEXT characters written as \uXXXX escapes, plus the session; anything bigger is not a chat message.
const BODY_LIMIT = 16 * 1024;

const requestSchema = {
  type: 'object',
  required: ['session'],
  additionalProperties: false,
  properties: {
    session: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
    id: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
    text: { type: 'string', minLength: 1, maxLength: MAX_TEXT },
    // Choice.action is an opaque printable-ASCII token of at most 64 bytes.
    action: { type: 'string', pattern: '^[!-~]{1,64}$' },
  },
  oneOf: [{ required: ['text'] }, { required: ['action'] }],
} as const;

const responseSchema = {
  type: 'object',
  required: ['replies'],
  properties: {
    replies: {
      type: 'array',
      items: {
        type: 'object',
        required: ['text'],
        properties: {
          text: { type: 'string' },
          choices: {
            type: 'array',
            items: { type: 'object', required: ['label', 'action'], properties: { label: { type: 'string' }, action: { type: 'string' } } },
          },
        },
      },
    },
  },
} as const;

const errorSchema = { type: 'object', required: ['error'], properties: { error: { type: 'string' } } } as const;

export function registerChatRoute(app: FastifyInstance, converse: Converse, limits: AddressLimits): void {
  app.post('/api/chat', {
    bodyLimit: BODY_LIMIT,
    schema: { body: requestSchema, response: { 200: responseSchema, '4xx': errorSchema, '5xx': errorSchema } },
    // Fastify's validator turns a number into a string and drops unknown properties; here they are refused.
    // The length limits apply to what the citizen wrote, not to stray spaces around it.
    preValidation: async (request) => {
      refuseLoose(request.body);
      trimText(request.body);
    },
    errorHandler: refuse,
    handler: async (request, reply) => {
      const body = request.body as ChatRequest;
      if (!(await limits.chat(request, body.text))) {
        return reply.code(429).header('retry-after', String(limits.retryAfterSeconds)).send({ error: WEB_TEXTS.tooFast });
      }
      const incoming: Incoming = {
        address: { channel: 'web', chatId: body.session },
        updateId: body.id ?? randomUUID(),
        ...(body.text !== undefined ? { text: body.text } : { action: body.action! }),
        receivedAt: Date.now(),
      };
      reply.header('cache-control', 'no-store');
      try {
        return { replies: await converse(incoming, body.id !== undefined) };
      } catch (err) {
        request.log.error({ err }, 'web chat: the conversation failed');
        return reply.code(503).send({ error: WEB_TEXTS.unavailable });
      }
    },
  });
}

const FIELDS: ReadonlySet<string> = new Set(['session', 'id', 'text', 'action']);

/** A body whose fields are not all known strings: a 400, before any coercion. */
function refuseLoose(body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return; // the schema says so
  const loose = Object.entries(body).some(([key, value]) => !FIELDS.has(key) || typeof value !== 'string');
  if (loose) throw Object.assign(new Error('body fields must be the known strings'), { statusCode: 400, validation: [] });
}

function trimText(body: unknown): void {
  if (typeof body === 'object' && body !== null && 'text' in body && typeof body.text === 'string') body.text = body.text.trim();
}

/** Invalid JSON, schema violations, wrong content type, oversized bodies: a 4xx the citizen can read. */
function refuse(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'web chat: request failed');
    return reply.code(500).send({ error: WEB_TEXTS.serverError });
  }
  return reply.code(status).send({ error: status === 413 ? WEB_TEXTS.tooLarge : validationMessage(error) });
}

function validationMessage(error: FastifyError): string {
  const problems = error.validation ?? [];
  const about = (field: string) =>
    problems.find((p) => p.instancePath === `/${field}` || (p.keyword === 'required' && p.params['missingProperty'] === field && p.schemaPath === '#/required'));
  if (about('session')) return WEB_TEXTS.badSession;
  const text = about('text');
  if (text?.keyword === 'maxLength') return WEB_TEXTS.tooLong;
  if (text?.keyword === 'minLength') return WEB_TEXTS.emptyText;
  return WEB_TEXTS.badRequest;
}
