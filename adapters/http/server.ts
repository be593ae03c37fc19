// The HTTP server around the channels: liveness and readiness probes, JSON answers
// for errors and unknown routes, and the channel plugins passed in (web chat,
// webhooks). Built apart from listen(), so tests inject requests or pick a port.
import Fastify, { type FastifyError, type FastifyInstance, type FastifyPluginAsync, type FastifyReply } from 'fastify';
import type { LogLevel, TrustProxy } from '../../src/config.ts';
import { checkReadiness, type ReadinessDeps } from './readiness.ts';
import { clientErrorText, HTTP_SERVER_ERROR_TEXT } from '../../src/texts/citizens.ts';

export interface ServerDeps {
  logLevel: LogLevel;
  /** TRUST_PROXY: which proxies' X-Forwarded-For sets request.ip. Absent: none, request.ip is the connecting address. */
  trustProxy?: TrustProxy;
  readiness: ReadinessDeps;
  plugins: readonly FastifyPluginAsync[];
}

export function buildServer(deps: ServerDeps): FastifyInstance {
  // request.ip keys the per-address limits (tracking lookups, staff sign-ins): behind a
  // proxy it is the proxy's address unless that proxy is trusted to name the client.
  const app = Fastify({
    logger: { level: deps.logLevel },
    trustProxy: deps.trustProxy === true ? true : deps.trustProxy ? [...deps.trustProxy] : false,
    // A malformed URL (bad percent-encoding) or content type is refused before any route, in Vietnamese too.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode ?? 400;
      void (reply as FastifyReply).code(status).send({ error: error.code ?? 'bad_request', message: clientErrorText(status) });
    },
  });

  // Plugins with their own error handler (the web chat's) keep it; everything else lands here.
  app.setErrorHandler<FastifyError>((error, request, reply) => {
    const status = error.statusCode ?? 500;
    // A 4xx is about the request (bad JSON, too large…): said in Vietnamese, with Fastify's code for tools.
    if (status < 500) return reply.code(status).send({ error: error.code ?? 'bad_request', message: clientErrorText(status) });
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal_error', message: HTTP_SERVER_ERROR_TEXT });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not_found', message: clientErrorText(404) }));

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    const readiness = await checkReadiness(deps.readiness);
    if (readiness.ready) return { status: 'ready' };
    request.log.warn({ err: readiness.error, reason: readiness.reason }, 'not ready');
    return reply.code(503).send({ status: 'unavailable', reason: readiness.reason });
  });

  for (const plugin of deps.plugins) void app.register(plugin);
  return app;
}
