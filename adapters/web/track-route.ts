// Looking a complaint up on the web: the page GET /tra-cuu?ma=<code> and the JSON
// GET /api/complaints/:code. Lookups are counted per client address (address-limits.ts),
// so codes cannot be guessed by the thousand.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { trackComplaint, type ComplaintLookup, type TrackingResult } from '../../src/dialogue/tracking.ts';
import { COMPLAINT_TEXTS, TRACK_TEXTS } from '../../src/texts/citizens.ts';
import { TRACKING_PAGE_HEADERS } from '../shared/security-headers.ts';
import type { AddressLimits } from './address-limits.ts';
import { trackPage, type TrackOutcome } from './track-page.ts';

export interface TrackingOptions {
  /** The complaint desk (the Hotline). */
  desk: ComplaintLookup;
}
/** Longer than any code written with spaces; what is shown back is cut to this. */
const MAX_TYPED = 40;
export function registerTrackingRoutes(app: FastifyInstance, options: TrackingOptions, limits: AddressLimits, page: { title: string; version: string }): void {
  /** The lookup's result, or undefined when this client is over its limit for the minute. */
  const lookUp = async (request: FastifyRequest, typed: string): Promise<TrackingResult | undefined> => {
    if (!(await limits.lookup(request))) return undefined;
    return trackComplaint(options.desk, typed);
  };

  app.get<{ Querystring: { ma?: unknown } }>('/tra-cuu', { helmet: TRACKING_PAGE_HEADERS }, async (request, reply) => {
    const typed = typeof request.query.ma === 'string' ? request.query.ma.trim().slice(0, MAX_TYPED) : '';
    const outcome: TrackOutcome = typed ? ((await lookUp(request, typed)) ?? { kind: 'too_many' }) : undefined;
    return withStatus(reply, outcome, limits)
      .header('content-type', 'text/html; charset=utf-8')
      .send(trackPage({ ...page, typed, outcome }));
  });

  app.get<{ Params: { code: string } }>('/api/complaints/:code', async (request, reply) => {
    const typed = request.params.code.trim().slice(0, MAX_TYPED);
    const result = (await lookUp(request, typed)) ?? { kind: 'too_many' as const };
    withStatus(reply, result, limits);
    switch (result.kind) {
      case 'found':
        return { complaint: result.view };
      case 'mistyped':
        return { error: COMPLAINT_TEXTS.mistypedCode(result.typed) };
      case 'unknown':
        return { error: COMPLAINT_TEXTS.unknownCode(result.code) };
      case 'too_many':
        return { error: TRACK_TEXTS.tooMany };
    }
  });
}

/**
 * The status for the outcome. A complaint's state changes and is the citizen's own:
 * never cached, and the address (which holds the code) never passed on.
 */
function withStatus(reply: FastifyReply, outcome: TrackOutcome, limits: AddressLimits): FastifyReply {
  // The lookup API answers under the chat's headers; its address holds the code, so no referrer either.
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
  if (outcome?.kind === 'too_many') reply.header('retry-after', String(limits.retryAfterSeconds));
  return reply.code({ found: 200, mistyped: 400, unknown: 404, too_many: 429 }[outcome?.kind ?? 'found']);
}
