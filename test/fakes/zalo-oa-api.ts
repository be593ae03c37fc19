// A fake Zalo OA Open API and OAuth v4 server on 127.0.0.1 for tests: the same paths,
// headers and answer shapes as the real ones (HTTP 200 with a non-zero `error` for most
// failures, expires_in as a string), single-use refresh tokens (a spent one answers
// -118), every call recorded, and send failures scriptable.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';

export interface FakeOaCall {
  path: string;
  headers: IncomingMessage['headers'];
  /** The JSON body (sends) or the form fields (refresh). */
  body: Record<string, unknown>;
}

export type FakeOaFailure =
  /** Zalo's `error` in the body; HTTP 200 unless httpStatus says otherwise. */
  | { error: number; message?: string; httpStatus?: number }
  /** Drops the connection: a network error for the client. */
  | 'reset';

export interface FakeZaloOaApiOptions {
  appId?: string;
  appSecretKey?: string;
  /** How long a refresh takes to answer, to widen races in tests. Default 0. */
  refreshDelayMs?: number;
  /** Lifetime the fake gives new access tokens, in seconds. Default 90000 (25 h). */
  expiresInS?: number;
  /** Zalo sends expires_in as a quoted number; 'number' tests the other variant. Default 'string'. */
  expiresInType?: 'string' | 'number';
}

const SEND_PATH = '/v3.0/oa/message/cs';
const REFRESH_PATH = '/v4/oa/access_token';

export class FakeZaloOaApi {
  readonly appId: string;
  readonly appSecretKey: string;
  readonly calls: FakeOaCall[] = [];
  /** The pair a test seeds the token manager with. */
  readonly initial: { accessToken: string; refreshToken: string };
  /** Successful refreshes so far. */
  refreshes = 0;
  readonly #refreshDelayMs: number;
  readonly #expiresInS: number;
  readonly #expiresInType: 'string' | 'number';
  readonly #validAccess = new Set<string>();
  readonly #expiredAccess = new Set<string>();
  // Each refresh token works once; a spent one stays here marked false.
  readonly #refreshTokens = new Map<string, boolean>();
  readonly #sendFailures: FakeOaFailure[] = [];
  readonly #refreshFailures: FakeOaFailure[] = [];
  readonly #delivered: string[] = [];
  readonly #server = createServer((request, response) => void this.#handle(request, response));

  private constructor(options: FakeZaloOaApiOptions) {
    this.appId = options.appId ?? '3608465249409039670';
    this.appSecretKey = options.appSecretKey ?? 'fake-app-secret-key';
    this.#refreshDelayMs = options.refreshDelayMs ?? 0;
    this.#expiresInS = options.expiresInS ?? 90_000;
    this.#expiresInType = options.expiresInType ?? 'string';
    this.initial = this.#issue();
  }

  static async start(options: FakeZaloOaApiOptions = {}): Promise<FakeZaloOaApi> {
    const fake = new FakeZaloOaApi(options);
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** Serves both the API and OAuth roots. */
  get root(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  sends(): FakeOaCall[] {
    return this.calls.filter((call) => call.path === SEND_PATH);
  }

  refreshCalls(): FakeOaCall[] {
    return this.calls.filter((call) => call.path === REFRESH_PATH);
  }

  /** The texts that were delivered, in order. */
  sentTexts(): string[] {
    return this.#delivered;
  }

  /** Every access token issued so far now answers -217. */
  expireAccessTokens(): void {
    for (const token of this.#validAccess) this.#expiredAccess.add(token);
    this.#validAccess.clear();
  }

  /** The next `times` sends fail this way (recorded, but not delivered). */
  failNextSend(failure: FakeOaFailure, times = 1): void {
    for (let i = 0; i < times; i++) this.#sendFailures.push(failure);
  }

  /** The next refresh fails this way without spending the refresh token. */
  failNextRefresh(failure: FakeOaFailure): void {
    this.#refreshFailures.push(failure);
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #issue(): { accessToken: string; refreshToken: string } {
    const pair = { accessToken: `access-${randomBytes(12).toString('hex')}`, refreshToken: `refresh-${randomBytes(12).toString('hex')}` };
    this.#validAccess.add(pair.accessToken);
    this.#refreshTokens.set(pair.refreshToken, true);
    return pair;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await text(request);
    const path = request.url ?? '';
    if (request.method !== 'POST') return send(response, { error: -1, message: 'Method not allowed' }, 405);
    if (path === SEND_PATH) {
      const body = jsonObject(raw);
      this.calls.push({ path, headers: request.headers, body });
      return this.#send(request, response, body);
    }
    if (path === REFRESH_PATH) {
      const form = Object.fromEntries(new URLSearchParams(raw));
      this.calls.push({ path, headers: request.headers, body: form });
      return this.#refresh(request, response, form);
    }
    send(response, { error: -1, message: 'Not found' }, 404);
  }

  #send(request: IncomingMessage, response: ServerResponse, body: Record<string, unknown>): void {
    const token = request.headers.access_token;
    if (typeof token !== 'string' || this.#expiredAccess.has(token)) return send(response, { error: -217, message: 'Access token has expired' });
    if (!this.#validAccess.has(token)) return send(response, { error: -216, message: 'Access token is invalid' });

    if (this.#failed(response, this.#sendFailures.shift())) return;

    const recipient = body.recipient as { user_id?: unknown } | undefined;
    const message = body.message as { text?: unknown } | undefined;
    if (typeof recipient?.user_id !== 'string' || typeof message?.text !== 'string') return send(response, { error: -201, message: 'Invalid parameters' });
    if (message.text.length > 2000) return send(response, { error: -210, message: 'Text exceeds 2000 characters' });
    this.#delivered.push(message.text);
    send(response, { error: 0, message: 'Success', data: { message_id: randomBytes(16).toString('hex'), user_id: recipient.user_id } });
  }

  async #refresh(request: IncomingMessage, response: ServerResponse, form: Record<string, string>): Promise<void> {
    if (this.#refreshDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#refreshDelayMs));
    if (this.#failed(response, this.#refreshFailures.shift())) return;
    // -14001/-14002 stand for "any other OAuth error": the real codes for these cases are not on record.
    if (request.headers.secret_key !== this.appSecretKey || form.app_id !== this.appId) {
      return send(response, { error: -14002, error_name: 'Invalid parameter', error_reason: 'Invalid app id or secret key' });
    }
    if (form.grant_type !== 'refresh_token' || !form.refresh_token) {
      return send(response, { error: -14001, error_name: 'Invalid parameter', error_reason: 'grant_type and refresh_token are required' });
    }
    if (this.#refreshTokens.get(form.refresh_token) !== true) {
      return send(response, { error: -118, error_name: 'Invalid refresh token', error_reason: 'Refresh token is invalid or has been used' });
    }
    this.#refreshTokens.set(form.refresh_token, false);
    this.refreshes += 1;
    const pair = this.#issue();
    // Zalo sends expires_in as a quoted number.
    const expiresIn = this.#expiresInType === 'string' ? String(this.#expiresInS) : this.#expiresInS;
    send(response, { access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_in: expiresIn });
  }

  /** Answers a scripted failure, if there is one. */
  #failed(response: ServerResponse, failure: FakeOaFailure | undefined): boolean {
    if (failure === 'reset') response.socket?.destroy();
    else if (failure) send(response, { error: failure.error, message: failure.message ?? 'Scripted failure' }, failure.httpStatus);
    return failure !== undefined;
  }
}

function send(response: ServerResponse, body: object, httpStatus = 200): void {
  if (response.destroyed) return;
  response.statusCode = httpStatus;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}

/** The body as an object; anything else as {} (the send handler then answers "invalid parameters"). */
function jsonObject(raw: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  return {};
}
