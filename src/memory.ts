// Giving large array memory back as soon as it is dead. A typed array that has lived a while sits
// in the old generation, and its memory is freed only by a full collection, which may come tens
// of seconds later: a table that grew by doubling, or one let go before a command's next stage,
// would stay in the process's peak memory until then.

/**
 * Frees `buffer`'s memory at the next minor collection (a few MB of allocation away) instead of
 * the next full one. Transferring moves the memory, without a copy, to a new buffer that nothing
 * refers to and that is young, so the first minor collection frees it. `buffer`, and every view
 * of it, is empty (length 0) afterwards: call only when nothing reads it again.
 */
export function discard(buffer: ArrayBuffer): void {
  structuredClone(buffer, { transfer: [buffer] });
}
