// The knowledge pages of /admin, on SQLite and on PostgreSQL: every curated entry with its
// review dates (overdue first), its use and ratings; an entry as citizens see it, with the
// questions that reached it and who changed it; the edit form for editors only (checked as
// lint checks, refused edits lose nothing); and the unanswered questions, grouped, which
// editors attach to an entry and any staff member sets aside.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEntry } from '../../src/dialogue/answer.ts';
import { formValues } from '../../src/curation/entry-form.ts';
import type { Entry } from '../../src/knowledge/entry.ts';
import { loadEntryFile } from '../../src/knowledge/load.ts';
import type { Database } from '../../src/store/database.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { EDIT_TEXTS, ENTRY_PAGE_TEXTS, KNOWLEDGE_TEXTS, QUESTION_TEXTS } from '../../src/texts/staff.ts';
import { databaseMakers, type DatabaseBackend } from '../store/databases.ts';
import { DAY, inboxApp, PASSWORDS, Staff, type InboxApp } from './inbox-app.ts';
import { testDesk, type TestDesk } from './knowledge-desk.ts';

/** The entry ids in the order the list shows them. */
const listed = (body: string) => [...body.matchAll(/href="\/admin\/tri-thuc\/([^"/]+)"/g)].map((m) => decodeURIComponent(m[1]!));
/** The value of a hidden field of the page. */
const hidden = (body: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? '';
/** The texts of the page without its markup (for what staff read). */
const decode = (body: string) => body.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>');

describe.each(databaseMakers)('knowledge pages on %s', (_name, make) => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-knowledge-pages-'));
  let store: Store;
  let backend: DatabaseBackend;
  let database: Database;
  let desk: TestDesk;
  let inbox: InboxApp;
  /** lan edits the knowledge; minh reads it. */
  let editor: Staff;
  let reader: Staff;

  beforeAll(async () => {
    store = await openStore(`sqlite://${join(dir, 'store.sqlite')}`);
    backend = make();
    database = await backend.open();
    desk = await testDesk(database);
    inbox = await inboxApp(store, database, { knowledge: desk.desk, editors: ['lan'] });
    editor = new Staff(inbox.app);
    await editor.login('lan', PASSWORDS.lan);
    reader = new Staff(inbox.app, '10.0.0.2');
    await reader.login('minh', PASSWORDS.minh);
  });

  afterAll(async () => {
    await inbox.app.close();
    await store.close();
    await backend.cleanup();
    desk.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const curated = () => desk.knowledge().entries.filter((e) => e.origin === 'curated');
  const entryOf = (id: string) => curated().find((e) => e.id === id)!;

  describe('the knowledge list', () => {
    it('shows every curated entry, those past their review date first and flagged', async () => {
      // The day after the earliest review date: exactly the entries due by then are overdue.
      const earliest = curated().map((e) => e.review_by).sort()[0]!;
      inbox.clock.now = Date.parse(`${earliest}T12:00:00+07:00`) + DAY;
      const overdue = curated().filter((e) => e.review_by <= earliest);

      const page = await reader.get('/admin/tri-thuc');
      expect(page.statusCode).toBe(200);
      const ids = listed(page.body);
      expect(ids).toHaveLength(curated().length);
      expect(new Set(ids.slice(0, overdue.length))).toEqual(new Set(overdue.map((e) => e.id)));
      expect(page.body.split(KNOWLEDGE_TEXTS.overdue).length - 1).toBe(overdue.length);
      expect(page.body).toContain(`<a href="/admin/tri-thuc">${KNOWLEDGE_TEXTS.nav}</a>`);
      expect(page.body).toContain(`<a href="/admin/cau-hoi">${QUESTION_TEXTS.nav}</a>`);
    });

    it('counts the answers and ratings of the last 30 days, not older ones', async () => {
      const now = inbox.clock.now;
      const entryId = 'dang-ky-khai-tu';
      desk.events.record({ at: now - DAY, kind: 'message', channel: 'zalo', outcome: 'answer', entryId });
      desk.events.record({ at: now - 2 * DAY, kind: 'message', channel: 'web', outcome: 'answer', entryId });
      desk.events.record({ at: now - DAY, kind: 'rating', channel: 'zalo', outcome: 'useful', entryId });
      desk.events.record({ at: now - 40 * DAY, kind: 'message', channel: 'web', outcome: 'answer', entryId });
      desk.events.record({ at: now - DAY, kind: 'message', channel: 'web', outcome: 'fallback' });

      const page = await reader.get('/admin/tri-thuc');
      const row = page.body.slice(page.body.indexOf(`/admin/tri-thuc/${entryId}"`)).split('</tr>')[0]!;
      expect(row).toMatch(/<td data-label="Lượt trả lời \(30 ngày\)">2<\/td>\s*<td data-label="Đánh giá hữu ích \/ chưa">1 \/ 0<\/td>/);
    });
  });

  describe('an entry page', () => {
    it('shows the answer citizens get, its file, its use and the questions that reached it in 30 days', async () => {
      const entry = entryOf('dang-ky-khai-tu');
      const now = inbox.clock.now;
      const ask = (text: string, at: number, outcome: 'answer' | 'fallback' = 'answer') => desk.questions.ask({ id: `${text}-${at}`, at, channel: 'web', text, outcome, ...(outcome === 'answer' ? { entryId: entry.id } : {}) });
      ask('bố mất rồi khai tử ở đâu', now - DAY);
      ask('bố mất rồi khai tử ở đâu', now - 3 * DAY);
      ask('làm giấy chứng tử cần gì', now - 2 * DAY);
      ask('khai tử năm ngoái', now - 40 * DAY);
      ask('giá vàng', now - DAY, 'fallback');

      const page = await reader.get(`/admin/tri-thuc/${entry.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<code>${entry.file}</code>`);
      const firstLine = renderEntry(entry, [], desk.knowledge().locality).text.split('\n')[0]!;
      expect(decode(page.body)).toContain(`<pre class="reply">${firstLine}`);
      expect(page.body).toContain(KNOWLEDGE_TEXTS.use(2, 1, 0));
      const reached = page.body.slice(page.body.indexOf(ENTRY_PAGE_TEXTS.reached)).split('</ul>')[0]!;
      expect([...reached.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1])).toEqual([`bố mất rồi khai tử ở đâu${ENTRY_PAGE_TEXTS.timesAsked(2)}`, 'làm giấy chứng tử cần gì']);
      // Readers are told who may edit; there is no edit link for them.
      expect(page.body).toContain(ENTRY_PAGE_TEXTS.editorsOnly);
      expect(page.body).not.toContain('/sua"');
    });

    it('answers 404 for an unknown entry, and needs a signed-in staff member', async () => {
      expect((await reader.get('/admin/tri-thuc/khong-co-muc-nay')).statusCode).toBe(404);
      const anonymous = new Staff(inbox.app, '10.0.0.9');
      const redirected = await anonymous.get('/admin/tri-thuc');
      expect([redirected.statusCode, redirected.headers.location]).toEqual([303, '/admin/login']);
    });
  });

  describe('the edit form', () => {
    const id = 'xac-nhan-tinh-trang-hon-nhan';
    const path = () => join(desk.dir, 'procedures', `${id}.md`);

    async function openForm(staff: Staff) {
      const form = await staff.get(`/admin/tri-thuc/${id}/sua`);
      return { form, version: hidden(form.body, 'version'), values: formValues(entryOf(id)) };
    }

    it('is for editors only: a reader gets 403 on the form and on a post, and nothing is written', async () => {
      const before = readFileSync(path(), 'utf8');
      expect((await reader.get(`/admin/tri-thuc/${id}/sua`)).statusCode).toBe(403);
      const { version, values } = await openForm(editor);
      await reader.get(`/admin/tri-thuc/${id}`);
      const posted = await reader.post(`/admin/tri-thuc/${id}/sua`, { ...values, fee: 'Miễn phí', version });
      expect(posted.statusCode).toBe(403);
      expect(decode(posted.body)).toContain(ENTRY_PAGE_TEXTS.editorsOnly);
      expect(readFileSync(path(), 'utf8')).toBe(before);
    });

    it('shows every field with its label, and a save writes the file and records who changed what', async () => {
      const { form, version, values } = await openForm(editor);
      expect(form.statusCode).toBe(200);
      for (const name of ['title', 'aliases', 'fee', 'submit.online', 'sources', 'review_by', 'body']) expect(form.body).toContain(`name="${name}"`);
      expect(decode(form.body)).toContain(`<label for="f-submit-online">${EDIT_TEXTS.fields.get('submit.online')!.label}</label>`);

      const saved = await editor.post(`/admin/tri-thuc/${id}/sua`, { ...values, fee: 'Không thu lệ phí (thử nghiệm).', aliases: `${values.aliases}\ngiấy độc thân`, version });
      expect([saved.statusCode, saved.headers.location]).toEqual([303, `/admin/tri-thuc/${id}?ok=1`]);
      const reread = (await loadEntryFile(path(), []))!;
      expect(reread.fee).toBe('Không thu lệ phí (thử nghiệm).');
      expect(reread.aliases.at(-1)).toBe('giấy độc thân');

      await desk.reload();
      const page = await editor.get(`/admin/tri-thuc/${id}?ok=1`);
      expect(page.body).toContain(ENTRY_PAGE_TEXTS.saved);
      const history = decode(page.body.slice(page.body.indexOf(ENTRY_PAGE_TEXTS.history)));
      expect(history).toContain('<td data-label="Người sửa">lan</td>');
      expect(history).toContain(EDIT_TEXTS.fields.get('fee')!.label);
      expect(history).toContain('→ Không thu lệ phí (thử nghiệm).');
      expect(decode(page.body)).toContain('Không thu lệ phí (thử nghiệm).');
    });

    it('fills the form from the file, not from what is served: a second edit before the reload does not undo the first', async () => {
      const first = await openForm(editor);
      expect((await editor.post(`/admin/tri-thuc/${id}/sua`, { ...first.values, result: 'Giấy xác nhận (lần 1)', version: first.version })).statusCode).toBe(303);
      // No reload yet: the served entry still has the old result.
      expect(entryOf(id).result).not.toBe('Giấy xác nhận (lần 1)');
      const form = await editor.get(`/admin/tri-thuc/${id}/sua`);
      expect(decode(form.body)).toContain('>Giấy xác nhận (lần 1)</textarea>');
      const result = /name="result"[^>]*>([^<]*)<\/textarea>/.exec(decode(form.body))![1]!;
      const second = await editor.post(`/admin/tri-thuc/${id}/sua`, { ...first.values, result, conditions: 'Công dân Việt Nam (lần 2)', version: hidden(form.body, 'version') });
      expect(second.statusCode).toBe(303);
      const reread = (await loadEntryFile(path(), []))!;
      expect([reread.result, reread.conditions]).toEqual(['Giấy xác nhận (lần 1)', 'Công dân Việt Nam (lần 2)']);
      await desk.reload();
    });

    it('refuses an invalid edit with the problems linked to their boxes, keeps what was typed, and writes nothing', async () => {
      const before = readFileSync(path(), 'utf8');
      const { version, values } = await openForm(editor);
      const refused = await editor.post(`/admin/tri-thuc/${id}/sua`, { ...values, title: '', review_by: 'tháng sau', fee: 'Lệ phí mới, chưa lưu', version });
      expect(refused.statusCode).toBe(400);
      const body = decode(refused.body);
      expect(body).toContain(EDIT_TEXTS.invalid);
      expect(body).toContain('<a href="#f-title">');
      expect(body).toContain('<a href="#f-review_by">');
      expect(body).toContain('aria-invalid="true"');
      expect(body).toContain('>Lệ phí mới, chưa lưu</textarea>');
      expect(readFileSync(path(), 'utf8')).toBe(before);
    });

    it('refuses an edit made over a newer version of the file (409), keeping what was typed', async () => {
      const { version, values } = await openForm(editor);
      const first = await editor.post(`/admin/tri-thuc/${id}/sua`, { ...values, staff_notes: 'ghi chú của lan', version });
      expect(first.statusCode).toBe(303);
      const late = await editor.post(`/admin/tri-thuc/${id}/sua`, { ...values, staff_notes: 'ghi chú muộn', version });
      expect(late.statusCode).toBe(409);
      expect(decode(late.body)).toContain(EDIT_TEXTS.changedMeanwhile);
      expect(late.body).toContain('ghi chú muộn');
      expect((await loadEntryFile(path(), []))!.staff_notes).toEqual(['ghi chú của lan']);
    });
  });

  describe('the unanswered questions', () => {
    /** Groups as the page shows them: heading counts, in order. */
    const counts = (body: string) => [...body.matchAll(/<h2 id="g\d+">Nhóm \d+: (\d+) lượt hỏi<\/h2>/g)].map((m) => Number(m[1]));

    beforeAll(async () => {
      const now = inbox.clock.now;
      const ask = (id: string, text: string, outcome: 'clarify' | 'fallback' | 'answer', ago: number, entryId?: string) =>
        desk.questions.ask({ id, at: now - ago, channel: 'zalo', text, outcome, ...(entryId ? { entryId } : {}) });
      ask('u1', 'đăng ký xe máy điện ở đâu', 'fallback', 3 * DAY);
      ask('u2', 'dang ky xe may dien o dau', 'fallback', 2 * DAY);
      ask('u3', 'cho hỏi đăng ký xe máy điện ở đâu ạ', 'clarify', 3600_000);
      // A list shown a minute ago may still be answered: not counted yet.
      ask('u4', 'đăng ký xe máy điện cần gì', 'clarify', 60_000);
      ask('u5', 'giá vàng hôm nay', 'fallback', DAY);
      ask('u6', 'giá vàng hôm nay bao nhiêu', 'fallback', DAY);
      ask('u7', 'xin giấy độc thân', 'answer', DAY, 'xac-nhan-tinh-trang-hon-nhan');
      desk.questions.rated('u7', 'not_useful');
      ask('u8', 'đăng ký xe máy điện ở đâu', 'fallback', 40 * DAY);
    });

    it('groups the last 30 days by similarity, the most asked first, with why and counts', async () => {
      const page = await reader.get('/admin/cau-hoi');
      expect(page.statusCode).toBe(200);
      // "giá vàng" asked on the entry page's test joins its group.
      expect(counts(page.body)).toEqual([3, 3, 1]);
      expect(decode(page.body)).toContain(QUESTION_TEXTS.why(2, 1, 0));
      expect(decode(page.body)).toContain(QUESTION_TEXTS.why(0, 0, 1));
      // Readers may set a group aside but not attach it.
      expect(page.body).toContain(QUESTION_TEXTS.editorsOnly);
      expect(page.body).not.toContain('action="/admin/cau-hoi/gan"');
    });

    it('lets an editor attach a group to an entry as sample questions: the file gets them, the group leaves the list, the history says so', async () => {
      const page = await editor.get('/admin/cau-hoi');
      const group = hidden(page.body, 'group');
      expect(group).toBe('u3');
      const target = 'dang-ky-sang-ten-xe';
      const entry: Entry | undefined = entryOf(target);
      expect(entry).toBeDefined();
      const attached = await editor.post('/admin/cau-hoi/gan', { group, entry: target, as: 'questions', text: ['cho hỏi đăng ký xe máy điện ở đâu ạ', 'dang ky xe may dien o dau', 'một câu không có trong nhóm'] });
      expect(attached.statusCode).toBe(200);
      expect(decode(attached.body)).toContain(QUESTION_TEXTS.attached(2, entry!.title));
      expect(counts(attached.body)).toEqual([3, 1]);
      const reread = (await loadEntryFile(join(desk.dir, 'procedures', `${target}.md`), []))!;
      expect(reread.questions.slice(-2)).toEqual(['cho hỏi đăng ký xe máy điện ở đâu ạ', 'dang ky xe may dien o dau']);
      await desk.reload();
      const history = await editor.get(`/admin/tri-thuc/${target}`);
      expect(decode(history.body)).toContain(ENTRY_PAGE_TEXTS.actions.get('questions')!);
    });

    it('lets any staff member set a group aside as out of scope; a stale group is refused kindly', async () => {
      const page = await reader.get('/admin/cau-hoi');
      const group = hidden(page.body, 'group');
      const aside = await reader.post('/admin/cau-hoi/ngoai-pham-vi', { group });
      expect(aside.statusCode).toBe(200);
      expect(decode(aside.body)).toContain(QUESTION_TEXTS.setAside(3));
      expect(counts(aside.body)).toEqual([1]);
      const again = await reader.post('/admin/cau-hoi/ngoai-pham-vi', { group });
      expect(again.statusCode).toBe(400);
      expect(decode(again.body)).toContain(QUESTION_TEXTS.groupGone);
    });

    it('refuses an attach by a reader, and one to an unknown entry', async () => {
      const page = await editor.get('/admin/cau-hoi');
      const group = hidden(page.body, 'group');
      await reader.get('/admin/cau-hoi');
      expect((await reader.post('/admin/cau-hoi/gan', { group, entry: 'dang-ky-sang-ten-xe', as: 'aliases', text: 'x' })).statusCode).toBe(403);
      const unknown = await editor.post('/admin/cau-hoi/gan', { group, entry: 'khong-co', as: 'aliases', text: 'xin giấy độc thân' });
      expect(decode(unknown.body)).toContain(QUESTION_TEXTS.unknownEntry);
    });
  });
});
