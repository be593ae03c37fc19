// The inbox in the real server: mounted at /admin only when ADMIN_USERS is set, and
// its session cookie Secure when the server is reached through PUBLIC_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/complaints/password.ts';
import { startServer, type RunningServer } from '../../src/main.ts';
import { PUBLIC_URL, testConfig } from '../server/running-server.ts';
import { signInOverHttp } from './sign-in.ts';

const ADMIN_USERS = `lan:${await hashPassword('mat-khau-cua-lan')}`;
let running: RunningServer | undefined;
let dir: string;

afterEach(async () => {
  await running?.close();
  running = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<RunningServer> {
  dir = mkdtempSync(join(tmpdir(), 'motcua-admin-server-'));
  running = await startServer(testConfig({ STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`, ...env }));
  return running;
}

const signIn = (url: string) => signInOverHttp(url, 'lan', 'mat-khau-cua-lan');

describe('/admin in the server', () => {
  it('is there with ADMIN_USERS, and the web chat still takes JSON beside it', async () => {
    const { url } = await start({ ADMIN_USERS });
    const login = await signIn(url);
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).not.toContain('Secure');
    const list = await fetch(`${url}/admin`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('Hộp thư phản ánh, kiến nghị');
    const chat = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(chat.status).toBe(400); // the chat's own validation, not a form parser's
  });

  it('sets a Secure cookie when PUBLIC_URL is set', async () => {
    const { url } = await start({ ADMIN_USERS, PUBLIC_URL });
    expect((await signIn(url)).headers.get('set-cookie')).toContain('; Secure');
  });

  it('is absent without ADMIN_USERS', async () => {
    const { url } = await start({});
    expect((await fetch(`${url}/admin/login`)).status).toBe(404);
  });
});
