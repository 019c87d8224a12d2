// HiGHS in a worker thread (SPEC "roster": the solve can take seconds): the main thread stays
// free to draw progress (elapsed, time limit, gap) and to react to signals. solveInWorker runs
// solveRoster here and passes its progress reports back, at most a few per second.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { RosterProblem } from './problem.js';
import { type SolveOptions, type SolveProgress, type SolveResult, solveRoster } from './solve.js';

type Msg = { type: 'progress'; progress: SolveProgress } | { type: 'result'; result: SolveResult } | { type: 'error'; message: string; stack?: string };

const THROTTLE_MS = 200;

/**
 * Solve in a worker thread; `onProgress` is called on this thread. Running from the TypeScript
 * sources (tests) there is no compiled worker file, so the solve runs on this thread instead.
 */
export function solveInWorker(p: RosterProblem, opt: Omit<SolveOptions, 'onProgress'>, onProgress?: (p: SolveProgress) => void): Promise<SolveResult> {
  if (new URL(import.meta.url).pathname.endsWith('.ts')) return solveRoster(p, { ...opt, onProgress });
  // This module's compiled file, dist/src/roster/worker.js, named relative to this module so that
  // it is the same file when this code runs from the start-up bundle (dist/src/cli/storeops.cjs,
  // scripts/bundle.mjs), which the worker must not load.
  const file = new URL('../roster/worker.js', import.meta.url);
  return new Promise((resolve, reject) => {
    const w = new Worker(file, { workerData: { p, opt } });
    let done = false;
    w.on('message', (m: Msg) => {
      if (m.type === 'progress') onProgress?.(m.progress);
      else if (m.type === 'result') {
        done = true;
        resolve(m.result);
        void w.terminate();
      } else {
        done = true;
        const e = new Error(m.message);
        e.stack = m.stack;
        reject(e);
        void w.terminate();
      }
    });
    w.on('error', (e) => {
      if (!done) reject(e);
    });
    w.on('exit', (code) => {
      if (!done) reject(new Error(`roster solver thread exited with code ${code}`));
    });
  });
}

if (!isMainThread && parentPort && (workerData as { p?: RosterProblem } | undefined)?.p) {
  const port = parentPort;
  const { p, opt } = workerData as { p: RosterProblem; opt: SolveOptions };
  let last = 0;
  solveRoster(p, {
    ...opt,
    onProgress: (progress) => {
      const now = Date.now();
      if (now - last < THROTTLE_MS && progress.gap !== 0) return;
      last = now;
      port.postMessage({ type: 'progress', progress } satisfies Msg);
    },
  }).then(
    (result) => port.postMessage({ type: 'result', result } satisfies Msg),
    (e: Error) => port.postMessage({ type: 'error', message: e.message, stack: e.stack } satisfies Msg),
  );
}
