// The sightings a --record run writes (schema 12/13, `sightings`), held from the end of the reading to
// the end of the recording in columns instead of an object each (issue 21, forty-fourth round: at the
// 1M-row bench export ~98k sightings, each an object with two boxed numbers and an order id sliced
// from its row's text, which it kept alive, were ~15 MB of the recording's live heap).
import type { Sighting } from '../state/ledger.js';

/**
 * Sightings in the order added, given back as Sighting objects one at a time when iterated (the
 * same fields, an absent `lineId` or `shop` absent). The order ids are packed into one string once
 * all are added (pack()), so no id keeps its row's text alive; platforms and shops are held once
 * each, times in Float64Arrays.
 */
export class SightingList implements Iterable<Sighting> {
  private ids: string[] = [];
  private packed = '';
  /** ends[i]: where sighting i's order id ends in `packed` (it starts where i − 1's ends). */
  private ends = new Int32Array(0);
  private texts: string[] = [];
  private textIndex = new Map<string, number>();
  /** Index in `texts` of each sighting's platform; of its shop, or −1 when it has none. */
  private platforms = new Int32Array(16);
  private shops = new Int32Array(16);
  private deadlines = new Float64Array(16);
  private seen = new Float64Array(16);
  /** Sighting index → its line's 子订单编号 (schema 13): few sightings have one. */
  private lines = new Map<number, string>();
  length = 0;

  private text(t: string): number {
    let i = this.textIndex.get(t);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(t);
      this.textIndex.set(t, i);
    }
    return i;
  }

  /** Adds `s` as seen at `seenAt` (its own seenAt unless given). */
  add(s: Sighting, seenAt = s.seenAt): void {
    const n = this.length;
    if (n === this.deadlines.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.platforms = grow(this.platforms);
      this.shops = grow(this.shops);
      this.deadlines = grow(this.deadlines);
      this.seen = grow(this.seen);
    }
    this.ids.push(s.orderId);
    this.platforms[n] = this.text(s.platform);
    this.shops[n] = s.shop === undefined ? -1 : this.text(s.shop);
    this.deadlines[n] = s.deadline;
    this.seen[n] = seenAt;
    if (s.lineId !== undefined) this.lines.set(n, s.lineId);
    this.length = n + 1;
  }

  /** The order ids added since the last pack() joined onto the packed ones (their rows' text let go). */
  pack(): void {
    const from = this.ends.length;
    if (from === this.length) return;
    const ends = new Int32Array(this.length);
    ends.set(this.ends);
    let at = from === 0 ? 0 : this.ends[from - 1]!;
    for (let i = from; i < this.length; i++) ends[i] = at += this.ids[i - from]!.length;
    this.packed += this.ids.join('');
    this.ends = ends;
    this.ids = [];
  }

  *[Symbol.iterator](): Iterator<Sighting> {
    this.pack();
    for (let i = 0; i < this.length; i++) {
      const s: Sighting = { orderId: this.packed.slice(i === 0 ? 0 : this.ends[i - 1]!, this.ends[i]!), platform: this.texts[this.platforms[i]!]!, deadline: this.deadlines[i]!, seenAt: this.seen[i]! };
      const line = this.lines.get(i);
      if (line !== undefined) s.lineId = line;
      const shop = this.shops[i]!;
      if (shop >= 0) s.shop = this.texts[shop]!;
      yield s;
    }
  }
}
