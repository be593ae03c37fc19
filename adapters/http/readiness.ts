// Whether this instance can answer citizens: the store answers and there is
// knowledge to search. A load balancer sends no traffic to an instance that is not.
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { Store } from '../../src/store/store.ts';

export interface ReadinessDeps {
  store: Pick<Store, 'get'>;
  knowledge: Pick<KnowledgeBase, 'entries'>;
}

/** reason is safe to show to anyone; error is for the log. */
export type Readiness = { ready: true } | { ready: false; reason: string; error?: unknown };

export async function checkReadiness({ store, knowledge }: ReadinessDeps): Promise<Readiness> {
  if (knowledge.entries.length === 0) return { ready: false, reason: 'knowledge: no entries loaded' };
  try {
    await store.get('health', 'ping');
  } catch (error) {
    return { ready: false, reason: 'store: unreachable', error };
  }
  return { ready: true };
}
