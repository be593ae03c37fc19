// The web chat as a Fastify plugin: the chat page at /, the widget script cities
// embed on their portals, the page's assets, the JSON endpoint the page talks to,
// and (with a complaint desk) the page where citizens look their complaints up.
import type { FastifyPluginAsync } from 'fastify';
import type { AddressLimits } from './address-limits.ts';
import { registerChatRoute, type Converse } from './chat-route.ts';
import { loadPublicFiles, sendFile } from './static-files.ts';
import { registerTrackingRoutes, type TrackingOptions } from './track-route.ts';

export interface WebChatOptions {
  /** The dialogue: usually `(incoming) => conversation.handle(incoming)`. */
  converse: Converse;
  /** Shown as the page title and the chat header. Default "Trợ lý một cửa". */
  title?: string;
  /** Serves /tra-cuu and GET /api/complaints/:code. */
  tracking?: TrackingOptions;
  /** Per-address limits on chat messages and lookups (the app always sets them; without them nothing is limited). */
  limits?: AddressLimits;
}

const UNLIMITED: AddressLimits = { chat: async () => true, lookup: async () => true, retryAfterSeconds: 60 };

// The page loads nothing from elsewhere; any portal may frame it (that is what widget.js does).
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors *";

export const webChat: FastifyPluginAsync<WebChatOptions> = async (app, options) => {
  const title = options.title ?? 'Trợ lý một cửa';
  const files = await loadPublicFiles(title);

  app.get('/', (request, reply) => sendFile(request, reply.header('content-security-policy', PAGE_POLICY), files.page, 'no-cache'));
  // Portals embed it under a fixed URL, so it cannot be cached for good.
  app.get('/widget.js', (request, reply) => sendFile(request, reply, files.widget, 'public, max-age=3600'));
  app.get<{ Params: { version: string; name: string } }>('/assets/:version/:name', (request, reply) => {
    const file = files.assets.get(request.params.name);
    if (!file) return reply.callNotFound();
    // A page from before a deploy still gets the file, but nobody may keep today's content under yesterday's version.
    const current = request.params.version === files.version;
    return sendFile(request, reply, file, current ? 'public, max-age=31536000, immutable' : 'no-cache');
  });

  const limits = options.limits ?? UNLIMITED;
  registerChatRoute(app, options.converse, limits);
  if (options.tracking) registerTrackingRoutes(app, options.tracking, limits, { title, version: files.version });
};
