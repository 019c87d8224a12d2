// Records grouped by a text of theirs (a voucher's key, its buyer), held in typed arrays: the ledger's
// recording looks this call's vouchers up by key and by buyer, and a Map of the ~208k records of a
// 1M-row export was 7.3 MB of the recording's peak each (issue 21, forty-sixth round: three such maps
// and a set of every key, ~24 MB live, are these two indexes of ~2.8 MB each).

/** FNV-1a over the text's UTF-16 code units (any hash spreading short keys will do). */
function hashOf(k: string): number {
  let h = 0x811c9dc5;
  for (let j = 0; j < k.length; j++) {
    h ^= k.charCodeAt(j);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Records 0 … n−1 grouped by `keyOf(i)`: the records of one key in index order (a chain), found
 * from the key by an open-addressed table (at most half full) holding each key's first record. The
 * records themselves stay where they are; `keyOf` must answer the same text for an index each time.
 */
export class KeyChains {
  private readonly slots: Int32Array;
  private readonly next: Int32Array;
  private readonly mask: number;

  constructor(
    n: number,
    private readonly keyOf: (i: number) => string,
  ) {
    let size = 16;
    while (size < 2 * n) size *= 2;
    const slots = (this.slots = new Int32Array(size)); // the first record's index + 1; 0: empty
    const next = (this.next = new Int32Array(n)); // the next record of the same key; −1: none
    const mask = (this.mask = size - 1);
    // From the last record back, each put before the chain of its key: the chains come out in index order.
    for (let i = n - 1; i >= 0; i--) {
      const k = keyOf(i);
      let s = hashOf(k) & mask;
      for (;;) {
        const h = slots[s]!;
        if (h === 0) {
          next[i] = -1;
          slots[s] = i + 1;
          break;
        }
        if (keyOf(h - 1) === k) {
          next[i] = h - 1;
          slots[s] = i + 1;
          break;
        }
        s = (s + 1) & this.mask;
      }
    }
  }

  /** The first record of key `k` (the lowest index), or −1 when none has it. */
  first(k: string): number {
    const slots = this.slots;
    let s = hashOf(k) & this.mask;
    for (;;) {
      const h = slots[s]!;
      if (h === 0) return -1;
      if (this.keyOf(h - 1) === k) return h - 1;
      s = (s + 1) & this.mask;
    }
  }

  /** The record after `i` with the same key, or −1. */
  after(i: number): number {
    return this.next[i]!;
  }
}
