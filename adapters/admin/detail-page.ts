// One complaint: everything known about it, where it has been sent, whether the
// citizen has heard back, its full history, and a form for each action staff may
// take now.
import { isOverdue, transition, type Complaint, type Delivery, type Transition } from '../../src/complaints/complaint.ts';
import { CHANNEL_LABELS, readable, STATUS_LABELS } from '../../src/complaints/export.ts';
import { vnDate } from '../../src/kernel/vietnam-time.ts';
import { html, type Html } from './html.ts';
import { flags } from './list-page.ts';
import { layout, noticeBox, shownTime, type Notice } from './layout.ts';
import type { PageSession } from './sessions.ts';
import { ACTION_LABELS, ACTORS, ADMIN_TEXTS, DETAIL_TEXTS as D, HISTORY_LABELS, sendErrorText, TARGET_LABELS, type ActionType } from '../../src/texts/staff.ts';

/** What staff typed into a form that was refused, shown again so that nothing is lost. */
export interface Typed {
  action: ActionType;
  text: string;
}

export interface DetailView {
  session: PageSession;
  complaint: Complaint;
  today: string;
  notice?: Notice;
  typed?: Typed;
}

export function detailPage(view: DetailView): Html {
  const { complaint: c, session, today } = view;
  return layout(
    c.code,
    session,
    html`<p><a href="/admin">${D.backToList}</a></p>
<h1>${D.heading(c.code)} <span class="status">· ${STATUS_LABELS[c.status] ?? c.status}</span> ${flags(c, today)}</h1>
${noticeBox(view.notice)}
${c.reply?.state === 'failed' ? html`<p class="notice notice-error" role="alert">${ADMIN_TEXTS.replyFailed(replyFailureDetail(c))}</p>` : ''}
<h2>${D.sections.facts}</h2>
${facts(c, today)}
<h2>${D.sections.deliveries}</h2>
${deliveries(c)}
<h2>${D.sections.reply}</h2>
<p>${replyState(c)}</p>
<h2>${D.sections.actions}</h2>
${actions(c, session, view.typed)}
<h2>${D.sections.history}</h2>
${history(c)}`,
  );
}

function facts(c: Complaint, today: string): Html {
  const F = D.facts;
  const row = (term: string, value: unknown) => html`<dt>${term}</dt><dd>${value ?? '—'}</dd>\n`;
  return html`<dl class="facts">
${row(F.text, readable(c.text))}
${row(F.subject, c.subject)}
${row(F.phone, c.phone ? `${c.phone}${c.consentAt !== undefined ? D.consentAt(shownTime(c.consentAt)) : ''}` : undefined)}
${row(F.channel, CHANNEL_LABELS[c.address.channel] ?? c.address.channel)}
${row(F.received, shownTime(c.createdAt))}
${row(F.due, `${vnDate(c.dueDate)}${isOverdue(c, today) ? ` (${ADMIN_TEXTS.overdue.toLowerCase()})` : ''}`)}
${row(F.status, STATUS_LABELS[c.status] ?? c.status)}
${row(F.assignee, c.assignee)}
${row(F.answer, readable(c.answer))}
${row(F.reason, readable(c.reason))}
${c.erasedAt !== undefined ? row(F.erasedAt, shownTime(c.erasedAt)) : ''}
</dl>`;
}

function deliveries(c: Complaint): Html {
  const targets = Object.entries(c.deliveries);
  if (targets.length === 0) return html`<p>${D.inboxOnly}</p>`;
  return html`<ul class="plain">${targets.map(([target, d]) => html`<li><strong>${TARGET_LABELS.get(target) ?? target}</strong>: ${deliveryState(d)}</li>`)}</ul>`;
}

function deliveryState(d: Delivery): string {
  switch (d.state) {
    case 'delivered':
      return D.delivered(shownTime(d.deliveredAt), d.attempts);
    case 'failed':
      return D.deliveryFailed(d.attempts, sendErrorText(d.lastError));
    case 'pending':
      return d.attempts === 0 ? D.deliveryPending : D.deliveryRetrying(d.attempts, d.lastError && sendErrorText(d.lastError), shownTime(d.nextTryAt));
  }
}

function replyFailureDetail(c: Complaint): string {
  const reply = c.reply;
  if (reply?.state !== 'failed') return '';
  return D.replyFailureDetail(CHANNEL_LABELS[c.address.channel] ?? c.address.channel, reply.attempts, sendErrorText(reply.lastError));
}

function replyState(c: Complaint): string {
  const reply = c.reply;
  if (!reply) return D.nothingToTell;
  switch (reply.state) {
    case 'sent':
      return D.replySent(shownTime(reply.sentAt));
    case 'failed':
      return D.replyFailed(replyFailureDetail(c), c.code);
    case 'on_lookup':
      return ADMIN_TEXTS.replyOnLookup(c.code);
    case 'pending':
      return reply.attempts === 0 ? D.replyPending : D.replyRetrying(reply.attempts, reply.lastError && sendErrorText(reply.lastError));
  }
}

/** Whether the bot would allow `type` now; asked of the transition itself so the rule lives in one place. */
function allowed(c: Complaint, type: Transition['type']): boolean {
  return transition(c, { type, by: 'probe', text: 'probe', reason: 'probe' } as Transition, 0).ok;
}

const TRANSITIONS: readonly Transition['type'][] = ['claim', 'answer', 'transfer', 'reject', 'close'];

function actions(c: Complaint, session: PageSession, typed: Typed | undefined): Html {
  const offered: ActionType[] = [...TRANSITIONS.filter((type) => allowed(c, type)), ...(c.erasedAt === undefined ? ['erase' as const] : [])];
  const textField = (action: ActionType, label: string) => {
    const id = `${action}-text`;
    return html`<label for="${id}">${label}</label><textarea id="${id}" name="text" required>${typed?.action === action ? typed.text : ''}</textarea>`;
  };
  const fields: Record<ActionType, () => Html> = {
    claim: () => html`<p>${D.forms.claim}</p>`,
    answer: () => textField('answer', D.forms.answer),
    transfer: () => textField('transfer', D.forms.transfer),
    reject: () => textField('reject', D.forms.reject),
    close: () => html`<p>${D.forms.close}</p>`,
    erase: () =>
      html`<p>${D.forms.erase}</p>
<label class="check"><input type="checkbox" name="confirm" value="yes" required> ${ADMIN_TEXTS.eraseConfirm}</label>`,
  };
  const buttonClass: Partial<Record<ActionType, string>> = { transfer: 'secondary', reject: 'secondary', close: 'secondary', erase: 'danger' };
  const forms = offered.map(
    (action) => html`<form method="post" action="/admin/complaints/${c.code}/act">
<input type="hidden" name="csrf" value="${session.csrf}">
<input type="hidden" name="action" value="${action}">
${fields[action]()}
<button type="submit"${buttonClass[action] ? html` class="${buttonClass[action]}"` : ''}>${ACTION_LABELS[action]}</button>
</form>`,
  );
  // A refused action whose form is gone (the complaint moved on): what was typed is still shown, to copy.
  const orphan = typed?.text && !offered.includes(typed.action) ? typed.text : undefined;
  return html`${orphan ? html`<p>${D.typedNotSaved}</p><p class="text">${orphan}</p>` : ''}${
    forms.length ? html`<div class="actions">${forms}</div>` : html`<p>${D.noActions}</p>`
  }`;
}

function history(c: Complaint): Html {
  const C = D.historyColumns;
  return html`<table>
<thead><tr><th scope="col">${C.at}</th><th scope="col">${C.by}</th><th scope="col">${C.action}</th><th scope="col">${C.note}</th></tr></thead>
<tbody>
${c.history.map(
  (event) => html`<tr>
<td data-label="${C.at}">${shownTime(event.at)}</td>
<td data-label="${C.by}">${ACTORS.get(event.by) ?? event.by}</td>
<td data-label="${C.action}">${HISTORY_LABELS.get(event.action) ?? event.action}</td>
<td data-label="${C.note}" class="text">${event.note ?? ''}</td>
</tr>
`,
)}
</tbody>
</table>`;
}
