// The security headers of the pages people open, set by @fastify/helmet: what each
// page may load, who may frame it, what it tells other sites. Nothing loads from
// elsewhere anywhere; the pages differ in scripts, forms and framing.
import type { FastifyHelmetOptions } from '@fastify/helmet';

const NONE = ["'none'"];
const SELF = ["'self'"];

type Policy = NonNullable<Exclude<FastifyHelmetOptions['contentSecurityPolicy'], boolean>>['directives'];

function headers(directives: Policy, framed: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: NONE, baseUri: NONE, ...directives } },
    // A page whose address holds a tracking code or that staff work in never passes its address on.
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: framed ? false : { action: 'deny' },
    // The widget script is loaded by the portals that embed the chat.
    crossOriginResourcePolicy: { policy: framed ? 'cross-origin' : 'same-origin' },
  };
}

/** The chat page and its files: scripts of its own, and any portal may frame it (that is what widget.js does). */
export const WEB_CHAT_HEADERS = headers(
  { scriptSrc: SELF, styleSrc: SELF, imgSrc: SELF, connectSrc: SELF, formAction: NONE, frameAncestors: ['*'] },
  true,
);

/** The tracking page: a form to this site, never framed. */
export const TRACKING_PAGE_HEADERS = headers({ scriptSrc: SELF, styleSrc: SELF, imgSrc: SELF, formAction: SELF, frameAncestors: NONE }, false);

/** The staff inbox: no script at all, forms post only here, never framed (data: is the empty favicon). */
export const ADMIN_HEADERS = headers({ styleSrc: SELF, imgSrc: [...SELF, 'data:'], formAction: SELF, frameAncestors: NONE }, false);
