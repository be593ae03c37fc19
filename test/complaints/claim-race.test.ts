// "Two staff claiming the same complaint at the same moment: exactly one wins, also
// with two app instances": two child processes, each with its own store connection
// and Hotline, claim the same complaints at once, on one Redis and on one SQLite file.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { backendMakers, type Backend } from '../store/backends.ts';
import { newDesk } from './desk.ts';

const CHILD = fileURLToPath(new URL('claim-race-child.ts', import.meta.url));
const COMPLAINTS = 30;
const STAFF = ['lan', 'minh'];

interface Outcome {
  code: string;
  ok: boolean;
  reason?: string;
}

let backend: Backend | undefined;
afterEach(async () => {
  await backend?.cleanup();
  backend = undefined;
});

/** Starts one instance; `ready` resolves once it has opened the store, `outcomes` once it has claimed and exited. */
function startInstance(on: Backend, by: string, codes: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, on.url, on.prefix, by, JSON.stringify(codes)]);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout });
  const ready = new Promise<void>((resolve) => reader.on('line', (line) => lines.push(line) === 1 && resolve()));
  const exited = new Promise<Outcome[]>((resolve, reject) =>
    child.on('close', (code) => (code === 0 && lines[0] === 'ready' ? resolve(JSON.parse(lines[1]!) as Outcome[]) : reject(new Error(`instance ${by} exited ${code}: ${stderr}`)))),
  );
  exited.catch(() => {});
  return { go: () => child.stdin.write('go\n'), ready: Promise.race([ready, exited.then(() => {})]), outcomes: exited };
}

describe.each(backendMakers)('two app instances on one %s store', (_name, make) => {
  it('claim the same complaints at the same moment: each is claimed exactly once, and the other instance is refused', async () => {
    backend = make();
    const hotline = newDesk(await backend.open());
    const codes: string[] = [];
    for (let i = 0; i < COMPLAINTS; i++) codes.push((await hotline.submit({ channel: 'telegram', chatId: `c${i}` }, { text: `Phản ánh số ${i}` })).code);

    const instances = STAFF.map((by) => startInstance(backend!, by, codes));
    await Promise.all(instances.map((instance) => instance.ready));
    for (const instance of instances) instance.go();
    const [lan, minh] = (await Promise.all(instances.map((instance) => instance.outcomes))) as [Outcome[], Outcome[]];

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
