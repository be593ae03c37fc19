// The HTTP shell: probes, JSON errors and unknown routes, and the plugins passed in.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../adapters/http/server.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { Store } from '../../src/store/store.ts';
import { sqliteBackend, type Backend } from '../store/backends.ts';
import { HTTP_SERVER_ERROR_TEXT, HTTP_TEXTS } from '../../src/texts/citizens.ts';

let knowledge: KnowledgeBase;
let backend: Backend;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  knowledge = await loadKnowledgeBase(['knowledge']);
});

beforeEach(async () => {
  backend = sqliteBackend();
  store = await backend.open();
  app = build(knowledge);
});

afterEach(async () => {
  await app.close();
  await backend.cleanup();
});

function build(loaded: Pick<KnowledgeBase, 'entries'>, answering?: { ready(): boolean }): FastifyInstance {
  return buildServer({
    logLevel: 'silent',
    readiness: { store, knowledge: loaded, ...(answering ? { answering } : {}) },
    plugins: [
      async (routes) => {
        routes.get('/boom', async () => {
          throw new Error('database password is hunter2');
        });
        routes.post('/echo', async (request) => request.body);
      },
    ],
  });
}

describe('probes', () => {
  it('/healthz answers while the process is up', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is 200 with the store reachable and knowledge loaded', async () => {
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready' });
  });

  it('/readyz is 503 with a reason once the store is closed', async () => {
    await store.close();
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable', reason: 'store: unreachable' });
    // cleanup() closes every store it opened; reopen one so that it has something to close.
    store = await backend.open();
  });

  it('/readyz is 503 when no knowledge was loaded', async () => {
    const empty = build({ entries: [] });
    const response = await empty.inject({ method: 'GET', url: '/readyz' });
    await empty.close();
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable', reason: 'knowledge: no entries loaded' });
  });

  it('/readyz is 503 while the answering thread (ANSWERING=thread) is not running', async () => {
    let running = false;
    const threaded = build(knowledge, { ready: () => running });
    const starting = await threaded.inject({ method: 'GET', url: '/readyz' });
    running = true;
    const started = await threaded.inject({ method: 'GET', url: '/readyz' });
    await threaded.close();
    expect(starting.statusCode).toBe(503);
    expect(starting.json()).toEqual({ status: 'unavailable', reason: 'answering thread: starting' });
    expect(started.statusCode).toBe(200);
  });
});

describe('errors', () => {
  it('an unknown route is a JSON 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/khong-co' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.json()).toEqual({ error: 'not_found', message: 'Không tìm thấy trang anh/chị yêu cầu.' });
  });

  it('a failing route is a generic JSON 500 that shows nothing of the failure', async () => {
    const response = await app.inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: 'internal_error', message: HTTP_SERVER_ERROR_TEXT });
    expect(response.body).not.toContain('hunter2');
  });

  it('a bad request keeps its 4xx status, as JSON, and says why in Vietnamese', async () => {
    const response = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload: '{"broken' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: expect.any(String), message: HTTP_TEXTS[400] });
  });

  it.each([
    ['a URL with broken percent-encoding', { method: 'GET' as const, url: '/tra-cuu%E0%A4%A' }, 400],
    ['a body of a type no route takes', { method: 'POST' as const, url: '/echo', headers: { 'content-type': 'application/x-kieu-la' }, payload: 'x' }, 415],
  ])('%s is refused in Vietnamese, not with Fastify’s English message', async (_, request, status) => {
    const response = await app.inject(request);
    expect(response.statusCode).toBe(status);
    expect(response.json().message).toBe(HTTP_TEXTS[status]);
  });
});

it('registers the plugins passed in', async () => {
  const response = await app.inject({ method: 'POST', url: '/echo', payload: { hỏi: 'lệ phí' } });
  expect(response.json()).toEqual({ hỏi: 'lệ phí' });
});
