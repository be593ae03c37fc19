// The queue: complaints newest first, a tab per filter with its count, flags for
// what needs attention, and export links for the same selection.
import { isOverdue, type Complaint } from '../../src/complaints/complaint.ts';
import { CHANNEL_LABELS, STATUS_LABELS } from '../../src/complaints/export.ts';
import { vnDate } from '../../src/dialogue/texts.ts';
import { FILTERS, hasFailedSend, matchesFilter, type Filter } from './filters.ts';
import { html, type Html } from './html.ts';
import { layout, shownTime } from './layout.ts';
import type { AdminSession } from './sessions.ts';
import { ADMIN_TEXTS } from './texts.ts';

const SHORT_TEXT = 90;

export function listPage(session: AdminSession, complaints: readonly Complaint[], filter: Filter, today: string, knowledgeErrors: readonly string[] = []): Html {
  const newestFirst = [...complaints].sort((a, b) => b.createdAt - a.createdAt);
  const shown = newestFirst.filter((c) => matchesFilter(filter, c, today));
  const current = FILTERS.find((f) => f.id === filter)!;
  const query = filter === 'all' ? '' : `?filter=${filter}`;
  return layout(
    ADMIN_TEXTS.title,
    session,
    html`<h1>${ADMIN_TEXTS.title}</h1>
${knowledgeErrors.length ? html`<section class="notice notice-error" role="alert"><h2>${ADMIN_TEXTS.knowledgeRefused}</h2><ul>${knowledgeErrors.map((e) => html`<li><code>${e}</code></li>`)}</ul></section>` : ''}
<nav aria-label="Lọc theo trạng thái">
<ul class="filters">
${FILTERS.map(
  (f) =>
    html`<li><a href="/admin${f.id === 'all' ? '' : `?filter=${f.id}`}"${f.id === filter ? html` aria-current="page"` : ''}>${f.label} (${
      complaints.filter((c) => matchesFilter(f.id, c, today)).length
    })</a></li>`,
)}
</ul>
</nav>
<p class="exports">Tải về mục đang xem: <a href="/admin/export.csv${query}">CSV (Excel)</a> · <a href="/admin/export.json${query}">JSON</a></p>
${
  shown.length === 0
    ? html`<p>${ADMIN_TEXTS.emptyList}</p>`
    : html`<table>
<caption>${current.label}: ${shown.length} phản ánh</caption>
<thead><tr><th scope="col">Mã</th><th scope="col">Ngày nhận</th><th scope="col">Hạn</th><th scope="col">Trạng thái</th><th scope="col">Người xử lý</th><th scope="col">Kênh</th><th scope="col">Nội dung</th><th scope="col">Cảnh báo</th></tr></thead>
<tbody>
${shown.map((c) => row(c, today))}
</tbody>
</table>`
}`,
  );
}

function row(c: Complaint, today: string): Html {
  return html`<tr>
<td data-label="Mã"><a href="/admin/complaints/${c.code}">${c.code}</a></td>
<td data-label="Ngày nhận">${shownTime(c.createdAt)}</td>
<td data-label="Hạn">${vnDate(c.dueDate)}</td>
<td data-label="Trạng thái" class="status">${STATUS_LABELS[c.status] ?? c.status}</td>
<td data-label="Người xử lý">${c.assignee ?? '—'}</td>
<td data-label="Kênh">${CHANNEL_LABELS[c.address.channel] ?? c.address.channel}</td>
<td data-label="Nội dung" class="text">${shorten(c.text)}</td>
<td data-label="Cảnh báo">${flags(c, today)}</td>
</tr>
`;
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
