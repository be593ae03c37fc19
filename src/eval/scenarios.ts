// Multi-turn scenarios: a conversation written as what the citizen types, turn by turn,
// and what they must see (test/eval/README.md). Each is replayed on a fresh chat and
// every turn is judged from what the replies are about (Reply.about), not their wording.
import { z } from 'zod';
import type { Reply, ReplyAbout } from '../kernel/reply.ts';
import { readJsonLines } from './jsonl.ts';

const ids = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const ASPECTS = ['documents', 'fee', 'time', 'place', 'online', 'postal', 'steps', 'conditions', 'result', 'legal'] as const;
const KINDS = ['answer', 'list', 'not_found', 'chitchat', 'complaint', 'complaint_submitted', 'complaint_cancelled'] as const;

const expectSchema = z
  .object({
    kind: z.enum(KINDS).optional(),
    entry: ids.optional(),
    aspect: z.enum(ASPECTS).optional(),
    list_has: ids.optional(),
    pick: z.number().int().min(1).optional(),
  })
  .strict();

const scenarioSchema = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  channel: z.enum(['web', 'telegram', 'zalo', 'zalo-oa']),
  split: z.string().optional(),
  turns: z
    .array(z.object({ user: z.string().min(1), expect: expectSchema, after_hours: z.number().min(0).optional() }))
    .min(1),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type TurnExpect = z.infer<typeof expectSchema>;

/** Sends one message on the scenario's chat and resolves with the replies. */
export type Say = (text: string) => Promise<Reply[]>;

export interface TurnResult {
  turn: number;
  user: string;
  /** Empty when the turn passed: otherwise what did not hold, one reason each. */
  problems: string[];
}

export interface ScenarioResult {
  id: string;
  kind: string;
  passed: boolean;
  turns: TurnResult[];
}

export async function readScenarios(path: string, split?: string): Promise<{ scenarios: Scenario[]; errors: string[] }> {
  const { rows, errors } = await readJsonLines(path, scenarioSchema);
  return { scenarios: rows.map((row) => row.value).filter((s) => !split || s.split === split), errors };
}

/** Plays a scenario through `say` (a fresh chat on its channel) and judges each turn. */
export async function replay(scenario: Scenario, say: Say): Promise<ScenarioResult> {
  const turns: TurnResult[] = [];
  let listed: string[] = [];
  for (const [i, turn] of scenario.turns.entries()) {
    const abouts = (await say(turn.user)).flatMap((r) => (r.about ? [r.about] : []));
    turns.push({ turn: i + 1, user: turn.user, problems: judge(turn.expect, abouts, listed) });
    const list = abouts.find((a) => a.kind === 'list');
    if (list?.kind === 'list') listed = list.entries;
  }
  return { id: scenario.id, kind: scenario.kind, passed: turns.every((t) => t.problems.length === 0), turns };
}

/** What a turn's replies fail of its expectation; `listed` is the last list offered before it. */
export function judge(expected: TurnExpect, abouts: readonly ReplyAbout[], listed: readonly string[]): string[] {
  const problems: string[] = [];
  const answer = abouts.find((a) => a.kind === 'answer');
  const list = abouts.find((a) => a.kind === 'list');
  const kinds = abouts.map((a) => a.kind);
  const seen = kinds.join(', ') || 'nothing';
  if (expected.kind && !shows(expected.kind, kinds)) problems.push(`expected ${expected.kind}, got ${seen}`);
  if (expected.entry) {
    const accept = [expected.entry].flat();
    if (answer?.kind !== 'answer') problems.push(`expected an answer about ${accept.join(' | ')}, got ${seen}`);
    else if (!accept.includes(answer.entry)) problems.push(`expected ${accept.join(' | ')}, answered ${answer.entry}`);
  }
  if (expected.aspect && !(answer?.kind === 'answer' && answer.parts[0] === expected.aspect)) {
    problems.push(`expected the answer to lead with ${expected.aspect}, got ${answer?.kind === 'answer' ? answer.parts.join(', ') || 'the whole entry' : seen}`);
  }
  if (expected.list_has) {
    const missing = [expected.list_has].flat().filter((id) => !(list?.kind === 'list' && list.entries.includes(id)));
    if (missing.length) problems.push(`expected a list with ${missing.join(', ')}, got ${list?.kind === 'list' ? list.entries.join(', ') : seen}`);
  }
  // Writers number a pick by their list_has, and the citizen names the choice too ("số 1, cái cấp
  // đổi"): with the entry given, the entry is the truth, whatever place the bot's list gave it.
  if (expected.pick !== undefined && !expected.entry) {
    const picked = listed[expected.pick - 1];
    if (!picked) problems.push(`no list with a choice ${expected.pick} before this turn`);
    else if (!(answer?.kind === 'answer' && answer.entry === picked)) problems.push(`expected choice ${expected.pick} (${picked}) answered, got ${answer?.kind === 'answer' ? answer.entry : seen}`);
  }
  return problems;
}

function shows(kind: TurnExpect['kind'] & string, seen: readonly ReplyAbout['kind'][]): boolean {
  switch (kind) {
    case 'not_found':
      return seen.includes('fallback');
    case 'chitchat':
      // A short friendly reply, never a list of procedures.
      return seen.includes('smalltalk') && !seen.includes('list');
    default:
      return seen.includes(kind);
  }
}

/** Pass rate per kind of scenario, and overall. */
export function passRates(results: readonly ScenarioResult[]): { kind: string; passed: number; total: number }[] {
  const byKind = new Map<string, { passed: number; total: number }>();
  for (const r of results) {
    const row = byKind.get(r.kind) ?? { passed: 0, total: 0 };
    row.total++;
    if (r.passed) row.passed++;
    byKind.set(r.kind, row);
  }
  const rows = [...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, row]) => ({ kind, ...row }));
  return [...rows, { kind: 'all', passed: results.filter((r) => r.passed).length, total: results.length }];
}
