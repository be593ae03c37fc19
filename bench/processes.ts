// What the benchmarks that start the real server as a process share: a free port to give
// it, and how much memory it holds (resident set, from /proc on Linux).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/** Resident memory of a process in MB, one decimal; NaN where /proc cannot be read. */
export function rssMb(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
    return Math.round(kb / 102.4) / 10;
  } catch {
    return NaN;
  }
}
