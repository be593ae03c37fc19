// ANSWERING=thread: platform updates are answered in a worker thread of their own, so
// that acknowledging a webhook (storing the update, 200) never waits behind the search
// and dialogue work of answers on the one event loop. The thread is this server again
// without a listener (see answering-worker.ts): it opens the store and the knowledge
// itself, and answers the chats this thread stores messages for and names to it. It runs
// at a lower priority, so that when the machine is saturated acknowledgements come first
// and answers catch up after; what is queued is stored, so a thread that fails loses
// nothing: it is started again and takes up every queued chat.
//
// The web chat's messages are answered there too (the page waits for the reply, so each
// is a call with its answer posted back): the serving thread is left the HTTP work, and
// the second core the answering. While the thread starts again, they are answered here.
// Sharing the answers between both threads was measured and dropped: more answered per
// second, but every answer on the serving thread holds every reply behind it, and the
// web chat's p99 grew (147-312 ms against 139-183 ms, same runs).
import { Worker } from 'node:worker_threads';
import { AdmissionBacklog } from './admission-backlog.ts';
import type { Admit, Incoming } from './kernel/messages.ts';
import type { Log } from './kernel/log.ts';
import type { Reply } from './kernel/reply.ts';
import type { Inbox } from './messaging/inbox.ts';
import type { Config } from './config.ts';

const ENTRY = new URL('../bin/answering-thread.js', import.meta.url);
/** Restarts after a failure wait this long, doubled each time up to a minute. */
const FIRST_RESTART_MS = 1_000;
const LAST_RESTART_MS = 60_000;
/** How long stop() lets the thread finish the answers in hand before it is ended. */
const STOP_WAIT_MS = 15_000;

/** What the serving thread tells the answering one. */
export type ToAnswering = { queued: string[] } | { converse: { call: number; incoming: Incoming; repeatable: boolean } } | { backlog: boolean } | { stop: true };
/** What the answering thread tells the serving one: it runs, or how a web chat call ended. */
export type FromAnswering = 'ready' | { answered: number; replies: Reply[] } | { failed: number };

type Converse = Inbox['converse'];

export class AnsweringThread {
  private worker: Worker | undefined;
  private named = new Set<string>();
  private stopping = false;
  private restartMs = FIRST_RESTART_MS;
  private restart: NodeJS.Timeout | undefined;
  private log: Log | undefined;
  // What happened before the server's logger was there to say it.
  private untold: [object, string][] = [];
  private answering = false;
  // Web chat calls posted to the thread and not answered yet.
  private readonly calls = new Map<number, { resolve: (replies: Reply[]) => void; reject: (error: Error) => void }>();
  private lastCall = 0;
  // A platform pushing a backlog: the thread answers at a trickle meanwhile (messaging/answer-pace.ts).
  private readonly admissions = new AdmissionBacklog((backlog) => this.worker?.postMessage({ backlog } satisfies ToAnswering));

  /** `entry`: the thread's script (tests give one of their own). */
  constructor(
    private readonly config: Config,
    private readonly entry: URL = ENTRY,
  ) {}

  /** Started before the server loads its own knowledge, so that both load at once. */
  start(): void {
    this.spawn();
  }

  /** The server's logger, once there is one. */
  logTo(log: Log): void {
    this.log = log;
    for (const [fields, message] of this.untold.splice(0)) log.error(fields, message);
  }

  /** The thread has started and takes up queued messages (the server is not ready before: see /readyz). */
  ready(): boolean {
    return this.answering;
  }

  /** The chat has a message queued: named to the thread with the others queued in this turn. */
  readonly queued = (chat: string): void => {
    if (this.named.add(chat).size === 1) setImmediate(() => this.post());
  };

  /** `admit` for the push channels: the updates it stores are counted, to tell the thread of a backlog. */
  admitting(admit: Admit): Admit {
    return this.admissions.counted(admit);
  }

  /** The web chat's conversation: in the thread while it runs, by `here` while it does not. */
  conversing(here: Converse): Converse {
    return (incoming, repeatable = false) => {
      const worker = this.worker;
      if (!worker || !this.answering) return here(incoming, repeatable);
      const call = ++this.lastCall;
      return new Promise<Reply[]>((resolve, reject) => {
        this.calls.set(call, { resolve, reject });
        worker.postMessage({ converse: { call, incoming, repeatable } } satisfies ToAnswering);
      });
    };
  }

  /** Asks the thread to finish what it is answering and end; ended outright after STOP_WAIT_MS. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restart);
    this.admissions.stop();
    const worker = this.worker;
    if (!worker) return;
    const ended = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage({ stop: true } satisfies ToAnswering);
    const timer = setTimeout(() => void worker.terminate(), STOP_WAIT_MS);
    await ended;
    clearTimeout(timer);
  }

  private post(): void {
    const chats = [...this.named];
    this.named.clear();
    // While the thread is down the chats stay queued in the store: a new thread takes them all up.
    this.worker?.postMessage({ queued: chats } satisfies ToAnswering);
  }

  private tell(fields: object, message: string): void {
    if (this.log) this.log.error(fields, message);
    else this.untold.push([fields, message]);
  }

  private heard(message: FromAnswering): void {
    if (message === 'ready') {
      this.answering = true;
      this.restartMs = FIRST_RESTART_MS;
      // A thread started again during a backlog hears of it.
      if (this.admissions.on) this.worker?.postMessage({ backlog: true } satisfies ToAnswering);
      return;
    }
    const call = 'answered' in message ? message.answered : message.failed;
    const waiting = this.calls.get(call);
    if (!waiting) return;
    this.calls.delete(call);
    if ('answered' in message) waiting.resolve(message.replies);
    else waiting.reject(new Error('answering thread: the conversation failed'));
  }

  private spawn(): void {
    const worker = new Worker(this.entry, { workerData: { config: this.config } });
    this.worker = worker;
    worker.on('message', (message: FromAnswering) => this.heard(message));
    worker.on('error', (err) => this.tell({ err }, 'answering thread: failed'));
    worker.on('exit', (code) => {
      this.worker = undefined;
      this.answering = false;
      // The page sends a message again when no answer came; one already answered is not answered twice (Inbox.converse).
      for (const { reject } of this.calls.values()) reject(new Error('answering thread: ended before it answered'));
      this.calls.clear();
      if (this.stopping) return;
      this.tell({ code, restartInMs: this.restartMs }, 'answering thread: ended; starting it again (queued messages wait, none is lost)');
      this.restart = setTimeout(() => this.spawn(), this.restartMs).unref();
      this.restartMs = Math.min(this.restartMs * 2, LAST_RESTART_MS);
    });
  }
}
