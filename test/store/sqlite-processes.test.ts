// Two OS processes on one SQLite file, as two app instances on one machine would be:
// they create the file together and race to claim the same keys.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { startTsxChild } from './child-process.ts';

const CHILD = fileURLToPath(new URL('claim-race-child.ts', import.meta.url));
const KEYS = 300;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('two processes claiming the same keys on one file: each key is won exactly once', async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-race-'));
  const url = `sqlite://${join(dir, 'shared.sqlite')}`;
  const children = [1, 2].map((n) => startTsxChild(CHILD, [url, String(KEYS)], `child ${n}`));
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
