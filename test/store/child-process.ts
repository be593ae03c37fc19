// A test's child script run under `node --import tsx`, read line by line: the children
// write one line when ready, and their results before they exit.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface TsxChild {
  child: ChildProcessWithoutNullStreams;
  /** The first line the child writes; rejects if it exits before writing one. */
  ready: Promise<string>;
  /** Every line it wrote, once it exits with 0; rejects with its standard error otherwise. */
  exited: Promise<string[]>;
}

/** Starts `script` with `args`; `name` tells in errors which child failed. */
export function startTsxChild(script: string, args: string[], name: string): TsxChild {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args]);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout });
  reader.on('line', (line) => lines.push(line));
  const exited = new Promise<string[]>((resolve, reject) =>
    child.on('close', (code, signal) => (code === 0 ? resolve(lines) : reject(new Error(`${name} exited ${code ?? signal}: ${stderr}`)))),
  );
  const ready = new Promise<string>((resolve, reject) => {
    reader.once('line', resolve);
    child.on('close', () => reject(new Error(`${name} exited before it was ready: ${stderr}`)));
  });
  // A test that fails early, or kills the child, never awaits these.
  exited.catch(() => {});
  ready.catch(() => {});
  return { child, ready, exited };
}
