// Picks the backend from the STORE_URL setting: a SQLite file for one machine,
// Redis when several app instances must share de-duplication, locks and limits.
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

export const DEFAULT_STORE_URL = 'sqlite://data/motcua.sqlite';

export interface OpenStoreOptions {
  /** Put before every key, so that several apps or test runs can share one database. Default "motcua". */
  prefix?: string;
}

const USAGE = 'expected sqlite://<path> (e.g. sqlite://data/motcua.sqlite) or redis://host:port[/db]';

/** Opens the store `url` names; every failure says "STORE_URL: …" and names the URL (without its password). */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const prefix = options.prefix ?? 'motcua';
  const shown = withoutPassword(url);
  const open = chooseBackend(url, shown);
  try {
    return await open(prefix);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`STORE_URL: cannot open ${shown}: ${reason}`, { cause: error });
  }
}

function chooseBackend(url: string, shown: string): (prefix: string) => Promise<Store> {
  if (url.startsWith('sqlite://')) {
    // Everything after the scheme is the path: relative to the working directory, or absolute (sqlite:///var/…).
    const path = url.slice('sqlite://'.length);
    if (path === '') throw new Error(`STORE_URL: no file path in '${shown}'; ${USAGE}`);
    return async (prefix) => openSqliteStore(path, prefix);
  }
  if (url.startsWith('redis://') || url.startsWith('rediss://')) {
    const problem = redisUrlProblem(url);
    if (problem) throw new Error(`STORE_URL: ${problem} in '${shown}'; ${USAGE}`);
    // The Redis client is loaded only when it is used: a SQLite start is faster without it.
    return async (prefix) => (await import('./redis-store.ts')).openRedisStore(url, prefix);
  }
  throw new Error(`STORE_URL: unsupported '${shown}'; ${USAGE}`);
}

function redisUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (parsed.hostname === '') return 'no host';
  if (!/^(\/\d*)?$/.test(parsed.pathname)) return 'the database must be a number (/0, /1, …)';
  if (parsed.search !== '' || parsed.hash !== '') return 'unexpected query or fragment';
  return undefined;
}

/** The URL as logs and errors may show it: any password replaced by ***. */
export function withoutPassword(url: string): string {
  return url.replace(/^(\w+:\/\/[^:/@]*):[^@/]*@/, '$1:***@');
}
