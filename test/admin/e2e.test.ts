// The staff inbox in headless Chromium at a phone's size: sign in, open a complaint,
// claim it and answer it; reach the knowledge pages by keyboard alone; with no
// horizontal scrolling and no console errors (a Content-Security-Policy violation
// would be one).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { ReportEvents } from '../../src/store/report-events.ts';
import { DONE, KNOWLEDGE_TEXTS } from '../../src/texts/staff.ts';
import { sqliteBackend, type Backend } from '../store/backends.ts';
import { sqliteDatabase, type DatabaseBackend } from '../store/databases.ts';
import { describeWithChromium, launchChromium, PHONE } from '../web/chromium.ts';
import { inboxApp, PASSWORDS, type InboxApp } from './inbox-app.ts';

describeWithChromium('staff inbox in headless Chromium', () => {
  let backend: Backend;
  let records: DatabaseBackend;
  let inbox: InboxApp;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    backend = sqliteBackend();
    records = sqliteDatabase();
    const database = await records.open();
    const knowledge = await loadKnowledgeBase(['knowledge']);
    inbox = await inboxApp(await backend.open(), database, { targets: ['telegram-group'], knowledge: { current: () => knowledge, events: new ReportEvents(database) } });
    url = await inbox.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  }, 20_000);

  afterAll(async () => {
    await browser?.close();
    await inbox?.app.close();
    await backend?.cleanup();
    await records?.cleanup();
  });

  /** A phone-sized page that keeps its errors, and a check that nothing scrolls sideways. */
  async function onAPhone() {
    const context = await browser.newContext({ ...PHONE, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const fitsThePhone = async () => expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    return { context, page, errors, fitsThePhone };
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
    const { context, page, errors, fitsThePhone } = await onAPhone();
    /** Presses Tab until the focused element is the link named `name`, then Enter. */
    const tabTo = async (name: string) => {
      for (let presses = 0; presses < 30; presses++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate('document.activeElement && document.activeElement.textContent.trim()')) === name) return page.keyboard.press('Enter');
      }
      throw new Error(`no link "${name}" within 30 presses of Tab`);
    };

    await page.goto(`${url}/admin`);
    await page.getByLabel('Tên đăng nhập').fill('lan');
    await page.getByLabel('Mật khẩu').fill(PASSWORDS.lan);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: KNOWLEDGE_TEXTS.nav }).waitFor();

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
});
