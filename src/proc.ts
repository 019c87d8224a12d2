// Is another process of ours still running? Used by compensate --record (a pending-output marker of
// a run still copying its output is left alone) and by the sweep of temporary files a killed run
// left (src/io/sink.ts sweepTemps).
import fs from 'node:fs';
import os from 'node:os';

/**
 * When a process started, as the kernel counts it (Linux: /proc/<pid>/stat field 22, clock ticks
 * since boot), or undefined where that cannot be read. Told apart from a later process given the
 * same id.
 */
export function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19];
    return start !== undefined && /^\d+$/.test(start) ? start : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when process `pid` runs (signal 0: nothing is sent). A process of another user (EPERM)
 * counts as running; so does any answer other than "no such process". With `start` (processStart
 * when it was seen), a process now running under the same id but started at another time is not it.
 */
export function processAlive(pid: number, start?: string): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  if (start !== undefined) {
    const now = processStart(pid);
    if (now !== undefined && now !== start) return false;
  }
  return true;
}

/** This machine's name (a marker of a run on another machine sharing the ledger cannot be checked). */
export function hostName(): string {
  try {
    return os.hostname();
  } catch {
    return '';
  }
}

/** Who this run is, as a compensate --record pending-output marker carries it (record.ts markerRunning). */
export function runningAs(): { pid: number; host: string; start?: string } {
  const start = processStart(process.pid);
  return { pid: process.pid, host: hostName(), ...(start !== undefined ? { start } : {}) };
}
