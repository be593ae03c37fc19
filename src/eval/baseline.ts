// The yardstick: MiniSearch with default options over the same entries, every
// text field in one bag. What our pipeline adds is measured against this.
import MiniSearch from 'minisearch';
import type { Entry } from '../knowledge/entry.ts';
import type { System } from './metrics.ts';

export function defaultMiniSearch(entries: readonly Entry[]): System {
  const index = new MiniSearch<{ id: string; title: string; text: string }>({ fields: ['title', 'text'] });
  index.addAll(
    entries.map((e) => ({ id: e.id, title: e.title, text: [...e.aliases, ...e.questions, e.summary, e.body].join('\n') })),
  );
  const codeOf = new Map(entries.map((e) => [e.id, e.code]));
  return (q) => {
    const results = index.search(q).slice(0, 10).map((r) => ({ id: String(r.id), code: codeOf.get(String(r.id)) ?? '' }));
    return { outcome: results.length ? 'answer' : 'fallback', results };
  };
}
