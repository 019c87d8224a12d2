// `compensate --at-risk`'s output file scrubs the product title as the --at-risk alert does
// (notices.ts atRiskNotice: scrubPii, then the receiver's name), unless --show-pii (README, Privacy:
// phones and addresses are masked in every output). Until 2026-12 (text42) the file masked only the
// receiver's name (603039b) and showed a phone or an address in a title as written.
//
// The example export (examples/ExportOrderList202611.csv, GBK) with …701's 宝贝标题 围巾礼盒 changed.
// As of 2026-11-19 06:00, …701 (paid 11-17 08:00, 48 h window under tmall-2026, RULES 1.3a) is due
// 11-19 08:00, 2.0 h left: at risk within 12 h; paid 58.00 − postage 8.00 = 50.00 × 5 % = 2.50,
// raised to the 5.00 minimum (see test/compensation/at-risk-title-pii.test.ts).
// By the README's rule: a mobile keeps its first 3 and last 4 digits (13925130165 → 139****0165);
// a street and house number is **** (科技园南路88号 → ****); the rest of the title as written.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-19 06:00:00'];

function export701(dir: string, title: string): string {
  const text = new TextDecoder('gbk').decode(fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv')));
  expect(text).toContain(',围巾礼盒,');
  const file = path.join(dir, 'ExportOrderList202611191200.csv');
  fs.writeFileSync(file, text.replace(',围巾礼盒,', `,${title},`));
  return file;
}

const row = (title: string) => `4100000000000000701,老王的店铺,2026-11-17 08:00:00,2026-11-19 08:00:00,2.0,at_risk,${title},50.00,5.00,tmall-2026,shop-issues`;

describe('compensate --at-risk: phones and addresses in a product title', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`are masked by their look, shown with --show-pii (${tz})`, () => {
      const dir = tmpDir();
      const phone = export701(dir, '围巾礼盒 电话13925130165');
      const out = runCli(['compensate', phone, '--at-risk', '12', ...AS_OF, '-q'], { tz });
      expect(out.code).toBe(0);
      expect(out.stdout.split('\n')[1]).toBe(row('围巾礼盒 电话139****0165'));
      const pii = runCli(['compensate', phone, '--at-risk', '12', ...AS_OF, '-q', '--show-pii'], { tz });
      expect(pii.code).toBe(0);
      expect(pii.stdout.split('\n')[1]).toBe(row('围巾礼盒 电话13925130165'));
      const address = export701(tmpDir(), '围巾礼盒 送到科技园南路88号');
      const a = runCli(['compensate', address, '--at-risk', '12', ...AS_OF, '-q'], { tz });
      expect(a.code).toBe(0);
      expect(a.stdout.split('\n')[1]).toBe(row('围巾礼盒 送到****'));
    });
  }

  it('in a json output file too', () => {
    const dir = tmpDir();
    const file = export701(dir, '围巾礼盒 电话13925130165');
    const json = path.join(dir, 'risk.json');
    expect(runCli(['compensate', file, '--at-risk', '12', ...AS_OF, '-q', '-o', json]).code).toBe(0);
    const rows = JSON.parse(fs.readFileSync(json, 'utf8')) as { orderId: string; title: string }[];
    expect(rows.map((r) => [r.orderId, r.title])).toEqual([['4100000000000000701', '围巾礼盒 电话139****0165']]);
  });
});
