// README Privacy: "A shop cell (店铺Id, or 店铺名称 when the Id is empty) that is or holds a phone
// number … is masked the same way: compensate's shop column, …, orders normalize's shopId/shopName".
// Found by host10 (round 30): orders normalize masked a shop cell only when it was a mobile and
// nothing else (maskValue), so 店主13925130165 and a landline 0571-88888888 were shown whole in
// shopName and under extra's 店铺名称, while compensate's shop column masked both.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { exampleLines, rawCells } from '../hardening/hostile.js';

describe('orders normalize: a shop cell holding a phone', () => {
  it.each(['UTC', 'America/Los_Angeles'])('masked in shopName and extra 店铺名称 as in compensate (TZ=%s)', (tz) => {
    const dir = tmpDir();
    const input = path.join(dir, 'shops.csv');
    const [head, ...rows] = exampleLines();
    // 店铺Id (column 27) empty, 店铺名称 (28) as below, on the example's first three rows (one order each).
    const names = ['店主13925130165', '0571-88888888', '暖冬织物旗舰店'];
    const out = [head!, ...rows.map((r, i) => {
      const c = rawCells(r);
      if (names[i] !== undefined) [c[27], c[28]] = ['', names[i]!];
      return c.join(',');
    })];
    fs.writeFileSync(input, iconv.encode(out.join('\r\n') + '\r\n', 'gbk'));
    const got = JSON.parse(runCli(['orders', 'normalize', input, '-f', 'json', '-q'], { tz }).stdout) as { shopName: string; extra: Record<string, string> }[];
    // 13925130165 → first 3 and last 4: 139****0165, the rest of the name kept; 0571 88888888 (12
    // digits) → 057****8888; a name without a phone as written.
    const shown = ['店主139****0165', '057****8888', '暖冬织物旗舰店'];
    expect(got.slice(0, 3).map((r) => r.shopName)).toEqual(shown);
    expect(got.slice(0, 3).map((r) => r.extra['店铺名称'])).toEqual(shown);
    const raw = JSON.parse(runCli(['orders', 'normalize', input, '-f', 'json', '-q', '--show-pii'], { tz }).stdout) as { shopName: string }[];
    expect(raw.slice(0, 3).map((r) => r.shopName)).toEqual(names);
  });
});
