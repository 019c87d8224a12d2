// money52: a 抖店 order whose sub-orders were promised at different times (docs/rules.md §1.1: each line is
// measured against its own promise). RULES 1.3b pays "by promised window" and lateness, per order, on the
// order's whole actual payment, once (no combining): the order owes the dearest of what each late line's
// own window and lateness give on that payment, and its row's window, hours late and kind are that line's
// (equal amounts: the line later against its own promise). Before, the line latest against its own promise
// decided whatever its tier, and the forecast fell below what the platform deducts.
// douyin-2025 (RULES 1.3b table; base 订单实际支付金额, the sub-orders' 订单应付金额 summed; half-up to whole yuan):
//   window ≤ 48 h: ≤ 48 h late 0 (none listed); > 48 h late (缺货) 1 %, min 2, max 50
//   window 48–240 h: ≤ 48 h late 1 %, min 2, max 50; > 48 h late (缺货) 3 %, min 3, max 50
//   window > 240 h: ≤ 48 h late 1 %, min 3, max 50; > 48 h late (缺货) 5 %, min 5, max 50
// One 主订单 paid 2026-11-10 10:00:00, A 100.00 + B 500.00 = 600.00 (1 % = 6.00, 3 % = 18.00, 5 % = 30.00).
// Shipped orders: A promised 11-12 10:00 (48 h window), B promised 11-16 10:00 (144 h window). Worked by hand:
//   D1 A shipped 11-15 10:00: 72 h late on 48 h: 缺货 1 % × 600.00 = 6 → 6.00. B shipped 11-18 20:00: 58 h
//      late on 144 h: 缺货 3 % × 600.00 = 18 → 18.00. Dearest: B: out_of_stock, 18.00, final, 58 h.
//      Before: A (72 h > 58 h) decided: 6.00, 72 h.
//   D2 A shipped 11-13 16:00: 30 h late on 48 h: 0 (none listed). B shipped 11-16 20:00: 10 h late on
//      144 h: 1 % × 600.00 = 6.00 (in 2–50). Dearest: B: late, 6.00, 10 h. Before: A (30 h): 0.00, 30 h.
//   D3 (tie) A shipped 11-15 10:00: 72 h late: 6.00 (缺货); B shipped 11-16 20:00: 10 h late: 6.00 (late).
//      Equal: the later against its own promise, A: out_of_stock, 6.00, 72 h (passes before too).
//   D4 (one late, one on time) A shipped 11-11 10:00 (a day early), B shipped 11-18 20:00 (58 h late):
//      out_of_stock 18.00, 58 h (passes before too: B is also the latest against its own promise).
// Unshipped (provisional): A 100.00 promised 11-16 10:00 (144 h), B 500.00 promised 11-25 10:00 (360 h,
// made to order). A shipped 11-18 20:00: 58 h late on 144 h: 缺货 3 % → 18.00.
//   U1 as of 11-25 20:00 B unshipped, 10 h overdue on 360 h: 1 %, min 3 → 6.00. Dearest: A's 18.00,
//      out_of_stock, 58 h, provisional (B may still ship later). Before: 6.00, late, 10 h.
//   U2 as of 11-28 10:00 B unshipped 72 h overdue on 360 h: 缺货 5 % × 600.00 = 30 → 30.00 > 18.00:
//      B decides: out_of_stock, 30.00, 72 h, provisional (passes before too).
//   U3 as of 11-20 10:00 B not due until 11-25 10:00: A already shipped 58 h late on its own 144 h promise, so
//      the order owes so far A's 缺货 3 % × 600.00 = 18.00, provisional, 58 h (user22; before: no row, A's
//      lateness was weighed only once B shipped or fell due).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { runCli, tmpDir } from '../helpers.js';

const H: string[] = DOUYIN_HEADERS;
const ID = '6937100000000000521';
type Line = { sub: string; amount: string; promised: string };
const A: Line = { sub: '6937100000000000971', amount: '100.00', promised: '2026-11-12 10:00:00' };
const B: Line = { sub: '6937100000000000972', amount: '500.00', promised: '2026-11-16 10:00:00' };
const A144: Line = { ...A, promised: '2026-11-16 10:00:00' };
const B360: Line = { ...B, promised: '2026-11-25 10:00:00' };

function row(line: Line, shipped: string, closed = false): string {
  const v: Record<string, string> = {
    主订单编号: `\t${ID}`, 子订单编号: `\t${line.sub}`, 选购商品: '围巾', 商品数量: '1', 商品单价: line.amount, 订单应付金额: line.amount, 运费: '0.00',
    订单提交时间: '2026-11-10 09:59:00', 支付完成时间: '2026-11-10 10:00:00', 订单状态: closed ? '已关闭' : shipped ? '已发货' : '待发货', 承诺发货时间: line.promised,
    订单类型: '普通订单', 用户昵称: '阿杰', 发货时间: shipped, 售后状态: closed ? '退款成功' : '', 快递公司: shipped ? '中通快递' : '', 快递单号: shipped ? `7532${line.sub.slice(-3)}00` : '',
  };
  return H.map((h) => csvCell(v[h] ?? '')).join(',');
}
function file(dir: string, name: string, rows: string[], mtime?: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), ...rows].join('\r\n') + '\r\n');
  if (mtime) fs.utimesSync(f, new Date(mtime), new Date(mtime));
  return f;
}
type Row = { orderIds: string[]; kinds: string[]; baseAmount: string; amount: string; state: string; maxHoursLate: number; recorded: string };
const got = (stdout: string) => (JSON.parse(stdout) as Row[]).map((v) => [v.orderIds, v.kinds, v.baseAmount, v.amount, v.state, Number(v.maxHoursLate)]);
const TZS = ['UTC', 'America/Los_Angeles'];
const AS_OF = '2026-12-01 10:00:00';

const D1 = [row(A, '2026-11-15 10:00:00'), row(B, '2026-11-18 20:00:00')];
const D1_WANT = [[[ID], ['out_of_stock'], '600.00', '18.00', 'final', 58]];

describe('抖店 sub-orders promised at different times: the dearest late line decides (money52)', () => {
  const shipped: [string, string[], unknown[]][] = [
    ['d1 two late lines, different tiers', D1, D1_WANT],
    ['d2 a 0 % line later against its own promise beside a 1 % one', [row(A, '2026-11-13 16:00:00'), row(B, '2026-11-16 20:00:00')], [[[ID], ['late'], '600.00', '6.00', 'final', 10]]],
    ['d3 equal amounts: the later against its own promise', [row(A, '2026-11-15 10:00:00'), row(B, '2026-11-16 20:00:00')], [[[ID], ['out_of_stock'], '600.00', '6.00', 'final', 72]]],
    ['d4 one late, one on time', [row(A, '2026-11-11 10:00:00'), row(B, '2026-11-18 20:00:00')], D1_WANT],
  ];
  for (const [name, rows, want] of shipped) {
    it(`${name}: ${JSON.stringify(want)} (both orders of rows)`, () => {
      const dir = tmpDir();
      for (const [k, order] of [rows, [...rows].reverse()].entries()) {
        const f = file(dir, `${k}.csv`, order);
        for (const tz of TZS) {
          const r = runCli(['compensate', f, '--as-of', AS_OF, '-f', 'json', '--lang', 'en'], { tz });
          expect(r.code, `${name} ${tz}: ${r.stderr}`).toBe(0);
          expect(got(r.stdout), `${name} ${k} ${tz}`).toEqual(want);
        }
      }
    });
  }

  it('every line closed after shipping (退款成功): the same 18.00, 58 h', () => {
    const dir = tmpDir();
    const f = file(dir, 'closed.csv', [row(A, '2026-11-15 10:00:00', true), row(B, '2026-11-18 20:00:00', true)]);
    for (const tz of TZS) {
      const r = runCli(['compensate', f, '--as-of', AS_OF, '-f', 'json', '--lang', 'en'], { tz });
      expect(r.code, r.stderr).toBe(0);
      expect(got(r.stdout), tz).toEqual(D1_WANT);
    }
  });

  it('the lines in two downloads (either order of the files): the same 18.00, 58 h', () => {
    const dir = tmpDir();
    const older = file(dir, 'older.csv', [D1[0]!], '2026-12-01T01:00:00Z');
    const newer = file(dir, 'newer.csv', [D1[1]!], '2026-12-01T01:30:00Z');
    for (const tz of TZS) {
      for (const files of [[older, newer], [newer, older]]) {
        const r = runCli(['compensate', ...files, '--as-of', AS_OF, '-f', 'json', '--lang', 'en'], { tz });
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toContain('1 order read');
        expect(got(r.stdout), tz).toEqual(D1_WANT);
      }
    }
  });

  it('with pickup scans, each line by its own parcel: A picked up 11-15 10:00, B 11-18 20:00: 18.00, 58 h', () => {
    const dir = tmpDir();
    const f = file(dir, 'scanned.csv', [row(A, '2026-11-15 09:00:00'), row(B, '2026-11-18 19:00:00')]);
    const s = path.join(dir, 'scans.csv');
    fs.writeFileSync(s, '物流单号,揽收时间\n753297100,2026-11-15 10:00:00\n753297200,2026-11-18 20:00:00\n');
    for (const tz of TZS) {
      const r = runCli(['compensate', f, '--shipments', s, '--as-of', AS_OF, '-f', 'json', '--lang', 'en'], { tz });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('2 scan row(s) read: 2 used');
      expect(got(r.stdout), tz).toEqual(D1_WANT);
    }
  });

  it('--record twice: 18.00 recorded new, then already_recorded (a shop-issues copy of douyin-2025)', () => {
    // douyin-2025's payer is the platform (platform-deducts: nothing recorded); the same tiers with the shop
    // issuing (payer shop-issues, a rule file) record the voucher: 18.00 new, toIssue 18.00; the second run
    // already_recorded, toIssue 0.00 — the amount recorded is the dearest line's.
    const dir = tmpDir();
    const f = file(dir, 'rec.csv', D1);
    const rules = path.join(dir, 'my-douyin.json');
    const builtIn = JSON.parse(fs.readFileSync(path.join(__dirname, '../../templates/rules/douyin-2025.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(rules, JSON.stringify({ ...builtIn, id: 'my-douyin-shop', payer: 'shop-issues' }));
    for (const tz of TZS) {
      const state = path.join(dir, `${tz.replace('/', '-')}.db`);
      const rec = (): unknown[] => {
        const r = runCli(['compensate', f, '--rules', rules, '--state', state, '--record', '--as-of', AS_OF, '-f', 'json', '--lang', 'en'], { tz });
        expect(r.code, r.stderr).toBe(0);
        return (JSON.parse(r.stdout) as (Row & { toIssue: string })[]).map((v) => [v.kinds, v.amount, v.maxHoursLate, v.toIssue, v.recorded]);
      };
      expect(rec(), tz).toEqual([[['out_of_stock'], '18.00', 58, '18.00', 'new']]);
      expect(rec(), tz).toEqual([[['out_of_stock'], '18.00', 58, '0.00', 'already_recorded']]);
    }
  });

  const unshipped: [string, string, unknown[]][] = [
    ['u1 B 10 h overdue (6.00) beside A shipped 58 h late (缺货 18.00)', '2026-11-25 20:00:00', [[[ID], ['out_of_stock'], '600.00', '18.00', 'provisional', 58]]],
    ['u2 B 72 h overdue: 缺货 5 % = 30.00 is dearer', '2026-11-28 10:00:00', [[[ID], ['out_of_stock'], '600.00', '30.00', 'provisional', 72]]],
    ['u3 B not yet due: A\'s 18.00 so far', '2026-11-20 10:00:00', [[[ID], ['out_of_stock'], '600.00', '18.00', 'provisional', 58]]],
  ];
  for (const [name, asOf, want] of unshipped) {
    it(`a line still unshipped beside one shipped late: ${name}`, () => {
      const dir = tmpDir();
      for (const [k, order] of [[row(A144, '2026-11-18 20:00:00'), row(B360, '')], [row(B360, ''), row(A144, '2026-11-18 20:00:00')]].entries()) {
        const f = file(dir, `${k}.csv`, order);
        for (const tz of TZS) {
          const r = runCli(['compensate', f, '--as-of', asOf, '-f', 'json', '--lang', 'en'], { tz });
          expect(r.code, `${name} ${tz}: ${r.stderr}`).toBe(0);
          expect(got(r.stdout), `${name} ${k} ${tz}`).toEqual(want);
        }
      }
    });
  }

  it('--at-risk: the deadline to ship by is the unshipped line\'s; overdue, it costs what the run forecasts (18.00)', () => {
    // U1 as of 11-25 20:00: B (promised 11-25 10:00) 10 h overdue: listed late, deadline B's, −10 h left;
    // the order owes A's 缺货 18.00 (B's 6.00 so far is less): costIfLate 18.00 (before: 6.00, B's).
    // As of 11-24 20:00 B is due in 14 h: at_risk; late, B's first tier on 360 h gives 1 %, min 3 → 6.00, but
    // the order already owes A's 18.00 (U3): cost if late the dearer, 18.00 (user22; before: 6.00).
    const dir = tmpDir();
    const f = file(dir, 'risk.csv', [row(A144, '2026-11-18 20:00:00'), row(B360, '')]);
    const cases: [string, unknown[]][] = [
      ['2026-11-25 20:00:00', [[ID, 'late', '2026-11-25T10:00:00+08:00', -10, '600.00', '18.00']]],
      ['2026-11-24 20:00:00', [[ID, 'at_risk', '2026-11-25T10:00:00+08:00', 14, '600.00', '18.00']]],
    ];
    for (const [asOf, want] of cases) {
      for (const tz of TZS) {
        const r = runCli(['compensate', f, '--as-of', asOf, '--at-risk', '24', '-f', 'json', '--lang', 'en'], { tz });
        expect(r.code, r.stderr).toBe(0);
        const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
        expect(rows.map((x) => [x.orderId, x.risk, x.deadline, x.hoursLeft, x.base, x.costIfLate]), `${asOf} ${tz}`).toEqual(want);
      }
    }
  });

  it('a line still unshipped beside one shipped late, with pickup scans: the shipped line at its own scan', () => {
    // A (144 h, promised 11-16 10:00) marked shipped 11-18 09:00 (47 h late: 1 % = 6.00) but picked up
    // 11-18 11:00: 49 h late, 缺货 3 % × 600.00 = 18.00. B (360 h) 10 h overdue as of 11-25 20:00: 6.00.
    // Dearest: A by its scan, 18.00, out_of_stock, 49 h, provisional (by the 发货时间 alone 6.00 = 6.00: B's).
    const dir = tmpDir();
    const f = file(dir, 'part.csv', [row(A144, '2026-11-18 09:00:00'), row(B360, '')]);
    const s = path.join(dir, 'scans.csv');
    fs.writeFileSync(s, '物流单号,揽收时间\n753297100,2026-11-18 11:00:00\n');
    for (const tz of TZS) {
      const r = runCli(['compensate', f, '--shipments', s, '--as-of', '2026-11-25 20:00:00', '-f', 'json', '--lang', 'en'], { tz });
      expect(r.code, r.stderr).toBe(0);
      expect(got(r.stdout), tz).toEqual([[[ID], ['out_of_stock'], '600.00', '18.00', 'provisional', 49]]);
      const plain = runCli(['compensate', f, '--as-of', '2026-11-25 20:00:00', '-f', 'json', '--lang', 'en'], { tz });
      expect(got(plain.stdout), tz).toEqual([[[ID], ['late'], '600.00', '6.00', 'provisional', 10]]);
    }
  });

  it('a line within the seconds its time lost of a dearer amount: not judged (RULES 1.7)', () => {
    // Order of 100.00: A 40.00 promised 11-12 10:00:00 (48 h) shipped 11-15 10:00:00: 72 h late, 缺货 1 % ×
    // 100.00 = 1 → min 2 = 2.00. B 60.00 promised 11-25 10:00:00 (360 h), its 发货时间 without seconds:
    //   p1 "11-25 10:00": on time or up to 59 s late; late, 1 % × 100.00 = 1 → min 3 = 3.00 > 2.00: not judged
    //      (time_precision, late for sure). Before: A decided, 2.00.
    //   p2 "11-25 09:58": on time for every second lost: A's 2.00, out_of_stock, 72 h (as before).
    //   p3 "11-25 10:05": 5 min late for every second lost: 3.00, late, 0.1 h (shown to one decimal). Before 2.00.
    const dir = tmpDir();
    const a: Line = { sub: '6937100000000000981', amount: '40.00', promised: '2026-11-12 10:00:00' };
    const b: Line = { sub: '6937100000000000982', amount: '60.00', promised: '2026-11-25 10:00:00' };
    const cases: [string, unknown[], string][] = [
      ['2026-11-25 10:00', [], '1 not judged (time_precision=1)'],
      ['2026-11-25 09:58', [[[ID], ['out_of_stock'], '100.00', '2.00', 'final', 72]], '0 not judged'],
      ['2026-11-25 10:05', [[[ID], ['late'], '100.00', '3.00', 'final', 0.1]], '0 not judged'],
    ];
    for (const [bShip, want, summary] of cases) {
      const f = file(dir, `p-${bShip.slice(-5).replace(':', '')}.csv`, [row(a, '2026-11-15 10:00:00'), row(b, bShip)]);
      for (const tz of TZS) {
        const r = runCli(['compensate', f, '--as-of', AS_OF, '-f', 'json', '--lang', 'en'], { tz });
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr, `${bShip} ${tz}`).toContain(summary);
        expect(got(r.stdout), `${bShip} ${tz}`).toEqual(want);
      }
    }
  });
});
