// What the deterministic bench generators (gen-big-orders, gen-big-items, gen-big-reviews) share:
// their random numbers and the Beijing wall-clock text of a time. Independent of src/ on purpose.

/** mulberry32: small, fast, deterministic. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BJ = 8 * 3600_000;
const p2 = (n) => String(n).padStart(2, '0');

/** Beijing wall-clock text (YYYY-MM-DD HH:MM:SS) of an epoch ms, whatever the host zone. */
export function bj(ms) {
  const d = new Date(ms + BJ);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}
