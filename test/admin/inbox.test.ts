// The staff inbox at work: the queue, its filters and its pages, each action through its form
// (kept in the history under the staff member's name), a second claim refused,
// erasure keeping the anonymous record, exports, and untrusted text kept inert.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../adapters/shared/escape-html.ts';
import { ACTION_LABELS, ADMIN_TEXTS, DONE } from '../../src/texts/staff.ts';
import { ERASED, type Complaint } from '../../src/complaints/complaint.ts';
import type { HotlineTarget } from '../../src/complaints/outbox.ts';
import { createSendLoop } from '../../src/complaints/send-loop.ts';
import type { Database } from '../../src/store/database.ts';
import type { Store } from '../../src/store/store.ts';
import { sqliteBackend, type Backend } from '../store/backends.ts';
import { sqliteDatabase, type DatabaseBackend } from '../store/databases.ts';
import { DAY, inboxApp, PASSWORDS, Staff, START, type InboxApp } from './inbox-app.ts';
import { channelTraits } from '../../adapters/channel-traits.ts';

let backend: Backend;
let store: Store;
let records: DatabaseBackend;
let database: Database;
let inbox: InboxApp;
let lan: Staff;

beforeEach(async () => {
  backend = sqliteBackend();
  store = await backend.open();
  records = sqliteDatabase();
  database = await records.open();
  inbox = await inboxApp(store, database, { targets: ['webhook'] });
  lan = new Staff(inbox.app);
  await lan.login('lan', PASSWORDS.lan);
});

afterEach(async () => {
  await inbox.app.close();
  await backend.cleanup();
  await records.cleanup();
});

const shows = (body: string, text: string) => expect(body).toContain(escapeHtml(text));

async function submit(text: string, extra: { phone?: string; subject?: string } = {}): Promise<Complaint> {
  return inbox.hotline.submit({ channel: 'zalo', chatId: `chat-${text.length}` }, { text, ...extra, ...(extra.phone ? { consentAt: inbox.clock.now } : {}) });
}

async function current(code: string): Promise<Complaint> {
  return (await inbox.hotline.complaints.get(code))!;
}

/** Codes listed on a page, in order. */
function listed(body: string): string[] {
  return [...body.matchAll(/<td data-label="Mã"><a href="\/admin\/complaints\/([^"]+)">/g)].map((m) => m[1]!);
}

describe('the queue', () => {
  let old: Complaint, claimed: Complaint, replyFailed: Complaint, sendFailed: Complaint, closed: Complaint;
  const codes = () => ({ old, claimed, replyFailed, sendFailed, closed });

  beforeEach(async () => {
    old = await submit('Phản ánh cũ chưa ai xử lý');
    inbox.clock.now += 20 * DAY; // past old's 10 working days
    claimed = await submit('Đang có người xử lý');
    await inbox.hotline.act(claimed.code, { type: 'claim', by: 'minh' });
    inbox.clock.now += 60_000;
    replyFailed = await submit('Trả lời không gửi được');
    await inbox.hotline.act(replyFailed.code, { type: 'answer', by: 'minh', text: 'Đã xử lý xong.' });
    await inbox.hotline.complaints.update(replyFailed.code, (c) => ({ ...c, reply: { state: 'failed', attempts: 3, lastError: 'blocked: người dân đã chặn bot' } }));
    inbox.clock.now += 60_000;
    sendFailed = await submit('Webhook không nhận');
    await inbox.hotline.complaints.update(sendFailed.code, (c) => ({ ...c, deliveries: { webhook: { state: 'failed', attempts: 15, lastError: 'HTTP 500' } } }));
    inbox.clock.now += 60_000;
    closed = await submit('Đã xong');
    await inbox.hotline.act(closed.code, { type: 'answer', by: 'lan', text: 'Xong.' });
    await inbox.hotline.act(closed.code, { type: 'close', by: 'lan' });
  });

  it.each<[string, string, (keyof ReturnType<typeof codes>)[]]>([
    ['', 'Tất cả', ['closed', 'sendFailed', 'replyFailed', 'claimed', 'old']],
    ['?filter=open', 'Đang mở', ['sendFailed', 'claimed', 'old']],
    ['?filter=received', 'Đã tiếp nhận', ['sendFailed', 'old']],
    ['?filter=in_progress', 'Đang xử lý', ['claimed']],
    ['?filter=answered', 'Đã trả lời', ['replyFailed']],
    ['?filter=closed', 'Đã đóng', ['closed']],
    ['?filter=transferred', 'Đã chuyển cơ quan khác', []],
    ['?filter=overdue', 'Quá hạn', ['old']],
    ['?filter=failed', 'Gửi lỗi', ['sendFailed', 'replyFailed']],
    ['?filter=nonsense', 'Tất cả', ['closed', 'sendFailed', 'replyFailed', 'claimed', 'old']],
  ])('%s lists %s newest first', async (query, label, expected) => {
    const page = await lan.get(`/admin${query}`);
    expect(page.statusCode).toBe(200);
    expect(listed(page.body)).toEqual(expected.map((name) => codes()[name].code));
    expect(page.body).toMatch(new RegExp(`aria-current="page">${label} \\(${expected.length}\\)`));
  });

  it('counts every filter and shows the columns and flags', async () => {
    const { body } = await lan.get('/admin');
    for (const [label, count] of [['Tất cả', 5], ['Đang mở', 3], ['Quá hạn', 1], ['Gửi lỗi', 2], ['Đã đóng', 1]] as const) {
      expect(body).toContain(`>${label} (${count})</a>`);
    }
    const row = body.slice(body.indexOf(`/admin/complaints/${claimed.code}`), body.indexOf('</tr>', body.indexOf(`/admin/complaints/${claimed.code}`)));
    expect(row).toContain('<td data-label="Ngày nhận">21/12/2026 09:30</td>');
    expect(row).toContain('<td data-label="Hạn">04/01/2027</td>');
    expect(row).toContain('Đang xử lý');
    expect(row).toContain('<td data-label="Người xử lý">minh</td>');
    expect(row).toContain('<td data-label="Kênh">Zalo</td>');
    const oldRow = body.slice(body.indexOf(`/admin/complaints/${old.code}`));
    expect(oldRow.slice(0, oldRow.indexOf('</tr>'))).toContain('flag-overdue');
    expect(body.match(/flag-failed/g)).toHaveLength(2);
  });

  it('shows on the complaint page where it was sent, and a refused reply prominently', async () => {
    shows((await lan.get(`/admin/complaints/${sendFailed.code}`)).body, 'gửi lỗi sau 15 lần thử; lỗi gần nhất: HTTP 500');
    const page = (await lan.get(`/admin/complaints/${replyFailed.code}`)).body;
    expect(page).toContain('role="alert">Chưa gửi được câu trả lời tới người dân (kênh Zalo, 3 lần thử; lỗi: blocked: người dân đã chặn bot); người dân vẫn xem được qua tra cứu.');
    await inbox.hotline.complaints.update(old.code, (c) => ({ ...c, deliveries: { webhook: { state: 'pending', attempts: 2, lastError: 'timeout', nextTryAt: START + DAY } } }));
    shows((await lan.get(`/admin/complaints/${old.code}`)).body, 'đang chờ gửi lại (đã thử 2 lần; lỗi gần nhất: timeout; thử lại lúc 02/12/2026 09:30)');
  });

  it('exports what the list shows, as CSV and JSON', async () => {
    const csv = await lan.get('/admin/export.csv?filter=open');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="phan-anh-open-2026-12-21.csv"');
    expect(csv.body.startsWith('\uFEFFMã phản ánh,')).toBe(true);
    const rows = csv.body.trimEnd().split('\r\n').slice(1);
    expect(rows.map((row) => row.split(',')[0])).toEqual([old.code, claimed.code, sendFailed.code]);

    const json = await lan.get('/admin/export.json');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const exported = JSON.parse(json.body) as { code: string; status: string }[];
    expect(exported.map((c) => c.code)).toEqual([old, claimed, replyFailed, sendFailed, closed].map((c) => c.code));
    expect(exported.find((c) => c.code === closed.code)?.status).toBe('closed');
  });

  it('sends anyone not signed in to the sign-in page, exports included', async () => {
    const stranger = new Staff(inbox.app);
    for (const url of ['/admin', '/admin/export.csv', '/admin/export.json', `/admin/complaints/${old.code}`]) {
      expect((await stranger.get(url)).headers.location).toBe('/admin/login');
    }
  });
});

describe('a long queue', () => {
  it('is shown 50 to a page, newest first, with a link to the older ones', async () => {
    const submitted: Complaint[] = [];
    for (let i = 0; i < 60; i++) {
      submitted.push(await submit(`Phản ánh số ${i}`));
      inbox.clock.now += 60_000;
    }
    const newestFirst = submitted.map((c) => c.code).reverse();

    const first = await lan.get('/admin');
    expect(first.statusCode).toBe(200);
    expect(listed(first.body)).toEqual(newestFirst.slice(0, 50));
    expect(first.body).toContain('>Tất cả (60)</a>');
    expect(first.body).toContain('<a href="/admin?page=2" rel="next">');
    expect(first.body).not.toContain('rel="prev"');

    const second = await lan.get('/admin?page=2');
    expect(second.statusCode).toBe(200);
    expect(listed(second.body)).toEqual(newestFirst.slice(50));
    expect(second.body).toContain('>Tất cả (60)</a>');
    expect(second.body).toContain('<a href="/admin?page=1" rel="prev">');
    expect(second.body).not.toContain('rel="next"');
  });
});

describe('a web chat complaint', () => {
  it('answered through the form is never "Gửi lỗi": the answer waits on the tracking page', async () => {
    const complaint = await inbox.hotline.submit({ channel: 'web', chatId: 'web-1' }, { text: 'Nộp hồ sơ online mà không thấy phản hồi' });
    expect((await lan.act(complaint.code, { action: 'claim' })).statusCode).toBe(303);
    expect((await lan.act(complaint.code, { action: 'answer', text: 'Hồ sơ đã được duyệt.' })).statusCode).toBe(303);
    const log = { info() {}, warn() {}, error() {} };
    const webhook: HotlineTarget = { name: 'webhook', deliver: async () => ({ ok: true }) };
    await createSendLoop({ traits: channelTraits, hotline: inbox.hotline, targets: [webhook], senders: {}, log }).runOnce();

    expect((await current(complaint.code)).reply).toEqual({ state: 'on_lookup', attempts: 0, since: inbox.clock.now });
    const list = (await lan.get('/admin')).body;
    expect(list).not.toContain('flag-failed');
    expect(list).toContain('>Gửi lỗi (0)</a>');
    expect(listed((await lan.get('/admin?filter=failed')).body)).toEqual([]);
    const page = (await lan.get(`/admin/complaints/${complaint.code}`)).body;
    expect(page).not.toContain('role="alert"');
    shows(page, ADMIN_TEXTS.replyOnLookup(complaint.code));
    expect(await inbox.hotline.outbox.waiting('citizen')).toEqual([]);
  });
});

describe('actions through the forms', () => {
  it('claim, answer, close: each kept in the history under the staff member’s name', async () => {
    const complaint = await submit('Cán bộ hẹn mãi không trả kết quả', { phone: '0912345678', subject: 'Cấp sổ đỏ' });
    const page = await lan.get(`/admin/complaints/${complaint.code}`);
    shows(page.body, 'Cán bộ hẹn mãi không trả kết quả');
    shows(page.body, '0912345678 (đồng ý xử lý dữ liệu cá nhân lúc 01/12/2026 09:30)');
    shows(page.body, 'Cấp sổ đỏ');

    inbox.clock.now += 3600_000;
    const claim = await lan.act(complaint.code, { action: 'claim' });
    expect(claim.statusCode).toBe(303);
    expect(claim.headers.location).toBe(`/admin/complaints/${complaint.code}?ok=claim`);
    shows((await lan.get(claim.headers.location as string)).body, DONE.claim);

    inbox.clock.now += 3600_000;
    expect((await lan.act(complaint.code, { action: 'answer', text: '  Đã liên hệ bộ phận đất đai, hẹn trả ngày 5/12.  ' })).statusCode).toBe(303);
    expect(await inbox.hotline.outbox.waiting('citizen')).toHaveLength(1);

    inbox.clock.now += 3600_000;
    expect((await lan.act(complaint.code, { action: 'close' })).statusCode).toBe(303);

    const after = await current(complaint.code);
    expect(after).toMatchObject({ status: 'closed', assignee: 'lan', answer: 'Đã liên hệ bộ phận đất đai, hẹn trả ngày 5/12.' });
    expect(after.history.slice(1)).toEqual([
      { at: START + 3600_000, by: 'lan', action: 'claim' },
      { at: START + 7200_000, by: 'lan', action: 'answer', note: 'Đã liên hệ bộ phận đất đai, hẹn trả ngày 5/12.' },
      { at: START + 10_800_000, by: 'lan', action: 'close' },
    ]);
    const history = (await lan.get(`/admin/complaints/${complaint.code}`)).body;
    expect(history).toContain('<td data-label="Thời gian">01/12/2026 10:30</td>\n<td data-label="Người thực hiện">lan</td>\n<td data-label="Thao tác">Nhận xử lý</td>');
    expect(history).toContain('<td data-label="Người thực hiện">Người dân</td>\n<td data-label="Thao tác">Tiếp nhận</td>');
  });

  it.each([
    ['transfer', 'Thuộc thẩm quyền Sở Xây dựng', 'transferred'],
    ['reject', 'Nội dung không thuộc phạm vi phản ánh', 'rejected'],
  ] as const)('%s records the reason and tells the citizen', async (action, reason, status) => {
    const complaint = await submit('Đường hỏng trước cửa nhà');
    expect((await lan.act(complaint.code, { action, text: reason })).statusCode).toBe(303);
    expect(await current(complaint.code)).toMatchObject({ status, reason, history: [{}, { by: 'lan', action, note: reason }] });
    expect(await inbox.hotline.outbox.waiting('citizen')).toHaveLength(1);
    shows((await lan.get(`/admin/complaints/${complaint.code}`)).body, reason);
  });

  it.each([
    ['an empty answer', { action: 'answer', text: '   ' }, 422, ADMIN_TEXTS.needAnswer],
    ['a transfer without reason', { action: 'transfer', text: '' }, 422, ADMIN_TEXTS.needReason],
    ['a reject without reason', { action: 'reject' }, 422, ADMIN_TEXTS.needReason],
    ['an answer too long', { action: 'answer', text: 'x'.repeat(4001) }, 422, ADMIN_TEXTS.tooLong(4000)],
    ['an erasure not confirmed', { action: 'erase' }, 422, ADMIN_TEXTS.needConfirm],
    ['closing what has no answer', { action: 'close' }, 409, ADMIN_TEXTS.refused(ACTION_LABELS.close, 'Đã tiếp nhận')],
    ['an unknown action', { action: 'delete' }, 400, ADMIN_TEXTS.unknownAction],
  ])('refuses %s with a clear message and changes nothing', async (_case, form, status, message) => {
    const complaint = await submit('Phản ánh để thử');
    const response = await lan.act(complaint.code, form as Record<string, string>);
    expect(response.statusCode).toBe(status);
    shows(response.body, message);
    expect(await current(complaint.code)).toEqual(complaint);
  });

  it('keeps what was typed when an action is refused', async () => {
    const complaint = await submit('Phản ánh để thử');
    const long = await lan.act(complaint.code, { action: 'transfer', text: `<${'x'.repeat(4000)}>` });
    expect(long.body).toContain(`<textarea id="transfer-text" name="text" required>&lt;${'x'.repeat(4000)}&gt;</textarea>`);
    // Rejected meanwhile by someone else: the answer form is gone, the answer typed is still there to copy.
    await inbox.hotline.act(complaint.code, { type: 'reject', by: 'minh', reason: 'Trùng phản ánh khác' });
    const response = await lan.act(complaint.code, { action: 'answer', text: 'Câu trả lời đã soạn kỹ' });
    expect(response.statusCode).toBe(409);
    shows(response.body, ADMIN_TEXTS.refused(ACTION_LABELS.answer, 'Không tiếp nhận'));
    expect(response.body).not.toContain('id="answer-text"');
    expect(response.body).toContain('<p class="text">Câu trả lời đã soạn kỹ</p>');
  });

  it('refuses a second claim, naming who was first', async () => {
    const complaint = await submit('Hai người cùng nhận');
    const minh = new Staff(inbox.app, '10.0.0.3');
    await minh.login('minh', PASSWORDS.minh);
    await minh.get(`/admin/complaints/${complaint.code}`); // minh opens the page first…
    expect((await lan.act(complaint.code, { action: 'claim' })).statusCode).toBe(303); // …lan claims first
    const second = await minh.post(`/admin/complaints/${complaint.code}/act`, { action: 'claim' });
    expect(second.statusCode).toBe(409);
    shows(second.body, ADMIN_TEXTS.claimedBy('lan'));
    const after = await current(complaint.code);
    expect(after.assignee).toBe('lan');
    expect(after.history.filter((event) => event.action === 'claim')).toHaveLength(1);
  });

  it('erases personal data on confirmation, keeping the anonymous record', async () => {
    const complaint = await submit('Tôi là Nguyễn Văn A, nhà số 5', { phone: '0987654321', subject: 'Hộ tịch' });
    await lan.act(complaint.code, { action: 'answer', text: 'Gửi anh A: đã xử lý.' });
    inbox.clock.now += DAY;
    const erase = await lan.act(complaint.code, { action: 'erase', confirm: 'yes' });
    expect(erase.statusCode).toBe(303);
    const after = await current(complaint.code);
    expect(after).toMatchObject({ code: complaint.code, text: ERASED, answer: ERASED, status: 'answered', subject: 'Hộ tịch', createdAt: START, dueDate: complaint.dueDate, erasedAt: START + DAY });
    expect(after.phone).toBeUndefined();
    expect(after.history.at(-1)).toEqual({ at: START + DAY, by: 'lan', action: 'erase' });
    const page = (await lan.get(`/admin/complaints/${complaint.code}?ok=erase`)).body;
    shows(page, DONE.erase);
    expect(page).not.toContain('0987654321');
    expect(page).not.toContain('Nguyễn Văn A');
    expect(page).not.toContain('value="erase"'); // nothing left to erase
    expect((await lan.get('/admin/export.csv')).body).not.toContain('0987654321');
  });

  it('answers 404 for an unknown code', async () => {
    const response = await lan.get('/admin/complaints/PA-XXXX-XXX');
    expect(response.statusCode).toBe(404);
    shows(response.body, ADMIN_TEXTS.notFound);
    expect((await lan.post('/admin/complaints/PA-XXXX-XXX/act', { action: 'claim' })).statusCode).toBe(404);
  });
});

describe('untrusted text', () => {
  it('is escaped in the list and on the complaint page', async () => {
    const attack = '<script>alert(1)</script><img src=x onerror=alert(2)> "quoted" \'single\'';
    const complaint = await submit(attack, { subject: '<b>Sở</b>' });
    await inbox.hotline.act(complaint.code, { type: 'reject', by: 'minh', reason: '</textarea><script>x()</script>' });
    for (const url of ['/admin', `/admin/complaints/${complaint.code}`]) {
      const { body } = await lan.get(url);
      expect(body).not.toContain('<script>');
      expect(body).not.toContain('<img');
      expect(body).not.toContain('<b>Sở');
      expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });
});

describe('a knowledge edit the bot refused', () => {
  it('is shown to staff above the list, escaped, and gone once fixed', async () => {
    let errors: string[] = ['knowledge/procedures/dang-ky-khai-tu.md:3: kind: phải là procedure hoặc faq <b>'];
    const withErrors = await inboxApp(store, database, { knowledgeErrors: () => errors });
    try {
      const staff = new Staff(withErrors.app);
      await staff.login('lan', PASSWORDS.lan);
      const { body } = await staff.get('/admin');
      expect(body).toContain(ADMIN_TEXTS.knowledgeRefused);
      expect(body).toContain('dang-ky-khai-tu.md:3: kind: phải là procedure hoặc faq &lt;b&gt;');
      errors = [];
      expect((await staff.get('/admin')).body).not.toContain(ADMIN_TEXTS.knowledgeRefused);
    } finally {
      await withErrors.app.close();
    }
  });
});
