// A fake Zalo Bot Platform on 127.0.0.1 for tests: the same paths, envelope and
// quirks as the real API (one update per getUpdates, 408 when none arrived, 404 from
// getWebhookInfo without a webhook, a duplicated Server header), every call recorded,
// and failures scriptable per method.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCall {
  method: string;
  body: Record<string, unknown>;
}

export type FakeFailure =
  /** An error envelope; the HTTP status defaults to the error code. */
  | { errorCode: number; description?: string; httpStatus?: number }
  /** Never answers, so the client's timeout fires. */
  | 'timeout'
  /** Drops the connection: a network error for the client. */
  | 'reset';

export interface FakeZaloBotApiOptions {
  token?: string;
  botId?: string;
  /** How long getUpdates waits for an update before answering 408. Default 50 ms. */
  emptyPollMs?: number;
}

type Envelope = { ok: true; result: unknown } | { ok: false; error_code: number; description: string };

export class FakeZaloBotApi {
  readonly token: string;
  readonly botId: string;
  readonly calls: FakeCall[] = [];
  webhook: { url: string; secretToken: string; updatedAt: number } | undefined;
  readonly #emptyPollMs: number;
  readonly #server = createServer((request, response) => void this.#handle(request, response));
  readonly #updates: object[] = [];
  #wakeUp: (() => void) | undefined;
  readonly #failures = new Map<string, FakeFailure[]>();

  private constructor(options: FakeZaloBotApiOptions) {
    this.token = options.token ?? '1234567890:fake-access-token';
    this.botId = options.botId ?? 'b0t1d';
    this.#emptyPollMs = options.emptyPollMs ?? 50;
  }

  static async start(options: FakeZaloBotApiOptions = {}): Promise<FakeZaloBotApi> {
    const fake = new FakeZaloBotApi(options);
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get apiRoot(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  callsOf(method: string): FakeCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** The texts sendMessage delivered, in order. */
  sentTexts(): string[] {
    return this.callsOf('sendMessage').map((call) => String(call.body.text));
  }

  /** Queues an update for getUpdates (one per call, oldest first). */
  queueUpdate(update: object): void {
    this.#updates.push(update);
    this.#wakeUp?.();
  }

  /** The next `times` calls of `method` fail this way (recorded, but not carried out). */
  failNext(method: string, failure: FakeFailure, times = 1): void {
    const queue = this.#failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.#failures.set(method, queue);
  }

  async close(): Promise<void> {
    this.#wakeUp?.();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(request.url ?? '');
    const raw = await readBody(request);
    if (!match || request.method !== 'POST') return send(response, error(404, 'Not Found'));
    const [, token, method = ''] = match;
    const body = parseObject(raw);
    this.calls.push({ method, body: body ?? {} });
    if (token !== this.token) return send(response, error(401, 'Unauthorized'));
    if (!body) return send(response, error(400, 'Bad Request: body is not a JSON object'));

    const failure = this.#failures.get(method)?.shift();
    if (failure === 'timeout') return; // left hanging until the client gives up or close()
    if (failure === 'reset') return void response.socket?.destroy();
    if (failure) return send(response, error(failure.errorCode, failure.description ?? 'Scripted failure'), failure.httpStatus);

    send(response, await this.#answer(method, body));
  }

  async #answer(method: string, body: Record<string, unknown>): Promise<Envelope> {
    switch (method) {
      case 'getMe':
        return ok({ id: this.botId, account_name: 'motcua_test_bot', account_type: 'BASIC', can_join_groups: false });
      case 'getUpdates': {
        // The real API answers 400 while a webhook is registered.
        if (this.webhook) return error(400, 'Bad Request: webhook is set');
        const update = await this.#nextUpdate();
        return update ? ok(update) : error(408, 'Request timeout');
      }
      case 'setWebhook': {
        const { url, secret_token: secretToken } = body;
        if (typeof url !== 'string' || !url.startsWith('https://')) return error(400, 'Bad Request: url must be https');
        if (typeof secretToken !== 'string' || secretToken.length < 8 || secretToken.length > 256) {
          return error(400, 'Bad Request: secret_token must be 8-256 characters');
        }
        this.webhook = { url, secretToken, updatedAt: Date.now() };
        return ok({ url, updated_at: this.webhook.updatedAt });
      }
      case 'deleteWebhook':
        this.webhook = undefined;
        return ok({ url: '', updated_at: Date.now() });
      case 'getWebhookInfo':
        return this.webhook ? ok({ url: this.webhook.url, updated_at: this.webhook.updatedAt }) : error(404, 'Not Found');
      case 'sendMessage': {
        const { chat_id: chatId, text } = body;
        if (typeof chatId !== 'string' || !chatId) return error(400, 'Bad Request: chat_id is required');
        if (typeof text !== 'string' || text.length < 1 || text.length > 2000) return error(400, 'Bad Request: text must be 1-2000 characters');
        return ok({ message_id: randomBytes(10).toString('hex'), date: Date.now() });
      }
      case 'sendChatAction':
        return ok(true);
      default:
        return error(404, 'Not Found');
    }
  }

  /** Long poll: the oldest queued update, or undefined after emptyPollMs without one. */
  async #nextUpdate(): Promise<object | undefined> {
    if (this.#updates.length === 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => this.#wakeUp?.(), this.#emptyPollMs);
        this.#wakeUp = () => {
          clearTimeout(timer);
          this.#wakeUp = undefined;
          resolve();
        };
      });
    }
    return this.#updates.shift();
  }
}

function ok(result: unknown): Envelope {
  return { ok: true, result };
}

function error(code: number, description: string): Envelope {
  return { ok: false, error_code: code, description };
}

function send(response: ServerResponse, envelope: Envelope, httpStatus?: number): void {
  if (response.destroyed) return;
  response.statusCode = httpStatus ?? (envelope.ok ? 200 : envelope.error_code);
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  // Zalo's edge sends Server twice; strict HTTP clients have choked on it.
  response.setHeader('Server', ['ZaloEdge', 'ZaloEdge']);
  response.end(JSON.stringify(envelope));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseObject(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
