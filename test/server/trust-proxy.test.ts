// TRUST_PROXY on the running server: request.ip, which keys the tracking lookups'
// limit (20 per address per minute), follows X-Forwarded-For only when the proxy the
// request comes from (here 127.0.0.1) is trusted; otherwise every client behind the
// proxy shares the proxy's address and its limit.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newTrackingCode } from '../../src/complaints/tracking-code.ts';
import { startServer, type RunningServer } from '../../src/main.ts';
import { testConfig } from './running-server.ts';

const LIMIT = 20;
const FIRST = '203.0.113.1';
const SECOND = '203.0.113.2';
/** A well-formed code no complaint has: 404 while under the limit, 429 over it. */
const CODE = newTrackingCode();

let dir: string;
let running: RunningServer | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-proxy-'));
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<string> {
  running = await startServer(testConfig({ STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`, ...env }));
  return running.url;
}

/** One lookup of an unknown code, as a proxy forwarding for `client` would send it. */
async function lookUp(url: string, client: string): Promise<number> {
  const response = await fetch(`${url}/api/complaints/${CODE}`, { headers: { 'x-forwarded-for': client } });
  await response.body?.cancel();
  return response.status;
}

/** The first client uses up its minute; then what the second client gets. */
async function secondClientAfterFirstIsLimited(url: string): Promise<number> {
  for (let i = 0; i < LIMIT; i++) expect(await lookUp(url, FIRST)).toBe(404);
  expect(await lookUp(url, FIRST)).toBe(429);
  return lookUp(url, SECOND);
}

describe('TRUST_PROXY', () => {
  it('unset: X-Forwarded-For is ignored, every client counts as the proxy', async () => {
    const url = await start({});
    expect(await secondClientAfterFirstIsLimited(url)).toBe(429);
  });

  it('set to another address: a request from elsewhere cannot name its client', async () => {
    const url = await start({ TRUST_PROXY: '10.9.9.9' });
    expect(await secondClientAfterFirstIsLimited(url)).toBe(429);
  });

  it('set to the proxy address: each forwarded client has its own limit', async () => {
    const url = await start({ TRUST_PROXY: '127.0.0.1' });
    expect(await secondClientAfterFirstIsLimited(url)).toBe(404);
  });

  it('set to a range name (loopback) works the same', async () => {
    const url = await start({ TRUST_PROXY: 'loopback' });
    expect(await secondClientAfterFirstIsLimited(url)).toBe(404);
  });
});
