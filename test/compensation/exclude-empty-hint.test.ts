// An --exclude (or --delivery-failures) list of 0 bytes: refused (exit 3) as before (a list cut by a
// failed save would pay orders meant to be left out), but the hint said "export it again from the
// seller centre; the download may not have finished" / "重新从卖家中心导出" — of a list the shop keeps
// itself. user12 (老陈) emptied his force-majeure list to exclude nothing, and the hourly job stopped
// with exit 3 every hour pointing him at 千牛. The hint now says what the list is and how to list no
// order (the header line alone, which reads as an empty list: exit 0, the example's 50.00 to issue as
// without the option — README worked example: …903 2000.00 × 5 % capped at 50.00).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const RUN = ['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '-f', 'json'];

describe('a 0-byte --exclude / --delivery-failures list', () => {
  it('exit 3 with a hint about the list itself (zh and en), never the seller centre', () => {
    const dir = tmpDir();
    const empty = path.join(dir, 'exclude.csv');
    fs.writeFileSync(empty, '');
    for (const flag of ['--exclude', '--delivery-failures']) {
      const en = runCli([...RUN, flag, empty, '--lang', 'en']);
      expect(en.code, flag).toBe(3);
      expect(en.stderr).toContain(`${empty} is empty (0 bytes)`);
      expect(en.stderr).toContain(`the ${flag} list is a table of order ids (the header 订单编号, one order id a line;`);
      expect(en.stderr).toContain(`to list no order, keep the header line 订单编号 alone, or leave ${flag} out.`);
      expect(en.stderr).not.toContain('seller centre');
      const zh = runCli([...RUN, flag, empty, '--lang', 'zh']);
      expect(zh.code, flag).toBe(3);
      expect(zh.stderr).toContain(`${flag} 的列表是订单编号表`);
      expect(zh.stderr).toContain(`一个订单也不列时, 只留表头一行 订单编号, 或去掉 ${flag}`);
      expect(zh.stderr).not.toContain('卖家中心');
    }
  });

  it('the header line alone is an empty list: exit 0, the 50.00 to issue as without it', () => {
    const list = path.join(tmpDir(), 'exclude.csv');
    fs.writeFileSync(list, '订单编号\n');
    const r = runCli([...RUN, '--exclude', list, '-q']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ issueNow: string }>;
    expect(rows.reduce((t, v) => t + Math.round(Number(v.issueNow) * 100), 0)).toBe(5000);
  });
});
