// Progress on stderr, only when stderr is a terminal (never in a pipe, a file or cron) and not
// under -q. One line, redrawn in place about ten times a second from a timer, so it moves even
// while the work runs in big batches: a bar over the input's bytes with rate and time left, or the
// solver's elapsed time against its limit with the current gap. Erased when the work is done.
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { type Lang, type Msg, msg, noteLine, say } from '../errors.js';
import { displayWidth, truncate } from '../io/width.js';
import { oneLine } from '../io/escape.js';

export interface ProgressHost {
  io: { stderr: Writable & { isTTY?: boolean; columns?: number }; stdout?: Writable; env: NodeJS.ProcessEnv };
  quiet: boolean;
  verbose?: boolean;
  lang: Lang;
  info(m: Msg): void;
}

export interface Clock {
  now(): number;
  every(ms: number, fn: () => void): () => void;
}

const realClock: Clock = {
  now: () => performance.now(),
  every(ms, fn) {
    const t = setInterval(fn, ms);
    t.unref();
    return () => clearInterval(t);
  },
};

/**
 * May a progress line be drawn? A terminal on stderr, no -q, a terminal that can redraw, and
 * stdout not a pipe: `storeops … | head` (or `| less`) shares the terminal with the reader's
 * output, and a bar drawn between its lines stays there half drawn (README: never in a pipe).
 */
export function progressAllowed(h: ProgressHost): boolean {
  return Boolean(h.io.stderr.isTTY) && !h.quiet && h.io.env.TERM !== 'dumb' && !isPipe(h.io.stdout);
}

/** Is this stream a pipe or a socket (fd 1 of `… | head`)? A stream without a descriptor is not. */
function isPipe(s: Writable | undefined): boolean {
  const fd = (s as { fd?: unknown } | undefined)?.fd;
  if (typeof fd !== 'number') return false;
  try {
    const st = fs.fstatSync(fd);
    return st.isFIFO() || st.isSocket();
  } catch {
    return false;
  }
}

export interface ByteProgress {
  /** Stop and erase the line; with -v, say how much was read how fast. */
  done(): void;
}

const FRAME_MS = 100;
/** An input this large shows its bar at once. */
const LARGE_BYTES = 5e6;
/** A smaller input (or stdin) shows a bar only when reading it takes longer than this. */
const SMALL_DELAY_MS = 1000;

function mb(n: number): string {
  return (n / 1e6).toFixed(1);
}

function duration(s: number, lang: Lang): string {
  const t = Math.max(0, Math.round(s));
  const text = t < 60 ? `${t} s` : t < 3600 ? `${Math.floor(t / 60)} min ${String(t % 60).padStart(2, '0')} s` : `${Math.floor(t / 3600)} h ${String(Math.floor((t % 3600) / 60)).padStart(2, '0')} min`;
  return lang === 'zh' ? text.replace(' min', ' 分').replace(' s', ' 秒').replace(' h', ' 小时') : text;
}

/** The text of one frame of the byte bar (pure: tested on its own). */
export function byteFrame(rawLabel: string, read: number, total: number | undefined, elapsedS: number, width: number, lang: Lang): string {
  // The file name as every message shows it: a newline or ESC in it escaped (\n, \x1b), not redrawing the terminal.
  const label = oneLine(rawLabel);
  // Under half a second the rate is noise (the first bytes were read while detecting the format).
  const rate = elapsedS >= 0.5 ? read / elapsedS : 0;
  const rateText = rate > 0 ? `${mb(rate)} MB/${lang === 'zh' ? '秒' : 's'}` : '… MB/' + (lang === 'zh' ? '秒' : 's');
  let tail: string;
  let bar = '';
  if (total && total > 0) {
    const share = Math.min(1, read / total);
    const left = rate > 0 ? (total - read) / rate : undefined;
    const eta = left === undefined ? '' : lang === 'zh' ? `  剩余 ${duration(left, lang)}` : `  ${duration(left, lang)} left`;
    tail = `${String(Math.floor(share * 100)).padStart(3)}%  ${mb(read)}/${mb(total)} MB  ${rateText}${eta}`;
    const cells = 20;
    const full = Math.round(share * cells);
    bar = `[${'█'.repeat(full)}${'░'.repeat(cells - full)}]  `;
  } else {
    tail = `${mb(read)} MB  ${rateText}`;
  }
  const room = width - 1 - displayWidth(bar + tail) - 2;
  // The file name gives way first (its folder, then its end); the numbers are what the operator waits for.
  const short = displayWidth(label) > room ? label.slice(label.lastIndexOf('/') + 1) : label;
  const name = room >= 8 ? truncate(short, room) + '  ' : '';
  return truncate(name + bar + tail, width - 1);
}

/** A bar over the bytes of one input. `bytes()` is polled; `total` undefined for stdin. */
export function byteProgress(h: ProgressHost, label: string, total: number | undefined, bytes: () => number, clock: Clock = realClock): ByteProgress {
  // No bar and no -v: nothing is timed. The clock is not read at all, so such a run (a pipe, cron,
  // -q) never loads the runtime's performance timers (start-up time, issue 21).
  if (!progressAllowed(h) && !h.verbose) return { done() {} };
  const start = clock.now();
  if (!progressAllowed(h)) {
    return {
      done() {
        if (h.verbose) verboseDone(h, label, bytes(), (clock.now() - start) / 1000);
      },
    };
  }
  const err = h.io.stderr;
  // Only a large input gets a bar (SPEC): a file of LARGE_BYTES or more from the start (the first
  // sign of life comes at once, not after the first batch); a smaller one, or stdin, only once the
  // reading has taken SMALL_DELAY_MS, so a 10 KB export never flashes a bar.
  const large = total !== undefined && total >= LARGE_BYTES;
  let drawn = false;
  const draw = () => {
    if (!large && clock.now() - start < SMALL_DELAY_MS) return;
    drawn = true;
    const width = err.columns && err.columns > 20 ? err.columns : 80;
    err.write(`\r${byteFrame(label, bytes(), total, (clock.now() - start) / 1000, width, h.lang)}\u001b[K`);
  };
  draw();
  const stop = clock.every(FRAME_MS, draw);
  let finished = false;
  return {
    done() {
      if (finished) return;
      finished = true;
      stop();
      if (drawn) err.write('\r\u001b[K');
      if (h.verbose) verboseDone(h, label, bytes(), (clock.now() - start) / 1000);
    },
  };
}

function verboseDone(h: ProgressHost, label: string, read: number, s: number): void {
  const rate = s > 0 ? mb(read / s) : '—';
  h.info(noteLine(msg(`${label}: 读取 ${mb(read)} MB, 用时 ${s.toFixed(1)} 秒 (${rate} MB/秒)`, `${label}: read ${mb(read)} MB in ${s.toFixed(1)} s (${rate} MB/s)`)));
}

export interface SolverStatus {
  /** The relative gap between the best roster found and the proven bound (0.05 = 5 %). */
  gap?: number;
  /** What is being optimised now, e.g. "hours spread". */
  stage?: Msg;
}

export interface SolverProgress {
  update(s: SolverStatus): void;
  done(): void;
}

/** The text of one solver frame (pure). */
export function solverFrame(elapsedS: number, limitS: number, s: SolverStatus, width: number, lang: Lang): string {
  const share = limitS > 0 ? Math.min(1, elapsedS / limitS) : 0;
  const cells = 20;
  const full = Math.round(share * cells);
  const bar = `[${'█'.repeat(full)}${'░'.repeat(cells - full)}]`;
  const gap = s.gap === undefined || !Number.isFinite(s.gap) ? '' : lang === 'zh' ? `  差距 ${(s.gap * 100).toFixed(1)}%` : `  gap ${(s.gap * 100).toFixed(1)}%`;
  const stage = s.stage ? `  ${say(s.stage, lang)}` : '';
  const head = lang === 'zh' ? '求解中' : 'solving';
  return truncate(`${head}  ${bar}  ${elapsedS.toFixed(0)} s / ${limitS} s${gap}${stage}`, width - 1);
}

/** The solver's elapsed time against --time-limit; the solver reports the gap through update(). */
export function solverProgress(h: ProgressHost, limitS: number, clock: Clock = realClock): SolverProgress {
  if (!progressAllowed(h)) return { update() {}, done() {} };
  const err = h.io.stderr;
  const start = clock.now();
  let status: SolverStatus = {};
  const draw = () => {
    const width = err.columns && err.columns > 20 ? err.columns : 80;
    err.write(`\r${solverFrame((clock.now() - start) / 1000, limitS, status, width, h.lang)}\u001b[K`);
  };
  draw();
  const stop = clock.every(250, draw);
  let finished = false;
  return {
    update(s) {
      status = { ...status, ...s };
    },
    done() {
      if (finished) return;
      finished = true;
      stop();
      err.write('\r\u001b[K');
    },
  };
}
