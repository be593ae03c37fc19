// Load benchmark: the real server (`node bin/motcua.js serve`, SQLite, Telegram in webhook
// mode against a fake Bot API on loopback) and, in the same run, a bare Fastify POST route
// as the baseline. 50 connections for a few seconds each: the bare route, Telegram webhook
// updates (a mix of questions, greetings, follow-ups and complaint steps, each from its own
// chat), and the web chat. Prints requests per second and latency, the webhook's share of
// the bare route, and how many messages per second were answered (the reply sent).
//
// Run: npm run bench:webhook   (JSON on stdout; SECONDS sets each run's length, default 8;
// PROFILE=<dir> has the server write a CPU profile there)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { startFakeBotApi } from '../test/fakes/telegram-bot-api.ts';
import { freePort } from './processes.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.SECONDS ?? 8);
const CONNECTIONS = 50;
const SECRET = 'bench_webhook_secret';
const MESSAGES = ['làm căn cước ở đâu', 'xin chào', 'lệ phí bao nhiêu', 'đăng ký khai sinh cần gì', 'tôi muốn phản ánh cán bộ xã', 'xong', 'cảm ơn', 'sổ đỏ'];
/** Targets from issue 12: acknowledgements against the bare route, the answering rate, the web chat's p99. */
const TARGETS = { ackShareOfBare: 0.3, ackP99Ms: 50, answeredPerSecond: 400, webP99Ms: 100 };


async function ready(url: string, child: ChildProcess): Promise<void> {
  const started = Date.now();
  while (!(await fetch(url).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    if (Date.now() - started > 60_000) throw new Error(`${url}: not ready within 60 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function load(options: autocannon.Options): Promise<{ rps: number; p50_ms: number; p99_ms: number; non_2xx: number; errors: number }> {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  return { rps: Math.round(result.requests.average), p50_ms: result.latency.p50, p99_ms: result.latency.p99, non_2xx: result.non2xx, errors: result.errors };
}

const BARE = `import Fastify from 'fastify';
const app = Fastify();
app.post('/bare', async () => ({ ok: true }));
app.get('/readyz', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });`;

const dir = await mkdtemp(join(tmpdir(), 'motcua-load-'));
const telegram = await startFakeBotApi();
const [serverPort, barePort] = [await freePort(), await freePort()];
// PROFILE=<dir>: the server writes a CPU profile there (node --cpu-prof) when it stops.
const profile = process.env.PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${resolve(process.env.PROFILE)}`] : [];
const server = spawn(process.execPath, [...profile, join(ROOT, 'bin/motcua.js'), 'serve'], {
  cwd: ROOT,
  stdio: 'ignore',
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(serverPort),
    LOG_LEVEL: 'silent',
    NATIONAL_SET: process.env.NATIONAL_SET ?? 'on',
    KNOWLEDGE_RELOAD: 'off',
    STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
    PUBLIC_URL: 'https://bench.example',
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    // One load generator on one address, many chats: the per-address and per-chat limits are raised out of its way.
    WEB_CHAT_PER_ADDRESS_PER_MINUTE: '100000',
    RATE_LIMIT_PER_MINUTE: '100000',
  },
});
const bare = spawn(process.execPath, ['--input-type=module', '-e', BARE], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, PORT: String(barePort) } });

try {
  const base = `http://127.0.0.1:${serverPort}`;
  await Promise.all([ready(`${base}/readyz`, server), ready(`http://127.0.0.1:${barePort}/readyz`, bare)]);
  const json = { 'content-type': 'application/json' };
  const bareRun = await load({ url: `http://127.0.0.1:${barePort}/bare`, method: 'POST', headers: json, body: JSON.stringify({ update_id: 1, message: { text: 'xin chào' } }) });

  let update = 0;
  const webhookStarted = Date.now();
  const webhookRun = await load({
    url: base,
    requests: [
      {
        method: 'POST',
        path: '/telegram/webhook',
        headers: { ...json, 'x-telegram-bot-api-secret-token': SECRET },
        setupRequest: (request) => {
          const n = ++update;
          const chat = 1_000_000 + n;
          const body = { update_id: n, message: { message_id: n, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'An' }, text: MESSAGES[n % MESSAGES.length] } };
          return { ...request, body: JSON.stringify(body) };
        },
      },
    ],
  });
  const acknowledged = update;
  // Every acknowledged update is answered in the background: wait until the replies stop coming.
  const answeredChats = () => new Set(telegram.succeeded('sendMessage').map((m) => String(m.chat_id))).size;
  let last = -1;
  let lastChangeAt = Date.now();
  while (Date.now() - lastChangeAt < 2_000 && Date.now() - webhookStarted < 180_000) {
    const now = answeredChats();
    if (now !== last) [last, lastChangeAt] = [now, Date.now()];
    await new Promise((r) => setTimeout(r, 100));
  }
  const answeredSeconds = (lastChangeAt - webhookStarted) / 1000;

  let session = 0;
  const webRun = await load({
    url: base,
    requests: [
      {
        method: 'POST',
        path: '/api/chat',
        headers: json,
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ session: `bench-web-${++session}`, text: MESSAGES[session % MESSAGES.length] }) }),
      },
    ],
  });

  const share = webhookRun.rps / bareRun.rps;
  const answeredPerSecond = Math.round(last / answeredSeconds);
  const failed = [
    ...(share < TARGETS.ackShareOfBare ? [`webhook acknowledgements ${(share * 100).toFixed(1)} % of the bare route < ${TARGETS.ackShareOfBare * 100} %`] : []),
    ...(webhookRun.p99_ms > TARGETS.ackP99Ms ? [`webhook p99 ${webhookRun.p99_ms} ms > ${TARGETS.ackP99Ms} ms`] : []),
    ...(answeredPerSecond < TARGETS.answeredPerSecond ? [`${answeredPerSecond} messages answered per second < ${TARGETS.answeredPerSecond}`] : []),
    ...(webRun.p99_ms > TARGETS.webP99Ms ? [`web chat p99 ${webRun.p99_ms} ms > ${TARGETS.webP99Ms} ms`] : []),
  ];
  console.log(
    JSON.stringify(
      {
        connections: CONNECTIONS,
        seconds_each: SECONDS,
        national_set: (process.env.NATIONAL_SET ?? 'on') === 'on',
        bare_route: bareRun,
        telegram_webhook: { ...webhookRun, share_of_bare: Math.round(share * 1000) / 1000, acknowledged },
        answered: { chats: last, of_acknowledged: acknowledged, per_second: answeredPerSecond, seconds: answeredSeconds },
        web_chat: webRun,
        note: 'one 2-core machine: the load generator, the server and the fake Bot API share it',
        failed,
      },
      null,
      2,
    ),
  );
  process.exitCode = failed.length ? 1 : 0;
} finally {
  for (const child of [server, bare]) {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
  }
  await telegram.close();
  await rm(dir, { recursive: true, force: true });
}
