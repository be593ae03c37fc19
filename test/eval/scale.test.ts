// At scale: the national set (2,642 portal records) loaded beside the curated entries.
// Catalog questions must still find the curated entry; the imported-record
// questions are reported (and guarded against a collapse).
import { beforeAll, describe, expect, it } from 'vitest';
import { engineSystem } from '../../src/cli/eval.ts';
import { readEvalSet } from '../../src/eval/eval-set.ts';
import { evaluate } from '../../src/eval/metrics.ts';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { Engine } from '../../src/search/engine.ts';

let engine: Engine;

beforeAll(async () => {
  const kb = await loadKnowledgeBase(['knowledge'], { national: true });
  expect(kb.problems.filter((p) => p.severity === 'error')).toEqual([]);
  engine = new Engine(kb);
}, 120_000);

describe('with the national set loaded', () => {
  it('shows one entry per official code: the curated one wins', () => {
    expect(engine.knowledge.entries.length).toBe(88 + 2642 - 60);
    expect(engine.get('1.001193')).toBeUndefined();
    expect(engine.get('dang-ky-khai-sinh')?.code).toBe('1.001193');
  });

  it('keeps catalog questions (frozen split) at top-1 ≥ 0.90', async () => {
    const { questions } = await readEvalSet('test/eval/questions.jsonl', 'frozen');
    const result = evaluate(engineSystem(engine), questions);
    console.log(`scale: catalog frozen top-1 ${result.top1}, recall@3 ${result.recall3}, p99 ${result.latency_ms.p99} ms`);
    expect(result.top1).toBeGreaterThanOrEqual(0.9);
  });

  it('reports top-1 on questions about imported records', async () => {
    const { questions } = await readEvalSet('test/eval/imported.jsonl');
    const result = evaluate(engineSystem(engine), questions);
    console.log(`scale: imported-record questions (${result.in_scope}) top-1 ${result.top1}, recall@3 ${result.recall3}`);
    // Floor against a collapse of imported-record search, well below today's figure.
    expect(result.recall3).toBeGreaterThanOrEqual(0.2);
  });
});
