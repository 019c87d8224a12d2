// Paid orders that have not shipped and are not closed, by buyer: a voucher is final only when no
// such order of its buyer could still join its window (vouchers.ts toVoucher). A million-row
// export has ~100k of them, from ~95k buyers; as one object, array and id string each they were a
// third of the heap, and a Map from each buyer's name (a string and a Map entry each) still ~70
// bytes a buyer. So orders are kept in blocks of typed arrays (~21 bytes an order), buyers' names
// once each in a pool of UTF-16 code units behind a hash table of 32-bit numbers (~30 bytes a
// buyer), and made into objects only for the buyers a voucher asks about.
import type { SpillFile } from '../io/spill.js';
import { discardAll } from '../memory.js';
import { idWords, wordsId } from '../orders/idset.js';
import { type OpenOrder, SHOP_MARK } from './vouchers.js';
import { hashName } from './namehash.js';

/** What toVoucher needs of the open orders: a buyer's list (a plain Map of lists works too). */
export interface OpenOrders {
  get(buyer: string): readonly OpenOrder[] | undefined;
}

const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;
const IN_BLOCK = BLOCK - 1;
const NO_RULES = 255;
/** An id not in two words (src/orders/idset.ts idWords): it is in `otherIds`. */
const OTHER_ID = -1;
/** Buyers' names one after another in blocks of code units; a name this long or longer is kept in `longBuyers`. */
const NAME_BLOCK = 1 << 16;
/** Per buyer: where its name starts in the pool, its length, its hash, its latest order. */
const K = 4;

export { hashName };

export class OpenStore implements OpenOrders {
  private length = 0;
  // Per order: paid at; the order id as two words; the buyer's order before it (-1: none); the rule set's index.
  private readonly paid: Float64Array[] = [];
  private readonly ids: Int32Array[] = [];
  private readonly prev: Int32Array[] = [];
  private readonly ruleIdx: Uint8Array[] = [];
  private readonly ruleIds: string[] = [];
  private readonly otherIds = new Map<number, string>();
  // Buyers: K numbers each in blocks, their names in the pool, found through `table` (buyer index + 1; 0: empty).
  private buyers = 0;
  private readonly buyerInfo: Int32Array[] = [];
  private readonly names: Uint16Array[] = [];
  private nameEnd = NAME_BLOCK;
  private table = new Int32Array(1024);
  /** Names of NAME_BLOCK code units or more, with their latest order. */
  private readonly longBuyers = new Map<string, number>();
  /**
   * Buyers whose key names no shop (no SHOP_MARK, vouchers.ts: a bare nick, or an order without a
   * buyer). While there are none, get() answers such a key without hashing it: toVoucher asks for
   * the bare nick of every voucher of a shop's export, which holds only rejected or repeated rows.
   */
  private unmarked = 0;

  add(buyer: string, o: OpenOrder): void {
    const i = this.length++;
    if ((i & IN_BLOCK) === 0) {
      this.paid.push(new Float64Array(BLOCK));
      this.ids.push(new Int32Array(2 * BLOCK));
      this.prev.push(new Int32Array(BLOCK));
      this.ruleIdx.push(new Uint8Array(BLOCK));
    }
    const b = i >> BLOCK_BITS;
    const k = i & IN_BLOCK;
    this.paid[b]![k] = o.paidAt;
    const w = idWords(o.orderId);
    const ids = this.ids[b]!;
    if (w) {
      ids[2 * k] = w[0];
      ids[2 * k + 1] = w[1];
    } else {
      ids[2 * k] = OTHER_ID;
      this.otherIds.set(i, o.orderId);
    }
    let r = NO_RULES;
    if (o.rules !== undefined) {
      r = this.ruleIds.indexOf(o.rules);
      if (r < 0) r = this.ruleIds.push(o.rules) - 1;
    }
    this.ruleIdx[b]![k] = r;
    if (buyer.length >= NAME_BLOCK) {
      const before = this.longBuyers.get(buyer);
      if (before === undefined && buyer.indexOf(SHOP_MARK) < 0) this.unmarked++;
      this.prev[b]![k] = before ?? -1;
      this.longBuyers.set(buyer, i);
      return;
    }
    const h = hashName(buyer);
    const at = this.find(buyer, h);
    const slot = this.table[at]!;
    if (slot !== 0) {
      const info = this.buyerInfo[(slot - 1) >> BLOCK_BITS]!;
      const p = ((slot - 1) & IN_BLOCK) * K + 3;
      this.prev[b]![k] = info[p]!;
      info[p] = i;
      return;
    }
    this.prev[b]![k] = -1;
    if (buyer.indexOf(SHOP_MARK) < 0) this.unmarked++;
    this.newBuyer(at, buyer, h, i);
  }

  /** The table slot holding `name` (hash `h`), or the empty slot where it would go. */
  private find(name: string, h: number): number {
    const table = this.table;
    const mask = table.length - 1;
    let at = h & mask;
    for (;;) {
      const slot = table[at]!;
      if (slot === 0) return at;
      const info = this.buyerInfo[(slot - 1) >> BLOCK_BITS]!;
      const p = ((slot - 1) & IN_BLOCK) * K;
      if (info[p + 2] === h && info[p + 1] === name.length && this.nameIs(info[p]!, name)) return at;
      at = (at + 1) & mask;
    }
  }

  private nameIs(pos: number, name: string): boolean {
    const block = this.names[Math.floor(pos / NAME_BLOCK)]!;
    const from = pos % NAME_BLOCK;
    for (let c = 0; c < name.length; c++) if (block[from + c] !== name.charCodeAt(c)) return false;
    return true;
  }

  private newBuyer(at: number, name: string, h: number, order: number): void {
    const n = this.buyers++;
    if ((n & IN_BLOCK) === 0) this.buyerInfo.push(new Int32Array(K * BLOCK));
    if (this.nameEnd + name.length > NAME_BLOCK) {
      this.names.push(new Uint16Array(NAME_BLOCK));
      this.nameEnd = 0;
    }
    const block = this.names[this.names.length - 1]!;
    const from = this.nameEnd;
    for (let c = 0; c < name.length; c++) block[from + c] = name.charCodeAt(c);
    this.nameEnd += name.length;
    const info = this.buyerInfo[n >> BLOCK_BITS]!;
    const p = (n & IN_BLOCK) * K;
    info[p] = (this.names.length - 1) * NAME_BLOCK + from;
    info[p + 1] = name.length;
    info[p + 2] = h;
    info[p + 3] = order;
    this.table[at] = n + 1;
    // At most half full: probes stay short (the table is 4–8 bytes a buyer).
    if (this.buyers * 2 > this.table.length) this.growTable();
  }

  private growTable(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let n = 0; n < this.buyers; n++) {
      let at = this.buyerInfo[n >> BLOCK_BITS]![(n & IN_BLOCK) * K + 2]! & mask;
      while (table[at] !== 0) at = (at + 1) & mask;
      table[at] = n + 1;
    }
    this.table = table;
  }

  /** The buyer's open orders, in the order they were added; undefined when there are none. */
  get(buyer: string): OpenOrder[] | undefined {
    if (this.unmarked === 0 && buyer.indexOf(SHOP_MARK) < 0) return undefined;
    let i: number | undefined;
    if (buyer.length >= NAME_BLOCK) i = this.longBuyers.get(buyer);
    else {
      const slot = this.table[this.find(buyer, hashName(buyer))]!;
      if (slot !== 0) i = this.buyerInfo[(slot - 1) >> BLOCK_BITS]![((slot - 1) & IN_BLOCK) * K + 3];
    }
    if (i === undefined) return undefined;
    const out: OpenOrder[] = [];
    while (i !== -1) {
      const b: number = i >> BLOCK_BITS;
      const k: number = i & IN_BLOCK;
      const ids = this.ids[b]!;
      const hi = ids[2 * k]!;
      const r = this.ruleIdx[b]![k]!;
      out.push({ orderId: hi === OTHER_ID ? this.otherIds.get(i)! : wordsId(hi, ids[2 * k + 1]!), paidAt: this.paid[b]![k]!, rules: r === NO_RULES ? undefined : this.ruleIds[r] });
      i = this.prev[b]![k]!;
    }
    return out.reverse();
  }
}

const NO_UNITS: Uint16Array = new Uint16Array(0);
/** Code units a chunk of the log holds (128 KB). */
const LOG_CHUNK = 1 << 16;
/**
 * The first chunk's code units: few, so that put() first moves to a next chunk within the first open
 * orders, while compensate's judgeBatch (which inlines it through add) still runs unoptimised. With a
 * whole chunk first, that move came after judgeBatch was optimised, with no type feedback for it, and
 * threw judgeBatch's code away to be compiled again (a 17 KB function, ~0.2–0.4 s of a compiler
 * thread; `node --trace-deopt`; issue 21, forty-seventh round). Later chunks are LOG_CHUNK (those put
 * aside in the file always are: the first is never put aside).
 */
const FIRST_LOG_CHUNK = 1 << 6;
/** Chunks held in memory before the log starts putting them aside (a temporary file, given): 1 MB. */
const LOG_IN_MEMORY = 8;
const NO_RULE = 0xffff;

/**
 * The open orders as they are read, in order, before it is known which of them a window can ask
 * about (issue 21: a 3M-row export has ~360k, ~20 MB in an OpenStore, and most of them no window
 * asks about; nearlate.ts tells which once every late order is known). Each is written as UTF-16
 * code units, its buyer key and order id whole (lengths in two units each), its paid time as the
 * four units of a double and its rule set's index, into chunks that go to a temporary file past
 * the first 1 MB. `replay` makes the OpenStore of the orders kept, in the order they were added.
 */
export class OpenLog {
  private readonly chunks: Uint16Array[] = [];
  /** Where each chunk put aside starts in the file (absent: in memory). */
  private readonly at: number[] = [];
  private chunk: Uint16Array = new Uint16Array(FIRST_LOG_CHUNK);
  private used = 0;
  private file: SpillFile | undefined;
  private readonly ruleIds: string[] = [];
  private records = 0;
  private readonly num = new Float64Array(1);
  private readonly units = new Uint16Array(this.num.buffer);

  /** `spill`: opens the temporary file chunks are put aside in. */
  constructor(private readonly spill?: () => SpillFile) {}

  get count(): number {
    return this.records;
  }

  private put(u: number): void {
    if (this.used === this.chunk.length) this.nextChunk();
    this.chunk[this.used++] = u;
  }

  private nextChunk(): void {
    const j = this.chunks.length;
    if (this.spill && j >= LOG_IN_MEMORY) {
      this.file ??= this.spill();
      this.at[j] = this.file.append(this.chunk);
      // Written: its array takes the next chunk.
      this.chunks.push(NO_UNITS);
    } else {
      this.chunks.push(this.chunk);
      this.chunk = new Uint16Array(LOG_CHUNK);
    }
    this.used = 0;
  }

  private putString(s: string): void {
    this.put(s.length >>> 16);
    this.put(s.length & 0xffff);
    for (let c = 0; c < s.length; c++) this.put(s.charCodeAt(c));
  }

  add(buyer: string, o: OpenOrder): void {
    this.records++;
    this.putString(buyer);
    this.putString(o.orderId);
    this.num[0] = o.paidAt;
    for (let c = 0; c < 4; c++) this.put(this.units[c]!);
    let r = NO_RULE;
    if (o.rules !== undefined) {
      r = this.ruleIds.indexOf(o.rules);
      if (r < 0) r = this.ruleIds.push(o.rules) - 1;
    }
    this.put(r);
  }

  /** The store of the orders `keep(buyer, order)` is true for, in the order they were added; the log is closed. */
  replay(keep: (buyer: string, o: OpenOrder) => boolean): OpenStore {
    const out = new OpenStore();
    const chunks: Uint16Array[] = [...this.chunks, this.chunk.subarray(0, this.used)];
    const last = chunks.length - 1;
    const file = this.file;
    let k = 0;
    let pos = 0;
    const buf: Uint16Array = file ? new Uint16Array(LOG_CHUNK) : NO_UNITS;
    const load = (j: number): Uint16Array => {
      if (j === last || this.at[j] === undefined) return chunks[j]!;
      file!.read(this.at[j]!, buf);
      return buf;
    };
    let cur: Uint16Array = load(0);
    const next = (): number => {
      while (pos === cur.length) {
        k++;
        cur = load(k);
        pos = 0;
      }
      return cur[pos++]!;
    };
    const str = (): string => {
      const n = next() * 0x10000 + next();
      let s = '';
      // Whole runs of the chunk at a time (a name does not cross many).
      let left = n;
      while (left > 0) {
        if (pos === cur.length) {
          k++;
          cur = load(k);
          pos = 0;
          continue;
        }
        const take = Math.min(left, cur.length - pos, 4096);
        s += String.fromCharCode.apply(null, cur.subarray(pos, pos + take) as unknown as number[]);
        pos += take;
        left -= take;
      }
      return s;
    };
    for (let r = 0; r < this.records; r++) {
      const buyer = str();
      const orderId = str();
      for (let c = 0; c < 4; c++) this.units[c] = next();
      const paidAt = this.num[0]!;
      const ri = next();
      const o: OpenOrder = { orderId, paidAt, rules: ri === NO_RULE ? undefined : this.ruleIds[ri] };
      if (keep(buyer, o)) out.add(buyer, o);
    }
    this.close();
    return out;
  }

  /** Removes the temporary file and gives the chunks back (src/memory.ts). */
  close(): void {
    discardAll(this.chunks.filter((c) => c.length).map((c) => c.buffer as ArrayBuffer));
    this.chunks.length = 0;
    this.chunk = new Uint16Array(0);
    this.used = 0;
    this.records = 0;
    this.file?.close();
    this.file = undefined;
  }
}

