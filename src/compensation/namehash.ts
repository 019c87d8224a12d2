// The hash of a buyer's name (a key of the open orders, openstore.ts, and of the late orders near
// them, nearlate.ts): FNV-1a over the name's UTF-16 code units, then mixed. Its steps are exported
// so that a name kept as code units (latestore.ts) is hashed from them, without making its string.

/** The hash before any unit. */
export const NAME_HASH_SEED = 0x811c9dc5;
/** One unit's step: h = Math.imul(h ^ unit, NAME_HASH_PRIME). */
export const NAME_HASH_PRIME = 0x01000193;

/** The hash of the units stepped into `h`. */
export function nameHashEnd(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) | 0;
}

export function hashName(s: string): number {
  let h = NAME_HASH_SEED;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), NAME_HASH_PRIME);
  return nameHashEnd(h);
}
