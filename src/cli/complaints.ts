// `motcua complaints export`: every complaint in the configured store, as CSV (for
// Excel and the national PAKN system) or JSON (for reports), to a file or stdout.
import { writeFile } from 'node:fs/promises';
import { ComplaintStore } from '../complaints/complaint-store.ts';
import { complaintsToCsv, complaintsToJson } from '../complaints/export.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { openStore } from '../store/open-store.ts';
import { MESSAGES } from './texts.ts';

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
  let store;
  try {
    store = await openStore(config.storeUrl, { prefix: config.storePrefix });
  } catch (error) {
    console.error(MESSAGES.complaintsStore(error instanceof Error ? error.message : String(error)));
    return 1;
  }
  try {
    const complaints = await new ComplaintStore(store).all();
    const content = format === 'csv' ? complaintsToCsv(complaints) : complaintsToJson(complaints);
    if (out === undefined) {
      process.stdout.write(content);
    } else {
      await writeFile(out, content, 'utf8');
      console.error(MESSAGES.complaintsWritten(complaints.length, out));
    }
    return 0;
  } finally {
    await store.close();
  }
}
