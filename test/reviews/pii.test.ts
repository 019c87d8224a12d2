// SPEC --show-pii: buyer phone and address are masked by default. Found by a hostile user test:
// a phone or address the buyer wrote into a review was printed as written by `reviews queue`,
// though the rejects file masks the same text. Through the built binary (npx tsc -p . first).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

describe('reviews queue masks phones and addresses inside review text', () => {
  const dir = tmpDir();
  const file = path.join(dir, 'pii.csv');
  fs.writeFileSync(
    file,
    '订单编号,买家,宝贝标题,评价结果,评价时间,评价内容,追评时间,追评内容\n' +
      '4400000000000000001,小周,杯子,差评,2026-11-20 10:00:00,请联系13925130165，地址广东省深圳市南山区科技园南路88号,2026-11-21 10:00:00,打我电话 139-2513-0165\n',
  );
  const run = (...more: string[]) => runCli(['reviews', 'queue', file, '--as-of', '2026-11-21 12:00:00', '-q', '--state', path.join(dir, 's.db'), ...more]);

  it('csv and json: a mobile keeps its first 3 and last 4 digits, an address its province', () => {
    // Mobile 13925130165 → 139****0165 (separators or not); the address from 地址广东省… to 88号
    // keeps what runs up to its province, 地址广东省, the rest is ****.
    const csv = run('-f', 'csv');
    expect(csv.code).toBe(0);
    const [head, row] = csv.stdout.trimEnd().split('\n');
    const cols = head!.split(',');
    const cells = row!.split(',');
    expect(cells[cols.indexOf('text')]).toBe('请联系139****0165，地址广东省****');
    expect(cells[cols.indexOf('followUpText')]).toBe('打我电话 139****0165');
    expect(csv.stdout).not.toContain('13925130165');
    const json = JSON.parse(run('-f', 'json').stdout) as Record<string, unknown>[];
    expect(json[0]).toMatchObject({ text: '请联系139****0165，地址广东省****', followUpText: '打我电话 139****0165' });
  });

  it('--show-pii shows them as written', () => {
    const json = JSON.parse(run('-f', 'json', '--show-pii').stdout) as Record<string, unknown>[];
    expect(json[0]).toMatchObject({ text: '请联系13925130165，地址广东省深圳市南山区科技园南路88号', followUpText: '打我电话 139-2513-0165' });
  });
});
