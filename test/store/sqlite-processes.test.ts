// Two OS processes on one SQLite file, as two app instances on one machine would be:
// they create the file together and race to claim the same keys.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('claim-race-child.ts', import.meta.url));
const KEYS = 300;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Starts the child and resolves with its lines: the first once it is ready, then all of them once it exits. */
function startChild(url: string) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', CHILD, url, String(KEYS)]);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout });
  const ready = new Promise<void>((resolve) => reader.on('line', (line) => lines.push(line) === 1 && resolve()));
  const exited = new Promise<string[]>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve(lines) : reject(new Error(`child exited ${code}: ${stderr}`)))),
  );
  exited.catch(() => {});
  return { child, ready: Promise.race([ready, exited.then(() => {})]), exited };
}

it('two processes claiming the same keys on one file: each key is won exactly once', async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-race-'));
  const url = `sqlite://${join(dir, 'shared.sqlite')}`;
  const children = [startChild(url), startChild(url)];
  await Promise.all(children.map((c) => c.ready));
  for (const { child } of children) child.stdin.write('go\n');
  const outputs = await Promise.all(children.map((c) => c.exited));

  const won = outputs.map((lines) => {
    expect(lines[0]).toBe('ready');
    return JSON.parse(lines[1]!) as number[];
  });
  const [first, second] = won as [number[], number[]];
  expect(first.filter((key) => second.includes(key))).toEqual([]);
  expect([...first, ...second].sort((a, b) => a - b)).toEqual(Array.from({ length: KEYS }, (_, i) => i));
}, 30_000);
