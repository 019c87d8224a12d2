// Late orders kept until vouchers are built, in columns of typed arrays: a million-row export can
// hold hundreds of thousands of late orders, and one JS object each (with its numbers, payout and
// buyer string) costs several times more than these 60 bytes plus the buyer's name in UTF-16 code
// units (its shop, the same for all of an export's buyers, kept once). This is the state the
// voucher computation truly needs; everything else about an order is dropped as it streams by.
//
// Each order is 15 32-bit numbers in two parts. What windows are sorted and grouped by (the key):
// paid at in whole seconds (unsigned), the order id as two words (src/orders/idset.ts idWords),
// and where the buyer's name sits in the name pool. What only its voucher reads (the payload):
// hours late and raw fen as doubles (exact whatever they are), deadline and shipped at in whole
// seconds, base, after-minimum and platform fen as integers. An order whose values do not fit (a
// time with milliseconds or before 1970, fen past ±2^31 or fractional) is kept whole in a Map
// instead: exact either way.
//
// Given a temporary file (issue 21), full blocks go there while the orders are read (the duplicate
// check's table is in memory then); load() reads back the keys, tags and names, and the payload is
// read from the file a page at a time as vouchers are built, in output order, which follows the
// order the orders came in for an export sorted by time (either way).
import { discardAll } from '../memory.js';
import type { SpillFile } from '../io/spill.js';
import { type Money, fenToMoney, moneyToFen } from '../money.js';
import type { Kind } from './judge.js';
import { idWords, wordsId } from '../orders/idset.js';
import type { LateOrder } from './vouchers.js';
import { NAME_HASH_PRIME, NAME_HASH_SEED, nameHashEnd } from './namehash.js';

/** The payload: W 32-bit numbers an order (the last unused: doubles stay 8-byte aligned). */
const W = 10;
// Int32 positions within an order's W numbers (the doubles at 0–1 and 2–3: Float64 positions o/2, o/2 + 1).
const DEADLINE = 4;
const SHIPPED = 5;
const BASE = 6;
const AFTER = 7;
const PLATFORM = 8;
/** The key: K 32-bit numbers an order. */
const K = 5;
const PAID = 0;
const ID_HI = 1;
const ID_LO = 2;
const NAME_AT = 3;
const NAME_LEN = 4;
/** No ship time (seconds: 2^32 − 1, past 2106), no platform payout (fen: −2^31), an id not in two words. */
const NO_TIME = -1;
const NO_FEN = -0x80000000;
const OTHER_ID = -1;

const KINDS: Kind[] = ['late', 'out_of_stock', 'delivery_promise'];
const SOURCES: LateOrder['shipSource'][] = ['pickup_scan', 'marked_shipped', 'unshipped', 'seen_open', 'seen_unshipped'];
// kind (WHOLE: the order is in `whole`), ship source, rate index, rule-set index
const TAGS = 4;
const WHOLE = 255;
/** Orders per block: the store grows a block at a time, never copying what it holds (no old and new array side by side). */
const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;
const IN_BLOCK = BLOCK - 1;
/** The buyers' names, one after another in blocks of UTF-16 code units (a longer name is kept in `longNames`). */
const NAME_BLOCK = 1 << 16;
const LONG_NAME = -1;
/**
 * A buyer of a shop is `nick` + SHOP_MARK + shop (vouchers.ts capBuyer): every late order of one
 * export repeats the same `SHOP_MARK + shop`, half of its name's code units (a 3M-row export: ~12 MB
 * of the run's peak, issue 21). That end is kept once, in `shops`, and the pool holds the part before
 * it: an order's NAME_LEN is the part's length (low 16 bits) and its end's index + 1 (bits 16–30; 0:
 * none). The name is the part and its end put back together, exactly the string pushed.
 */
const SHOP_MARK = '\u001f';
const PART_LEN = 0xffff;
const END_SHIFT = 16;
/** Ends kept at most (15 bits): a name with another end is kept whole in the pool. */
const MAX_ENDS = 0x7fff;
/**
 * Blocks held in memory before the store starts putting them aside (a temporary file, given):
 * 32k late orders (~2 MB). A small run never makes the file.
 */
const SPILL_AFTER = 8;
const NO_INTS = new Int32Array(0);
const NO_DOUBLES = new Float64Array(0);
const NO_TAGS = new Uint8Array(0);
const NO_NAMES = new Uint16Array(0);
/** Payload read back from the file a page at a time (64 orders, 2.5 KB) into a cache of 1,024 pages (2.5 MB). */
const PAGE_BITS = 6;
const PAGE = 1 << PAGE_BITS;
const CACHE_PAGES = 1024;

/** `ms` as whole seconds in 0 … 2^32 − 2 (as a signed 32-bit number), or undefined. */
function seconds(ms: number): number | undefined {
  const s = ms / 1000;
  return Number.isInteger(s) && s * 1000 === ms && s >= 0 && s < 0xffffffff && !Object.is(ms, -0) ? s | 0 : undefined;
}
function fen32(fen: number): boolean {
  return Number.isInteger(fen) && fen > NO_FEN && fen <= 0x7fffffff && !Object.is(fen, -0);
}

export class LateStore {
  length = 0;
  private readonly ints: Int32Array[] = [];
  private readonly doubles: Float64Array[] = [];
  private readonly keys: Int32Array[] = [];
  private readonly tags: Uint8Array[] = [];
  private readonly otherIds = new Map<number, string>();
  /** The 子订单编号 of a late line of an order judged line by line (few: only item reports). */
  private readonly lineIds = new Map<number, string>();
  private readonly whole = new Map<number, LateOrder>();
  private readonly names: Uint16Array[] = [];
  private nameEnd = NAME_BLOCK;
  private readonly longNames = new Map<number, string>();
  /** The names' shared ends (`SHOP_MARK + shop`), by index; an end's index, by the end. */
  private readonly ends: string[] = [''];
  private readonly endIndex = new Map<string, number>();
  /** The end found last, and its index (an export's late orders share one). */
  private lastEnd = '';
  private lastEndIndex = 0;
  private readonly rates: Money[] = [];
  private readonly ruleIds: string[] = [];
  /**
   * Put aside: while the orders are being read (the duplicate check holds one entry per order id
   * then), full blocks go to a temporary file, which `load()` reads back when they are needed.
   */
  private spillTo: (() => SpillFile) | undefined;
  private spill: SpillFile | undefined;
  /** Where each block's numbers, tags and names were put aside (absent: in memory). */
  private readonly intsAt: number[] = [];
  private readonly keysAt: number[] = [];
  /** After load(): the file the payload of blocks put aside is read from, and the pages read last. */
  private payloadFrom: SpillFile | undefined;
  private cacheOf: Int32Array | undefined;
  private cacheInts: Int32Array | undefined;
  private cacheDoubles: Float64Array | undefined;
  private readonly tagsAt: number[] = [];
  private readonly namesAt: number[] = [];
  private spilledBlocks = 0;
  private spilledNames = 0;
  /**
   * Blocks put aside, kept for the next blocks (push, putName) and for reading the keys, tags and
   * names back (load) instead of being discarded (src/memory.ts): discard() detaches its buffer,
   * and the first detach in a process makes V8 throw away every optimised function that reads a
   * typed array and compile it again with a detached-buffer check on each access — the scanner and
   * the row parser included, for the rest of the reading (issue 21, twenty-ninth round). The same
   * memory, reused, is also no new allocation.
   */
  private readonly freeInts: ArrayBuffer[] = [];
  private readonly freeKeys: Int32Array[] = [];
  private readonly freeTags: Uint8Array[] = [];
  private readonly freeNames: Uint16Array[] = [];

  /** `spill`: opens the temporary file full blocks are put aside in until `load()`. */
  constructor(spill?: () => SpillFile) {
    this.spillTo = spill;
  }

  push(l: LateOrder): void {
    const i = this.length;
    if ((i & IN_BLOCK) === 0) {
      if (this.spillTo && this.ints.length >= SPILL_AFTER) this.putAside(this.ints.length, this.names.length - 1);
      // A block put aside is used again, zeroed as a new one is.
      const buf = this.freeInts.pop() ?? new ArrayBuffer(W * 4 * BLOCK);
      const ints = new Int32Array(buf);
      ints.fill(0);
      this.ints.push(ints);
      this.doubles.push(new Float64Array(buf));
      this.keys.push(this.freeKeys.pop()?.fill(0) ?? new Int32Array(K * BLOCK));
      this.tags.push(this.freeTags.pop()?.fill(0) ?? new Uint8Array(TAGS * BLOCK));
    }
    const num = this.ints[i >> BLOCK_BITS]!;
    const key = this.keys[i >> BLOCK_BITS]!;
    const tag = this.tags[i >> BLOCK_BITS]!;
    const o = (i & IN_BLOCK) * W;
    const ko = (i & IN_BLOCK) * K;
    const t = (i & IN_BLOCK) * TAGS;
    this.putName(i, key, ko, l.buyer);
    let rs = this.ruleIds.indexOf(l.rules);
    if (rs < 0) rs = this.ruleIds.push(l.rules) - 1;
    tag[t + 3] = rs;
    this.length++;
    const p = l.payout;
    const paid = seconds(l.paidAt);
    const deadline = seconds(l.deadline);
    const shipped = l.shippedAt === null ? NO_TIME : seconds(l.shippedAt);
    if (l.lineId !== undefined) this.lineIds.set(i, l.lineId);
    const platformFen = l.platformCompensation === null ? null : moneyToFen(l.platformCompensation);
    if (paid === undefined || deadline === undefined || shipped === undefined || !fen32(p.baseFen) || !fen32(p.afterFen) || (platformFen !== null && !fen32(platformFen))) {
      tag[t] = WHOLE;
      this.whole.set(i, l);
      return;
    }
    const dbl = this.doubles[i >> BLOCK_BITS]!;
    dbl[o >> 1] = l.hoursLate;
    dbl[(o >> 1) + 1] = p.rawFen;
    key[ko + PAID] = paid;
    num[o + DEADLINE] = deadline;
    num[o + SHIPPED] = shipped;
    num[o + BASE] = p.baseFen;
    num[o + AFTER] = p.afterFen;
    num[o + PLATFORM] = platformFen ?? NO_FEN;
    // The rate is a rule set's tier's own Decimal: found by identity, by value only when it is another.
    let r = this.rates.indexOf(p.rate);
    if (r < 0) r = this.rates.findIndex((x) => x.eq(p.rate));
    if (r < 0) r = this.rates.push(p.rate) - 1;
    tag[t] = KINDS.indexOf(p.kind);
    tag[t + 1] = SOURCES.indexOf(l.shipSource);
    tag[t + 2] = r;
    const w = idWords(l.orderId);
    if (w) {
      key[ko + ID_HI] = w[0];
      key[ko + ID_LO] = w[1];
    } else {
      key[ko + ID_HI] = OTHER_ID;
      this.otherIds.set(i, l.orderId);
    }
  }

  private putName(i: number, num: Int32Array, o: number, name: string): void {
    let n = name.length;
    if (n >= NAME_BLOCK) {
      num[o + NAME_LEN] = LONG_NAME;
      this.longNames.set(i, name);
      return;
    }
    // The name's shared end, if any: the pool gets the part before it.
    let end = 0;
    const last = this.lastEnd;
    if (last !== '' && n > last.length && name.endsWith(last)) {
      end = this.lastEndIndex;
      n -= last.length;
    } else {
      const mark = name.indexOf(SHOP_MARK);
      if (mark >= 0) {
        const tail = name.slice(mark);
        let e = this.endIndex.get(tail);
        if (e === undefined && this.ends.length <= MAX_ENDS) {
          e = this.ends.push(tail) - 1;
          this.endIndex.set(tail, e);
        }
        if (e !== undefined) {
          end = e;
          n = mark;
          this.lastEnd = tail;
          this.lastEndIndex = e;
        }
      }
    }
    this.putPart(num, o, name, n, end);
  }

  /** The first `n` code units of `name` into the pool, with the index of its end (0: none). */
  private putPart(num: Int32Array, o: number, name: string, n: number, end: number): void {
    if (this.nameEnd + n > NAME_BLOCK) {
      if (this.spill) this.putAside(this.ints.length - 1, this.names.length);
      this.names.push(this.freeNames.pop()?.fill(0) ?? new Uint16Array(NAME_BLOCK));
      this.nameEnd = 0;
    }
    const block = this.names[this.names.length - 1]!;
    const at = this.nameEnd;
    for (let k = 0; k < n; k++) block[at + k] = name.charCodeAt(k);
    this.nameEnd += n;
    num[o + NAME_AT] = (this.names.length - 1) * NAME_BLOCK + at;
    num[o + NAME_LEN] = n | (end << END_SHIFT);
  }

  /** Blocks before `blocks` and name blocks before `names` (all full) go to the temporary file. */
  private putAside(blocks: number, names: number): void {
    this.spill ??= this.spillTo!();
    for (; this.spilledBlocks < blocks; this.spilledBlocks++) {
      const b = this.spilledBlocks;
      this.intsAt[b] = this.spill.append(this.ints[b]!);
      this.keysAt[b] = this.spill.append(this.keys[b]!);
      this.tagsAt[b] = this.spill.append(this.tags[b]!);
      this.freeInts.push(this.ints[b]!.buffer as ArrayBuffer);
      this.freeKeys.push(this.keys[b]!);
      this.freeTags.push(this.tags[b]!);
      this.ints[b] = NO_INTS;
      this.doubles[b] = NO_DOUBLES;
      this.keys[b] = NO_INTS;
      this.tags[b] = NO_TAGS;
    }
    for (; this.spilledNames < names; this.spilledNames++) {
      const k = this.spilledNames;
      this.namesAt[k] = this.spill.append(this.names[k]!);
      this.freeNames.push(this.names[k]!);
      this.names[k] = NO_NAMES;
    }
  }

  /**
   * Every order has been pushed: the keys, tags and names put aside are read back (the payload is
   * read from the file when an order is asked for). Call before reading any order.
   */
  load(): void {
    const spill = this.spill;
    this.spillTo = undefined;
    if (!spill) return;
    this.spill = undefined;
    this.payloadFrom = spill;
    // The blocks kept for reuse are read into (each read fills the whole array); what is left of
    // them is discarded, now that the reading is over.
    for (let b = 0; b < this.spilledBlocks; b++) {
      const keys = this.freeKeys.pop() ?? new Int32Array(K * BLOCK);
      spill.read(this.keysAt[b]!, keys);
      this.keys[b] = keys;
      const tags = this.freeTags.pop() ?? new Uint8Array(TAGS * BLOCK);
      spill.read(this.tagsAt[b]!, tags);
      this.tags[b] = tags;
    }
    for (let k = 0; k < this.spilledNames; k++) {
      const names = this.freeNames.pop() ?? new Uint16Array(NAME_BLOCK);
      spill.read(this.namesAt[k]!, names);
      this.names[k] = names;
    }
    const spare: ArrayBuffer[] = [];
    for (const free of [this.freeInts, this.freeKeys, this.freeTags, this.freeNames]) {
      for (const f of free) spare.push(f instanceof ArrayBuffer ? f : (f.buffer as ArrayBuffer));
      free.length = 0;
    }
    discardAll(spare);
    const cache = new ArrayBuffer(CACHE_PAGES * PAGE * W * 4);
    this.cacheInts = new Int32Array(cache);
    this.cacheDoubles = new Float64Array(cache);
    this.cacheOf = new Int32Array(CACHE_PAGES).fill(-1);
  }

  /** Removes the temporary file, if any. */
  close(): void {
    this.spill?.close();
    this.payloadFrom?.close();
  }

  /** Where payload() found the order asked for: its numbers, its doubles (one buffer) and its first number's position. */
  private atInts: Int32Array = NO_INTS;
  private atDoubles: Float64Array = NO_DOUBLES;

  /**
   * Where order i's payload is: its block in memory, or the cache page it was read into; sets
   * atInts and atDoubles and returns the position of its first number (no array made an order).
   */
  private payload(i: number): number {
    const b = i >> BLOCK_BITS;
    const num = this.ints[b]!;
    if (num.length) {
      this.atInts = num;
      this.atDoubles = this.doubles[b]!;
      return (i & IN_BLOCK) * W;
    }
    const page = i >> PAGE_BITS;
    const slot = page & (CACHE_PAGES - 1);
    const ints = this.cacheInts!;
    if (this.cacheOf![slot] !== page) {
      // Pages never cross a block (BLOCK is a multiple of PAGE): one read from the block's place in the file.
      const first = (i & IN_BLOCK) & ~(PAGE - 1);
      this.payloadFrom!.read(this.intsAt[b]! + first * W * 4, ints.subarray(slot * PAGE * W, (slot + 1) * PAGE * W));
      this.cacheOf![slot] = page;
    }
    this.atInts = ints;
    this.atDoubles = this.cacheDoubles!;
    return (slot * PAGE + (i & (PAGE - 1))) * W;
  }

  private isWhole(i: number): boolean {
    return this.tags[i >> BLOCK_BITS]![(i & IN_BLOCK) * TAGS] === WHOLE;
  }

  paidAt(i: number): number {
    if (this.isWhole(i)) return this.whole.get(i)!.paidAt;
    return (this.keys[i >> BLOCK_BITS]![(i & IN_BLOCK) * K + PAID]! >>> 0) * 1000;
  }

  buyer(i: number): string {
    const num = this.keys[i >> BLOCK_BITS]!;
    const o = (i & IN_BLOCK) * K;
    const len = num[o + NAME_LEN]!;
    if (len === LONG_NAME) return this.longNames.get(i)!;
    const n = len & PART_LEN;
    const end = this.ends[len >>> END_SHIFT]!;
    const at = num[o + NAME_AT]!;
    const block = this.names[at >>> 16]!;
    const from = at & 0xffff;
    return n === 0 ? end : String.fromCharCode.apply(null, block.subarray(from, from + n) as unknown as number[]) + end;
  }

  /** Whether order i has a buyer name (not ''). */
  hasBuyer(i: number): boolean {
    return this.keys[i >> BLOCK_BITS]![(i & IN_BLOCK) * K + NAME_LEN] !== 0;
  }

  /** The buyers of orders a and b compared as strings are (by UTF-16 code units, as `<` does), without making them. */
  compareBuyers(a: number, b: number): number {
    const na = this.keys[a >> BLOCK_BITS]!;
    const nb = this.keys[b >> BLOCK_BITS]!;
    const oa = (a & IN_BLOCK) * K;
    const ob = (b & IN_BLOCK) * K;
    const la = na[oa + NAME_LEN]!;
    const lb = nb[ob + NAME_LEN]!;
    if (la === LONG_NAME || lb === LONG_NAME) {
      const x = this.buyer(a);
      const y = this.buyer(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    const ata = na[oa + NAME_AT]!;
    const atb = nb[ob + NAME_AT]!;
    if (ata === atb && la === lb) return 0;
    // A part never crosses a block (NAME_BLOCK = 2^16): block and place are the position's bits.
    const ba = this.names[ata >>> 16]!;
    const bb = this.names[atb >>> 16]!;
    const fa = ata & 0xffff;
    const fb = atb & 0xffff;
    const pa = la & PART_LEN;
    const pb = lb & PART_LEN;
    const n = pa < pb ? pa : pb;
    for (let k = 0; k < n; k++) {
      const x = ba[fa + k]!;
      const y = bb[fb + k]!;
      if (x !== y) return x < y ? -1 : 1;
    }
    // The same part and end: the same name.
    if (pa === pb && la === lb) return 0;
    // The rest of the names, parts and ends alike, a unit at a time (two shops, or a part longer than the other).
    const ta = pa + this.ends[la >>> END_SHIFT]!.length;
    const tb = pb + this.ends[lb >>> END_SHIFT]!.length;
    const m = ta < tb ? ta : tb;
    for (let k = n; k < m; k++) {
      const x = this.unitAt(a, k);
      const y = this.unitAt(b, k);
      if (x !== y) return x < y ? -1 : 1;
    }
    return ta === tb ? 0 : ta < tb ? -1 : 1;
  }

  /**
   * A sort key for each buyer's name (window.ts), one number an order: the code units after the
   * part every name begins with (length L), each as its rank among the units the names hold past
   * it (1…A, and 0 past a name's end), read as the digits of a number in base A + 1, as many as
   * fit exactly in a double (names of digits: 15 units; of Chinese characters: about 4). Where two
   * orders' keys differ, they order the names as compareBuyers does (the first unit that differs
   * is in the keys, or a name that ended there has the smaller key); where they are equal, only
   * compareBuyers can tell. Comparing two numbers instead of walking two names made the windows'
   * sort cheaper (issue 21: the names of one export share their first characters, 买家…). 8 bytes
   * a late order while the windows are made.
   */
  buyerKeys(): Float64Array {
    const n = this.length;
    const keys = new Float64Array(n);
    if (n === 0) return keys;
    // Each name is read by seek() (its pool part and its end) and then unit by unit from those, in
    // the loops themselves: not by a call a unit (unitAt), which, run before the loops are optimised,
    // cost a 10k-row run ~5 ms of its ~25 ms of windows (issue 21).
    // The longest start all names share.
    const first = this.buyer(0);
    let shared = first.length;
    for (let i = 1; i < n && shared > 0; i++) {
      const len = this.seek(i);
      const block = this.seekBlock;
      const from = this.seekFrom;
      const part = this.seekPart;
      const end = this.seekEnd;
      if (len < shared) shared = len;
      for (let k = 0; k < shared; k++) {
        if ((k < part ? block[from + k]! : end.charCodeAt(k - part)) !== first.charCodeAt(k)) {
          shared = k;
          break;
        }
      }
    }
    // The units past it, numbered in their order from 1: the distinct units listed as they are first
    // met, then sorted (a few dozen to a few thousand), not found by a pass over all 65,536.
    const code = new Uint16Array(65536);
    let list = new Uint16Array(64);
    let units = 0;
    for (let i = 0; i < n; i++) {
      const len = this.seek(i);
      const block = this.seekBlock;
      const from = this.seekFrom;
      const part = this.seekPart;
      const end = this.seekEnd;
      for (let k = shared; k < len; k++) {
        const u = k < part ? block[from + k]! : end.charCodeAt(k - part);
        if (code[u] === 0) {
          code[u] = 1;
          if (units === list.length) {
            const more = new Uint16Array(units * 2);
            more.set(list);
            list = more;
          }
          list[units++] = u;
        }
      }
    }
    if (units === 0) return keys; // every name is the shared part: all equal
    const sorted = list.subarray(0, units).sort();
    for (let r = 0; r < units; r++) code[sorted[r]!] = r + 1;
    const base = units + 1;
    // As many digits as keep every key below 2^53 (exact): base^per ≤ 2^53.
    let per = 0;
    for (let p = 1; p * base <= 2 ** 53; p *= base) per++;
    for (let i = 0; i < n; i++) {
      const len = this.seek(i);
      const block = this.seekBlock;
      const from = this.seekFrom;
      const part = this.seekPart;
      const end = this.seekEnd;
      let key = 0;
      for (let k = 0; k < per; k++) {
        const at = shared + k;
        key = key * base + (at < len ? code[at < part ? block[from + at]! : end.charCodeAt(at - part)]! : 0);
      }
      keys[i] = key;
    }
    return keys;
  }

  /** buyerHashes(): hashName of the buyer's name (with its shop end), and of the nick before the shop mark (NaN: the name names no shop). */
  hashWhole = 0;
  hashNick = NaN;

  /**
   * hashName (namehash.ts) of order i's buyer, into hashWhole, and, when the name has a shop end
   * (capBuyer: nick, mark, shop), of the nick before the mark, into hashNick (else NaN): read from
   * the name's units, as openLookup() would split the name, without making its string (nearlate.ts;
   * issue 21: building every late order's name and hashing its string was ~0.3 s of a 1M-row run).
   * False, nothing set, for a name read whole instead: none, a long one, or a mark within its part.
   */
  buyerHashes(i: number): boolean {
    const num = this.keys[i >> BLOCK_BITS]!;
    const o = (i & IN_BLOCK) * K;
    const len = num[o + NAME_LEN]!;
    if (len === 0 || len === LONG_NAME) return false;
    const part = len & PART_LEN;
    const end = this.ends[len >>> END_SHIFT]!;
    let h = NAME_HASH_SEED;
    if (part > 0) {
      const at = num[o + NAME_AT]!;
      const block = this.names[at >>> 16]!;
      const from = at & 0xffff;
      for (let k = 0; k < part; k++) {
        const u = block[from + k]!;
        if (u === 0x1f) return false; // SHOP_MARK: the nick ends there, not at the end kept apart
        h = Math.imul(h ^ u, NAME_HASH_PRIME);
      }
    }
    // An end is '' or the mark and the shop (putName): the nick is the part, before the first mark.
    this.hashNick = end === '' ? NaN : nameHashEnd(h);
    for (let k = 0; k < end.length; k++) h = Math.imul(h ^ end.charCodeAt(k), NAME_HASH_PRIME);
    this.hashWhole = nameHashEnd(h);
    return true;
  }

  /** Where seek() found the name asked for: its part's block and first unit, the part's length, and its end (or the whole long name). */
  private seekBlock: Uint16Array = NO_NAMES;
  private seekFrom = 0;
  private seekPart = 0;
  private seekEnd = '';

  /** The length of order i's buyer name; its units are then seekBlock[seekFrom …] for the first seekPart, seekEnd's after. */
  private seek(i: number): number {
    const num = this.keys[i >> BLOCK_BITS]!;
    const o = (i & IN_BLOCK) * K;
    const len = num[o + NAME_LEN]!;
    if (len === LONG_NAME) {
      this.seekBlock = NO_NAMES;
      this.seekFrom = 0;
      this.seekPart = 0;
      this.seekEnd = this.longNames.get(i)!;
      return this.seekEnd.length;
    }
    const part = len & PART_LEN;
    const at = num[o + NAME_AT]!;
    this.seekBlock = part === 0 ? NO_NAMES : this.names[at >>> 16]!;
    this.seekFrom = at & 0xffff;
    this.seekPart = part;
    this.seekEnd = this.ends[len >>> END_SHIFT]!;
    return part + this.seekEnd.length;
  }


  private nameLength(i: number): number {
    const len = this.keys[i >> BLOCK_BITS]![(i & IN_BLOCK) * K + NAME_LEN]!;
    return len === LONG_NAME ? this.longNames.get(i)!.length : (len & PART_LEN) + this.ends[len >>> END_SHIFT]!.length;
  }

  /** Code unit k (< its length) of order i's name. */
  private unitAt(i: number, k: number): number {
    const num = this.keys[i >> BLOCK_BITS]!;
    const o = (i & IN_BLOCK) * K;
    const len = num[o + NAME_LEN]!;
    if (len === LONG_NAME) return this.longNames.get(i)!.charCodeAt(k);
    const n = len & PART_LEN;
    if (k >= n) return this.ends[len >>> END_SHIFT]!.charCodeAt(k - n);
    const at = num[o + NAME_AT]!;
    return this.names[at >>> 16]![(at & 0xffff) + k]!;
  }

  /** The id of the rule set the order was judged under. */
  rules(i: number): string {
    return this.ruleIds[this.tags[i >> BLOCK_BITS]![(i & IN_BLOCK) * TAGS + 3]!]!;
  }

  orderId(i: number): string {
    if (this.isWhole(i)) return this.whole.get(i)!.orderId;
    const key = this.keys[i >> BLOCK_BITS]!;
    const o = (i & IN_BLOCK) * K;
    const hi = key[o + ID_HI]!;
    return hi === OTHER_ID ? this.otherIds.get(i)! : wordsId(hi, key[o + ID_LO]!);
  }

  /**
   * orderId(i) === id, without making the late order's id: by its two words where it has them
   * (`words`: idWords(id), made once by the caller; an id without them is no id kept as words).
   */
  isOrderId(i: number, id: string, words: [hi: number, lo: number] | undefined): boolean {
    if (this.isWhole(i)) return this.whole.get(i)!.orderId === id;
    const key = this.keys[i >> BLOCK_BITS]!;
    const o = (i & IN_BLOCK) * K;
    const hi = key[o + ID_HI]!;
    if (hi === OTHER_ID) return this.otherIds.get(i) === id;
    return words !== undefined && hi === words[0] && key[o + ID_LO] === words[1];
  }

  get(i: number): LateOrder {
    const tag = this.tags[i >> BLOCK_BITS]!;
    const t = (i & IN_BLOCK) * TAGS;
    if (tag[t] === WHOLE) return this.whole.get(i)!;
    const o = this.payload(i);
    const num = this.atInts;
    const dbl = this.atDoubles;
    const shipped = num[o + SHIPPED]!;
    const platform = num[o + PLATFORM]!;
    const lineId = this.lineIds.get(i);
    const l: LateOrder = {
      orderId: this.orderId(i),
      buyer: this.buyer(i),
      rules: this.ruleIds[tag[t + 3]!]!,
      paidAt: this.paidAt(i),
      deadline: (num[o + DEADLINE]! >>> 0) * 1000,
      shippedAt: shipped === NO_TIME ? null : (shipped >>> 0) * 1000,
      hoursLate: dbl[o >> 1]!,
      payout: { kind: KINDS[tag[t]!]!, rate: this.rates[tag[t + 2]!]!, baseFen: num[o + BASE]!, rawFen: dbl[(o >> 1) + 1]!, afterFen: num[o + AFTER]! },
      platformCompensation: platform === NO_FEN ? null : fenToMoney(platform),
      shipSource: SOURCES[tag[t + 1]!]!,
    };
    if (lineId !== undefined) l.lineId = lineId;
    return l;
  }
}
