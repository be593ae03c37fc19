// A stand-in for the answering thread (test/server/answering-thread-restart.test.ts): the
// first start ends at once with code 1, as a thread that failed; later ones say they are
// ready, answer a web chat call with "thread: <text>" (or fail it, or end on "crash"),
// and end when asked to stop. Asked "backlog?", it answers what it last heard of a backlog.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const marker = join(workerData.config.markerDir, 'started-once');
if (!existsSync(marker)) {
  writeFileSync(marker, '');
  process.exit(1);
}
let backlog = 'never told';
parentPort.on('message', (message) => {
  if (message.stop) parentPort.close();
  if ('backlog' in message) backlog = message.backlog;
  if (!message.converse) return;
  const { call, incoming } = message.converse;
  if (incoming.text === 'crash') process.exit(1);
  if (incoming.text === 'backlog?') return parentPort.postMessage({ answered: call, replies: [{ text: `backlog: ${backlog}` }] });
  parentPort.postMessage(incoming.text === 'fail' ? { failed: call } : { answered: call, replies: [{ text: `thread: ${incoming.text}` }] });
});
parentPort.postMessage('ready');
