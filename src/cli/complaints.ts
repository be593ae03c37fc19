// `motcua complaints export`: every complaint in the configured database, as CSV (for
// Excel and the national PAKN system) or JSON (for reports), to a file or stdout.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ComplaintStore } from '../complaints/complaint-store.ts';
import { complaintsToCsv, complaintsToJson } from '../complaints/export.ts';
import { Outbox } from '../complaints/outbox.ts';
import { moveStoredComplaints } from '../complaints/stored-complaints.ts';
import { localDate } from '../kernel/vietnam-time.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../store/database.ts';
import { openStore } from '../store/open-store.ts';
import { MESSAGES } from '../texts/editors.ts';

export interface ExportOptions {
  format: 'csv' | 'json';
  /** A file to write; standard output when absent. */
  out?: string;
}

export async function exportComplaints({ format, out }: ExportOptions): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(MESSAGES.complaintsConfig(error.message));
    return 1;
  }
  let database: Database;
  try {
    database = await openDatabase(config.databaseUrl);
    // Complaints an earlier version kept in the store are exported too: they are moved first, as the server would.
    const store = await openStore(config.storeUrl, { prefix: config.storePrefix });
    const complaints = new ComplaintStore(database);
    await moveStoredComplaints(store, { complaints, outbox: new Outbox(database), now: Date.now }).finally(() => store.close());
  } catch (error) {
    console.error(MESSAGES.complaintsStore(error instanceof Error ? error.message : String(error)));
    return 1;
  }
  try {
    let count = 0;
    const complaints = counted(new ComplaintStore(database).each('all', localDate(Date.now())), () => count++);
    const content = Readable.from(format === 'csv' ? complaintsToCsv(complaints) : complaintsToJson(complaints));
    if (out === undefined) {
      await pipeline(content, process.stdout, { end: false });
    } else {
      await pipeline(content, createWriteStream(out, 'utf8'));
      console.error(MESSAGES.complaintsWritten(count, out));
    }
    return 0;
  } finally {
    await database.close();
  }
}

async function* counted<T>(items: AsyncIterable<T>, onEach: () => void): AsyncGenerator<T> {
  for await (const item of items) {
    onEach();
    yield item;
  }
}
