// The process kill.test.ts kills: the real server on the given store and records, with a signed
// webhook as hotline target. It says "ready <url>" once it listens, then serves
// until it is killed (it is never stopped any other way).
import { startServer } from '../../src/main.ts';
import { testConfig } from '../server/running-server.ts';

const [storeUrl, prefix, databaseUrl, webhookUrl] = process.argv.slice(2);
const server = await startServer(
  testConfig({
    STORE_URL: storeUrl!,
    STORE_PREFIX: prefix!,
    DATABASE_URL: databaseUrl!,
    HOTLINE_WEBHOOK_URL: webhookUrl!,
    HOTLINE_WEBHOOK_SECRET: 'kill-test-webhook-secret',
  }),
);
process.stdout.write(`ready ${server.url}\n`);
