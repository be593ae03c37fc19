// Start-up benchmark: the real server (`node bin/motcua.js serve`) as a fresh process,
// timed from spawn until /readyz answers 200, with the curated knowledge only and with
// the national set (NATIONAL_SET=on); the memory the process then holds (RSS) too.
// Runs alternate, so load on the machine touches both alike; the ratio is the figure.
//
// Run: npm run bench:startup   (JSON on stdout)
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, rssMb } from './processes.ts';
import { percentile } from '../src/eval/metrics.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ROUNDS = 5;
/** Target: a start with the national set within this many seconds, on the machine that runs it. */
const NATIONAL_START_S = 3;

interface Start {
  seconds: number;
  rss_mb: number;
}


async function startOnce(national: boolean, dir: string): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/motcua.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'silent', NATIONAL_SET: national ? 'on' : 'off', STORE_URL: `sqlite://${join(dir, `store-${port}.sqlite`)}` },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ready) break;
      if (performance.now() - started > 60_000) throw new Error('not ready within 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    const seconds = (performance.now() - started) / 1000;
    return { seconds, rss_mb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dir = await mkdtemp(join(tmpdir(), 'motcua-startup-'));
try {
  const curated: Start[] = [];
  const national: Start[] = [];
  await startOnce(false, dir); // warm the disk cache and tsx's compile cache once
  for (let i = 0; i < ROUNDS; i++) {
    curated.push(await startOnce(false, dir));
    national.push(await startOnce(true, dir));
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  const summary = (runs: Start[]) => ({ median_s: round(percentile(runs.map((r) => r.seconds), 0.5)), runs_s: runs.map((r) => round(r.seconds)), rss_mb: percentile(runs.map((r) => r.rss_mb), 0.5) });
  const withNational = summary(national);
  const ratio = round(withNational.median_s / summary(curated).median_s);
  const pass = withNational.median_s <= NATIONAL_START_S;
  console.log(JSON.stringify({ bench: 'startup', node: process.version, rounds: ROUNDS, curated: summary(curated), with_national: withNational, ratio, target_s: NATIONAL_START_S, failed: pass ? [] : ['national_start_s'], pass }, null, 2));
  process.exitCode = pass ? 0 : 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
