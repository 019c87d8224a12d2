// Where a run's CPU goes, by thread: a preload for measuring, not used by storeops.
//
//   node -r ./scripts/mainthread-cpu.cjs bin/storeops.js compensate FILE --as-of '2026-12-01 00:00:00' -q
//   node -r ./scripts/mainthread-cpu.cjs -e 0
//
// At the process's exit (process.exit() included) it writes one line to stderr, or appends it to
// the file named by MAINTHREAD_CPU_OUT:
//   main <ms> other <ms> faults <main>/<all> internal-modules <n> wall-from-start <ms>
// main: the main thread's user+sys CPU (/proc/self/task/<pid>/stat, clock ticks of 10 ms);
// other: every other thread's (V8's compiler and collector helpers, libuv's pool) read at the same
// moment; faults: the main thread's and the process's page faults (minor + major);
// internal-modules: node's own modules loaded (process.moduleLoadList's NativeModule entries);
// wall-from-start: from the process's start (performance.timeOrigin) to the exit hook.
// Linux only (it reads /proc); elsewhere it prints nothing.
'use strict';
const fs = require('node:fs');

const TICK_MS = 10; // sysconf(_SC_CLK_TCK) is 100 on Linux

/** utime, stime, minflt, majflt of one /proc stat line (fields after the command's closing paren). */
function fields(text) {
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state); minflt is field 10, majflt 12, utime 14, stime 15
  return { cpu: (Number(rest[11]) + Number(rest[12])) * TICK_MS, faults: Number(rest[7]) + Number(rest[9]) };
}

process.on('exit', () => {
  let line;
  try {
    const pid = process.pid;
    let main = 0;
    let other = 0;
    let mainFaults = 0;
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      let f;
      try {
        f = fields(fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
      } catch {
        continue; // the thread ended meanwhile
      }
      if (Number(tid) === pid) {
        main = f.cpu;
        mainFaults = f.faults;
      } else other += f.cpu;
    }
    const all = fields(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const internal = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).length;
    const wall = performance.now();
    line = `main ${main} other ${other} faults ${mainFaults}/${all.faults} internal-modules ${internal} wall-from-start ${wall.toFixed(0)}\n`;
  } catch {
    return;
  }
  if (process.env.MAINTHREAD_CPU_OUT) fs.appendFileSync(process.env.MAINTHREAD_CPU_OUT, line);
  else fs.writeSync(2, line);
});
