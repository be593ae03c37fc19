// Choosing the backend from STORE_URL, and the errors an operator sees when it is wrong.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { countRedisKeys, deleteRedisKeys, REDIS_URL } from './backends.ts';

const opened: Store[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function open(url: string, prefix: string): Promise<Store> {
  const store = await openStore(url, { prefix });
  opened.push(store);
  return store;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-open-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('openStore', () => {
  it.each([
    ['', "STORE_URL: unsupported ''"],
    ['data/motcua.sqlite', "STORE_URL: unsupported 'data/motcua.sqlite'"],
    ['mysql://localhost/motcua', "STORE_URL: unsupported 'mysql://localhost/motcua'"],
    ['sqlite://', "STORE_URL: no file path in 'sqlite://'"],
    ['redis://', "STORE_URL: no host in 'redis://'"],
    ['redis://127.0.0.1:6379/cache', "STORE_URL: the database must be a number (/0, /1, …) in 'redis://127.0.0.1:6379/cache'"],
    ['redis://127.0.0.1:notaport', "STORE_URL: not a valid URL in 'redis://127.0.0.1:notaport'"],
    ['redis://127.0.0.1:6379?db=2', "STORE_URL: unexpected query or fragment in 'redis://127.0.0.1:6379?db=2'"],
  ])('rejects %j with a message naming it', async (url, message) => {
    const error = await openStore(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).toContain('expected sqlite://<path>');
  });

  it('fails fast, naming the URL but not its password, when Redis cannot be reached', async () => {
    const started = Date.now();
    const error = (await openStore('redis://admin:hunter2@127.0.0.1:1').catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^STORE_URL: cannot open redis:\/\/admin:\*\*\*@127\.0\.0\.1:1: .*ECONNREFUSED/);
    expect(error.message).not.toContain('hunter2');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('fails clearly when the SQLite file cannot be created', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-folder'), '');
    await expect(openStore(`sqlite://${join(dir, 'not-a-folder', 'store.sqlite')}`)).rejects.toThrow(
      /^STORE_URL: cannot open sqlite:\/\/.*not-a-folder\/store\.sqlite: /,
    );
  });

  it('creates the folders of a SQLite path', async () => {
    const dir = tempDir();
    const file = join(dir, 'data', 'nested', 'motcua.sqlite');
    const store = await open(`sqlite://${file}`, 'p');
    await store.set('ns', 'k', 'v');
    expect(existsSync(file)).toBe(true);
  });

  it('uses the Redis database the URL names', async () => {
    const prefix = `motcua-test-db-${process.pid}`;
    cleanups.push(() => deleteRedisKeys(`${REDIS_URL}/1`, `${prefix}:*`));
    const inDb1 = await open(`${REDIS_URL}/1`, prefix);
    const inDb0 = await open(`${REDIS_URL}/0`, prefix);
    await inDb1.set('ns', 'k', 'in db 1');
    expect(await inDb0.get('ns', 'k')).toBeUndefined();
    expect(await countRedisKeys(`${REDIS_URL}/1`, `${prefix}:*`)).toBe(1);
    expect(await countRedisKeys(REDIS_URL, `${prefix}:*`)).toBe(0);
  });

  it('puts the prefix before every key, "motcua" by default', async () => {
    const key = `test-${randomUUID()}`;
    cleanups.push(() => deleteRedisKeys(REDIS_URL, `motcua:ns:${key}*`));
    const store = await openStore(REDIS_URL);
    opened.push(store);
    await store.set('ns', key, 1);
    await store.claim('ns', `${key}-claimed`, 'x', 1_000);
    await store.increment('ns', `${key}-counted`, 1_000);
    expect(await countRedisKeys(REDIS_URL, `motcua:ns:${key}*`)).toBe(3);
  });
});
