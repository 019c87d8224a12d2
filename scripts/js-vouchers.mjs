#!/usr/bin/env node
// The benchmark's JavaScript lower bound (issue 21's table of peers: "a quote-aware JS byte scanner
// computing the same vouchers"): the voucher query of scripts/duckdb-vouchers.mjs, step for step, as
// the plainest fast JavaScript: no dependency, one thread, no csv-parse, no streams. Independent of
// src/: it reads the same rule-set files (templates/rules/*.json) and nothing else of storeops.
//
//   node scripts/js-vouchers.mjs FILE [--as-of "YYYY-MM-DD HH:MM:SS"] [--rules auto|ID|FILE.json] [--list]
//
// Prints one JSON line as scripts/duckdb-vouchers.mjs does; --list adds every voucher. What it
// computes and leaves out is what scripts/duckdb-vouchers.mjs says at its top.
// How: the file is read in 8 MiB chunks (fs.readSync into one Buffer; a row cut by a chunk's end is
// moved to the front and read on); a byte scanner walks the bytes once (a cell that starts with a
// quote runs to the closing quote, doubled quotes and commas and line breaks inside it; a quote
// elsewhere is a plain byte; CR, LF or CRLF end a row; blank lines are skipped) and notes where each
// cell starts and ends. Nothing is decoded for a row that cannot be late: the status is matched as
// raw bytes (each distinct byte string decoded once), times are read from their digits
// arithmetically (days from the civil date, no Date), the title is searched for the listing words
// as bytes (in GBK a hit is confirmed on the decoded title) only when the row would be late under
// the shortest window. For a late row the order id, buyer and presale cells are decoded (UTF-8:
// utf8Slice; GBK: TextDecoder('gb18030') on just those cells, latin1 when they are ASCII) and the
// amounts read as whole fen from their digits. Money is whole fen and rates whole millionths in
// integers (base × rate rounded half away from zero to the fen or yuan, as DuckDB's round() on a
// DECIMAL, then the tier's min and max, the cap per window). The encoding is sniffed as
// scripts/pandas-vouchers.py does: UTF-8 when the first 64 KiB decode as UTF-8, else GB18030.
// Times: 'YYYY-MM-DD HH:MM:SS' (also with a T, without seconds, with fractions, or a date alone,
// as DuckDB's TIMESTAMP cast reads them); anything else is no time.
import fs from 'node:fs';
import { columnsOf, fenOf, micro, referenceArgs, ruleSets, yuan } from './voucher-reference.mjs';

const { file, asOf, rulesArg, list } = referenceArgs('node scripts/js-vouchers.mjs FILE [--as-of "YYYY-MM-DD HH:MM:SS"] [--rules auto|ID|FILE.json] [--list]');
const { sets, forced } = ruleSets(rulesArg);

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil), integers only. */
function days(y, m, d) {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MDAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Seconds since 1970-01-01 00:00 of the same wall clock, or NaN when not a valid date/time. */
function civil(y, mo, d, h, mi, s) {
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && leap(y) ? 29 : MDAYS[mo]) || h > 23 || mi > 59 || s > 59) return NaN;
  return days(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}
const TIME_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?$/;
function secsOfString(t) {
  const m = TIME_RE.exec(t.replace(/^ +| +$/g, ''));
  if (!m) return NaN;
  return civil(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
}
const dayStart = (d) => {
  const [y, m, dd] = d.split('-').map(Number);
  return days(y, m, dd) * 86400;
};

const asOfS = secsOfString(asOf);

// ---- the file: encoding (as pandas-vouchers.py sniffs it) and header ----
const fd = fs.openSync(file, 'r');
const CHUNK = 8 << 20;
let buf = Buffer.allocUnsafe(CHUNK + 1);
let len = 0;
let eof = false;
while (!eof && len < CHUNK) {
  const got = fs.readSync(fd, buf, len, CHUNK - len, null);
  len += got;
  eof = got === 0;
}
let gbk = false;
try {
  new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, Math.min(len, 1 << 16)), { stream: len > 1 << 16 });
} catch {
  gbk = true;
}
// (stream: true lets a character cut at 64 KiB pass, as the sniff's "error in the last 4 bytes")
const encoding = gbk ? 'gb18030' : 'utf-8';
const gbDec = new TextDecoder('gb18030');

/** A string in the file's encoding (GBK: from a table of every two-byte code, decoded once); null when it cannot be. */
let gbTable = null;
function encode(str) {
  if (!gbk) return Buffer.from(str, 'utf8');
  if (!gbTable) {
    gbTable = new Map();
    const bytes = [];
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) bytes.push(a, b, 10);
    const parts = gbDec.decode(Buffer.from(bytes)).split('\n');
    let k = 0;
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = parts[k++];
        if (ch.length === 1 && ch !== '\uFFFD' && !gbTable.has(ch)) gbTable.set(ch, [a, b]);
      }
  }
  const out = [];
  for (const ch of str) {
    const c = ch.codePointAt(0);
    if (c < 0x80) out.push(c);
    else {
      const p = gbTable.get(ch);
      if (!p) return null;
      out.push(p[0], p[1]);
    }
  }
  return Buffer.from(out);
}

let pos = 0;
if (!gbk && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;

// Cell bounds of the current row (start, end: the raw bytes, quotes included).
let NC = 256;
let cs = new Int32Array(NC);
let ce = new Int32Array(NC);
let ncells = 0;

/** Scan one row from p in buf[0..end) (buf[end] is a sentinel LF); -1 when the row is not complete and more is to come. */
function scanRow(p, end, final) {
  const u = buf; // (a local: the loop does not reload the module's binding)
  let starts = cs;
  let ends = ce;
  let c = 0;
  for (;;) {
    const s = p;
    let b;
    if (u[p] === 34 && p < end) {
      p++;
      for (;;) {
        while (u[p] !== 34 && p < end) p++;
        if (p >= end) {
          if (!final) return -1;
          break;
        }
        p++;
        if (u[p] === 34 && p < end) {
          p++;
          continue;
        }
        break;
      }
    }
    // an unquoted cell, or what follows a closing quote, to the next comma or line end
    while ((b = u[p]) > 44 || (b !== 44 && b !== 10 && b !== 13)) p++;
    if (c >= NC) {
      NC *= 2;
      const a = new Int32Array(NC);
      a.set(cs);
      cs = starts = a;
      const z = new Int32Array(NC);
      z.set(ce);
      ce = ends = z;
    }
    starts[c] = s;
    ends[c] = p;
    c++;
    if (p >= end) {
      if (!final) return -1;
      ncells = c;
      return p;
    }
    p++;
    if (b === 44) continue;
    if (b === 13) {
      if (p >= end && !final) return -1;
      if (u[p] === 10) p++;
    }
    ncells = c;
    return p;
  }
}

/** The text of cell bytes [s, e): unquoted (doubled quotes undone), decoded. */
function text(s, e) {
  if (s >= e) return '';
  if (buf[s] === 34) {
    // "…" then anything up to the comma, as written
    let q = s + 1;
    let out = '';
    let from = q;
    for (;;) {
      while (q < e && buf[q] !== 34) q++;
      out += dec(from, q);
      if (q >= e) return out;
      q++;
      if (q < e && buf[q] === 34) {
        out += '"';
        q++;
        from = q;
        continue;
      }
      return out + dec(q, e);
    }
  }
  return dec(s, e);
}
function dec(s, e) {
  if (!gbk) return buf.utf8Slice(s, e);
  for (let i = s; i < e; i++) if (buf[i] >= 0x80) return gbDec.decode(buf.subarray(s, e));
  return buf.latin1Slice(s, e);
}

// header
{
  let end = len;
  buf[end] = 10;
  const p = scanRow(pos, end, eof);
  if (p < 0) throw new Error(`${file}: the header is longer than ${CHUNK} bytes`);
  var names = [];
  for (let i = 0; i < ncells; i++) names.push(text(cs[i], ce[i]));
  pos = p;
}
// the columns the query reads, by the header's own texts (matched trimmed); -1 when absent
const cols = columnsOf(names, file);
const colIdx = (key) => (cols[key] === null ? -1 : names.indexOf(cols[key]));
const C_ID = colIdx('id');
const C_BUYER = colIdx('buyer');
const C_GOODS = colIdx('goods');
const C_POSTAGE = colIdx('postage');
const C_PAID = colIdx('paid');
const C_STATUS = colIdx('status');
const C_PAIDAT = colIdx('paidAt');
const C_SHIPPED = colIdx('shipped');
const C_TITLE = colIdx('title');
const C_PRESALE = colIdx('presale');
const C_PLATFORM = colIdx('platform');

// ---- the rule sets as plain numbers ----
const BASE = { 'paid-minus-postage': 0, paid: 1, goods: 2 };
const R = sets.map((r) => {
  const tw = (r.titleWindows ?? []).map((w) => ({ hours: w.hours, words: w.keywords, bytes: w.keywords.map(encode) }));
  const lowest = Math.min(r.shipWindowHours, ...tw.map((w) => w.hours));
  return {
    id: r.id,
    from: r.validFrom ? dayStart(r.validFrom) : -Infinity,
    to: r.validTo ? dayStart(r.validTo) + 86400 : Infinity,
    window: r.shipWindowHours,
    tw,
    minWindowS: lowest * 3600,
    tiers: r.tiers.map((t) => ({
      wOver: t.window?.over != null ? t.window.over * 3600 : -Infinity,
      wUpTo: t.window?.upTo != null ? t.window.upTo * 3600 : Infinity,
      lOver: t.hoursLate?.over != null ? t.hoursLate.over * 3600 : -Infinity,
      lUpTo: t.hoursLate?.upTo != null ? t.hoursLate.upTo * 3600 : Infinity,
      presale: t.presale === true ? 1 : t.presale === false ? 0 : -1,
      rate: micro(t.rate),
      lo: fenOf(t.min ?? '0'),
      hi: t.max == null ? -1 : fenOf(t.max),
    })),
    usesPresale: r.tiers.some((t) => t.presale === true || t.presale === false),
    base: BASE[r.base],
    yuan: r.rounding === 'yuan',
    combine: r.combine.by,
    cap: r.combine.cap == null ? -1 : fenOf(r.combine.cap),
    deducts: r.payer === 'platform-deducts',
  };
});
/** The rule set judging an order paid at paidS (first matching, as the CASE). */
function ruleOf(paidS) {
  if (forced) return R[0];
  for (const r of R) if (paidS >= r.from && paidS < r.to) return r;
  return null;
}

// ---- cells read from bytes ----
const YUAN = encode('元');
/** The status of a cell: 0 unknown, 1 unpaid, 2 awaiting, 3 partial, 4 shipped, 5 closed; raw byte strings learnt as met. */
const STATUS = new Map([
  ['等待买家付款', 1],
  ['买家已付款，等待卖家发货', 2],
  ['等待卖家发货', 2],
  ['卖家部分发货', 3],
  ['卖家已发货，等待买家确认', 4],
  ['交易成功', 4],
  ['交易关闭', 5],
  ['付款以后用户退款成功，交易自动关闭', 5],
  ['付款以前，卖家或买家主动关闭交易', 5],
]);
const seenBytes = [];
const seenCode = [];
function statusOf(s, e) {
  const n = e - s;
  outer: for (let k = 0; k < seenBytes.length; k++) {
    const b = seenBytes[k];
    if (b.length !== n) continue;
    for (let i = 0; i < n; i++) if (b[i] !== buf[s + i]) continue outer;
    return seenCode[k];
  }
  const t = text(s, e).replace(/,/g, '，').replace(/ /g, '');
  const code = STATUS.get(t) ?? 0;
  if (seenBytes.length < 64) {
    seenBytes.push(Buffer.from(buf.subarray(s, e)));
    seenCode.push(code);
  }
  return code;
}

/** A time cell as seconds (Beijing wall clock since 1970-01-01), NaN when empty or not a time. */
function secsOf(s, e) {
  while (s < e && buf[s] === 32) s++;
  while (e > s && buf[e - 1] === 32) e--;
  if (e - s === 19 && buf[s + 4] === 45 && buf[s + 7] === 45 && buf[s + 10] === 32 && buf[s + 13] === 58 && buf[s + 16] === 58) {
    const y0 = buf[s] - 48, y1 = buf[s + 1] - 48, y2 = buf[s + 2] - 48, y3 = buf[s + 3] - 48;
    const m0 = buf[s + 5] - 48, m1 = buf[s + 6] - 48, d0 = buf[s + 8] - 48, d1 = buf[s + 9] - 48;
    const h0 = buf[s + 11] - 48, h1 = buf[s + 12] - 48, i0 = buf[s + 14] - 48, i1 = buf[s + 15] - 48;
    const s0 = buf[s + 17] - 48, s1 = buf[s + 18] - 48;
    // every one a digit: no value outside 0..9 (the unsigned view of a negative is large)
    if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1 | h0 | h1 | i0 | i1 | s0 | s1) >>> 0 <= 15 && y0 < 10 && y1 < 10 && y2 < 10 && y3 < 10 && m0 < 10 && m1 < 10 && d0 < 10 && d1 < 10 && h0 < 10 && h1 < 10 && i0 < 10 && i1 < 10 && s0 < 10 && s1 < 10)
      return civil(y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1, d0 * 10 + d1, h0 * 10 + h1, i0 * 10 + i1, s0 * 10 + s1);
  }
  if (s === e) return NaN;
  return secsOfString(text(s, e));
}

/** An amount cell as whole fen ('12.30元' → 1230), NaN when empty or not a number (DECIMAL(18,2): rounded half away from zero). */
function fenAt(s, e) {
  if (s >= e) return NaN;
  if (buf[s] === 34) return fenOfString(text(s, e));
  while (s < e && buf[s] === 32) s++;
  while (e > s && buf[e - 1] === 32) e--;
  const yl = YUAN.length;
  for (;;) {
    if (e - s < yl) break;
    let m = true;
    for (let i = 0; i < yl; i++) if (buf[e - yl + i] !== YUAN[i]) m = false;
    if (!m) break;
    e -= yl;
  }
  while (e > s && buf[e - 1] === 32) e--;
  let neg = false;
  if (buf[s] === 45 || buf[s] === 43) {
    neg = buf[s] === 45;
    s++;
  }
  let v = 0;
  let digits = 0;
  let i = s;
  for (; i < e; i++) {
    const c = buf[i] - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    digits++;
  }
  if (digits > 16) return NaN;
  v *= 100;
  if (i < e && buf[i] === 46) {
    i++;
    let f = 0;
    let places = 0;
    let round = 0;
    for (; i < e; i++) {
      const c = buf[i] - 48;
      if (c < 0 || c > 9) break;
      if (places < 2) f = f * 10 + c;
      else if (places === 2 && c >= 5) round = 1;
      places++;
      digits++;
    }
    if (places === 1) f *= 10;
    v += f + round;
  }
  if (i !== e || digits === 0) return NaN;
  return neg ? -v : v;
}
function fenOfString(t) {
  t = t.replace(/^ +| +$/g, '').replace(/元+$/, '').replace(/ +$/, '');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(t);
  if (!m || (m[2] === '' && !m[3])) return NaN;
  if (m[2].length > 16) return NaN;
  const f = (m[3] ?? '').padEnd(3, '0');
  const v = Number(m[2] || '0') * 100 + Number(f.slice(0, 2)) + (f.charCodeAt(2) >= 53 ? 1 : 0);
  return m[1] === '-' ? -v : v;
}

/** Whether bytes [s, e) hold `w` (a listing word in the file's encoding). */
function holds(s, e, w) {
  const n = w.length;
  const w0 = w[0];
  for (let i = s, last = e - n; i <= last; i++) {
    if (buf[i] !== w0) continue;
    let j = 1;
    while (j < n && buf[i + j] === w[j]) j++;
    if (j === n) return true;
  }
  return false;
}
/** The window in seconds: shipWindowHours, shortened by listing words in the title. */
function windowOf(r) {
  let h = r.window;
  if (r.tw.length === 0) return h * 3600;
  const s = C_TITLE >= 0 && C_TITLE < ncells ? cs[C_TITLE] : 0;
  const e = C_TITLE >= 0 && C_TITLE < ncells ? ce[C_TITLE] : 0;
  let title = null;
  for (const w of r.tw) {
    let hit = false;
    for (let k = 0; k < w.words.length && !hit; k++) {
      const b = w.bytes[k];
      if (b === null || (gbk && b.length > 0)) {
        // GBK: a byte match can straddle two characters; confirm on the text
        if (b !== null && !holds(s, e, b)) continue;
        title ??= text(s, e);
        hit = title.includes(w.words[k]);
      } else hit = holds(s, e, b);
    }
    if (hit) h = Math.min(h, w.hours);
  }
  return h * 3600;
}
const cellText = (c) => (c >= 0 && c < ncells ? text(cs[c], ce[c]) : '');
const cellFen = (c) => (c >= 0 && c < ncells ? fenAt(cs[c], ce[c]) : NaN);
const PRESALE_YES = new Set(['是', 'true', 'TRUE', 'Y', 'y', 'yes', '1']);

/** base × rate (fen × millionths), rounded half away from zero to the fen (or yuan, in fen). */
function rounded(base, rate, toYuan) {
  const d = toYuan ? 100_000_000 : 1_000_000;
  const p = base * rate;
  if (Math.abs(p) <= Number.MAX_SAFE_INTEGER) {
    const a = Math.abs(p) + d / 2;
    const q = (a - (a % d)) / d;
    return (p < 0 ? -q : q) * (toYuan ? 100 : 1);
  }
  const bp = BigInt(base) * BigInt(rate);
  const ba = (bp < 0n ? -bp : bp) + BigInt(d / 2);
  const q = Number(ba / BigInt(d));
  return (bp < 0n ? -q : q) * (toYuan ? 100 : 1);
}

// ---- the late orders ----
const late = []; // { id, buyer, r, paidS, after, platform }
let orders = 0;
function row() {
  if (ncells === 1 && cs[0] === ce[0]) return; // a blank line
  orders++;
  if (C_PAIDAT >= ncells) return; // a missing cell is null: no paid time, not judged
  const st = C_STATUS < ncells ? statusOf(cs[C_STATUS], ce[C_STATUS]) : 0; // no status: unknown
  if (st === 1) return;
  const paidS = secsOf(cs[C_PAIDAT], ce[C_PAIDAT]);
  if (paidS !== paidS) return;
  const r = ruleOf(paidS);
  if (r === null) return;
  let endS;
  if (st === 3) endS = asOfS;
  else {
    const sh = C_SHIPPED >= 0 && C_SHIPPED < ncells ? secsOf(cs[C_SHIPPED], ce[C_SHIPPED]) : NaN;
    if (sh === sh) endS = sh;
    else if (st === 2) endS = asOfS;
    else return;
  }
  if (endS - (paidS + r.minWindowS) <= 0) return; // not late even under the shortest window
  const windowS = windowOf(r);
  const lateS = endS - (paidS + windowS);
  if (lateS <= 0) return;
  let presale = false;
  if (r.usesPresale && C_PRESALE >= 0 && C_PRESALE < ncells) {
    const p = cellText(C_PRESALE);
    presale = PRESALE_YES.has(p.replace(/^ +| +$/g, '')) || p.includes('预售');
  }
  const tiers = r.tiers;
  let t = tiers[tiers.length - 1];
  for (const x of tiers) {
    if (windowS > x.wOver && windowS <= x.wUpTo && lateS > x.lOver && lateS <= x.lUpTo && (x.presale < 0 || (x.presale === 1) === presale)) {
      t = x;
      break;
    }
  }
  const paid = cellFen(C_PAID);
  const paid0 = paid === paid ? paid : 0;
  let base;
  if (r.base === 0) {
    const post = cellFen(C_POSTAGE);
    base = Math.max(paid0 - (post === post ? post : 0), 0);
  } else if (r.base === 1) base = paid0;
  else {
    const g = cellFen(C_GOODS);
    base = g === g ? g : paid0;
  }
  let after = Math.max(rounded(base, t.rate, r.yuan), t.lo);
  if (t.hi >= 0) after = Math.min(after, t.hi);
  const pf = cellFen(C_PLATFORM);
  const id = cellText(C_ID).replace(/^[="]+|[="]+$/g, '');
  late.push({ id, buyer: cellText(C_BUYER), r, paidS, after, platform: pf === pf ? pf : 0 });
}

// ---- the read loop: rows of each chunk; a cut row moves to the front ----
for (;;) {
  buf[len] = 10; // sentinel
  for (;;) {
    if (pos >= len) break;
    const p = scanRow(pos, len, eof);
    if (p < 0) break;
    pos = p;
    row();
  }
  if (eof) break;
  // move the unfinished row to the front, read on (a row longer than the buffer grows it)
  const rest = len - pos;
  if (rest * 2 > CHUNK) {
    const nb = Buffer.allocUnsafe(buf.length * 2);
    buf.copy(nb, 0, pos, len);
    buf = nb;
  } else buf.copy(buf, 0, pos, len);
  const room = buf.length - 1 - rest;
  const got = fs.readSync(fd, buf, rest, room, null);
  len = rest + got;
  pos = 0;
  eof = got === 0;
}
fs.closeSync(fd);

// ---- windows per buyer and rule set, then vouchers ----
const vouchers = new Map();
function add(key, o) {
  let v = vouchers.get(key);
  if (!v) {
    v = { r: o.r, n: 0, sum: 0, platform: 0, ids: list ? [] : null };
    vouchers.set(key, v);
  }
  v.n++;
  v.sum += o.after;
  v.platform += o.platform;
  if (list) v.ids.push(o.id);
}
const rolling = new Map();
for (const o of late) {
  const by = o.r.combine;
  if (o.buyer === '' || by === 'none') add(`${o.buyer}\u0000${o.r.id}\u0000o${o.id}`, o);
  else if (by === 'calendar-day') add(`${o.buyer}\u0000${o.r.id}\u0000d${Math.floor(o.paidS / 86400)}`, o);
  else {
    const k = `${o.buyer}\u0000${o.r.id}`;
    let a = rolling.get(k);
    if (!a) rolling.set(k, (a = []));
    a.push(o);
  }
}
for (const [k, a] of rolling) {
  a.sort((x, y) => x.paidS - y.paidS || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  let start = 0;
  for (let i = 0; i < a.length; i++) {
    if (i === 0 || a[i].paidS > start + 86400) start = a[i].paidS;
    add(`${k}\u0000r${start}`, a[i]);
  }
}
let lateOrders = 0;
let amount = 0;
let toIssue = 0;
const ruleIds = new Set();
const out = [];
for (const v of vouchers.values()) {
  const amt = v.r.cap >= 0 ? Math.min(v.sum, v.r.cap) : v.sum;
  const issue = v.r.deducts || v.platform > 0 ? 0 : amt;
  lateOrders += v.n;
  amount += amt;
  toIssue += issue;
  ruleIds.add(v.r.id);
  if (list) out.push({ orderIds: v.ids.sort(), rules: v.r.id, lateOrders: v.n, amount: yuan(amt), toIssue: yuan(issue) });
}
const result = {
  lateOrders,
  vouchers: vouchers.size,
  amount: yuan(amount),
  toIssue: yuan(toIssue),
  rules: [...ruleIds].sort().join(','),
  js: process.version,
  encoding,
  orders,
  threads: 1,
};
if (list) {
  for (const v of out) v.key = v.orderIds.join(',');
  out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const v of out) delete v.key;
  result.list = out;
}
process.stdout.write(`${JSON.stringify(result)}\n`);
