// Whether this instance can answer citizens: the store and the records' database
// answer, there is knowledge to search, and (ANSWERING=thread) the answering thread runs. A load balancer sends no traffic to an instance that is not.
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { Database } from '../../src/store/database.ts';
import type { Store } from '../../src/store/store.ts';

export interface ReadinessDeps {
  store: Pick<Store, 'get'>;
  database?: Pick<Database, 'ping'>;
  knowledge: Pick<KnowledgeBase, 'entries'>;
  /** ANSWERING=thread: the thread that answers platform updates. */
  answering?: { ready(): boolean };
}

/** reason is safe to show to anyone; error is for the log. */
export type Readiness = { ready: true } | { ready: false; reason: string; error?: unknown };

export async function checkReadiness({ store, database, knowledge, answering }: ReadinessDeps): Promise<Readiness> {
  if (knowledge.entries.length === 0) return { ready: false, reason: 'knowledge: no entries loaded' };
  if (answering && !answering.ready()) return { ready: false, reason: 'answering thread: starting' };
  try {
    await store.get('health', 'ping');
  } catch (error) {
    return { ready: false, reason: 'store: unreachable', error };
  }
  try {
    await database?.ping();
  } catch (error) {
    return { ready: false, reason: 'database: unreachable', error };
  }
  return { ready: true };
}
