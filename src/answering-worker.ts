// The answering thread's side of ANSWERING=thread (see answering-thread.ts): the server
// without a listener, answering the chats the serving thread names, at a lower priority.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from './config.ts';
import type { FromAnswering, ToAnswering } from './answering-thread.ts';
import type { Inbox } from './messaging/inbox.ts';
import { AnswerPace } from './messaging/answer-pace.ts';
import { startServer } from './main.ts';

/** Nice value of the thread: the serving thread (0) wins the CPU when both want it. */
const NICE = 10;

export async function answerQueuedMessages(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('answering: not started as a worker thread');
  lowerThisThreadsPriority();
  const { config } = workerData as { config: Config };
  let inbox: Pick<Inbox, 'wake' | 'converse'> | undefined;
  const pace = new AnswerPace();
  const running = await startServer(config, {
    answering: { connect: (served) => (inbox = served), pace },
    // A channel that stops for good ends the thread; the serving thread starts it again.
    onFatal: () => process.exit(1),
  });
  const tell = (message: FromAnswering) => port.postMessage(message);
  port.on('message', (message: ToAnswering) => {
    if ('queued' in message) for (const chat of message.queued) inbox?.wake(chat);
    else if ('backlog' in message) pace.hold(message.backlog);
    else if ('converse' in message) {
      const { call, incoming, repeatable } = message.converse;
      inbox!.converse(incoming, repeatable).then(
        (replies) => tell({ answered: call, replies }),
        (err: unknown) => {
          running.app.log.error({ err }, 'answering thread: a web chat message was not answered');
          tell({ failed: call });
        },
      );
    } else void running.close().then(() => port.close());
  });
  tell('ready');
}

/**
 * On Linux a thread is a task with a nice value of its own (setpriority on its id); Node
 * names no thread ids, /proc/thread-self does. Elsewhere the thread keeps the process's.
 */
function lowerThisThreadsPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId)) setPriority(threadId, NICE);
  } catch {
    // No /proc: the same priority as the serving thread, which is only slower under load.
  }
}
