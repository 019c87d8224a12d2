// Vouchers a delivered alert counts in its tail ("… and 2 more", past notify.top or the platform's size
// limit) were told: the group read their count and their money in the total, and the operator's output
// lists them. Until 2026-12 (alert43) they were remembered as never told: the next hourly run posted them
// again as news, their money in a second total, and a voucher `--record` recorded came back as "resent
// alert: 2 earlier items not delivered then … recorded by an earlier run whose alert did not get through:
// check it was not issued already"; a run with 910 new vouchers (notify.top 10) sent that for 900 of them,
// 10 an hour, for 90 hours. Now the message holding the tail, once accepted, remembers them too.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../helpers.js';
import { SECRET, robotsEachTest, runCliAsync } from './robots.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const env = robotsEachTest();

/** The example export, with `line` (the row holding `id`) copied with each of `edits` applied (ASCII only: the file is GBK). */
function exportWith(id: string, edits: Array<Array<[string, string]>>): string {
  const lines = fs.readFileSync(ORDERS).toString('latin1').split('\n');
  const row = lines.find((l) => l.includes(id))!;
  const copies = edits.map((e) => e.reduce((l, [a, b]) => l.split(a).join(b), row));
  const file = path.join(env.dir, 'orders.csv');
  const at = lines.indexOf(row) + 1;
  fs.writeFileSync(file, Buffer.from([...lines.slice(0, at), ...copies, ...lines.slice(at)].join('\n'), 'latin1'));
  return file;
}

function config(notify: Record<string, unknown>): string {
  const file = path.join(env.dir, 'config.json');
  fs.writeFileSync(file, JSON.stringify({ notify: { attempts: 1, ...notify } }));
  fs.chmodSync(file, 0o600);
  return file;
}

function heldRows(state: string): number {
  const db = new Database(state, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM notified WHERE target LIKE 'held:%'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`an alert's "… and N more" (TZ=${tz})`, () => {
    // …903 (paid 11-11 10:00, shipped 11-14 09:00: 23 h past the 48 h window's end 11-13 10:00) owes
    // 2000.00 × 5 % = 100.00, cut to the per-order 50.00 (test/notify/cli.test.ts). Its copies …913
    // (paid 11-12, shipped 11-15) and …923 (paid 11-13, shipped 11-16) are the same on later days:
    // separate Beijing days, so three vouchers of 50.00, 150.00 in all. notify.top 1: one listed, "… and 2 more".
    const vouchers = () =>
      exportWith('3515313147329357903', [
        [['357903', '357913'], ['678903', '678913'], ['2026-11-14', '2026-11-15'], ['2026-11-11', '2026-11-12']],
        [['357903', '357923'], ['678903', '678923'], ['2026-11-14', '2026-11-16'], ['2026-11-11', '2026-11-13']],
      ]);
    for (const record of [true, false]) {
      it(`compensate${record ? ' --record' : ''}: the vouchers counted there are not posted again by the next run${record ? ' as "did not get through"' : ''}`, async () => {
        const state = path.join(env.dir, 'state.db');
        const args = (asOf: string) => ['compensate', vouchers(), '--as-of', asOf, ...(record ? ['--record'] : []), '--state', state, '--config', config({ top: 1 }), '--notify', `dingtalk:${env.robots.dingtalk}`];
        const opts = { env: { STOREOPS_NOTIFY_SECRET: SECRET, TZ: tz } };
        const first = await runCliAsync(args('2026-11-20 12:00:00'), opts);
        expect(first.code).toBe(0);
        const texts = env.robots.texts('/robot/send');
        expect(texts).toHaveLength(1);
        const parts = texts[0]!.split('\n\n');
        expect(parts[0]).toBe('### storeops ［暖冬织物旗舰店］ late-shipment vouchers: 3 vouchers to issue');
        expect(parts[2]).toBe('3 new (total 150.00):');
        expect(parts[3]).toMatch(/^- 小明爱购物: 50\.00 · orders 35153131473293579[012]3$/);
        expect(parts[4]).toBe('… and 2 more');
        expect(first.stderr).toContain(': 1 message, 1 item (2 more not listed)');
        // Told: nothing is held for a later run (2 were, posted next as "resent alert: 2 earlier items").
        expect(heldRows(state)).toBe(0);
        // The next hourly run: nothing new, nothing posted (it posted the two, "2 new (total 100.00)").
        const next = await runCliAsync(args('2026-11-20 13:00:00'), opts);
        expect(next.code).toBe(0);
        expect(env.robots.received).toHaveLength(1);
        expect(next.stderr).toContain('nothing new, not posted');
      }, 60_000);
    }

    it('a failed post: the vouchers it counted are not told, and come with the next run', async () => {
      // The robot refuses the only try (HTTP 503, attempts 1): nothing told, all three held (--record).
      env.robots.force('/robot/send', { status: 503, body: { error: 'busy' } });
      const state = path.join(env.dir, 'state.db');
      const args = (asOf: string) => ['compensate', vouchers(), '--as-of', asOf, '--record', '-q', '--state', state, '--config', config({ top: 1 }), '--notify', `dingtalk:${env.robots.dingtalk}`];
      const opts = { env: { STOREOPS_NOTIFY_SECRET: SECRET, TZ: tz } };
      expect((await runCliAsync(args('2026-11-20 12:00:00'), opts)).code).toBe(0);
      expect(heldRows(state)).toBe(3);
      expect((await runCliAsync(args('2026-11-20 13:00:00'), opts)).code).toBe(0);
      const parts = env.robots.texts('/robot/send')[0]!.split('\n\n');
      expect(parts[0]).toBe('### storeops ［暖冬织物旗舰店］ resent alert: 3 earlier items not delivered then');
      expect(parts[2]).toBe('3 new (total 150.00):');
      expect(parts[4]).toBe('… and 2 more');
      expect(heldRows(state)).toBe(0);
    }, 60_000);

    it('compensate --at-risk: the orders counted there are still listed by the next run (README "Only news")', async () => {
      // …701 (paid 11-17 08:00, due 11-19 08:00) and its copies …711, …721: three unshipped orders due
      // at 08:00, as of 06:00 2.0 h left each; 50.00 × 5 % = 2.50, raised to the 5.00 minimum: 15.00 if late.
      const orders = exportWith('4100000000000000701', [[['000000701', '000000711']], [['000000701', '000000721']]]);
      const state = path.join(env.dir, 'state.db');
      const args = (asOf: string) => ['compensate', orders, '--at-risk', '12', '--as-of', asOf, '-q', '--state', state, '--config', config({ top: 1 }), '--notify', `dingtalk:${env.robots.dingtalk}`];
      const opts = { env: { STOREOPS_NOTIFY_SECRET: SECRET, TZ: tz } };
      expect((await runCliAsync(args('2026-11-19 06:00:00'), opts)).code).toBe(0);
      const first = env.robots.texts('/robot/send')[0]!.split('\n\n');
      expect(first[2]).toBe('3 new (total 15.00):');
      expect(first[4]).toBe('… and 2 more');
      // An hour later, still due: the two not named are listed (2 × 5.00), the one named is not.
      expect((await runCliAsync(args('2026-11-19 07:00:00'), opts)).code).toBe(0);
      const second = env.robots.texts('/robot/send')[1]!.split('\n\n');
      expect(second[2]).toBe('2 new (total 10.00):');
      expect(second[4]).toBe('… and 1 more');
    }, 60_000);
  });
}
