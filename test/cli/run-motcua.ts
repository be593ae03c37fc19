// Runs the real `motcua` command in a child process, as staff and CI do.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface RunOptions {
  /** Written to standard input, which is then closed. */
  input?: string;
  /** Added to the environment. */
  env?: Record<string, string>;
  cwd?: string;
}

export async function motcua(args: string[], { input, env, cwd }: RunOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const bin = new URL('../../bin/motcua.js', import.meta.url).pathname;
  const child = run(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, cwd });
  if (input !== undefined) child.child.stdin!.end(input);
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
