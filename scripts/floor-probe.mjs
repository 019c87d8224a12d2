#!/usr/bin/env node
// A probe, not used by storeops (issue 21, seventeenth round): the fastest quote-aware JavaScript
// reader of a 订单报表 csv this round could write, doing the least per row that compensate's
// reading must do, to measure how far below compensate a JavaScript reader can go on this machine.
//
//   node scripts/floor-probe.mjs FILE [--mode bytes|text] [--as-of 2026-11-30T12:00:00]
//
// It reads FILE in 4 MB reads (fs.readSync into one buffer, a record cut by the end of a read moved
// to the buffer's start), walks every byte once (quoted cells with "" and line breaks inside, a
// quote not opening a cell read as text, CRLF or LF), takes the header's positions of the columns
// compensate reads (src/compensation/run.ts's projection: 订单编号, 买家会员名, 买家应付货款, 买家应付邮费,
// 买家实际支付金额, 订单状态, 订单创建时间, 订单付款时间, 宝贝标题, 物流单号, 店铺Id, 店铺名称, 退款金额,
// 确认收货时间, 延迟发货自动赔付金额, 预售订单, 发货时间) and, per row:
//   - bytes: parses 订单付款时间 and 发货时间 ("YYYY-MM-DD HH:MM:SS", Beijing time) to whole seconds,
//     买家实际支付金额 to whole fen, the order id's digits to a number, and counts the late orders
//     (shipped more than 48 h after payment, or unshipped 48 h after payment at --as-of) and their fen.
//     No string is made for any cell.
//   - text: the same, and also makes a string of each other wanted cell (UTF-8 decoded), as a
//     reader handing cells to a row parser must; repeated short texts are not cached.
// UTF-8 only (the GBK twin needs a decoder: not part of the floor). No vouchers, no duplicate check.
import fs from 'node:fs';

const args = process.argv.slice(2);
const file = args[0];
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i === -1 ? dflt : args[i + 1];
};
const mode = opt('--mode', 'bytes');
const asOfText = opt('--as-of', '2026-11-30T12:00:00');
if (!file || (mode !== 'bytes' && mode !== 'text')) {
  process.stderr.write('usage: node scripts/floor-probe.mjs FILE [--mode bytes|text] [--as-of YYYY-MM-DDTHH:MM:SS]\n');
  process.exit(2);
}

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const LATE_S = 48 * 3600;

/** Days from 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function days(y, m, d) {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = ((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 | 0) + d - 1;
  const doe = yoe * 365 + (yoe / 4 | 0) - (yoe / 100 | 0) + doy;
  return era * 146097 + doe - 719468;
}
const asOfM = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})$/.exec(asOfText);
const asOf = days(+asOfM[1], +asOfM[2], +asOfM[3]) * 86400 + +asOfM[4] * 3600 + +asOfM[5] * 60 + +asOfM[6] - 8 * 3600;

const buf0 = { b: Buffer.allocUnsafe(8 << 20) };
const fd = fs.openSync(file, 'r');
const READ = 4 << 20;

// Column roles, by header name (filled from the header row).
const NAMES = {
  订单编号: 1, 买家会员名: 2, 买家应付货款: 2, 买家应付邮费: 2, 买家实际支付金额: 3, 订单状态: 2, 订单创建时间: 2,
  订单付款时间: 4, 宝贝标题: 2, 物流单号: 2, 店铺Id: 2, 店铺名称: 2, 退款金额: 2, 确认收货时间: 2,
  延迟发货自动赔付金额: 2, 预售订单: 2, 发货时间: 5,
};
// role[i]: 0 not read, 1 order id, 2 other wanted cell, 3 amount, 4 paid time, 5 shipped time.
let role = new Uint8Array(0);

let rows = 0;
let late = 0;
let lateFen = 0;
let bad = 0;
let idSum = 0;
let textChars = 0;
const text = mode === 'text';

/** Whole seconds (UTC) of "YYYY-MM-DD HH:MM:SS" Beijing time at b[s, e); NaN if not that shape. */
function timeAt(b, s, e) {
  if (e - s !== 19) return NaN;
  const y = (b[s] - 48) * 1000 + (b[s + 1] - 48) * 100 + (b[s + 2] - 48) * 10 + (b[s + 3] - 48);
  const mo = (b[s + 5] - 48) * 10 + (b[s + 6] - 48);
  const d = (b[s + 8] - 48) * 10 + (b[s + 9] - 48);
  const h = (b[s + 11] - 48) * 10 + (b[s + 12] - 48);
  const mi = (b[s + 14] - 48) * 10 + (b[s + 15] - 48);
  const se = (b[s + 17] - 48) * 10 + (b[s + 18] - 48);
  if (b[s + 4] !== 0x2d || b[s + 7] !== 0x2d || b[s + 13] !== 0x3a || b[s + 16] !== 0x3a || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return NaN;
  return days(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - 8 * 3600;
}

/** Whole fen of "123.45" (up to two decimals) at b[s, e); -1 if not that shape. */
function fenAt(b, s, e) {
  let v = 0;
  let i = s;
  for (; i < e; i++) {
    const c = b[i] - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
  }
  if (i === s) return -1;
  let dec = 0;
  if (i < e && b[i] === 0x2e) {
    i++;
    for (; i < e && dec < 2; i++, dec++) {
      const c = b[i] - 48;
      if (c < 0 || c > 9) return -1;
      v = v * 10 + c;
    }
  }
  if (i !== e) return -1;
  return dec === 2 ? v : dec === 1 ? v * 10 : v * 100;
}

/**
 * Reads every whole record of b[0, end); returns the start of the first record not ended before
 * `end` (end itself when all were read). `eof`: the last record needs no line break.
 */
function records(b, end, eof) {
  let pos = 0;
  const r = role;
  const width = r.length;
  while (pos < end) {
    const start = pos;
    let p = pos;
    let col = 0;
    let paid = NaN;
    let shipped = NaN;
    let fen = -1;
    let rowEnded = false;
    for (;;) {
      let s = p;
      let e;
      if (p < end && b[p] === QUOTE) {
        // Quoted: "" is a quote; the cell's quoted part ends at a quote not doubled.
        let q = p + 1;
        for (;;) {
          if (q >= end) return eof ? end : start;
          if (b[q] === QUOTE) {
            if (q + 1 < end && b[q + 1] === QUOTE) {
              q += 2;
              continue;
            }
            break;
          }
          q++;
        }
        s = p + 1;
        e = q;
        p = q + 1;
        // Text after the closing quote (relax_quotes) runs to the delimiter.
        while (p < end && b[p] !== COMMA && b[p] !== LF) p++;
      } else {
        let c;
        while (p < end && (c = b[p]) !== COMMA && c !== LF) p++;
        e = p;
      }
      if (p >= end && !eof) return start;
      const atLf = p >= end || b[p] === LF;
      if (atLf && e > s && b[e - 1] === CR) e--;
      if (col < width) {
        const k = r[col];
        if (k !== 0) {
          if (k === 4) paid = timeAt(b, s, e);
          else if (k === 5) shipped = timeAt(b, s, e);
          else if (k === 3) fen = fenAt(b, s, e);
          else if (k === 1) {
            // ="3000000010000000000": the digits.
            let v = 0;
            for (let i = s; i < e; i++) {
              const c = b[i] - 48;
              if (c >= 0 && c <= 9) v = v * 10 + c;
            }
            idSum = (idSum + (v % 1000003)) % 1000003;
          } else if (text && e > s) textChars += b.utf8Slice(s, e).length;
        }
      }
      col++;
      p++;
      if (atLf) {
        rowEnded = true;
        break;
      }
    }
    pos = p;
    if (!rowEnded) break;
    rows++;
    if (paid !== paid || fen < 0) {
      bad++;
      continue;
    }
    const due = paid + LATE_S;
    if (shipped === shipped ? shipped > due : asOf > due) {
      late++;
      lateFen += fen;
    }
  }
  return pos > end ? end : pos;
}

/** The header: the first line, split at commas, "" unquoted. */
function header(b, end) {
  const lf = b.indexOf(LF);
  if (lf === -1 || lf >= end) throw new Error('no header line');
  const names = b.toString('utf8', b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0, lf).replace(/\r$/, '').split(',');
  role = new Uint8Array(names.length);
  names.forEach((n, i) => {
    const name = n.replace(/^"|"$/g, '').trim();
    role[i] = NAMES[name] ?? 0;
  });
  return lf + 1;
}

const t0 = process.hrtime.bigint();
let b = buf0.b;
let have = 0;
let first = true;
for (;;) {
  if (b.length - have < READ) {
    const nb = Buffer.allocUnsafe(Math.max(b.length * 2, have + READ));
    b.copy(nb, 0, 0, have);
    b = nb;
  }
  const n = fs.readSync(fd, b, have, READ, null);
  const end = have + n;
  const eof = n === 0;
  let from = 0;
  if (first) {
    from = header(b, end);
    b.copy(b, 0, from, end);
    have = end - from;
    first = false;
    continue;
  }
  const used = records(b, end, eof);
  if (eof) break;
  b.copy(b, 0, used, end);
  have = end - used;
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(`${JSON.stringify({ mode, rows, late, lateFen, bad, idSum, textChars, ms: Math.round(ms) })}\n`);
