// A small stand-in for the Telegram Bot API server, on 127.0.0.1 with a random
// port: `/bot<token>/<method>` with JSON, form or query parameters, answering with
// Telegram's envelopes. It records every call, can fail the next calls of a
// method on request, and serves getUpdates from a queue the way Telegram does.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UserFromGetMe } from 'grammy/types';

export type ScriptedFailure =
  | { kind: 'rate_limit'; retryAfter: number }
  | { kind: 'server_error' }
  | { kind: 'blocked' }
  | { kind: 'error'; code: number; description: string };

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
}

export interface FakeBotApi {
  /** For the `apiRoot` client option. */
  readonly apiRoot: string;
  readonly token: string;
  readonly calls: RecordedCall[];
  /** The parameters of every call to `method`, in order. */
  callsTo(method: string): Record<string, unknown>[];
  /** The parameters of the calls to `method` that succeeded (not failed by `fail`), in order. */
  succeeded(method: string): Record<string, unknown>[];
  /** The next `count` calls of `method` fail this way; with `after`, only once that many more have succeeded. */
  fail(method: string, count: number, failure: ScriptedFailure, options?: { after?: number }): void;
  /** Updates for getUpdates; a waiting long poll returns at once. */
  queueUpdates(...updates: { update_id: number }[]): void;
  close(): Promise<void>;
}

export const FAKE_BOT_USER: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: 'Một cửa',
  username: 'motcua_test_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

type Envelope = { status: number; body: Record<string, unknown> };

export async function startFakeBotApi(token = '123456:TEST-token'): Promise<FakeBotApi> {
  const calls: RecordedCall[] = [];
  const done: RecordedCall[] = [];
  const failures = new Map<string, (ScriptedFailure | null)[]>(); // null: this call succeeds
  let queue: { update_id: number }[] = [];
  const waiters = new Set<() => void>();
  let nextMessageId = 1;

  const ok = (result: unknown): Envelope => ({ status: 200, body: { ok: true, result } });

  function failure(f: ScriptedFailure): Envelope {
    const error = (status: number, description: string, parameters?: object): Envelope => ({
      status,
      body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
    });
    switch (f.kind) {
      case 'rate_limit':
        return error(429, `Too Many Requests: retry after ${f.retryAfter}`, { retry_after: f.retryAfter });
      case 'server_error':
        return error(500, 'Internal Server Error');
      case 'blocked':
        return error(403, 'Forbidden: bot was blocked by the user');
      case 'error':
        return error(f.code, f.description);
    }
  }

  async function getUpdates(params: Record<string, unknown>, res: ServerResponse): Promise<Envelope> {
    // Asking with an offset confirms (forgets) every update below it, as Telegram does.
    const offset = typeof params.offset === 'number' ? params.offset : undefined;
    if (offset !== undefined) queue = queue.filter((u) => u.update_id >= offset);
    const limit = typeof params.limit === 'number' ? params.limit : 100;
    const timeout = typeof params.timeout === 'number' ? params.timeout : 0;
    if (queue.length === 0 && timeout > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeout * 1000);
        waiters.add(done);
        res.on('close', done); // the client gave up (abort)
      });
    }
    return ok(queue.slice(0, limit));
  }

  async function respond(method: string, params: Record<string, unknown>, res: ServerResponse): Promise<Envelope> {
    const scripted = failures.get(method)?.shift();
    if (scripted) return failure(scripted);
    switch (method) {
      case 'getMe':
        return ok(FAKE_BOT_USER);
      case 'getUpdates':
        return await getUpdates(params, res);
      case 'sendMessage':
        return ok({
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(params.chat_id), type: 'private' },
          from: FAKE_BOT_USER,
          text: params.text,
        });
      // Edits return the edited message (only text and markup are kept).
      case 'editMessageText':
      case 'editMessageReplyMarkup':
        return ok({
          message_id: Number(params.message_id),
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(params.chat_id), type: 'supergroup' },
          from: FAKE_BOT_USER,
          ...(params.text !== undefined ? { text: params.text } : {}),
          ...(params.reply_markup !== undefined ? { reply_markup: params.reply_markup } : {}),
        });
      default:
        return ok(true);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, { status: 500, body: { ok: false, error_code: 500, description: String(error) } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return send(res, { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } });
    if (match[1] !== token) return send(res, { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    const method = match[2]!;
    const params = { ...decodeForm(url.searchParams), ...(await readBody(req)) };
    calls.push({ method, params });
    const envelope = await respond(method, params, res);
    if (envelope.body.ok) done.push({ method, params });
    send(res, envelope);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method).map((c) => c.params),
    succeeded: (method) => done.filter((c) => c.method === method).map((c) => c.params),
    fail(method, count, f, { after = 0 } = {}) {
      const script = [...Array.from({ length: after }, () => null), ...Array.from({ length: count }, () => f)];
      failures.set(method, [...(failures.get(method) ?? []), ...script]);
    },
    queueUpdates(...updates) {
      queue.push(...updates);
      for (const wake of [...waiters]) wake();
    },
    async close() {
      for (const wake of [...waiters]) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

function send(res: ServerResponse, { status, body }: Envelope): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) return JSON.parse(text) as Record<string, unknown>;
  if (type.startsWith('application/x-www-form-urlencoded')) return decodeForm(new URLSearchParams(text));
  throw new Error(`unsupported content type: ${type}`);
}

// Like the real server, form fields holding objects (reply_markup…) are JSON text.
function decodeForm(fields: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of fields) {
    try {
      params[key] = JSON.parse(value);
    } catch {
      params[key] = value;
    }
  }
  return params;
}
