import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signHotlinePayload, verifyHotlineSignature } from '../../../adapters/hotline-webhook/signature.ts';
import { createWebhookTarget } from '../../../adapters/hotline-webhook/target.ts';
import type { Complaint } from '../../../src/complaints/complaint.ts';

const SECRET = 'shared-secret-0123456789';
const NOW = Date.UTC(2026, 10, 24, 3, 0, 0);
const NOW_SEC = Math.floor(NOW / 1000);

const complaint: Complaint = {
  code: 'PA-7KQ3-M9X',
  address: { channel: 'zalo', chatId: 'u1' },
  text: 'Hồ sơ trễ hẹn ba lần, "không" ai trả lời <b>',
  subject: 'UBND phường Bến Nghé',
  phone: '0912345678',
  consentAt: NOW - 60_000,
  createdAt: NOW - 120_000,
  dueDate: '2026-12-08',
  status: 'received',
  deliveries: {},
  history: [],
};

interface Received {
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** What the receiver's check said, as a receiver following docs/hotline-webhook.md would run it. */
  verified: boolean;
}

/** A receiving system on loopback: answers each request as `respond` says ('hang' never answers). */
let receiver: Server;
let url: string;
let received: Received[];
let respond: () => number | 'hang';

beforeEach(async () => {
  received = [];
  respond = () => 200;
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const header = (name: string) => req.headers[name] as string | undefined;
      const verified = verifyHotlineSignature(SECRET, header('x-motcua-timestamp'), rawBody, header('x-motcua-signature'), { nowSec: NOW_SEC });
      received.push({ headers: req.headers, rawBody, verified });
      const status = respond();
      if (status !== 'hang') res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 300 ? 'receiver says no' : 'ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/pakn/hook`;
});

afterEach(async () => {
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const target = (options: { timeoutMs?: number; to?: string } = {}) =>
  createWebhookTarget({ url: options.to ?? url, secret: SECRET, now: () => NOW, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });

describe('webhook target', () => {
  it('posts the signed JSON with event, timestamp and delivery id headers; 2xx is delivered', async () => {
    const outcome = await target().deliver({ type: 'new', complaint });
    expect(outcome).toEqual({ ok: true });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request!.verified).toBe(true);
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'x-motcua-event': 'new',
      'x-motcua-timestamp': String(NOW_SEC),
      'x-motcua-delivery': 'PA-7KQ3-M9X:new',
    });
    expect(request!.headers['x-motcua-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(JSON.parse(request!.rawBody)).toEqual({
      event: 'new',
      complaint: {
        code: 'PA-7KQ3-M9X',
        createdAt: new Date(NOW - 120_000).toISOString(),
        dueDate: '2026-12-08',
        status: 'received',
        channel: 'zalo',
        subject: 'UBND phường Bến Nghé',
        text: complaint.text,
        phone: '0912345678',
        consentAt: new Date(NOW - 60_000).toISOString(),
      },
      sentAt: new Date(NOW).toISOString(),
    });
  });

  it('sends absent fields as null and names the event in header and body', async () => {
    const { phone: _p, consentAt: _c, subject: _s, ...bare } = complaint;
    expect(await target().deliver({ type: 'overdue', complaint: bare })).toEqual({ ok: true });
    const body = JSON.parse(received[0]!.rawBody);
    expect(body.event).toBe('overdue');
    expect(body.complaint).toMatchObject({ phone: null, consentAt: null, subject: null });
    expect(received[0]!.headers['x-motcua-delivery']).toBe('PA-7KQ3-M9X:overdue');
  });

  it.each<[string, number]>([
    ['500', 500],
    ['429', 429],
    ['404', 404],
    ['a redirect', 302],
  ])('reports %s as an error naming the status, without throwing', async (_, status) => {
    respond = () => status;
    const outcome = await target().deliver({ type: 'new', complaint });
    expect(outcome).toEqual({ ok: false, error: expect.stringContaining(`HTTP ${status}`) });
    if (status >= 400) expect(outcome).toEqual({ ok: false, error: expect.stringContaining('receiver says no') });
  });

  it('reports a receiver that never answers as a timeout', async () => {
    respond = () => 'hang';
    const outcome = await target({ timeoutMs: 200 }).deliver({ type: 'new', complaint });
    expect(outcome).toEqual({ ok: false, error: 'timeout: no answer within 200 ms' });
  });

  it('reports a receiver that is down as a network error', async () => {
    // A port that was just listened on and closed: nothing answers there.
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const { port } = gone.address() as AddressInfo;
    await new Promise<void>((resolve) => gone.close(() => resolve()));
    const outcome = await target({ to: `http://127.0.0.1:${port}/pakn/hook` }).deliver({ type: 'new', complaint });
    expect(outcome).toEqual({ ok: false, error: 'network error: ECONNREFUSED' });
  });
});

describe('verifyHotlineSignature', () => {
  const body = '{"event":"new"}';
  const sign = (timestamp: string) => signHotlinePayload(SECRET, timestamp, body);

  it.each<[string, (good: string) => [string | undefined, string, string | undefined, string], boolean]>([
    ['the right secret, body and time', (good) => [String(NOW_SEC), body, good, SECRET], true],
    ['another secret', (good) => [String(NOW_SEC), body, good, 'another-secret-0123456789'], false],
    ['a changed body', (good) => [String(NOW_SEC), `${body} `, good, SECRET], false],
    ['another timestamp than the signed one', (good) => [String(NOW_SEC + 1), body, good, SECRET], false],
    ['a missing signature', () => [String(NOW_SEC), body, undefined, SECRET], false],
    ['a missing timestamp', (good) => [undefined, body, good, SECRET], false],
    ['a signature without its prefix', (good) => [String(NOW_SEC), body, good.slice('sha256='.length), SECRET], false],
    ['a truncated signature', (good) => [String(NOW_SEC), body, good.slice(0, -2), SECRET], false],
  ])('%s → %s', (_, make, expected) => {
    const good = sign(String(NOW_SEC));
    const [timestamp, rawBody, header, secret] = make(good);
    expect(verifyHotlineSignature(secret, timestamp, rawBody, header, { nowSec: NOW_SEC })).toBe(expected);
  });

  it.each<[string, number, boolean]>([
    ['4 minutes old', -240, true],
    ['6 minutes old', -360, false],
    ['6 minutes ahead', 360, false],
  ])('a timestamp %s with the default tolerance → %s', (_, offset, expected) => {
    const timestamp = String(NOW_SEC + offset);
    expect(verifyHotlineSignature(SECRET, timestamp, body, sign(timestamp), { nowSec: NOW_SEC })).toBe(expected);
  });

  it('honours a given tolerance', () => {
    const timestamp = String(NOW_SEC - 30);
    expect(verifyHotlineSignature(SECRET, timestamp, body, sign(timestamp), { nowSec: NOW_SEC, toleranceSec: 10 })).toBe(false);
  });
});
