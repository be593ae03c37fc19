import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webChat, type WebChatOptions } from '../../adapters/web/plugin.ts';
import { MENU_TEXTS, TEXTS, WEB_TEXTS } from '../../src/texts/citizens.ts';
import type { Incoming } from '../../src/kernel/messages.ts';
import { clarifyingQuestion, realConversation, type RealConversation } from './real-conversation.ts';

const SESSION = 'test-session_01';

let real: RealConversation;
let app: FastifyInstance;
let seen: (Incoming & { repeatable: boolean })[];

async function chatApp(options: WebChatOptions): Promise<FastifyInstance> {
  const instance = Fastify();
  await instance.register(webChat, options);
  await instance.ready();
  return instance;
}

beforeAll(async () => {
  real = await realConversation();
  seen = [];
  app = await chatApp({
    converse: (incoming, repeatable) => {
      seen.push({ ...incoming, repeatable });
      return real.conversation.handle(incoming);
    },
  });
});

afterAll(async () => {
  await app?.close();
  await real?.close();
});

function chat(payload: unknown, target = app) {
  return target.inject({
    method: 'POST',
    url: '/api/chat',
    headers: { 'content-type': 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

describe('POST /api/chat', () => {
  it('answers a question, ending with the rating buttons', async () => {
    const response = await chat({ session: SESSION, text: 'đổi căn cước ở đâu' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { replies } = response.json();
    expect(replies[0].text).toMatch(/căn cước/i);
    // What a reply is about (for reports) stays on the server.
    expect(replies.every((reply: object) => !('about' in reply))).toBe(true);
    expect(replies.at(-1)).toEqual({
      text: MENU_TEXTS.ratePrompt,
      choices: [
        { label: MENU_TEXTS.rateUp, action: expect.stringMatching(/^[0-9a-f]{6}\.0$/) },
        { label: MENU_TEXTS.rateDown, action: expect.stringMatching(/^[0-9a-f]{6}\.1$/) },
      ],
    });
  });

  it('hands the conversation a web Incoming, with the text trimmed', async () => {
    seen.length = 0;
    await chat({ session: SESSION, text: '  xin chào \n' });
    expect(seen).toEqual([
      { address: { channel: 'web', chatId: SESSION }, updateId: expect.stringMatching(/^[0-9a-f-]{36}$/), text: 'xin chào', receivedAt: expect.any(Number), repeatable: false },
    ]);
  });

  it('passes on the page’s own id for a message, so that a message sent again can be known', async () => {
    seen.length = 0;
    await chat({ session: SESSION, id: 'msg-0123456789', text: 'xin chào' });
    expect(seen).toMatchObject([{ updateId: 'msg-0123456789', repeatable: true }]);
  });

  it('takes the action token of a choice from a previous reply', async () => {
    const titles = clarifyingQuestion(real.engine);
    const clarify = (await chat({ session: SESSION, text: 'sổ đỏ' })).json();
    expect(clarify.replies[0].text).toBe(TEXTS.clarify);
    const second = clarify.replies[0].choices[1];
    expect(second.label).toBe(titles[1]);

    const answer = await chat({ session: SESSION, action: second.action });
    expect(answer.statusCode).toBe(200);
    // A long title is cut in the answer's first line: its start is enough to tell the entry.
    expect(answer.json().replies[0].text.startsWith(titles[1]!.slice(0, 60))).toBe(true);
  });

  it('accepts a text of 2000 characters once the spaces around it are gone', async () => {
    const response = await chat({ session: SESSION, text: `  ${'a'.repeat(2000)}  ` });
    expect(response.statusCode).toBe(200);
  });

  it.each([
    ['invalid JSON', '{"session": "test-session_01", "text": ', WEB_TEXTS.badRequest],
    ['a body that is not an object', '["sổ đỏ"]', WEB_TEXTS.badRequest],
    ['a JSON null', 'null', WEB_TEXTS.badRequest],
    ['no session', { text: 'sổ đỏ' }, WEB_TEXTS.badSession],
    ['a session too short', { session: 'abc', text: 'sổ đỏ' }, WEB_TEXTS.badSession],
    ['a session with other characters', { session: 'phiên/../../x', text: 'sổ đỏ' }, WEB_TEXTS.badSession],
    ['a text too long', { session: SESSION, text: 'a'.repeat(2001) }, WEB_TEXTS.tooLong],
    ['an empty text', { session: SESSION, text: '   ' }, WEB_TEXTS.emptyText],
    ['both text and action', { session: SESSION, text: 'sổ đỏ', action: 'abc123.0' }, WEB_TEXTS.badRequest],
    ['neither text nor action', { session: SESSION }, WEB_TEXTS.badRequest],
    ['an action that is not a token', { session: SESSION, action: 'chọn' }, WEB_TEXTS.badRequest],
    // Refused, not coerced to a string or quietly dropped.
    ['a number for the text', { session: SESSION, text: 123 }, WEB_TEXTS.badRequest],
    ['an array for the text', { session: SESSION, text: ['sổ đỏ'] }, WEB_TEXTS.badRequest],
    ['a property the chat does not know', { session: SESSION, text: 'sổ đỏ', admin: true }, WEB_TEXTS.badRequest],
  ])('refuses %s with 400 and a Vietnamese error', async (_, payload, message) => {
    const response = await chat(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: message });
  });

  it('refuses a form post with 415', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/chat', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'text=so+do' });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({ error: WEB_TEXTS.badRequest });
  });

  it('refuses an oversized body with 413', async () => {
    const response = await chat({ session: SESSION, text: 'a'.repeat(20_000) });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ error: WEB_TEXTS.tooLarge });
  });

  it('answers 503 with a polite message when the conversation fails', async () => {
    const failing = await chatApp({ converse: async () => Promise.reject(new Error('store down')) });
    try {
      const response = await chat({ session: SESSION, text: 'sổ đỏ' }, failing);
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ error: WEB_TEXTS.unavailable });
    } finally {
      await failing.close();
    }
  });
});

describe('pages and assets', () => {
  it('serves the chat page in Vietnamese, framable by any portal', async () => {
    const response = await app.inject('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'none';base-uri 'none';script-src 'self';style-src 'self';img-src 'self';connect-src 'self';form-action 'none';frame-ancestors *",
    );
    expect(response.headers['x-frame-options']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.body).toContain('<html lang="vi">');
    expect(response.body).toContain('<h1>Trợ lý một cửa</h1>');
  });

  it('lets other sites load the widget script (the portals that embed the chat)', async () => {
    const response = await app.inject('/widget.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('puts the title option into the page as text, not markup', async () => {
    const titled = await chatApp({ converse: async () => [], title: 'UBND <phường> "Mẫu"' });
    try {
      const { body } = await titled.inject('/');
      expect(body).toContain('<h1>UBND &lt;phường&gt; &quot;Mẫu&quot;</h1>');
    } finally {
      await titled.close();
    }
  });

  it('serves the widget script', async () => {
    const response = await app.inject('/widget.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.body).toContain('window.MotcuaWidget');
  });

  it('serves the assets the page links, cached for good, and 304 once the browser has them', async () => {
    const page = (await app.inject('/')).body;
    const css = /href="(assets\/[^"]+\/chat\.css)"/.exec(page)![1]!;
    const js = /src="(assets\/[^"]+\/chat\.js)"/.exec(page)![1]!;

    const style = await app.inject(`/${css}`);
    expect(style.statusCode).toBe(200);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(style.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject(`/${js}`)).headers['content-type']).toBe('text/javascript; charset=utf-8');
    // The page's modules import each other by relative URL, so they share its versioned folder.
    expect((await app.inject(`/${js.replace('chat.js', 'render.js')}`)).statusCode).toBe(200);

    const again = await app.inject({ url: `/${css}`, headers: { 'if-none-match': String(style.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('does not let an old version keep new content for good', async () => {
    const response = await app.inject('/assets/0ld/chat.css');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/assets/v/missing.css', '/assets/v/..%2F..%2Fplugin.ts', '/assets/v/%2e%2e/index.html'])('answers 404 for %s', async (url) => {
    expect((await app.inject(url)).statusCode).toBe(404);
  });
});
