// Giving large array memory back as soon as it is dead. A typed array that has lived a while sits
// in the old generation, and its memory is freed only by a full collection, which may come tens
// of seconds later: a table that grew by doubling, or one let go before a command's next stage,
// would stay in the process's peak memory until then.

import { setFlagsFromString } from 'node:v8';

/** Whether this process has detached a buffer (discard): V8's detaching protector is gone then. */
let detachedOnce = false;

/**
 * Frees `buffer`'s memory at the next minor collection (a few MB of allocation away) instead of
 * the next full one. Transferring moves the memory, without a copy, to a new buffer that nothing
 * refers to and that is young, so the first minor collection frees it. `buffer`, and every view
 * of it, is empty (length 0) afterwards: call only when nothing reads it again.
 */
export function discard(buffer: ArrayBuffer): void {
  structuredClone(buffer, { transfer: [buffer] });
  detachedOnce = true;
}

/**
 * Buffers smaller than this are not worth detaching while a command's hot loops run (discardLarge).
 */
export const DETACH_MIN = 1 << 20;

/**
 * discard() for a buffer of DETACH_MIN bytes or more; a smaller one is only let go (freed by the
 * next full collection). The first detach in a process makes V8 throw away every optimised function
 * that reads a typed array and compile it again with a detached-buffer check on every access (its
 * "detaching protector"): the byte scanner, the row parser, the duplicate check and the stores,
 * for the rest of the run. The duplicate check's small tables (the ids-only set's parts as they
 * double up to 2^19 ids, the buckets' overflow sets, growing from 16 ids) were detached hundreds of
 * times from the first quarter of a 1M-row reading on, a few KB each (~14 MB in all at 1M rows,
 * bounded: the ids-only set stops at 2^19 ids). Issue 21, twenty-ninth round.
 */
export function discardLarge(buffer: ArrayBuffer): void {
  if (buffer.byteLength >= DETACH_MIN) discard(buffer);
}

/**
 * discard() for each of `buffers` when together they hold DETACH_MIN bytes or more, or when this
 * process has detached a buffer already; else they are only let go (freed by a later collection:
 * under a megabyte). For the stages after the reading (compensate's windows, the open orders'
 * log, the late store's spare blocks): in a small run (a 10k-row export: 32 KB, 16 KB and 8 KB)
 * the first detach threw away ~20 optimised functions still in use or compiled again — the open
 * orders' replay, the amounts', the output's encoder — and V8 compiled the rest of the run with a
 * detached-buffer check on each typed-array access (issue 21, thirty-sixth round). In a large run
 * the same buffers are detached as before.
 */
export function discardAll(buffers: readonly ArrayBuffer[]): void {
  if (!detachedOnce) {
    let bytes = 0;
    for (const b of buffers) bytes += b.byteLength;
    if (bytes < DETACH_MIN) return;
  }
  for (const b of buffers) discard(b);
}

/** Less memory than this is not worth a collection of its own (collectYoung). */
export const YOUNG_MIN = 1 << 20;

/** Where collectYoung's short-lived arrays are held (so no compiler drops them as unused). */
let young: unknown[] = [];

/**
 * Lets a minor collection run now, so that buffers discard()ed are freed before a stage that
 * allocates much but makes little garbage (compensate's windows: typed arrays only; the open
 * orders' old store waited there until the rows were written, ~20 MB at 3M rows, issue 21). Makes
 * short-lived small arrays, a megabyte at a time, until the array-buffer memory is `bytes` lower
 * (at most 64 MB of them: a young generation is smaller).
 */
export function collectYoung(bytes: number): void {
  // Under a megabyte waits for the next collection: the arrays made to start one cost more (a
  // 10k-row compensate run made 2 MB of them for 16 KB, 7–30 ms of its main thread; issue 21).
  if (bytes < YOUNG_MIN) return;
  const target = process.memoryUsage().arrayBuffers - bytes;
  for (let mb = 0; mb < 64; mb++) {
    const chunk: unknown[] = [];
    for (let k = 0; k < 256; k++) chunk.push(new Array(512));
    young = chunk;
    if (process.memoryUsage().arrayBuffers <= target) break;
  }
  young = [];
}

/**
 * How far, in percent, the old generation may grow past what the last full collection left live
 * in a compensate --record run (limitHeapGrowth).
 */
export const RECORD_HEAP_GROWTH = 25;

/**
 * From now on, for the rest of the process, V8 starts a full collection once the old generation
 * has grown `percent` past what the last one left live, instead of by its own factor (1.1× to 4×,
 * the larger the slower its collections run against the program's allocation: under load). A
 * --record run holds the call's records (~145 MB live at a 1M-row export) while it makes garbage:
 * V8 let the heap grow to 2–2.5× of that before collecting, and after the recording kept that
 * limit while the rows were written (issue 21: 400–570 MB peaks). Only how soon garbage is
 * collected changes, never what is live.
 */
export function limitHeapGrowth(percent: number): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
