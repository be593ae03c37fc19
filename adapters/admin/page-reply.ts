// How every /admin route answers with a page: HTML, and the short page that says what
// went wrong with a link back to the list.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ADMIN_TEXTS, LIST_TEXTS } from '../../src/texts/staff.ts';
import { html, type Html } from './html.ts';
import { layout, noticeBox } from './layout.ts';
import type { PageSession } from './sessions.ts';

/** What every signed-in page needs: who is signed in, with this response's form token. */
export interface Pages {
  session(request: FastifyRequest): PageSession;
}

/** A posted form: a field sent several times (checkboxes) comes as an array. */
export type PostedForm = Record<string, string | string[] | undefined>;

export function sendPage(reply: FastifyReply, page: Html): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(page.value);
}

export function messagePage(session: PageSession | undefined, text: string): Html {
  return layout(ADMIN_TEXTS.title, session, html`${noticeBox({ kind: 'error', text })}<p><a href="/admin">${LIST_TEXTS.backToList}</a></p>`);
}
