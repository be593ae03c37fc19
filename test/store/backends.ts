// The two backends as the store tests use them: each `open()` is a new Store
// instance (its own connection) on the same database, so that tests can act
// like two app instances. Redis tests share the local server, so each run gets
// its own key prefix and removes its keys afterwards.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@keyv/redis';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';

export const REDIS_URL = 'redis://127.0.0.1:6379';

export interface Backend {
  name: string;
  url: string;
  prefix: string;
  /** A new Store instance on this backend's database; closed by cleanup(). */
  open(): Promise<Store>;
  /** Closes every instance opened and removes what the test run stored. */
  cleanup(): Promise<void>;
}

function backend(name: string, url: string, removeData: (prefix: string) => Promise<void>): Backend {
  const prefix = `motcua-test-${randomUUID()}`;
  const opened: Store[] = [];
  return {
    name,
    url,
    prefix,
    async open() {
      const store = await openStore(url, { prefix });
      opened.push(store);
      return store;
    },
    async cleanup() {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      await removeData(prefix);
    },
  };
}

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-store-'));
  return backend('sqlite', `sqlite://${join(dir, 'store.sqlite')}`, async () => {
    rmSync(dir, { recursive: true, force: true });
  });
}

export function redisBackend(url = REDIS_URL): Backend {
  return backend('redis', url, (prefix) => deleteRedisKeys(url, `${prefix}:*`));
}

export async function deleteRedisKeys(url: string, pattern: string): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    const keys = await client.keys(pattern);
    // In slices: one DEL with every key of a load run (hundreds of thousands) overflows the client's stack.
    for (let i = 0; i < keys.length; i += 10_000) await client.del(keys.slice(i, i + 10_000));
  } finally {
    await client.close();
  }
}

export async function countRedisKeys(url: string, pattern: string): Promise<number> {
  const client = createClient({ url });
  await client.connect();
  try {
    return (await client.keys(pattern)).length;
  } finally {
    await client.close();
  }
}

/** Each backend by name, for suites that run against both. */
export const backendMakers: Array<[string, () => Backend]> = [
  ['sqlite', sqliteBackend],
  ['redis', () => redisBackend()],
];
