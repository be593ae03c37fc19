// The queue: complaints newest first, a tab per filter with its count, flags for
// what needs attention, and export links for the same selection.
import { hasFailedSend, isOverdue, type Complaint } from '../../src/complaints/complaint.ts';
import type { Page } from '../../src/complaints/complaint-store.ts';
import { CHANNEL_LABELS, readable, STATUS_LABELS } from '../../src/complaints/export.ts';
import { vnDate } from '../../src/kernel/vietnam-time.ts';
import { FILTERS, type Filter } from './filters.ts';
import { html, type Html } from './html.ts';
import { layout, shownTime } from './layout.ts';
import type { PageSession } from './sessions.ts';
import { ADMIN_TEXTS, LIST_TEXTS as L } from '../../src/texts/staff.ts';

const SHORT_TEXT = 90;

export const PAGE_SIZE = 50;

export interface ListView {
  filter: Filter;
  /** The page shown, from 1, and its complaints, newest first. */
  page: number;
  shown: Page;
  counts: ReadonlyMap<Filter, number>;
  today: string;
  knowledgeErrors?: readonly string[];
}

export function listPage(session: PageSession, { filter, page, shown: { complaints: shown, total }, counts, today, knowledgeErrors = [] }: ListView): Html {
  const current = FILTERS.find((f) => f.id === filter)!;
  const query = filter === 'all' ? '' : `?filter=${filter}`;
  return layout(
    ADMIN_TEXTS.title,
    session,
    html`<h1>${ADMIN_TEXTS.title}</h1>
${knowledgeErrors.length ? html`<section class="notice notice-error" role="alert"><h2>${ADMIN_TEXTS.knowledgeRefused}</h2><ul>${knowledgeErrors.map((e) => html`<li><code>${e}</code></li>`)}</ul></section>` : ''}
<nav aria-label="${L.filtersLabel}">
<ul class="filters">
${FILTERS.map(
  (f) =>
    html`<li><a href="/admin${f.id === 'all' ? '' : `?filter=${f.id}`}"${f.id === filter ? html` aria-current="page"` : ''}>${f.label} (${
      counts.get(f.id) ?? 0
    })</a></li>`,
)}
</ul>
</nav>
<p class="exports">${L.exportShown} <a href="/admin/export.csv${query}">CSV (Excel)</a> · <a href="/admin/export.json${query}">JSON</a></p>
${
  shown.length === 0
    ? html`<p>${ADMIN_TEXTS.emptyList}</p>`
    : html`<table>
<caption>${L.count(current.label, total)}${pages(total) > 1 ? ADMIN_TEXTS.pageOf(page, pages(total)) : ''}</caption>
<thead><tr>${Object.values(L.columns).map((name) => html`<th scope="col">${name}</th>`)}</tr></thead>
<tbody>
${shown.map((c) => row(c, today))}
</tbody>
</table>
${pager(filter, page, pages(total))}`
}`,
  );
}

function row(c: Complaint, today: string): Html {
  const C = L.columns;
  return html`<tr>
<td data-label="${C.code}"><a href="/admin/complaints/${c.code}">${c.code}</a></td>
<td data-label="${C.received}">${shownTime(c.createdAt)}</td>
<td data-label="${C.due}">${vnDate(c.dueDate)}</td>
<td data-label="${C.status}" class="status">${STATUS_LABELS[c.status] ?? c.status}</td>
<td data-label="${C.assignee}">${c.assignee ?? '—'}</td>
<td data-label="${C.channel}">${CHANNEL_LABELS[c.address.channel] ?? c.address.channel}</td>
<td data-label="${C.text}" class="text">${shorten(readable(c.text))}</td>
<td data-label="${C.flags}">${flags(c, today)}</td>
</tr>
`;
}

const pages = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));

function pager(filter: Filter, page: number, last: number): Html | string {
  if (last <= 1) return '';
  const link = (to: number) => `/admin?${filter === 'all' ? '' : `filter=${filter}&`}page=${to}`;
  return html`<nav class="pager" aria-label="${ADMIN_TEXTS.pages}"><ul>
${page > 1 ? html`<li><a href="${link(page - 1)}" rel="prev">← ${ADMIN_TEXTS.newer}</a></li>` : ''}
<li aria-current="page">${ADMIN_TEXTS.pageOf(page, last)}</li>
${page < last ? html`<li><a href="${link(page + 1)}" rel="next">${ADMIN_TEXTS.older} →</a></li>` : ''}
</ul></nav>`;
}

export function flags(c: Complaint, today: string): Html {
  return html`${isOverdue(c, today) ? html`<span class="flag flag-overdue">${ADMIN_TEXTS.overdue}</span>` : ''}${
    hasFailedSend(c) ? html`<span class="flag flag-failed">${ADMIN_TEXTS.failedSend}</span>` : ''
  }`;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= SHORT_TEXT ? flat : `${flat.slice(0, SHORT_TEXT - 1).trimEnd()}…`;
}
