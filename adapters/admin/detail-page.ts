// One complaint: everything known about it, where it has been sent, whether the
// citizen has heard back, its full history, and a form for each action staff may
// take now.
import { isOverdue, transition, type Complaint, type Delivery, type Transition } from '../../src/complaints/complaint.ts';
import { CHANNEL_LABELS, STATUS_LABELS } from '../../src/complaints/export.ts';
import { vnDate } from '../../src/dialogue/texts.ts';
import { html, type Html } from './html.ts';
import { flags } from './list-page.ts';
import { layout, noticeBox, shownTime, type Notice } from './layout.ts';
import type { AdminSession } from './sessions.ts';
import { ACTION_LABELS, ACTORS, ADMIN_TEXTS, HISTORY_LABELS, TARGET_LABELS, type ActionType } from './texts.ts';

/** What staff typed into a form that was refused, shown again so that nothing is lost. */
export interface Typed {
  action: ActionType;
  text: string;
}

export interface DetailView {
  session: AdminSession;
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
    html`<p><a href="/admin">← Danh sách</a></p>
<h1>Phản ánh ${c.code} <span class="status">· ${STATUS_LABELS[c.status] ?? c.status}</span> ${flags(c, today)}</h1>
${noticeBox(view.notice)}
${c.reply?.state === 'failed' ? html`<p class="notice notice-error" role="alert">${ADMIN_TEXTS.replyFailed(replyFailureDetail(c))}</p>` : ''}
<h2>Thông tin</h2>
${facts(c, today)}
<h2>Chuyển tới đường dây nóng</h2>
${deliveries(c)}
<h2>Báo kết quả cho người dân</h2>
<p>${replyState(c)}</p>
<h2>Xử lý</h2>
${actions(c, session, view.typed)}
<h2>Lịch sử</h2>
${history(c)}`,
  );
}

function facts(c: Complaint, today: string): Html {
  const row = (term: string, value: unknown) => html`<dt>${term}</dt><dd>${value ?? '—'}</dd>\n`;
  return html`<dl class="facts">
${row('Nội dung', c.text)}
${row('Cơ quan/thủ tục', c.subject)}
${row('Số điện thoại', c.phone ? `${c.phone}${c.consentAt !== undefined ? ` (đồng ý xử lý dữ liệu cá nhân lúc ${shownTime(c.consentAt)})` : ''}` : undefined)}
${row('Kênh', CHANNEL_LABELS[c.address.channel] ?? c.address.channel)}
${row('Ngày tiếp nhận', shownTime(c.createdAt))}
${row('Hạn trả lời', `${vnDate(c.dueDate)}${isOverdue(c, today) ? ` (${ADMIN_TEXTS.overdue.toLowerCase()})` : ''}`)}
${row('Trạng thái', STATUS_LABELS[c.status] ?? c.status)}
${row('Người xử lý', c.assignee)}
${row('Trả lời', c.answer)}
${row('Lý do chuyển/không tiếp nhận', c.reason)}
${c.erasedAt !== undefined ? row('Đã xóa dữ liệu cá nhân lúc', shownTime(c.erasedAt)) : ''}
</dl>`;
}

function deliveries(c: Complaint): Html {
  const targets = Object.entries(c.deliveries);
  if (targets.length === 0) return html`<p>Chỉ nhận qua hộp thư này (chưa cấu hình nhóm Telegram hay webhook).</p>`;
  return html`<ul class="plain">${targets.map(([target, d]) => html`<li><strong>${TARGET_LABELS.get(target) ?? target}</strong>: ${deliveryState(d)}</li>`)}</ul>`;
}

function deliveryState(d: Delivery): string {
  switch (d.state) {
    case 'delivered':
      return `đã gửi lúc ${shownTime(d.deliveredAt)} (${d.attempts} lần thử)`;
    case 'failed':
      return `gửi lỗi sau ${d.attempts} lần thử; lỗi gần nhất: ${d.lastError}`;
    case 'pending':
      return d.attempts === 0
        ? 'đang chờ gửi'
        : `đang chờ gửi lại (đã thử ${d.attempts} lần; lỗi gần nhất: ${d.lastError ?? 'không rõ'}; thử lại lúc ${shownTime(d.nextTryAt)})`;
  }
}

function replyFailureDetail(c: Complaint): string {
  const reply = c.reply;
  if (reply?.state !== 'failed') return '';
  return `kênh ${CHANNEL_LABELS[c.address.channel] ?? c.address.channel}, ${reply.attempts} lần thử; lỗi: ${reply.lastError}`;
}

function replyState(c: Complaint): string {
  const reply = c.reply;
  if (!reply) return 'Chưa có gì để báo (chưa trả lời, chuyển hay từ chối).';
  switch (reply.state) {
    case 'sent':
      return `Đã gửi tới người dân lúc ${shownTime(reply.sentAt)}.`;
    case 'failed':
      return `Gửi không được (${replyFailureDetail(c)}). Người dân vẫn xem được qua tra cứu mã ${c.code}.`;
    case 'on_lookup':
      return ADMIN_TEXTS.replyOnLookup(c.code);
    case 'pending':
      return reply.attempts === 0 ? 'Đang chờ gửi.' : `Đang chờ gửi lại (đã thử ${reply.attempts} lần; lỗi gần nhất: ${reply.lastError ?? 'không rõ'}).`;
  }
}

/** Whether the bot would allow `type` now; asked of the transition itself so the rule lives in one place. */
function allowed(c: Complaint, type: Transition['type']): boolean {
  return transition(c, { type, by: 'probe', text: 'probe', reason: 'probe' } as Transition, 0).ok;
}

const TRANSITIONS: readonly Transition['type'][] = ['claim', 'answer', 'transfer', 'reject', 'close'];

function actions(c: Complaint, session: AdminSession, typed: Typed | undefined): Html {
  const offered: ActionType[] = [...TRANSITIONS.filter((type) => allowed(c, type)), ...(c.erasedAt === undefined ? ['erase' as const] : [])];
  const textField = (action: ActionType, label: string) => {
    const id = `${action}-text`;
    return html`<label for="${id}">${label}</label><textarea id="${id}" name="text" required>${typed?.action === action ? typed.text : ''}</textarea>`;
  };
  const fields: Record<ActionType, () => Html> = {
    claim: () => html`<p>Nhận phản ánh này về mình xử lý.</p>`,
    answer: () => textField('answer', 'Câu trả lời gửi người dân'),
    transfer: () => textField('transfer', 'Chuyển tới cơ quan nào, vì sao'),
    reject: () => textField('reject', 'Lý do không tiếp nhận'),
    close: () => html`<p>Kết thúc xử lý phản ánh đã trả lời.</p>`,
    erase: () =>
      html`<p>Khi người dân yêu cầu (Luật Bảo vệ dữ liệu cá nhân 2025): xóa nội dung, số điện thoại và ghi chú; giữ lại hồ sơ ẩn danh.</p>
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
  return html`${orphan ? html`<p>Nội dung anh/chị đã nhập (chưa được lưu):</p><p class="text">${orphan}</p>` : ''}${
    forms.length ? html`<div class="actions">${forms}</div>` : html`<p>Không còn thao tác nào.</p>`
  }`;
}

function history(c: Complaint): Html {
  return html`<table>
<thead><tr><th scope="col">Thời gian</th><th scope="col">Người thực hiện</th><th scope="col">Thao tác</th><th scope="col">Ghi chú</th></tr></thead>
<tbody>
${c.history.map(
  (event) => html`<tr>
<td data-label="Thời gian">${shownTime(event.at)}</td>
<td data-label="Người thực hiện">${ACTORS.get(event.by) ?? event.by}</td>
<td data-label="Thao tác">${HISTORY_LABELS.get(event.action) ?? event.action}</td>
<td data-label="Ghi chú" class="text">${event.note ?? ''}</td>
</tr>
`,
)}
</tbody>
</table>`;
}
