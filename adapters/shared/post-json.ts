// One POST to a platform API, through undici's request(). The WHATWG fetch built into
// Node builds Request, Response and web streams for every call: sending Zalo replies with
// it took a tenth of the answering thread and most of its garbage, against a few percent
// for the same sends through request() on a kept-alive connection pool.
import { request } from 'undici';

export interface PostOptions {
  headers: Record<string, string>;
  body: string;
  /** No answer (headers and body) within this long: TimeoutError. */
  timeoutMs: number;
  /** The caller's own abort: its reason is thrown unchanged. */
  signal?: AbortSignal;
}

export interface Posted {
  status: number;
  /** The body parsed as JSON; undefined when it is not (a proxy's error page, a cut body). */
  json: unknown;
}

/** Failed before an answer came: why, in a word or two (ECONNREFUSED, a timeout). */
export class PostFailed extends Error {
  constructor(
    readonly timedOut: boolean,
    detail: string,
  ) {
    super(detail);
    this.name = 'PostFailed';
  }
}

export async function postJson(url: string, options: PostOptions): Promise<Posted> {
  const { headers, body, timeoutMs, signal } = options;
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await request(url, { method: 'POST', headers, body, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    return { status: response.statusCode, json: parseJson(await response.body.text()) };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timeout.aborted) throw new PostFailed(true, `no answer within ${timeoutMs} ms`);
    throw new PostFailed(false, networkDetail(error));
  }
}

/** undici names the network error in `code` (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET…). */
function networkDetail(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
