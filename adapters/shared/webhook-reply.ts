// How a Zalo webhook (Bot Platform or Official Account) answers once it has read an
// update: 400 for malformed input, 200 for updates the bot does not handle, and for
// a citizen's message 200 only after `admit` stored it durably (503 otherwise, so
// Zalo delivers it again).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Admit } from '../../src/kernel/messages.ts';
import type { Translation } from '../zalo/translate.ts';

export async function answerTranslation(request: FastifyRequest, reply: FastifyReply, translation: Translation, admit: Admit, label: string) {
  if (translation.kind === 'malformed') return badRequest(request, reply, translation.reason, label);
  if (translation.kind === 'ignored') {
    request.log.debug({ reason: translation.reason }, `${label}: update ignored`);
    return reply.code(200).send({ ok: true });
  }
  const { incoming } = translation;
  try {
    const status = await admit(incoming);
    return reply.code(200).send({ ok: true, status });
  } catch (err) {
    request.log.error({ err, updateId: incoming.updateId }, `${label}: admit failed, answering 503 for redelivery`);
    return reply.code(503).send({ ok: false, error: 'unavailable' });
  }
}

export function badRequest(request: FastifyRequest, reply: FastifyReply, reason: string, label: string) {
  request.log.warn({ reason }, `${label}: bad request`);
  return reply.code(400).send({ ok: false, error: 'bad_request', reason });
}
