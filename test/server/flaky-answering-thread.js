// A stand-in for the answering thread (test/server/answering-thread-restart.test.ts): the
// first start ends at once with code 1, as a thread that failed; the next says it is ready,
// echoes what it is told, and ends when asked to stop.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const marker = join(workerData.config.markerDir, 'started-once');
if (!existsSync(marker)) {
  writeFileSync(marker, '');
  process.exit(1);
}
parentPort.on('message', (message) => {
  if (message.stop) parentPort.close();
  else parentPort.postMessage(message);
});
parentPort.postMessage('ready');
