// "A complaint confirmed to the citizen is in the records even if the process is killed
// right after": the real server runs in a child process; web chat citizens write
// complaints over /api/chat and send them all at once; the moment the first
// confirmation (with its tracking code) arrives, the child is killed with SIGKILL
// while it is still storing the others. Every complaint whose code a citizen saw
// must then be in the records, complete, with its hotline job queued.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/kernel/reply.ts';
import { COMPLAINT_TEXTS } from '../../src/texts/citizens.ts';
import { redisBackend, sqliteBackend, type Backend } from '../store/backends.ts';
import { postgresDatabase, sqliteDatabase, type DatabaseBackend } from '../store/databases.ts';
import { startTsxChild } from '../store/child-process.ts';
import { newDesk } from './desk.ts';

const CHILD = fileURLToPath(new URL('kill-child.ts', import.meta.url));
const CITIZENS = 20;
const CODE_IN_CONFIRMATION = /Mã phản ánh: (PA-[A-Z0-9]{4}-[A-Z0-9]{2})/;

let backend: Backend | undefined;
let records: DatabaseBackend | undefined;
let child: ChildProcess | undefined;
let hotlineSystem: Server | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  hotlineSystem?.close();
  await backend?.cleanup();
  await records?.cleanup();
  child = hotlineSystem = backend = records = undefined;
});

/** One machine (SQLite for both), and what several instances share (Redis and PostgreSQL). */
const SETUPS: Array<[string, () => Backend, () => DatabaseBackend]> = [
  ['SQLite', sqliteBackend, () => sqliteDatabase()],
  ['Redis and PostgreSQL', redisBackend, postgresDatabase],
];

/** An external hotline system that is down (503): the complaints' webhook jobs stay queued. */
async function hotlineSystemDown(): Promise<string> {
  hotlineSystem = createServer((_request, response) => response.writeHead(503).end());
  hotlineSystem.listen(0, '127.0.0.1');
  await once(hotlineSystem, 'listening');
  return `http://127.0.0.1:${(hotlineSystem.address() as AddressInfo).port}/hotline`;
}

/** Starts the server in a child process; resolves with its URL once it listens. */
async function startChild(on: Backend, recordsOn: DatabaseBackend, webhookUrl: string): Promise<string> {
  const started = startTsxChild(CHILD, [on.url, on.prefix, recordsOn.url, webhookUrl], 'server child');
  child = started.child;
  return (await started.ready).replace(/^ready /, '');
}

async function chat(url: string, session: string, message: { text: string } | { action: string }): Promise<Reply[]> {
  const response = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ session, ...message }) });
  if (!response.ok) throw new Error(`POST /api/chat: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { replies: Reply[] }).replies;
}

/** The token of the button labelled `label` (the conversation hands out tokens, not its actions). */
function button(replies: Reply[], label: string): { action: string } {
  const choice = replies.flatMap((r) => r.choices ?? []).find((c) => c.label === label);
  if (!choice) throw new Error(`no button "${label}" in ${JSON.stringify(replies)}`);
  return { action: choice.action };
}

/** Writes a complaint up to the review step, pressing the buttons a citizen would; returns the "send" button. */
async function writeComplaint(url: string, session: string, text: string): Promise<{ action: string }> {
  await chat(url, session, { text: '/phananh' });
  let replies = await chat(url, session, { text });
  for (const label of [COMPLAINT_TEXTS.nextChoice, COMPLAINT_TEXTS.skipChoice, COMPLAINT_TEXTS.declineChoice]) replies = await chat(url, session, button(replies, label));
  return button(replies, COMPLAINT_TEXTS.sendChoice);
}

describe.each(SETUPS)('on %s', (_name, makeStore, makeRecords) => {
  it('a complaint confirmed to the citizen is in the records even if the process is killed right after', async () => {
    backend = makeStore();
    records = makeRecords();
    const url = await startChild(backend, records, await hotlineSystemDown());
    const citizens = Array.from({ length: CITIZENS }, (_, i) => ({ session: `kill-test-citizen-${i}`, text: `Đường trước nhà số ${i} bị hỏng đã ba tháng` }));
    const sendButtons = await Promise.all(citizens.map((c) => writeComplaint(url, c.session, c.text)));

    // Everyone presses "Gửi phản ánh" at once; the first confirmation to arrive is the signal to kill.
    const confirmed: { code: string; text: string }[] = [];
    const killed = new Promise<void>((resolve) => {
      citizens.forEach((citizen, i) => {
        chat(url, citizen.session, sendButtons[i]!).then(
          (replies) => {
            const code = CODE_IN_CONFIRMATION.exec(replies.map((r) => r.text).join('\n'))?.[1];
            if (!code) return;
            confirmed.push({ code, text: citizen.text });
            child!.kill('SIGKILL');
            resolve();
          },
          () => {}, // cut off by the kill: never confirmed
        );
      });
    });
    await killed;
    await once(child!, 'exit');
    const seen = [...confirmed]; // what citizens were told before the process died

    const hotline = newDesk(await records.open());
    const listed = new Set((await hotline.complaints.page({ filter: 'all', today: hotline.today(), page: 1, size: CITIZENS })).complaints.map((c) => c.code));
    const jobs = await hotline.outbox.waiting('hotline');
    expect(seen.length).toBeGreaterThan(0);
    for (const { code, text } of seen) {
      expect(await hotline.lookup(code)).toMatchObject({ code, text, status: 'received', address: { channel: 'web' }, deliveries: { webhook: { state: 'pending' } } });
      expect(listed.has(code)).toBe(true);
      expect(jobs).toContainEqual({ kind: 'hotline', code, target: 'webhook', event: 'new' });
    }
  }, 60_000);
});
