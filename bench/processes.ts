// What the benchmarks that start the real server as a process share: a free port to give
// it, how much memory it holds (resident set) and how much CPU it has used (both from /proc on Linux).
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

/** CPU time a process has used so far (user + system), in seconds; NaN where /proc cannot be read. */
export function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces, inside parentheses): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** Linux counts CPU time in ticks of 1/100 s (USER_HZ) on every common build. */
const CLOCK_TICKS = 100;
