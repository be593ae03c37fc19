// Complaint list benchmark: the staff inbox (GET /admin, signed in, through the real
// server) over 50,000 complaints, on SQLite and on PostgreSQL, each beside the same page
// over 1,000 complaints (the ratio says how the page grows with the records). Pages are
// asked for the first page, a deep page and the "overdue" view.
//
// Run: npm run bench:complaints   (JSON on stdout; COMPLAINTS sets the size, default 50000;
// POSTGRES_URL the server, default postgres://postgres@127.0.0.1:5432/test; POSTGRES=off skips it)
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { complaintRow } from '../src/complaints/complaint-store.ts';
import type { Complaint, Status } from '../src/complaints/complaint.ts';
import { hashPassword } from '../src/complaints/password.ts';
import { parseConfig } from '../src/config.ts';
import { PAGE_SIZE } from '../adapters/admin/list-page.ts';
import { startServer } from '../src/main.ts';
import { openDatabase } from '../src/store/database.ts';
import { signInOverHttp } from '../test/admin/sign-in.ts';
import { dropSchemas } from '../test/store/databases.ts';

const COMPLAINTS = Number(process.env.COMPLAINTS ?? 50_000);
const BASELINE = 1_000;
const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Target: the list page, p99, at 50,000 complaints. */
const PAGE_P99_MS = 200;
const ROUNDS = 50;
const WARM_UP = 5;
const BATCH = 500;
const STATUSES: Status[] = ['received', 'in_progress', 'answered', 'closed', 'transferred', 'rejected'];
const PASSWORD = 'bench-password-123';

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
}

/** `count` complaints over the last two years, in every status, a few with a failed send. */
function* complaints(count: number): Generator<Complaint> {
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const createdAt = now - Math.floor(((count - i) / count) * 730 * 86_400_000);
    const status = STATUSES[i % STATUSES.length]!;
    yield {
      code: `PA-${i.toString(36).toUpperCase().padStart(4, '0')}-B${(i % 100).toString().padStart(2, '0')}`,
      address: { channel: i % 3 ? 'zalo' : 'web', chatId: `bench-${i}` },
      text: `Phản ánh số ${i}: hồ sơ đăng ký đất đai trễ hẹn, đã hỏi nhiều lần mà chưa được trả lời.`,
      createdAt,
      dueDate: new Date(createdAt + 14 * 86_400_000).toISOString().slice(0, 10),
      status,
      deliveries: { webhook: i % 97 ? { state: 'delivered', attempts: 1, deliveredAt: createdAt } : { state: 'failed', attempts: 15, lastError: 'HTTP 500' } },
      history: [{ at: createdAt, by: 'citizen', action: 'receive' }],
    };
  }
}

async function fill(url: string, count: number): Promise<void> {
  const database = await openDatabase(url);
  try {
    let batch: Complaint[] = [];
    const flush = async () => {
      await database.db.transaction().execute(async (trx) => {
        await trx.insertInto('complaints').values(batch.map((c) => ({ ...complaintRow(c), submission_key: null, version: 1 }))).execute();
        await trx
          .insertInto('complaint_history')
          .values(batch.map((c) => ({ code: c.code, seq: 0, at: c.createdAt, actor: 'citizen', action: 'receive', note: null })))
          .execute();
      });
      batch = [];
    };
    for (const complaint of complaints(count)) {
      batch.push(complaint);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length) await flush();
  } finally {
    await database.close();
  }
}

/** Times GET `paths` on a server over the records at `databaseUrl`, signed in as staff. */
async function timePages(databaseUrl: string, dir: string, paths: Record<string, string>): Promise<Record<string, { p50: number; p99: number }>> {
  const running = await startServer(
    parseConfig({
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      NATIONAL_SET: 'off',
      KNOWLEDGE_RELOAD: 'off',
      STORE_URL: `sqlite://${join(dir, `store-${randomUUID()}.sqlite`)}`,
      DATABASE_URL: databaseUrl,
      ADMIN_USERS: `bench:${await hashPassword(PASSWORD)}`,
    }),
  );
  try {
    const login = await signInOverHttp(running.url, 'bench', PASSWORD);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    if (login.status !== 303 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
    const timings: Record<string, { p50: number; p99: number }> = {};
    // Past the start: the place index is built a second after it, and the first pages warm the JIT.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const [view, path] of Object.entries(paths)) {
      for (let round = 0; round < WARM_UP; round++) await (await fetch(`${running.url}${path}`, { headers: { cookie } })).text();
      const ms: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const started = performance.now();
        const response = await fetch(`${running.url}${path}`, { headers: { cookie } });
        const page = await response.text();
        ms.push(performance.now() - started);
        if (response.status !== 200 || !page.includes('<table>')) throw new Error(`GET ${path}: ${response.status}`);
      }
      timings[view] = { p50: Math.round(percentile(ms, 0.5) * 10) / 10, p99: Math.round(percentile(ms, 0.99) * 10) / 10 };
    }
    return timings;
  } finally {
    await running.close();
  }
}

/** The views timed: the first page, the last (the deepest offset), and overdue complaints. */
const pathsFor = (size: number) => ({ first: '/admin', last: `/admin?page=${Math.ceil(size / PAGE_SIZE)}`, overdue: '/admin?filter=overdue' });
const dir = await mkdtemp(join(tmpdir(), 'motcua-complaints-bench-'));
const schemas: string[] = [];
const results: Record<string, unknown> = {};
const targets: { name: string; limit: number; value: number; pass: boolean }[] = [];
try {
  const backends: [string, (size: number) => string][] = [['sqlite', (size) => `sqlite://${join(dir, `records-${size}.sqlite`)}`]];
  if (process.env.POSTGRES !== 'off') {
    backends.push([
      'postgres',
      (size) => {
        const schema = `motcua_bench_${size}_${randomUUID().replaceAll('-', '').slice(0, 8)}`;
        schemas.push(schema);
        return `${POSTGRES_URL}?schema=${schema}`;
      },
    ]);
  }
  for (const [name, urlFor] of backends) {
    const sized: Record<number, Record<string, { p50: number; p99: number }>> = {};
    for (const size of [BASELINE, COMPLAINTS]) {
      const url = urlFor(size);
      const filled = performance.now();
      await fill(url, size);
      const fillMs = Math.round(performance.now() - filled);
      sized[size] = await timePages(url, dir, pathsFor(size));
      results[`${name}_${size}`] = { fill_ms: fillMs, pages: sized[size] };
    }
    const worst = Math.max(...Object.values(sized[COMPLAINTS]!).map((t) => t.p99));
    const base = Math.max(...Object.values(sized[BASELINE]!).map((t) => t.p99));
    results[`${name}_ratio_p99`] = Math.round((worst / base) * 100) / 100;
    targets.push({ name: `${name}: list page p99 at ${COMPLAINTS} complaints (ms)`, limit: PAGE_P99_MS, value: worst, pass: worst <= PAGE_P99_MS });
  }
} finally {
  await rm(dir, { recursive: true, force: true });
  await dropSchemas(POSTGRES_URL, schemas);
}
const failed = targets.filter((t) => !t.pass).map((t) => t.name);
console.log(JSON.stringify({ complaints: COMPLAINTS, baseline: BASELINE, rounds: ROUNDS, ...results, targets, failed }, null, 2));
process.exitCode = failed.length ? 1 : 0;
