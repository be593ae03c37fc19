// Search benchmark: index build time, heap held by the index, and per-query latency,
// for the curated knowledge (88 entries) and with the 2,642 national-portal records
// (knowledge/national/) loaded beside it (~2,700 entries). Default-options MiniSearch is measured in the
// same run, so the figures are read as ratios on whatever machine runs them.
//
// The targets, checked at ~2,700 entries, are ratios to that baseline for the times
// (a loaded or slow machine slows both alike) and an absolute limit for the heap the
// index holds (memory does not depend on the machine's speed). The JSON names each
// target with its limit, the measured value and whether it passed; "failed" lists the
// names of the missed ones, and the exit code is 1 when there are any.
//
// Run: npm run bench   (node --expose-gc --import tsx bench/search.ts)
import { join, resolve } from 'node:path';
import { defaultMiniSearch } from '../src/eval/baseline.ts';
import { readEvalSet } from '../src/eval/eval-set.ts';
import { percentile } from '../src/eval/metrics.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../src/knowledge/knowledge-base.ts';
import { Engine } from '../src/search/engine.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BUILDS = 5;
const ROUNDS = 3;
/**
 * Upper limits at ~2,700 entries; `of` says what is measured. The ratio limits leave
 * room over what two runs on a shared, loaded 2-core machine measured (build 12.5 and
 * 12.7; p99 0.7 and 1.0, a noisier figure), so that a regression fails and load does
 * not; the heap limit is the one the benchmark always had.
 */
const TARGETS = [
  { name: 'build_ratio_at_2700', of: 'motcua build_ms / minisearch_default build_ms', limit: 20, value: (r: Comparison) => r.ratio.build },
  { name: 'p99_ratio_at_2700', of: 'motcua p99_ms / minisearch_default p99_ms', limit: 3, value: (r: Comparison) => r.ratio.p99 },
  { name: 'heap_mb_at_2700', of: 'motcua heap_mb (absolute)', limit: 250, value: (r: Comparison) => r.motcua.heap_mb },
];

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench)');

interface Measure {
  build_ms: number;
  heap_mb: number;
  p50_ms: number;
  p99_ms: number;
}

function measure(build: () => (q: string) => unknown, queries: string[]): Measure {
  const buildTimes: number[] = [];
  let search: ((q: string) => unknown) | undefined;
  let heap = 0;
  for (let i = 0; i < BUILDS; i++) {
    search = undefined;
    gc!();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    search = build();
    buildTimes.push(performance.now() - start);
    gc!();
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
  }
  for (const q of queries) search!(q); // warm up: compiled code and caches, as in a running server
  // Several rounds, so that p99 rests on thousands of samples rather than a handful.
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const start = performance.now();
      search!(q);
      times.push(performance.now() - start);
    }
  }
  return { build_ms: round(percentile(buildTimes, 0.5)), heap_mb: round(heap / 2 ** 20), p50_ms: percentile(times, 0.5), p99_ms: percentile(times, 0.99) };
}

type Comparison = ReturnType<typeof compare>;

function compare(kb: KnowledgeBase, queries: string[]) {
  const motcua = measure(() => {
    const engine = new Engine(kb);
    return (q) => engine.decide(q);
  }, queries);
  const minisearch_default = measure(() => defaultMiniSearch(kb.entries), queries);
  return {
    entries: kb.entries.length,
    motcua,
    minisearch_default,
    ratio: {
      build: round(motcua.build_ms / minisearch_default.build_ms, 2),
      heap: round(motcua.heap_mb / minisearch_default.heap_mb, 2),
      p99: round(motcua.p99_ms / minisearch_default.p99_ms, 2),
    },
  };
}

async function main() {
  const questions = [
    ...(await readEvalSet(join(ROOT, 'test/eval/questions.jsonl'))).questions,
    ...(await readEvalSet(join(ROOT, 'test/eval/imported.jsonl'))).questions,
  ].map((q) => q.q);
  const curated = await loadKnowledgeBase([join(ROOT, 'knowledge')]);
  const scaled = await loadKnowledgeBase([join(ROOT, 'knowledge')], { national: true });
  const small = compare(curated, questions);
  const large = compare(scaled, questions);
  const targets = TARGETS.map(({ name, of, limit, value }) => ({ name, of, limit, value: value(large), pass: value(large) <= limit }));
  const failed = targets.filter((t) => !t.pass).map((t) => t.name);
  const pass = failed.length === 0;
  console.log(JSON.stringify({ bench: 'search', node: process.version, queries: questions.length, curated: small, with_national: large, targets, failed, pass }, null, 2));
  process.exitCode = pass ? 0 : 1;
}

function round(x: number, digits = 1): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

await main();
