// The records' two databases as tests use them: each `open()` is a new Database
// instance (its own connections) on the same data, so that tests can act like two
// app instances. PostgreSQL tests share the local server: each run gets its own
// schema, dropped afterwards.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/store/database.ts';

export const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface DatabaseBackend {
  name: string;
  url: string;
  /** A new Database instance on this backend's data; closed by cleanup(). */
  open(): Promise<Database>;
  /** Closes every instance opened and removes the data. */
  cleanup(): Promise<void>;
}

function backend(name: string, url: string, removeData: () => Promise<void>): DatabaseBackend {
  const opened: Database[] = [];
  return {
    name,
    url,
    async open() {
      const database = await openDatabase(url);
      opened.push(database);
      return database;
    },
    async cleanup() {
      await Promise.all(opened.splice(0).map((database) => database.close()));
      await removeData();
    },
  };
}

/** A SQLite file of its own; `path` puts it beside a store's file. */
export function sqliteDatabase(path?: string): DatabaseBackend {
  if (path) return backend('sqlite', `sqlite://${path}`, async () => {});
  const dir = mkdtempSync(join(tmpdir(), 'motcua-records-'));
  return backend('sqlite', `sqlite://${join(dir, 'records.sqlite')}`, async () => rmSync(dir, { recursive: true, force: true }));
}

export function postgresDatabase(): DatabaseBackend {
  const schema = `motcua_test_${randomUUID().replaceAll('-', '')}`;
  return backend('postgres', `${POSTGRES_URL}?schema=${schema}`, () => dropSchemas(POSTGRES_URL, [schema]));
}

/** Drops PostgreSQL schemas a test or benchmark made. */
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

/** Each database by name, for suites that run against both. */
export const databaseMakers: Array<[string, () => DatabaseBackend]> = [
  ['sqlite', () => sqliteDatabase()],
  ['postgres', postgresDatabase],
];
