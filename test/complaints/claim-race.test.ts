// "Two staff claiming the same complaint at the same moment: exactly one wins, also
// with two app instances": two child processes, each with its own database connection
// and Hotline, claim the same complaints at once, on one PostgreSQL and on one SQLite file.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseMakers, type DatabaseBackend } from '../store/databases.ts';
import { startTsxChild } from '../store/child-process.ts';
import { newDesk } from './desk.ts';

const CHILD = fileURLToPath(new URL('claim-race-child.ts', import.meta.url));
const COMPLAINTS = 30;
const STAFF = ['lan', 'minh'];

interface Outcome {
  code: string;
  ok: boolean;
  reason?: string;
}

let backend: DatabaseBackend | undefined;
afterEach(async () => {
  await backend?.cleanup();
  backend = undefined;
});

/** Starts one instance: it says "ready" once it has opened the database, waits for "go", then writes its outcomes as JSON and exits. */
function startInstance(on: DatabaseBackend, by: string, codes: string[]) {
  return startTsxChild(CHILD, [on.url, by, JSON.stringify(codes)], `instance ${by}`);
}

describe.each(databaseMakers)('two app instances on one %s database', (_name, make) => {
  it('claim the same complaints at the same moment: each is claimed exactly once, and the other instance is refused', async () => {
    backend = make();
    const hotline = newDesk(await backend.open());
    const codes: string[] = [];
    for (let i = 0; i < COMPLAINTS; i++) codes.push((await hotline.submit({ channel: 'telegram', chatId: `c${i}` }, { text: `Phản ánh số ${i}` })).code);

    const instances = STAFF.map((by) => startInstance(backend!, by, codes));
    expect(await Promise.all(instances.map((instance) => instance.ready))).toEqual(['ready', 'ready']);
    for (const { child } of instances) child.stdin.write('go\n');
    const [lan, minh] = (await Promise.all(instances.map((instance) => instance.exited))).map((lines) => JSON.parse(lines[1]!) as Outcome[]) as [Outcome[], Outcome[]];

    for (const [i, code] of codes.entries()) {
      const outcomes = [lan[i]!, minh[i]!];
      expect(outcomes.map((o) => o.code)).toEqual([code, code]);
      const winners = outcomes.filter((o) => o.ok);
      expect(winners).toHaveLength(1);
      expect(outcomes.find((o) => !o.ok)!.reason).toBe('cannot claim a complaint that is in_progress');
      const stored = await hotline.complaints.get(code);
      const winner = STAFF[outcomes.indexOf(winners[0]!)];
      expect(stored).toMatchObject({ status: 'in_progress', assignee: winner });
      expect(stored!.history.filter((event) => event.action === 'claim')).toEqual([expect.objectContaining({ by: winner })]);
    }
  }, 60_000);
});
