// The web chat end to end: the real page, widget and Conversation in headless
// Chromium (Debian's package, driven by playwright-core), at a phone's size.
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { webChat } from '../../adapters/web/plugin.ts';
import { MENU_TEXTS, TEXTS } from '../../src/texts/citizens.ts';
import { describeWithChromium, launchChromium, PHONE } from './chromium.ts';
import { clarifyingQuestion, realConversation, type RealConversation } from './real-conversation.ts';

const SCREENSHOT = 'test/web/__screenshots__/chat.png';
const WELCOME = MENU_TEXTS.intro.slice(0, 40);

describeWithChromium('web chat in headless Chromium', () => {
  let real: RealConversation;
  let app: FastifyInstance;
  let portal: Server;
  let browser: Browser;
  let botUrl: string;
  let portalUrl: string;

  beforeAll(async () => {
    real = await realConversation();
    app = Fastify();
    await app.register(webChat, { converse: (incoming) => real.conversation.handle(incoming) });
    botUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    // A city portal on another origin (another port), embedding the widget the way the README tells cities to.
    portal = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(portalPage(botUrl));
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  }, 20_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (portal ? portal.close(resolve) : resolve(undefined)));
    await app?.close();
    await real?.close();
  });

  it('welcomes, clarifies, answers the picked entry and takes a rating', async () => {
    const titles = clarifyingQuestion(real.engine);
    const context = await browser.newContext({ ...PHONE, locale: 'vi-VN', reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(botUrl);
    await page.getByText(WELCOME).waitFor();

    await page.getByLabel('Câu hỏi của anh/chị').fill('sổ đỏ');
    await page.getByLabel('Câu hỏi của anh/chị').press('Enter');
    await page.getByText(TEXTS.clarify).waitFor();
    await page.getByRole('button', { name: titles[1], exact: true }).click();

    // A long title is cut in the answer's first line: its start is enough to tell the entry.
    const start = titles[1]!.slice(0, 60);
    const answer = page.locator('.msg-bot .msg-text', { hasText: start });
    await answer.waitFor();
    expect((await answer.textContent())!.startsWith(start)).toBe(true);
    expect(await answer.locator('a[href^="https://dichvucong.gov.vn/"][target="_blank"]').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: MENU_TEXTS.rateUp, exact: true }).click();
    await page.getByText(MENU_TEXTS.thanksForRating).waitFor();
    await mkdir('test/web/__screenshots__', { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(errors).toEqual([]);
    await context.close();
  }, 15_000);

  it('opens from the widget on a portal page and closes with Escape', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(portalUrl);
    const launcher = page.getByRole('button', { name: 'Hỏi đáp thủ tục' });
    await launcher.click();

    const iframe = page.locator('iframe[title^="Trợ lý một cửa"]');
    await iframe.waitFor();
    expect(await iframe.getAttribute('src')).toBe(`${botUrl}/?embed=1`);
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    const chat = page.frameLocator('iframe[title^="Trợ lý một cửa"]');
    await chat.getByText(WELCOME).waitFor();

    // Escape inside the chat (another origin) reaches the widget by postMessage.
    await chat.getByLabel('Câu hỏi của anh/chị').press('Escape');
    await iframe.waitFor({ state: 'hidden' });
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    // Strings, because these run in the page and the tests are type-checked without the DOM library.
    expect(await page.evaluate("document.getElementById('motcua-widget').shadowRoot.activeElement.className")).toBe('launcher');
    expect(await page.evaluate('Object.keys(window).filter((key) => !before.includes(key))')).toEqual(['MotcuaWidget']);
    expect(errors).toEqual([]);
    await context.close();
  }, 15_000);
});

function portalPage(botUrl: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin phường</title>
<script>var before = Object.keys(window).concat('before');</script>
<script src="${botUrl}/widget.js" defer></script></head>
<body><h1>Cổng thông tin điện tử phường</h1></body></html>`;
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}
