// Clearing up after the benchmarks that use the local PostgreSQL and Redis: each run works
// in a schema or under a key prefix of its own, dropped at the end.
import { createClient } from '@keyv/redis';
import pg from 'pg';

/** Drops the PostgreSQL schemas a run made. */
export async function dropSchemas(url: string, schemas: readonly string[]): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client(url);
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Deletes every Redis key a run's STORE_PREFIX made. */
export async function forgetRedisPrefix(url: string, prefix: string): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 1000 })) {
      if (keys.length) await client.del(keys);
    }
  } finally {
    await client.close();
  }
}
