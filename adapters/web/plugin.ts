// The web chat as a Fastify plugin: the chat page at /, the widget script cities
// embed on their portals, the page's assets, the JSON endpoint the page talks to,
// and (with a complaint desk) the page where citizens look their complaints up.
import fastifyHelmet from '@fastify/helmet';
import type { FastifyPluginAsync } from 'fastify';
import { WEB_CHAT_HEADERS } from '../shared/security-headers.ts';
import type { AddressLimits, InstallAddressLimits } from './address-limits.ts';
import { registerChatRoute, type Converse } from './chat-route.ts';
import { loadChatPage, loadWidget, sendFilled, servePublicFiles } from './static-files.ts';
import { CHAT_PAGE_TEXTS } from '../../src/texts/citizens.ts';
import { registerTrackingRoutes, type TrackingOptions } from './track-route.ts';

export interface WebChatOptions {
  /** The dialogue: usually `(incoming) => conversation.handle(incoming)`. */
  converse: Converse;
  /** Shown as the page title and the chat header. Default: CHAT_PAGE_TEXTS.title. */
  title?: string;
  /** Serves /tra-cuu and GET /api/complaints/:code. */
  tracking?: TrackingOptions;
  /** Per-address limits on chat messages and lookups (the app always sets them; without them nothing is limited). */
  limits?: InstallAddressLimits;
}

const UNLIMITED: AddressLimits = { chat: async () => true, lookup: async () => true, retryAfterSeconds: 60 };

export const webChat: FastifyPluginAsync<WebChatOptions> = async (app, options) => {
  const title = options.title ?? CHAT_PAGE_TEXTS.title;
  const page = await loadChatPage(title);
  const widget = await loadWidget();
  await app.register(fastifyHelmet, WEB_CHAT_HEADERS);
  await servePublicFiles(app);

  app.get('/', (request, reply) => sendFilled(request, reply, page, 'text/html; charset=utf-8', 'no-cache'));
  // Portals embed it under a fixed URL, so it cannot be cached for good.
  app.get('/widget.js', (request, reply) => sendFilled(request, reply, widget, 'text/javascript; charset=utf-8', 'public, max-age=3600'));
  app.get<{ Params: { version: string; name: string } }>('/assets/:version/:name', (request, reply) => {
    const { name, version } = request.params;
    // Only the files of assets/ by their own name: nothing above it, nothing hidden.
    if (!/^[\w-]+\.\w+$/.test(name)) return reply.callNotFound();
    // A page from before a deploy still gets the file, but nobody may keep today's content under yesterday's version.
    if (version === page.version) return reply.sendFile(`assets/${name}`, { maxAge: 31_536_000_000, immutable: true });
    return reply.header('cache-control', 'no-cache').sendFile(`assets/${name}`, { cacheControl: false });
  });

  const limits = options.limits ? await options.limits(app) : UNLIMITED;
  registerChatRoute(app, options.converse, limits);
  if (options.tracking) registerTrackingRoutes(app, options.tracking, limits, { title, version: page.version });
};
