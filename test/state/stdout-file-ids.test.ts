// `storeops ledger list > ledger.csv` (standard output redirected to a file, no --bom, no -o): the
// operator opens that file in Excel/WPS/LibreOffice as one written with -o. Until 2026-12 its
// single order ids were written as bare digits (only a BOM or GBK turned on the ="…" form), and
// LibreOffice opened 3515313147329357903 as 3.51531314732936E+18 (soffice --convert-to csv round
// trip, desk47). SPEC "Order ids and other long numbers: always text". Decided (desk47): standard
// output that is a regular file gets the ids as ="…" (as -o does), without a BOM (SPEC --bom: off on
// stdout); a pipe (`| grep`, a program) keeps plain digits; --no-text-ids keeps them bare anywhere.
//
// By hand, the README example as of 2026-11-20 12:00: compensate --record records one voucher to
// issue, 3515313147329357903 (2000.00 paid, 23 h late, tier 2.5 % = 50.00; README worked example);
// the two vouchers of 3515313147329357901;3515313147329357902 (a list: text anyway, the `;`) and
// 2987650012233445502 (platform paid) are not recorded, and 4100000000000000701 is provisional.
// ledger list then holds one row: orderIds 3515313147329357903, shop 100200300 (a text cell of
// digits only, which a spreadsheet reads as a number: ="100200300" too, escape.ts PLAIN_NUMBER).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EX = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = '2026-11-20 12:00:00';

/** The CLI with standard output a regular file (the shell's `> out`), as cron or a hand run does it. */
function toFile(args: string[], out: string, tz: string): { code: number | null; text: string; stderr: string } {
  const fd = fs.openSync(out, 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: tz, LANG: 'C', HOME: path.dirname(out), NO_COLOR: '1' }, stdio: ['ignore', fd, 'pipe'] });
    return { code: r.status, text: fs.readFileSync(out, 'utf8'), stderr: r.stderr.toString('utf8') };
  } finally {
    fs.closeSync(fd);
  }
}

describe.each(['UTC', 'America/Los_Angeles'])('csv on standard output redirected to a file keeps ids as text (TZ=%s)', (tz) => {
  it('ledger list > file: ="…" ids, no BOM; a pipe: plain digits; --no-text-ids: plain digits', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    expect(runCli(['compensate', EX, '--as-of', AS_OF, '--record', '--state', state, '-q', '-o', path.join(dir, 'v.csv')], { tz }).code).toBe(0);

    const file = toFile(['ledger', 'list', '--state', state], path.join(dir, 'ledger.csv'), tz);
    expect(file.code).toBe(0);
    expect(file.text.startsWith('\uFEFF')).toBe(false);
    const [head, row, ...rest] = file.text.split('\n');
    expect(head).toBe('voucherKey,buyer,rules,orderIds,amount,covered,windowStart,recordedAt,kind,reissueOf,shop,windowStartNow,buyerNow,issued');
    expect(rest).toEqual(['']);
    expect(row).toMatch(/^v[0-9a-f]{20},小明爱购物,tmall-2026,="3515313147329357903",50\.00,0\.00,2026-11-11 10:00:00,[-0-9: ]{19},voucher,,="100200300",,,50\.00$/);

    const piped = runCli(['ledger', 'list', '--state', state], { tz });
    expect(piped.stdout.split('\n')[1]).toMatch(/,3515313147329357903,50\.00,.*,100200300,,,50\.00$/);

    const bare = toFile(['ledger', 'list', '--state', state, '--no-text-ids'], path.join(dir, 'bare.csv'), tz);
    expect(bare.text.split('\n')[1]).toMatch(/,3515313147329357903,50\.00,.*,100200300,,,50\.00$/);
  });

  it('compensate --record > file (staged through a temporary file) and --strict > file: ="…" single ids', () => {
    const dir = tmpDir();
    const rec = toFile(['compensate', EX, '--as-of', AS_OF, '--record', '--state', path.join(dir, 'state.db'), '-q'], path.join(dir, 'out.csv'), tz);
    expect(rec.code).toBe(0);
    const ids = (text: string) => text.trim().split('\n').slice(1).map((l) => l.split(',')[4]);
    // Four vouchers (the README example): a list of two, then three single ids.
    expect(ids(rec.text)).toEqual(['3515313147329357901;3515313147329357902', '="3515313147329357903"', '="2987650012233445502"', '="4100000000000000701"']);
    const strict = toFile(['compensate', EX, '--as-of', AS_OF, '--strict', '-q'], path.join(dir, 'strict.csv'), tz);
    expect(ids(strict.text)).toEqual(ids(rec.text));
  });

  it('orders normalize and reviews queue > file: ="…" ids', () => {
    const dir = tmpDir();
    const on = toFile(['orders', 'normalize', EX], path.join(dir, 'on.csv'), tz);
    expect(on.code).toBe(0);
    // orderId is the 5th column; the first data row is line 2 of the export.
    expect(on.text.split('\n')[1]!.split(',')[4]).toBe('="3515313147329357901"');
    const rq = toFile(['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), '--orders', EX, '--as-of', AS_OF, '-q'], path.join(dir, 'rq.csv'), tz);
    expect(rq.text.split('\n')[1]!.split(',')[1]).toBe('="6000000000000000902"');
  });
});
