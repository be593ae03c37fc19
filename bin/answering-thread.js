// Entry point of the answering thread (ANSWERING=thread), started by the server: the
// sources are TypeScript, compiled by tsx as in bin/motcua.js.
import { register } from 'tsx/esm/api';

register();
const { answerQueuedMessages } = await import('../src/answering-worker.ts');
await answerQueuedMessages();
