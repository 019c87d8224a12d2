#!/usr/bin/env node
// Issue 21, sixteenth round: a probe (not part of storeops) for the speculative split of a big csv
// export across two threads. It answers one question before any of it goes into src/: how much of
// the main thread's work on the file's second half can a worker take, once the main thread's cost of
// taking the worker's results back is paid?
//
//   node scripts/split-probe.mjs FILE [utf8|gb18030] [mode]
//
// It cuts FILE at the first line start after its middle and times, on the main thread:
//   serial   scanning (src/io/scan.ts RecordScanner, the columns compensate reads) and parsing
//            (src/orders/parse.ts, compensate's fields) the second half itself;
//   clone    the worker scans and parses it and posts each batch of parsed rows as plain objects
//            (amounts as text): the main thread's cost is receiving them (structured clone) and
//            making the amounts Decimals again;
//   packed   the worker posts each batch as one text of every string field end to end with their
//            lengths and the numbers in typed arrays (transferred): the main thread cuts the texts
//            out (substring) and makes the amounts Decimals again.
// Main-thread time is measured with the worker's work already done (its messages queued and taken
// by receiveMessageOnPort), so it is the main thread's own cost whatever the machine's load.
import { Worker, isMainThread, parentPort, workerData, MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const d = (p) => import(pathToFileURL(path.join(root, 'dist', 'src', p)).href);
const { RecordScanner, Projection } = await d('io/scan.js');
const { makeRowParser, isProblem } = await d('orders/parse.js');
const { openTable } = await d('io/table.js');
const { detectLayout, isOrderHeader } = await d('orders/detect.js');
const { PLATFORM_TZ, latestPlausible } = await d('time.js');
const { Money } = await d('money.js');

const FIELDS = new Set([
  'orderId', 'lineId', 'buyer', 'status', 'paidAt', 'shippedAt', 'promisedShipAt', 'reservedShipAt',
  'paidAmount', 'postage', 'goodsAmount', 'platformCompensation', 'presale', 'orderType', 'title', 'trackingNo', 'shopId', 'shopName',
]);
const STR = ['platform', 'layout', 'sourceFile', 'orderId', 'buyer', 'status', 'statusRaw', 'title', 'trackingNo', 'shop', 'shopName', 'carrier'];
const NUM = ['sourceLine', 'createdAt', 'paidAt', 'shippedAt', 'confirmedAt', 'promisedShipAt'];
const MON = ['goodsAmount', 'postage', 'paidAmount', 'refundAmount', 'platformCompensation'];

async function setup(file, encoding) {
  const t = await openTable(file, process.stdin, encoding, isOrderHeader);
  const det = detectLayout(t.sniffed.name, t.headers);
  const parser = makeRowParser(det.layout, det.map, t.sniffed.name, det.layoutId, PLATFORM_TZ, latestPlausible(Date.parse('2026-12-01T00:00:00+08:00'), Date.now()), false, FIELDS);
  const proj = new Projection();
  const want = new Uint8Array(t.headers.length);
  for (const i of parser.columns ?? []) want[i] = 1;
  proj.want = want;
  const tr = new Uint8Array(t.headers.length);
  for (const i of parser.transientColumns) tr[i] = 1;
  proj.transient = tr;
  return { parser, proj };
}

/** Scan and parse [from, to) of the file, a batch of rows at a time. */
function* scanParse(file, from, to, encoding, parser, proj) {
  const fd = fs.openSync(file, 'r');
  const sc = new RecordScanner(0x2c, encoding, proj, 1);
  let pos = from;
  let buf = Buffer.alloc(0);
  for (;;) {
    const n = Math.min(1 << 20, to - pos);
    let final = n <= 0;
    if (!final) {
      const chunk = Buffer.allocUnsafeSlow(buf.length + n);
      buf.copy(chunk, 0);
      fs.readSync(fd, chunk, buf.length, n, pos);
      pos += n;
      buf = chunk;
      final = pos >= to;
    }
    for (;;) {
      const r = sc.scan(buf, final, 256);
      if (r.irregular || r.badLine !== undefined) throw new Error('irregular: the probe reads the common shape only');
      buf = buf.subarray(r.used);
      if (!r.records.length) break;
      yield r.records.map((rec) => parser.parse(rec.cells, rec.line));
    }
    if (final) break;
  }
  fs.closeSync(fd);
}

const moneyText = (m) => (m === null || m === undefined ? null : m.toFixed());

function pack(rows) {
  const n = rows.length;
  const lens = new Int32Array(n * STR.length);
  const nums = new Float64Array(n * NUM.length);
  const parts = [];
  const money = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    for (const f of STR) {
      const s = r[f] ?? '';
      lens[k++] = s.length;
      parts.push(s);
    }
    for (let j = 0; j < NUM.length; j++) nums[i * NUM.length + j] = r[NUM[j]] ?? NaN;
    for (const f of MON) money.push(moneyText(r[f]));
  }
  return { text: parts.join(''), lens, nums, money };
}

function unpack(p, money) {
  const out = [];
  const n = p.nums.length / NUM.length;
  let at = 0;
  let k = 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const r = {};
    for (const f of STR) {
      const l = p.lens[k++];
      r[f] = p.text.substring(at, at + l);
      at += l;
    }
    for (let j = 0; j < NUM.length; j++) {
      const v = p.nums[i * NUM.length + j];
      r[NUM[j]] = Number.isNaN(v) ? null : v;
    }
    for (const f of MON) {
      const t = p.money[m++];
      r[f] = t === null ? null : money(t);
    }
    out.push(r);
  }
  return out;
}

if (!isMainThread) {
  const { file, cut, size, encoding, mode, port } = workerData;
  const { parser, proj } = await setup(file, encoding);
  for (const rows of scanParse(file, cut, size, encoding, parser, proj)) {
    const ok = rows.filter((r) => !isProblem(r));
    if (mode === 'clone') {
      port.postMessage(ok.map((r) => {
        const o = {};
        for (const f of STR) o[f] = r[f];
        for (const f of NUM) o[f] = r[f];
        for (const f of MON) o[f] = moneyText(r[f]);
        return o;
      }));
    } else {
      const p = pack(ok);
      port.postMessage(p, [p.lens.buffer, p.nums.buffer]);
    }
  }
  port.postMessage(null);
  port.close();
} else {
  const [file, encoding = 'utf8', mode = 'all'] = process.argv.slice(2);
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  const probe = Buffer.alloc(1 << 20);
  fs.readSync(fd, probe, 0, probe.length, Math.floor(size / 2));
  fs.closeSync(fd);
  const cut = Math.floor(size / 2) + probe.indexOf(0x0a) + 1;
  const cache = new Map();
  const money = (t) => {
    let v = cache.get(t);
    if (v === undefined) {
      v = new Money(t);
      if (cache.size < 50_000) cache.set(t, v);
    }
    return v;
  };
  const result = {};
  for (const m of mode === 'all' ? ['serial', 'clone', 'packed', 'serial', 'clone', 'packed'] : [mode]) {
    let rows = 0;
    let ms;
    if (m === 'serial') {
      const { parser, proj } = await setup(file, encoding);
      const t0 = performance.now();
      for (const b of scanParse(file, cut, size, encoding, parser, proj)) rows += b.length;
      ms = performance.now() - t0;
    } else {
      const { port1, port2 } = new MessageChannel();
      const w = new Worker(fileURLToPath(import.meta.url), { workerData: { file, cut, size, encoding, mode: m, port: port2 }, transferList: [port2] });
      await new Promise((res) => w.once('exit', res));
      const t0 = performance.now();
      for (;;) {
        const msg = receiveMessageOnPort(port1);
        if (!msg || msg.message === null) break;
        const got = m === 'clone' ? msg.message.map((o) => { for (const f of MON) o[f] = o[f] === null ? null : money(o[f]); return o; }) : unpack(msg.message, money);
        rows += got.length;
      }
      ms = performance.now() - t0;
      port1.close();
    }
    (result[m] ??= []).push(Math.round(ms));
    console.log(`${m}: ${rows} rows of the second half (from byte ${cut} of ${size}), main thread ${Math.round(ms)} ms`);
  }
  console.log(JSON.stringify(result));
}
