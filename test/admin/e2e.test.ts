// The staff inbox in headless Chromium at a phone's size: sign in, open a complaint,
// claim it and answer it; reach the knowledge pages by keyboard alone; with no
// horizontal scrolling and no console errors (a Content-Security-Policy violation
// would be one).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadEntryFile } from '../../src/knowledge/load.ts';
import { DONE, EDIT_TEXTS, ENTRY_PAGE_TEXTS, KNOWLEDGE_TEXTS, QUESTION_TEXTS } from '../../src/texts/staff.ts';
import { sqliteBackend, type Backend } from '../store/backends.ts';
import { sqliteDatabase, type DatabaseBackend } from '../store/databases.ts';
import { describeWithChromium, launchChromium, PHONE } from '../web/chromium.ts';
import { inboxApp, PASSWORDS, type InboxApp } from './inbox-app.ts';
import { testDesk, type TestDesk } from './knowledge-desk.ts';

describeWithChromium('staff inbox in headless Chromium', () => {
  let backend: Backend;
  let records: DatabaseBackend;
  let inbox: InboxApp;
  let browser: Browser;
  let url: string;
  let desk: TestDesk;

  beforeAll(async () => {
    backend = sqliteBackend();
    records = sqliteDatabase();
    const database = await records.open();
    desk = await testDesk(database);
    inbox = await inboxApp(await backend.open(), database, { targets: ['telegram-group'], knowledge: desk.desk, editors: ['lan'] });
    url = await inbox.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  }, 20_000);

  afterAll(async () => {
    await browser?.close();
    await inbox?.app.close();
    await backend?.cleanup();
    await records?.cleanup();
    desk?.cleanup();
  });

  /** A phone-sized page that keeps its errors, and a check that nothing scrolls sideways. */
  async function onAPhone() {
    const context = await browser.newContext({ ...PHONE, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const fitsThePhone = async () => expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    /** Presses Tab until the focused element reads `name` (a link or a button), then Enter. */
    const tabTo = async (name: string, presses = 40) => {
      for (let pressed = 0; pressed < presses; pressed++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate('document.activeElement && document.activeElement.textContent.trim()')) === name) return page.keyboard.press('Enter');
      }
      throw new Error(`nothing reads "${name}" within ${presses} presses of Tab`);
    };
    /** Signs in as lan with the keyboard. */
    const signIn = async () => {
      await page.goto(`${url}/admin`);
      await page.getByLabel('Tên đăng nhập').fill('lan');
      await page.getByLabel('Mật khẩu').fill(PASSWORDS.lan);
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name: KNOWLEDGE_TEXTS.nav }).waitFor();
    };
    return { context, page, errors, fitsThePhone, tabTo, signIn };
  }

  it('signs in, claims and answers a complaint', async () => {
    const complaint = await inbox.hotline.submit(
      { channel: 'zalo', chatId: 'z1' },
      { text: 'Tôi nộp hồ sơ đăng ký kinh doanh đã 20 ngày nhưng chưa có kết quả, gọi điện không ai nghe máy. '.repeat(3), subject: 'Đăng ký hộ kinh doanh' },
    );
    const { context, page, errors, fitsThePhone } = await onAPhone();

    await page.goto(`${url}/admin`);
    await page.getByLabel('Tên đăng nhập').fill('lan');
    await page.getByLabel('Mật khẩu').fill(PASSWORDS.lan);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: complaint.code }).waitFor();
    await fitsThePhone();

    await page.getByRole('link', { name: complaint.code }).click();
    await page.getByRole('button', { name: 'Nhận xử lý' }).click();
    await page.getByText(DONE.claim).waitFor();
    await fitsThePhone();

    await page.getByLabel('Câu trả lời gửi người dân').fill('Hồ sơ của anh/chị đã được chuyển bộ phận đăng ký kinh doanh, hẹn trả kết quả ngày 03/12.');
    await page.getByRole('button', { name: 'Trả lời', exact: true }).click();
    await page.getByText(DONE.answer).waitFor();
    await fitsThePhone();

    const after = await inbox.hotline.complaints.get(complaint.code);
    expect(after).toMatchObject({ status: 'answered', assignee: 'lan' });
    expect(after!.history.map((event) => [event.by, event.action])).toEqual([
      ['citizen', 'receive'],
      ['lan', 'claim'],
      ['lan', 'answer'],
    ]);
    expect(errors).toEqual([]);
    await context.close();
  }, 20_000);

  it('reaches the knowledge pages by keyboard alone, on a phone', async () => {
    const { context, page, errors, fitsThePhone, tabTo, signIn } = await onAPhone();
    await signIn();
    await tabTo(KNOWLEDGE_TEXTS.nav);
    await page.getByRole('heading', { name: KNOWLEDGE_TEXTS.title }).waitFor();
    await fitsThePhone();
    const first = (await page.locator('tbody a').first().textContent())!.trim();
    await tabTo(first);
    await page.getByRole('heading', { name: first }).waitFor();
    expect(await page.locator('pre.reply').textContent()).toContain(first);
    await fitsThePhone();
    expect(errors).toEqual([]);
    await context.close();
  }, 20_000);

  it('edits an entry in the form by keyboard alone, on a phone, and the file is written', async () => {
    const { context, page, errors, fitsThePhone, tabTo, signIn } = await onAPhone();
    const id = 'dang-ky-khai-tu';
    await signIn();
    await page.goto(`${url}/admin/tri-thuc/${id}`);
    await tabTo(ENTRY_PAGE_TEXTS.edit);
    const fee = page.getByLabel(EDIT_TEXTS.fields.get('fee')!.label);
    await fee.waitFor();
    await fitsThePhone();
    await fee.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Miễn lệ phí (thử bằng bàn phím).');
    await tabTo(EDIT_TEXTS.save, 30);
    await page.getByText(ENTRY_PAGE_TEXTS.saved).waitFor();
    await fitsThePhone();
    expect((await loadEntryFile(`${desk.dir}/procedures/${id}.md`, []))!.fee).toBe('Miễn lệ phí (thử bằng bàn phím).');
    expect(errors).toEqual([]);
    await context.close();
  }, 20_000);

  it('attaches a group of unanswered questions to the entry offered, by keyboard alone, on a phone', async () => {
    const now = inbox.clock.now;
    desk.questions.ask({ id: 'k1', at: now - 3600_000, channel: 'zalo', text: 'xin giay xac nhan doc than o dau', outcome: 'fallback' });
    desk.questions.ask({ id: 'k2', at: now - 7200_000, channel: 'web', text: 'xin giấy xác nhận độc thân ở đâu', outcome: 'fallback' });
    const { context, page, errors, fitsThePhone, tabTo, signIn } = await onAPhone();
    await signIn();
    await tabTo(QUESTION_TEXTS.nav);
    await page.getByRole('heading', { name: QUESTION_TEXTS.groupHeading(1, 2) }).waitFor();
    await fitsThePhone();
    const offered = await page.locator('select option[selected]').textContent();
    expect(offered).toContain(QUESTION_TEXTS.suggested);
    await tabTo(QUESTION_TEXTS.attach, 60);
    await page.getByText(/Đã thêm 2 câu vào mục/).waitFor();
    await fitsThePhone();
    expect(errors).toEqual([]);
    await context.close();
  }, 20_000);
});
