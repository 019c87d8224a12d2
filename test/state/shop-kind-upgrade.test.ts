// Schema 10 tells a shop named by 店铺Id from one named by 店铺名称 (docs/rules.md §1.3a). A ledger
// written under schema 9 kept each voucher's shop text but not how it was named: after the upgrade,
// two shops it already told apart must still each owe up to their own cap (a text whose kind is not
// known is not "maybe the same shop" as every other shop's), while one shop named by 店铺Id before
// the upgrade and only by 店铺名称 after it is still never paid twice.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src/state/schema.js';
import { runCli, tmpDir } from '../helpers.js';
import { T71, taobaoCsv } from '../orders/build.js';
import { shipped } from './record-runs.js';

const AS_OF = '2026-07-01 00:00:00';
type Row = ReturnType<typeof shipped>;
const seen = (rows: Record<string, unknown>[]) => rows.map((v) => [v.orderIds, v.toIssue]);
const record = (state: string, tz: string, ...files: string[]) => {
  // Two shops sharing this state database on purpose: --new-shop lets a shop in beside the other.
  const r = runCli(['compensate', ...files, '--state', state, '--as-of', AS_OF, '-f', 'json', '--record', '--new-shop'], { tz });
  return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Record<string, unknown>[]) : [] };
};
const without = (col: string | undefined) => (rows: Row[]) => ({
  headers: T71.filter((h) => h !== col),
  rows: rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== col))),
});
const both = without(undefined);
const idOnly = without('店铺名称');
const nameOnly = without('店铺Id');
let n = 0;
const write = (dir: string, x: { headers: string[]; rows: Record<string, string>[] }) => {
  const f = path.join(dir, `e${++n}.csv`);
  fs.writeFileSync(f, taobaoCsv(x.rows, x.headers));
  return f;
};
const inShop = (row: Row, id: string, name: string) => ({ ...row, 店铺Id: id, 店铺名称: name });

/**
 * A schema 9 state database holding what `exports` record (run one by one by this storeops, then
 * copied into a file made by the migrations up to 9: shop text kept, no shop kind, no learned pairs).
 */
function v9(dir: string, exports: string[]): string {
  const fresh = path.join(dir, 'fresh.db');
  for (const f of exports) expect(record(fresh, 'UTC', f).code).toBe(0);
  const src = new Database(fresh, { readonly: true });
  const vouchers = src.prepare('SELECT voucher_key, buyer, rules, order_ids, amount, window_start, recorded_at, kind, reissue_of, covered, shares, shop FROM vouchers').all() as Record<string, unknown>[];
  const claims = src.prepare('SELECT voucher_key, order_id, kind, claim FROM voucher_orders').all() as Record<string, unknown>[];
  src.close();
  const state = path.join(dir, 'v9.db');
  const raw = new Database(state);
  raw.pragma('journal_mode = WAL');
  raw.pragma(`application_id = ${APPLICATION_ID}`);
  for (const m of MIGRATIONS.filter((m) => m.to <= 9)) m.up(raw);
  raw.pragma('user_version = 9');
  const ins = raw.prepare(
    'INSERT INTO vouchers (voucher_key, buyer, rules, order_ids, amount, window_start, recorded_at, kind, reissue_of, covered, shares, shop) VALUES (@voucher_key, @buyer, @rules, @order_ids, @amount, @window_start, @recorded_at, @kind, @reissue_of, @covered, @shares, @shop)',
  );
  for (const v of vouchers) ins.run(v);
  const claim = raw.prepare('INSERT INTO voucher_orders (voucher_key, order_id, kind, claim) VALUES (@voucher_key, @order_id, @kind, @claim)');
  for (const c of claims) claim.run(c);
  raw.close();
  return state;
}

// tmall-2023 (docs/rules.md §1.2): paid 2026-03-01, 48 h to ship, shipped 03-04 10:00 (late by
// 48 h or more); 30 % of 9000.00 = 2700.00 an order (above the 5.00 minimum); a buyer's payments
// within 24 h of the window's first one combined, capped at 500.00 per window — per shop (§1.3a).
//   x11: buyer X, paid 10:00, shop 1001 = 老王的店铺 → 2700.00 → 500.00
//   x12: buyer X, paid 11:00, the same shop and window → 500.00 − 500.00 recorded = 0.00
//   x21: buyer X, paid 12:00, shop 2002 = 乙店: another shop's cap → 2700.00 → 500.00
//   y31: buyer Y, paid 10:00, shop 2002 (only so that the v9 ledger holds shop 2002 too) → 500.00
const x11 = inShop(shipped('5000000000000000011', 'X', '9000.00', '2026-03-01 10:00:00', '2026-03-04 10:00:00'), '1001', '老王的店铺');
const x12 = inShop(shipped('5000000000000000012', 'X', '9000.00', '2026-03-01 11:00:00', '2026-03-04 10:00:00'), '1001', '老王的店铺');
const x21 = inShop(shipped('5000000000000000021', 'X', '9000.00', '2026-03-01 12:00:00', '2026-03-04 10:00:00'), '2002', '乙店');
const y31 = inShop(shipped('5000000000000000031', 'Y', '9000.00', '2026-03-01 10:00:00', '2026-03-04 10:00:00'), '2002', '乙店');
const MAYBE = 'were capped with recorded vouchers of a shop named the other way';

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`a v9 ledger of two shops brought to 10 (TZ=${tz})`, () => {
    it('two shops recorded by 店铺Id: shop 2002\'s full export owes its own 500.00 (not capped by 1001\'s)', () => {
      // v9: x11 under "1001" (500.00), y31 under "2002". New run: x21 of shop 2002, whose export
      // shows 2002 = 乙店: "1001" is not 乙店, and not 2002: another shop → x21 500.00 (1000.00 for
      // buyer X in all, 500.00 by each shop). Branch wip/shop-kind: 0.00 ("1001" of unknown kind
      // was "maybe" shop 2002's name).
      const dir = tmpDir();
      const state = v9(dir, [write(dir, idOnly([x11])), write(dir, idOnly([y31]))]);
      const r = record(state, tz, write(dir, both([x21])));
      expect(r.code).toBe(0);
      expect(seen(r.rows)).toEqual([[['5000000000000000021'], '500.00']]);
      expect(r.stderr).not.toContain(MAYBE);
      const check = new Database(state, { readonly: true });
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      // "2002" is named by 店铺Id in this run: its v9 row learns its kind; "1001" stays unknown.
      expect(check.prepare('SELECT shop, shop_kind FROM vouchers ORDER BY shop').all()).toEqual([
        { shop: '1001', shop_kind: null },
        { shop: '2002', shop_kind: 'id' },
        { shop: '2002', shop_kind: 'id' },
      ]);
      check.close();
    });

    it('two shops recorded by 店铺名称: 乙店\'s full export owes its own 500.00', () => {
      // v9: x11 under "老王的店铺", y31 under "乙店" (name-only exports). New run: x21 with 2002 = 乙店:
      // "老王的店铺" is neither → another shop → 500.00.
      const dir = tmpDir();
      const state = v9(dir, [write(dir, nameOnly([x11])), write(dir, nameOnly([y31]))]);
      const r = record(state, tz, write(dir, both([x21])));
      expect(r.code).toBe(0);
      expect(seen(r.rows)).toEqual([[['5000000000000000021'], '500.00']]);
      expect(r.stderr).not.toContain(MAYBE);
    });

    it('a v9 "1001" whose kind a run has shown: an id-only export of 2002 owes its own 500.00', () => {
      // v9: x11 under "1001", y31 under "2002". Run 1: an export naming 1001 by 店铺Id (x11 again,
      // already recorded: 0.00 more) — "1001" is now known to be an 店铺Id. Run 2: x21 by 店铺Id
      // 2002 with no 店铺名称 column: two 店铺Id are two shops → 500.00.
      const dir = tmpDir();
      const state = v9(dir, [write(dir, idOnly([x11])), write(dir, idOnly([y31]))]);
      expect(record(state, tz, write(dir, idOnly([x11]))).rows.map((v) => [v.toIssue, v.recorded])).toEqual([['0.00', 'already_recorded']]);
      const r = record(state, tz, write(dir, idOnly([x21])));
      expect(seen(r.rows)).toEqual([[['5000000000000000021'], '500.00']]);
      expect(r.stderr).not.toContain(MAYBE);
    });

    it('nothing tells a v9 "1001" from shop 2002\'s name: capped with it (short, never twice), said with the remedy', () => {
      // v9: x11 under "1001". New run: x21 by 店铺Id 2002, no 店铺名称 column, and nothing ever showed
      // what "1001" is: it may be 2002's 店铺名称. Counted: 500.00 − 500.00 = 0.00, said on stderr
      // (exit 1); then a full export of 2002 (2002 = 乙店) tells them apart: the 500.00 is owed.
      const dir = tmpDir();
      const state = v9(dir, [write(dir, idOnly([x11]))]);
      const r = record(state, tz, write(dir, idOnly([x21])));
      expect(r.code).toBe(1);
      expect(seen(r.rows)).toEqual([[['5000000000000000021'], '0.00']]);
      expect(r.stderr).toContain(`1 voucher(s) ${MAYBE}`);
      const again = record(state, tz, write(dir, both([x21])));
      expect(again.stderr).toContain("is now known to be another shop's (each shop owes up to its own cap)");
      expect(again.stderr).toContain('500.00 more is owed and was not recorded');
    });
  });

  describe(`one shop by 店铺Id before the upgrade, by 店铺名称 after it (TZ=${tz})`, () => {
    it('the window\'s 500.00 is not paid twice', () => {
      // v9: x11 under "1001" (500.00; schema 9 kept no 店铺名称). New run: x12 in a name-only export
      // (老王的店铺): nothing links the two, so it may be the same shop: 500.00 − 500.00 = 0.00.
      // Main (schema 9): caps per shop text, "老王的店铺" had nothing recorded: 500.00 again, 1000.00
      // paid for one 500.00 window.
      const dir = tmpDir();
      const state = v9(dir, [write(dir, both([x11]))]);
      const r = record(state, tz, write(dir, nameOnly([x12])));
      expect(seen(r.rows)).toEqual([[['5000000000000000012'], '0.00']]);
      expect(r.stderr).toContain(`1 voucher(s) ${MAYBE}`);
    });
  });

  describe(`shops named the same way, and a linked shop (TZ=${tz})`, () => {
    it('one export of two shops by 店铺Id: 500.00 each (as before schema 10)', () => {
      // x11 (1001) and x21 (2002), buyer X, 2 h apart: two shops → 500.00 + 500.00.
      const dir = tmpDir();
      const r = record(path.join(dir, 's.db'), tz, write(dir, both([x11, x21])));
      expect(r.code).toBe(0);
      expect(seen(r.rows)).toEqual([
        [['5000000000000000011'], '500.00'],
        [['5000000000000000021'], '500.00'],
      ]);
    });

    it('one export of two shops by 店铺名称 only: 500.00 each (as before schema 10)', () => {
      const dir = tmpDir();
      const r = record(path.join(dir, 's.db'), tz, write(dir, nameOnly([x11, x21])));
      expect(r.code).toBe(0);
      expect(seen(r.rows)).toEqual([
        [['5000000000000000011'], '500.00'],
        [['5000000000000000021'], '500.00'],
      ]);
    });

    it('1001 recorded with its name; a later name-only export of 乙店 owes its own 500.00', () => {
      // Run 1 (full export): x11, 1001 = 老王的店铺 → 500.00, the pair remembered. Run 2 (name only):
      // x21 of 乙店 — not 1001's name, so another shop → 500.00 (branch wip/shop-kind: 0.00, "maybe").
      const dir = tmpDir();
      const state = path.join(dir, 's.db');
      expect(seen(record(state, tz, write(dir, both([x11]))).rows)).toEqual([[['5000000000000000011'], '500.00']]);
      const r = record(state, tz, write(dir, nameOnly([x21])));
      expect(r.code).toBe(0);
      expect(seen(r.rows)).toEqual([[['5000000000000000021'], '500.00']]);
      expect(r.stderr).not.toContain(MAYBE);
    });
  });
}
