// The reports of `motcua import`, `national refresh` and `eval` (stdout): which figures
// go in which line and column. The words are the editors' catalogue's.
import type { Evaluation, Scores } from '../eval/metrics.ts';
import { f1 } from '../eval/metrics.ts';
import type { ImportReport } from '../importer/dvc-import.ts';
import type { RefreshReport } from '../importer/national-refresh.ts';
import { passRates, type ScenarioResult } from '../eval/scenarios.ts';
import type { PlaceEvaluation, Share } from '../eval/place-eval.ts';
import { pad, REPORT_TEXTS as T } from '../texts/editors.ts';

/** `motcua import dvc`: a few lines; at most `maxSkipped` skipped lines are listed. */
export function importReport(report: ImportReport, maxSkipped = 10): string {
  const byCount = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([, a], [, b]) => b - a)
      .map(([field, n]) => `${field} ${n}`)
      .join(', ') || T.none;
  const lines = [
    T.read(report.read, report.written, report.skipped.length),
    T.emptyFields(byCount(report.emptyFields)),
    T.unparsed(byCount(report.unparsed)),
    ...report.skipped.slice(0, maxSkipped).map((skip) => T.skipped(skip.line, skip.code, skip.reason)),
  ];
  if (report.skipped.length > maxSkipped) lines.push(T.moreSkipped(report.skipped.length - maxSkipped));
  return lines.join('\n');
}

const EVAL_ROWS: [string, (s: Scores) => number][] = [
  [T.metrics.top1, (s) => s.top1],
  [T.metrics.recall3, (s) => s.recall3],
  [T.metrics.mrr, (s) => s.mrr],
  [T.metrics.wrong, (s) => s.wrong_answer_rate],
  [T.metrics.direct, (s) => s.direct_answer_rate],
  [T.metrics.lists, (s) => s.list_rate],
  [T.metrics.nonePrecision, (s) => s.none_precision],
  [T.metrics.noneRecall, (s) => s.none_recall],
  [T.metrics.complaintPrecision, (s) => s.complaint_precision],
  [T.metrics.complaintRecall, (s) => s.complaint_recall],
  [T.metrics.complaintF1, (s) => f1(s.complaint_precision, s.complaint_recall)],
];

/** One wrong answer, with what was expected and what came back. */
function missLine(m: { line: number; q: string; expect: string; outcome: string; got: string[] }, tags: string): string {
  return T.miss(m.line, tags, m.q, m.expect, m.outcome, m.got.join(', ') || '-');
}

/** `motcua eval` without --json: the headline figures beside the baseline's, then per style, latency and the misses. */
export function evalReport(file: string, split: string | undefined, ours: Evaluation, baseline: Evaluation): string {
  const fmt = (x: number) => x.toFixed(3);
  const name = 34;
  const out: string[] = [T.questions(T.title(file, split), ours.total, ours.in_scope), ''];
  out.push(`${pad(T.metric, name)}${'motcua'.padStart(16)}${T.baseline.padStart(22)}`);
  for (const [label, get] of EVAL_ROWS) out.push(`${pad(label, name)}${fmt(get(ours)).padStart(16)}${fmt(get(baseline)).padStart(22)}`);
  const latency = (e: Evaluation) => `${e.latency_ms.p50} / ${e.latency_ms.p99}`;
  out.push(`${pad(T.latency, name)}${latency(ours).padStart(16)}${latency(baseline).padStart(22)}`);
  out.push('', `${pad(T.style, 18)}${T.count.padStart(7)}${'top-1'.padStart(8)}${'recall@3'.padStart(10)}${'@none R'.padStart(9)}${'@complaint R'.padStart(14)}`);
  for (const [style, s] of Object.entries(ours.by_style)) {
    out.push(`${pad(style, 18)}${String(s.total).padStart(7)}${fmt(s.top1).padStart(8)}${fmt(s.recall3).padStart(10)}${fmt(s.none_recall).padStart(9)}${fmt(s.complaint_recall).padStart(14)}`);
  }
  out.push('', T.misses(ours.misses.length));
  for (const m of ours.misses) out.push(missLine(m, m.style));
  return out.join('\n');
}

/** `motcua national refresh`: what the new crawl changed, then the import report. */
export function refreshReport(report: RefreshReport, maxListed = 20): string {
  const listed = (codes: string[]) => (codes.length > maxListed ? T.moreCodes(codes.slice(0, maxListed).join(', '), codes.length - maxListed) : codes.join(', ') || T.none);
  const changed = report.changed.slice(0, maxListed).map((c) => `  ${c.code}: ${c.fields.join(', ')}`);
  if (report.changed.length > maxListed) changed.push(T.moreChanged(report.changed.length - maxListed));
  return [
    T.nationalTotal(report.total),
    T.added(report.added.length, listed(report.added)),
    T.removed(report.removed.length, listed(report.removed)),
    T.changed(report.changed.length, changed.length > 0),
    ...changed,
    importReport(report.import),
  ].join('\n');
}

/** `motcua eval` on scenarios: pass rate per kind, then each failed turn with why. */
export function scenarioReport(file: string, split: string | undefined, results: readonly ScenarioResult[]): string {
  const out = [T.scenarios(T.title(file, split), results.length), '', `${pad(T.kind, 20)}${T.passed.padStart(14)}`];
  for (const row of passRates(results)) out.push(`${pad(row.kind, 20)}${`${row.passed}/${row.total}`.padStart(14)}`);
  const failed = results.filter((r) => !r.passed);
  out.push('', T.failed(failed.length));
  for (const r of failed) {
    for (const t of r.turns.filter((t) => t.problems.length)) out.push(T.failedTurn(r.id, t.turn, t.user, t.problems.join('; ')));
  }
  return out.join('\n');
}

/** `motcua eval` on place questions: top-1 overall, per kind and per style, latency, then the misses. */
export function placeReport(file: string, split: string | undefined, scores: PlaceEvaluation): string {
  const row = (name: string, s: Share) => `${pad(name, 18)}${String(s.total).padStart(7)}${s.top1.toFixed(3).padStart(8)}`;
  const out = [T.places(T.title(file, split), scores.total), '', `${pad('', 18)}${T.count.padStart(7)}${'top-1'.padStart(8)}`, row(T.all, scores)];
  out.push('', `${pad(T.kind, 18)}`, ...Object.entries(scores.by_kind).map(([kind, s]) => row(kind, s)));
  out.push('', `${pad(T.style, 18)}`, ...Object.entries(scores.by_style).map(([style, s]) => row(style, s)));
  out.push('', T.latencyLine(scores.latency_ms.p50, scores.latency_ms.p99));
  out.push('', T.misses(scores.misses.length));
  for (const m of scores.misses) out.push(missLine(m, `${m.kind}, ${m.style}`));
  return out.join('\n');
}
