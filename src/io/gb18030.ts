// GB18030 bytes (GBK and GB2312 are subsets) to text, chunk by chunk. The runtime's decoder
// (WHATWG `TextDecoder('gb18030')`, ICU in Node) where it has one: about 3× faster than
// iconv-lite, which is the fallback for a Node built without full ICU and is loaded only then.
// Both give U+FFFD for bytes that are not GB18030 (Node's decoder throws instead when the bad
// bytes complete a character begun in the previous chunk); the caller turns either into a
// line-numbered error (records.ts).

export type Gb18030Impl = 'native' | 'iconv';

export interface ChunkDecoder {
  /** Text for `b`; bytes of a character cut at the end of `b` are held for the next call. */
  write(b: Uint8Array): string;
  /** What is left (a cut-off character gives U+FFFD). */
  end(): string;
}

let native: boolean | undefined;

/** Does this runtime's TextDecoder know GB18030? */
export function hasNativeGb18030(): boolean {
  if (native === undefined) {
    try {
      native = new TextDecoder('gb18030').encoding === 'gb18030';
    } catch {
      native = false;
    }
  }
  return native;
}

/**
 * The 18 two-byte codes GB18030-2005 gives standard characters (vertical punctuation U+FE10–FE19,
 * CJK U+9FB4–9FBB) where iconv-lite's older table still has private-use code points. The runtime
 * decoder gives the standard characters; the fallback is mapped to agree with it.
 */
const PUA_TO_STANDARD: Record<string, string> = {
  '\uE78D': '\uFE10', '\uE78E': '\uFE12', '\uE78F': '\uFE11', '\uE790': '\uFE13', '\uE791': '\uFE14',
  '\uE792': '\uFE15', '\uE793': '\uFE16', '\uE794': '\uFE17', '\uE795': '\uFE18', '\uE796': '\uFE19',
  '\uE81E': '\u9FB4', '\uE826': '\u9FB5', '\uE82B': '\u9FB6', '\uE82C': '\u9FB7', '\uE832': '\u9FB8',
  '\uE843': '\u9FB9', '\uE854': '\u9FBA', '\uE864': '\u9FBB',
};
const PUA = '[\uE78D-\uE796\uE81E\uE826\uE82B\uE82C\uE832\uE843\uE854\uE864]';
const PUA_ANY = new RegExp(PUA);
const PUA_ALL = new RegExp(PUA, 'g');
const standard = (t: string) => (PUA_ANY.test(t) ? t.replace(PUA_ALL, (c) => PUA_TO_STANDARD[c]!) : t);

export async function gb18030Decoder(impl: Gb18030Impl = hasNativeGb18030() ? 'native' : 'iconv'): Promise<ChunkDecoder> {
  if (impl === 'native') {
    const dec = new TextDecoder('gb18030');
    return { write: (b) => dec.decode(b, { stream: true }), end: () => dec.decode() };
  }
  const iconv = (await import('iconv-lite')).default;
  const dec = iconv.getDecoder('gb18030');
  // iconv-lite loses track of a four-byte character cut after its third byte (it drops the byte
  // that follows, or gives half a surrogate pair), so it is only ever given whole characters.
  let carry: Buffer | undefined;
  return {
    write: (b) => {
      let buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
      if (carry) buf = Buffer.concat([carry, buf]);
      carry = undefined;
      const open = openTail(buf);
      if (open) {
        carry = Buffer.from(buf.subarray(buf.length - open));
        buf = buf.subarray(0, buf.length - open);
      }
      return standard(dec.write(buf));
    },
    end: () => {
      const t = carry ? dec.write(carry) : '';
      carry = undefined;
      return standard(t + (dec.end() ?? ''));
    },
  };
}

/**
 * Bytes at the end of `b` that begin a character `b` does not finish, scanning from a character
 * start: a lead byte 81–FE opens two bytes, or four when a digit 30–39 follows it.
 */
function openTail(b: Buffer): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x81 || c === 0xff) {
      i++;
      continue;
    }
    if (i + 1 >= n) return n - i;
    const d = b[i + 1]!;
    if (d >= 0x30 && d <= 0x39) {
      if (i + 3 >= n) return n - i;
      i += 4;
    } else i += 2;
  }
  return 0;
}
