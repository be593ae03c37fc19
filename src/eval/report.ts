// Formats an evaluation for people: the headline figures beside the baseline's,
// then per style, latency and the misses.
import { f1, type Evaluation, type Scores } from './metrics.ts';

const ROWS: [string, (s: Scores) => number][] = [
  ['top-1', (s) => s.top1],
  ['recall@3', (s) => s.recall3],
  ['MRR', (s) => s.mrr],
  ['wrong answer rate', (s) => s.wrong_answer_rate],
  ['@none precision', (s) => s.none_precision],
  ['@none recall', (s) => s.none_recall],
  ['@complaint precision', (s) => s.complaint_precision],
  ['@complaint recall', (s) => s.complaint_recall],
  ['@complaint F1', (s) => f1(s.complaint_precision, s.complaint_recall)],
];

export function formatEvaluation(title: string, ours: Evaluation, baseline: Evaluation): string {
  const out: string[] = [`${title}: ${ours.total} questions, ${ours.in_scope} in scope`, ''];
  out.push(`${'metric'.padEnd(22)}${'motcua'.padStart(8)}${'default MiniSearch'.padStart(20)}`);
  for (const [name, get] of ROWS) out.push(`${name.padEnd(22)}${fmt(get(ours)).padStart(8)}${fmt(get(baseline)).padStart(20)}`);
  out.push(`${'latency p50 / p99 ms'.padEnd(22)}${`${ours.latency_ms.p50} / ${ours.latency_ms.p99}`.padStart(8)}${`${baseline.latency_ms.p50} / ${baseline.latency_ms.p99}`.padStart(20)}`);
  out.push('', `${'style'.padEnd(14)}${'n'.padStart(5)}${'top-1'.padStart(8)}${'recall@3'.padStart(10)}${'none R'.padStart(8)}${'compl. R'.padStart(10)}`);
  for (const [style, s] of Object.entries(ours.by_style)) {
    out.push(`${style.padEnd(14)}${String(s.total).padStart(5)}${fmt(s.top1).padStart(8)}${fmt(s.recall3).padStart(10)}${fmt(s.none_recall).padStart(8)}${fmt(s.complaint_recall).padStart(10)}`);
  }
  out.push('', `misses (${ours.misses.length}):`);
  for (const m of ours.misses) out.push(`  ${m.line} [${m.style}] ${m.q}\n      expected ${m.expect}, got ${m.outcome}: ${m.got.join(', ') || '-'}`);
  return out.join('\n');
}

function fmt(x: number): string {
  return x.toFixed(3);
}
