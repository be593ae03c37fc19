// Live reload benchmark: the real server (startServer, in this process so that its heap can
// be read after a forced collection) with the national set (~2,700 entries) over a copy of
// knowledge/, an entry's title edited again and again. For each edit, the time from the file
// write until the web chat answers with the new title; and the heap after the first reloads,
// halfway and after the last, which should stay flat (nothing of an old version kept). The
// cold start the reload replaces is timed beside it.
//
// Run: npm run bench:reload   (JSON on stdout; RELOADS sets the number of edits, default 100)
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseConfig } from '../src/config.ts';
import { startServer } from '../src/main.ts';
import { freePort } from './processes.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RELOADS = Number(process.env.RELOADS ?? 100);
/** Target: an edit answered within this many seconds at the national set's size. */
const RELOAD_S = 5;
/** The heap may settle during the first half of the reloads, but not keep growing in the second. */
const GROWTH_LIMIT = 1.1;
const FILE = join('procedures', 'dang-ky-khai-tu.md');
const TITLE = 'title: Thủ tục đăng ký khai tử';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:reload does)');

/** Heap in use after a full collection, MB with one decimal. */
function heapMb(): number {
  gc!();
  return Math.round(process.memoryUsage().heapUsed / 104_857.6) / 10;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
}

const dir = await mkdtemp(join(tmpdir(), 'motcua-reload-bench-'));
const knowledge = join(dir, 'knowledge');
await cp(join(ROOT, 'knowledge'), knowledge, { recursive: true });
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// The bench asks every 25 ms from one address: the per-address web limit is raised out of its way.
const config = parseConfig({ HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'silent', NATIONAL_SET: 'on', KNOWLEDGE_RELOAD: 'on', KNOWLEDGE_DIRS: knowledge, WEB_CHAT_PER_ADDRESS_PER_MINUTE: '100000', STORE_URL: `sqlite://${join(dir, 'store.sqlite')}` });
const started = performance.now();
const server = await startServer(config);
let session = 0;

async function title(): Promise<string> {
  const response = await fetch(`${base}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ session: `bench-reload-${++session}`, text: 'đăng ký khai tử' }),
  });
  const body = (await response.json()) as { replies?: { text: string }[] };
  return body.replies?.[0]?.text.split('\n')[0] ?? '';
}

async function until(done: () => Promise<boolean>, limitMs: number): Promise<number> {
  const started = performance.now();
  while (!(await done())) {
    if (performance.now() - started > limitMs) throw new Error(`not within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return performance.now() - started;
}

try {
  await until(() => fetch(`${base}/readyz`).then((r) => r.ok, () => false), 60_000);
  const startSeconds = (performance.now() - started) / 1000;
  const original = await readFile(join(knowledge, FILE), 'utf8');
  const seconds: number[] = [];
  let heapAfterFirst = NaN;
  let heapHalfway = NaN;
  for (let i = 1; i <= RELOADS; i++) {
    const expected = `Thủ tục đăng ký khai tử (sửa lần ${i})`;
    const written = performance.now();
    await writeFile(join(knowledge, FILE), original.replace(TITLE, `title: ${expected}`));
    let last = "";
    await until(async () => (last = await title()) === expected, 30_000).catch((error: unknown) => {
      throw new Error(`edit ${i}: the answer still begins "${last}"`, { cause: error });
    });
    seconds.push((performance.now() - written) / 1000);
    if (i === Math.min(5, RELOADS)) heapAfterFirst = heapMb();
    if (i === Math.ceil(RELOADS / 2)) heapHalfway = heapMb();
  }
  const heapAfterLast = heapMb();
  const p99 = percentile(seconds, 0.99);
  const failed = [
    ...(p99 > RELOAD_S ? [`reload p99 ${p99.toFixed(2)} s > ${RELOAD_S} s`] : []),
    ...(heapAfterLast > heapHalfway * GROWTH_LIMIT ? [`heap grew from ${heapHalfway} MB halfway to ${heapAfterLast} MB`] : []),
  ];
  console.log(
    JSON.stringify(
      {
        reloads: RELOADS,
        entries: 'national set + curated',
        reload_seconds: { p50: percentile(seconds, 0.5), p99, max: Math.max(...seconds) },
        cold_start_seconds_for_comparison: startSeconds,
        heap_mb_after_gc: { after_5: heapAfterFirst, halfway: heapHalfway, after_last: heapAfterLast },
        rss_mb_after_last: Math.round(process.memoryUsage().rss / 104_857.6) / 10,
        failed,
      },
      null,
      2,
    ),
  );
  process.exitCode = failed.length ? 1 : 0;
} finally {
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
