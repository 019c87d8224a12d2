// Two `compensate --record` runs at once writing one -o name (the hourly cron line and a run of the
// same line by hand in the same hour, or a cron daemon starting it twice). user12 (老陈's month end):
// run A recorded 茶友小林's 25.00 and wrote out/vouchers-2026120122.xlsx, its log line saying "see
// out/vouchers-2026120122.xlsx, rows with recorded = new"; run B had waited for the state database,
// found that voucher recorded (already_recorded, toIssue 0.00) and renamed its own file over A's: the
// only list of what to issue that hour was gone (the ledger kept it, the log pointed to a file
// without it). Now the run whose -o target was written by another process after it started puts its
// file beside it (`… (2).xlsx`), says so (zh/en) and exits 1.
//
// By hand (README worked example, tmall-2026): the example export as of 2026-11-20 12:00 has one
// final voucher to issue, …903's 2000.00 × 5 % = 100.00 capped at 50.00; the other rows are
// platform-paid or provisional (recorded nothing).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, tmpDir } from '../helpers.js';
import { runCliAsync } from '../notify/robots.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const KEY = 'v0c7d9f4ff93c7daa0ab3'; // …903's voucher (README worked example)

async function recordedOf(file: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const head = (ws.getRow(1).values as unknown[]).map(String);
  const k = head.indexOf('voucherKey');
  const r = head.indexOf('recorded');
  const out = new Map<string, string>();
  ws.eachRow((row, i) => {
    if (i > 1) out.set(String((row.values as unknown[])[k]), String((row.values as unknown[])[r] ?? ''));
  });
  return out;
}

describe('two --record runs at once into one -o file', () => {
  it('the second does not replace the first one\'s list: its file goes beside it, said, exit 1', async () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const out = path.join(dir, 'vouchers-2026112012.xlsx');
    const args = ['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '--no-input', '-o', out];
    // A long busy timeout: whichever run waits for the other's recording waits, never exit 4.
    const env = { STOREOPS_BUSY_TIMEOUT_MS: '60000' };
    const [a, b] = await Promise.all([runCliAsync(args, { env }), runCliAsync(args, { env })]);
    const aside = path.join(dir, 'vouchers-2026112012 (2).xlsx');
    expect(fs.existsSync(out)).toBe(true);
    expect(fs.existsSync(aside)).toBe(true);
    // One of the two files holds the voucher as recorded new by its run, the other as recorded before.
    const seen = [(await recordedOf(out)).get(KEY), (await recordedOf(aside)).get(KEY)].sort();
    expect(seen).toEqual(['already_recorded', 'new']);
    // The run that put its file aside said so and exits 1; the other is the usual run (exit 0).
    const said = [a, b].filter((r) => r.stderr.includes(`-o ${out} was written by another run while this one was going`));
    expect(said).toHaveLength(1);
    expect(said[0]!.stderr).toContain(`it was not replaced, and this run's output is in ${aside}`);
    expect(said[0]!.code).toBe(1);
    expect([a.code, b.code].sort()).toEqual([0, 1]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  // user17 (小林's snack shop, the README's hourly recipe tried by hand right after cron ran it): the
  // second run of the same hour, one after the other, replaced the first one's file; its vouchers then
  // read already_recorded, toIssue 0.00, while the first run's log line pointed to that file for them,
  // and nothing said so. The file is still replaced (a run's own earlier output is, as before), but the
  // run now says what it listed and where those vouchers are. Failed before (no such line on stderr).
  // By hand: the example has one final voucher to issue (…903, 50.00): the earlier file lists 1 new.
  it('one after the other in the same hour: replacing an earlier list of new vouchers is said (file replaced, exit unchanged)', async () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const out = path.join(dir, 'vouchers-20261120-12.xlsx');
    const args = ['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '--no-input', '-o', out];
    const first = await runCliAsync(args);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain('was replaced by this run');
    expect((await recordedOf(out)).get(KEY)).toBe('new');
    const again = await runCliAsync(args);
    expect(again.code).toBe(0);
    expect((await recordedOf(out)).get(KEY)).toBe('already_recorded');
    expect(again.stderr).toContain(
      `-o ${out} was replaced by this run's output; it listed 1 voucher an earlier run recorded as new (recorded = new), which this run shows as already_recorded, toIssue 0.00. If they are not issued yet, see storeops ledger list`,
    );
    // The name to use in a crontab, by the minute (a % is \% there).
    expect(again.stderr).toContain('-o out/vouchers-$(TZ=Asia/Shanghai date +\\%Y\\%m\\%d-\\%H\\%M).xlsx');
    expect(fs.existsSync(path.join(dir, 'vouchers-20261120-12 (2).xlsx'))).toBe(false);
    // A third run: the file it replaces lists nothing new any more: nothing said.
    const third = await runCliAsync(args);
    expect(third.code).toBe(0);
    expect(third.stderr).not.toContain('was replaced by this run');
  }, 60_000);

  it('the same in Chinese csv and in json: an earlier 新记录 row (or "recorded":"new") is counted', async () => {
    const dir = tmpDir();
    for (const [name, extra, said] of [
      ['赔付.csv', ['--lang', 'zh'], '替换前它列出之前一次运行新记录的 1 个红包 (记录 为 新记录)'],
      ['vouchers.json', [], 'it listed 1 voucher an earlier run recorded as new'],
    ] as const) {
      const state = path.join(dir, `${name}.db`);
      const out = path.join(dir, name);
      const args = ['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '--no-input', '-o', out, ...extra];
      expect((await runCliAsync(args)).code).toBe(0);
      expect(fs.readFileSync(out, 'utf8')).toMatch(name.endsWith('.csv') ? /新记录/ : /"recorded":"new"/);
      const again = await runCliAsync(args);
      expect(again.code).toBe(0);
      expect(again.stderr).toContain(said);
    }
  }, 60_000);

  // guard43: the same -o file written by a run into another state database (another shop's
  // --state, or a new one): the file it replaced listed …903 as new, which this run never showed (its
  // state database does not hold it; no row of this run is …903 at all), yet it said "which this run
  // shows as already_recorded, toIssue 0.00 … the state database keeps them" of it. Failed before
  // (that sentence). The README example again into a second database lists …903 as new there: the
  // file replaced, read before, had it new too, so 1 listed, 0 elsewhere; the first database's run
  // over an empty export (header only) has no voucher: 1 listed, 1 not among this run's vouchers.
  it('an earlier list of new vouchers this run does not show at all is said as such, not as already_recorded', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'vouchers.csv');
    const args = (state: string, orders: string) => ['compensate', orders, '--as-of', '2026-11-20 12:00:00', '--record', '--state', path.join(dir, state), '-q', '--no-input', '-o', out, '--lang', 'en'];
    expect((await runCliAsync(args('a.db', ORDERS))).code).toBe(0);
    const header = fs.readFileSync(ORDERS, 'latin1').split('\n')[0]!;
    const empty = path.join(dir, 'ExportOrderList-empty.csv');
    fs.writeFileSync(empty, Buffer.from(header + '\n', 'latin1'));
    const r = await runCliAsync(args('a.db', empty));
    expect(r.stderr).toContain(
      `-o ${out} was replaced by this run's output; it listed 1 voucher an earlier run recorded as new (recorded = new): 0 this run shows as already_recorded, toIssue 0.00, and 1 is not among this run's vouchers at all (that run read another export, or recorded into another state database than ${path.join(dir, 'a.db')}). If they are not issued yet, see storeops ledger list --state <that run's state database>`,
    );
    expect(r.stderr).not.toContain('which this run shows as already_recorded');
  }, 60_000);

  it('a run alone replaces its earlier file of the same name as before (the hourly -o 赔付.xlsx)', async () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const out = path.join(dir, '赔付.xlsx');
    const args = ['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '--no-input', '-o', out];
    expect((await runCliAsync(args)).code).toBe(0);
    expect((await recordedOf(out)).get(KEY)).toBe('new');
    const again = await runCliAsync(args);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('was written by another run');
    expect((await recordedOf(out)).get(KEY)).toBe('already_recorded');
    expect(fs.existsSync(path.join(dir, '赔付 (2).xlsx'))).toBe(false);
  }, 60_000);
});
