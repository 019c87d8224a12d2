// An agency runs five shops, each with its own state database (user23, 阿梅). A crontab line copied
// from shop A's kept A's --state (or cd'd into A's folder) while reading shop B's exports: B's vouchers
// were recorded into A's ledger without a word (exit 0), listed to issue as new, handed to A's client
// by A's month-end `ledger export`, and listed as new again by B's own database the next hour. Now a
// --record run whose exports name only shops the database has never held, while it holds another,
// is refused (exit 2, nothing recorded, no output) unless --new-shop says the sharing is meant.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';
import { taobaoCsv } from '../orders/build.js';
import { shipped } from '../state/record-runs.js';

// tmall-2026 tier 5 (docs/rules.md §1.3): paid 06-01 (Beijing), 48 h to ship, shipped 06-04 20:00,
// ≤ 72 h late: 5 % of 1000.00 = 50.00 an order (max 50.00); a buyer's Beijing day capped at 500.00
// per shop.
//   shop 1001 甲店: 2 orders of buyer Q → 2 × 50.00 = 100.00
//   shop 2002 乙店: 1 order of buyer Q (the same nick, another shop) → 50.00, its own cap
const row = (id: string, hour: string, shop: '1001' | '2002') => ({
  ...shipped(id, 'Q', '1000.00', `2026-06-01 ${hour}:00:00`, '2026-06-04 20:00:00'),
  店铺Id: shop,
  店铺名称: shop === '1001' ? '甲店' : '乙店',
});

function setup() {
  const dir = tmpDir();
  const a = path.join(dir, 'a.csv');
  const b = path.join(dir, 'b.csv');
  fs.writeFileSync(a, taobaoCsv([row('5300000000000000101', '08', '1001'), row('5300000000000000102', '09', '1001')]));
  fs.writeFileSync(b, taobaoCsv([row('5300000000000000201', '10', '2002')]));
  const db = path.join(dir, 'a.db');
  const run = (files: string[], extra: string[] = [], tz = 'UTC') =>
    runCli(['compensate', ...files, '--record', '--state', db, '--as-of', '2026-07-01 00:00:00', '-f', 'json', '-q', ...extra], { tz });
  const ledger = () => JSON.parse(runCli(['ledger', 'list', '--state', db, '-f', 'json']).stdout) as Record<string, unknown>[];
  return { dir, a, b, db, run, ledger };
}

describe("compensate --record: a shop's export against another shop's state database", () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`refused, nothing recorded, no output (TZ=${tz})`, () => {
      const s = setup();
      const first = s.run([s.a], [], tz);
      expect(first.code).toBe(0);
      expect((JSON.parse(first.stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.toIssue, v.shop])).toEqual([[['5300000000000000101', '5300000000000000102'], '100.00', '1001']]);
      const out = path.join(s.dir, 'b-vouchers.csv');
      const wrong = s.run([s.b], ['-o', out], tz);
      expect(wrong.code).toBe(2);
      expect(wrong.stdout).toBe('');
      expect(fs.existsSync(out)).toBe(false);
      expect(wrong.stderr).toContain(`the state database ${s.db} holds the shop(s) 1001 (甲店), and this run's exports are of 2002 (乙店), which it has never held`);
      expect(wrong.stderr).toContain('nothing was recorded and no output written');
      expect(wrong.stderr).toContain('run once with --new-shop');
      // A's ledger still holds A's 100.00 only.
      expect(s.ledger().map((v) => [v.shop, v.amount])).toEqual([['1001', '100.00']]);
    });
  }

  it('in Chinese: the refusal and its hint', () => {
    const s = setup();
    expect(s.run([s.a]).code).toBe(0);
    const r = s.run([s.b], ['--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`storeops: 错误: 状态数据库 ${s.db} 记录的是店铺 1001 (甲店) 的数据, 本次报表的店铺 2002 (乙店) 它从未记录过`);
    expect(r.stderr).toContain('加一次 --new-shop 运行');
    expect(r.stderr).not.toMatch(/[a-z]{4,} (the|this|of) /);
  });

  it('--new-shop: the two shops share the database on purpose; each keeps its own cap; later runs need no flag', () => {
    const s = setup();
    expect(s.run([s.a]).code).toBe(0);
    const b = s.run([s.b], ['--new-shop']);
    expect(b.code).toBe(0);
    // 乙店's Q: 50.00 under its own cap, not capped with 甲店's 100.00.
    expect((JSON.parse(b.stdout) as Record<string, unknown>[]).map((v) => [v.toIssue, v.shop, v.recorded])).toEqual([['50.00', '2002', 'new']]);
    const again = s.run([s.b]);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as Record<string, unknown>[]).map((v) => [v.toIssue, v.recorded])).toEqual([['0.00', 'already_recorded']]);
    expect(s.ledger().map((v) => [v.shop, v.amount])).toEqual([['1001', '100.00'], ['2002', '50.00']]);
  });

  it('a run holding a shop the database holds, and a new one beside it, is not refused', () => {
    const s = setup();
    expect(s.run([s.a]).code).toBe(0);
    const both = s.run([s.a, s.b]);
    expect(both.code).toBe(0);
    expect((JSON.parse(both.stdout) as Record<string, unknown>[]).map((v) => [v.toIssue, v.shop, v.recorded])).toEqual([['0.00', '1001', 'already_recorded'], ['50.00', '2002', 'new']]);
  });

  // user25 (陈老板, README "Two shops" sharing one file): the second shop was run by hand with --new-shop
  // before the crontab, against the database nothing had been recorded into yet. The flag let nothing in
  // (there was no other shop), was not said to, and at the first hour the other shop's line was refused
  // (exit 2) every hour. Now such a run says the flag had nothing to allow, and which run needs it.
  for (const lang of ['en', 'zh'] as const) {
    it(`--new-shop against a database holding no shop yet says it allowed nothing, and the other shop's first run is the one to need it (${lang})`, () => {
      const s = setup();
      const b = s.run([s.b], ['--new-shop', '--lang', lang]);
      expect(b.code).toBe(0);
      if (lang === 'en') expect(b.stderr).toContain(`--new-shop had nothing to let in: the state database ${s.db} held no shop yet`);
      else expect(b.stderr).toContain(`--new-shop 这次没有作用: 状态数据库 ${s.db} 还没有记录任何店铺`);
      // As before, the other shop's first run into it is refused without the flag, and let in with it.
      expect(s.run([s.a]).code).toBe(2);
      const a = s.run([s.a], ['--new-shop']);
      expect(a.code).toBe(0);
      expect(a.stderr).not.toContain('nothing to let in');
    });
  }

  it('--new-shop on a run of a shop the database holds already says it is not needed', () => {
    const s = setup();
    expect(s.run([s.a]).code).toBe(0);
    const again = s.run([s.a], ['--new-shop']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`--new-shop had nothing to let in: the state database ${s.db} holds this run's shop (or one of its shops) already`);
  });

  it('--new-shop without --record is a usage error', () => {
    const s = setup();
    const r = runCli(['compensate', s.a, '--new-shop', '--as-of', '2026-07-01 00:00:00', '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--new-shop works only with --record');
  });
});

// 抖店 and 拼多多 exports name no shop: a 抖店 shop's line run with the Tmall shop's state database (README's
// crontab sets STOREOPS_STATE for every line, and it wins over each folder's config) is told by platform.
describe("compensate --record: another platform's export against a shop's state database", () => {
  const douyin = path.join(EXAMPLES, 'douyin-orders-202611.csv');
  const tmall = path.join(EXAMPLES, 'ExportOrderList202611.csv');
  const rec = (db: string, file: string, tz: string, ...extra: string[]) =>
    runCli(['compensate', file, '--record', '--state', db, '--as-of', '2026-11-20 12:00:00', '-f', 'json', '-q', ...extra], { tz });
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`a 抖店 export into the Tmall shop's database is refused; a Tmall export into the 抖店 shop's too (TZ=${tz})`, () => {
      const dir = tmpDir();
      const a = path.join(dir, 'tmall.db');
      const d = path.join(dir, 'douyin.db');
      // The README's worked example: the Tmall shop records 50.00 (…903: 5 % of 2000.00, capped at 50.00).
      const first = rec(a, tmall, tz);
      expect(first.code).toBe(0);
      expect((JSON.parse(first.stdout) as Record<string, unknown>[]).filter((v) => v.recorded === 'new').map((v) => v.toIssue)).toEqual(['50.00']);
      const wrong = rec(a, douyin, tz);
      expect(wrong.code).toBe(2);
      expect(wrong.stdout).toBe('');
      expect(wrong.stderr).toContain(`the state database ${a} holds orders of Taobao/Tmall, and this run's exports are of Douyin (抖店), a platform it has never held`);
      // The 抖店 shop's own database: its late order 6900000000000000701, unshipped at 11-20 12:00, is sighted.
      expect(rec(d, douyin, tz).code).toBe(0);
      const back = rec(d, tmall, tz, '--lang', 'zh');
      expect(back.code).toBe(2);
      expect(back.stderr).toContain(`状态数据库 ${d} 记录的是 抖店 的订单, 本次报表是 淘宝/天猫 的, 该数据库从未记录过这个平台`);
      // Shared on purpose: --new-shop once, then no flag.
      expect(rec(a, douyin, tz, '--new-shop').code).toBe(0);
      expect(rec(a, douyin, tz).code).toBe(0);
    });
  }
});
