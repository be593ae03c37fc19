// Where records live (complaints, their jobs, report events), picked by the
// DATABASE_URL setting: a SQLite file on one machine, PostgreSQL when several
// instances share them. Opening applies the pending migrations.
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely';
import { migrationsFor, type Dialect } from './migrations.ts';
import { withoutPassword } from './open-store.ts';
import { openSqliteFile } from './sqlite-store.ts';
import type { Tables } from './tables.ts';

export type { Dialect } from './migrations.ts';

export interface Database {
  readonly db: Kysely<Tables>;
  readonly dialect: Dialect;
  /** PostgreSQL: the schema the tables live in. */
  readonly schema?: string;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const USAGE = 'expected sqlite://<path> or postgres://user@host:port/database[?schema=name]';
// PostgreSQL's int8 (bigint, bigserial): times in milliseconds, exact as JS numbers far past 2100.
const INT8_OID = 20;

/** Opens the records `url` names and brings their schema up to date; failures say "DATABASE_URL: …". */
export async function openDatabase(url: string): Promise<Database> {
  const shown = withoutPassword(url);
  let database: Database;
  try {
    database = url.startsWith('sqlite://') ? openSqlite(url.slice('sqlite://'.length)) : await openPostgres(url);
  } catch (error) {
    throw new Error(`DATABASE_URL: cannot open ${shown}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    await migrate(database);
    return database;
  } catch (error) {
    await database.close();
    throw new Error(`DATABASE_URL: cannot bring ${shown} up to date: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function openSqlite(path: string): Database {
  if (path === '') throw new Error(`no file path; ${USAGE}`);
  const file = openSqliteFile(path, (db) => db.pragma('foreign_keys = ON'));
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: file }) });
  return records(db, 'sqlite');
}

async function openPostgres(url: string): Promise<Database> {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`unsupported scheme; ${USAGE}`);
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('schema must be lower-case letters, digits and _');
  parsed.searchParams.delete('schema');
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    // Each connection works in the named schema (created on first use): several apps or test runs share one database.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text')) } as never,
  });
  let current: string;
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    current = (await pool.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]!.schema;
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { ...records(db, 'postgres'), schema: current };
}

function records(db: Kysely<Tables>, dialect: Dialect): Database {
  return {
    db,
    dialect,
    ping: async () => void (await sql`select 1`.execute(db)),
    close: () => db.destroy(),
  };
}

async function migrate(database: Database): Promise<void> {
  // Named, or the migrator would take another schema's bookkeeping tables for this one's.
  const { error } = await new Migrator({ db: database.db, provider: migrationsFor(database.dialect), migrationTableSchema: database.schema }).migrateToLatest();
  if (error) throw error;
}
