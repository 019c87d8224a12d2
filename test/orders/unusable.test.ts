// Issue 14 items 10 and 12: inputs that cannot be used are exit 3, not a quiet empty result.
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { T71, order, taobaoCsv, write } from './build.js';
import { cli } from './expected.js';

const dir = tmpDir();

describe('every row rejected (item 12)', () => {
  // Both rows have an id Excel rounded: nothing usable is left.
  const f = write(dir, 'all-bad.csv', taobaoCsv([order('3.51531E+18', {}), order('3.51531E+18', { 订单付款时间: '2026-11-10 10:00:00' })]));

  for (const cmd of [['orders', 'normalize'], ['compensate']]) {
    it(`${cmd.join(' ')}: exit 3, no output, the first reason named`, () => {
      const r = cli([...cmd, f]);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`all 2 data rows were rejected; there is no usable order. First: ${f}:2:`);
    });
  }

  it('orders inspect still prints its report (it says why), and exits 3', () => {
    const r = cli(['orders', 'inspect', f, '-f', 'json']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ rowsRead: 2, accepted: 0, rejected: 2 });
  });

  it('one good row among bad ones is a result (exit 1 for the rejected ones)', () => {
    const g = write(dir, 'one-good.csv', taobaoCsv([order('3.51531E+18', {}), order('3515313147329357901', {})]));
    const r = cli(['orders', 'normalize', g, '-f', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });
});

describe('two columns with the same header name (item 10)', () => {
  // The 71-column layout with a second 订单状态 column appended (column 72).
  const headers = [...T71, '订单状态'];
  const twin = (rows: Record<string, string>[], second: string[]) =>
    taobaoCsv(rows, T71).split('\r\n').map((l, i) => (l === '' ? l : `${l},${i === 0 ? '订单状态' : second[i - 1]}`)).join('\r\n');

  it('refused with exit 3 naming both column positions when a row disagrees', () => {
    // Column 13 of the 71-column layout is 订单状态 (1-based); the twin is column 72.
    expect(headers.indexOf('订单状态') + 1).toBe(13);
    const f = write(dir, 'twin-differ.csv', twin([order('3515313147329357901', {}), order('3515313147329357902', {})], ['买家已付款，等待卖家发货', '交易关闭']));
    const r = cli(['compensate', f]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}:3: two columns are named "订单状态" (columns 13 and 72) and their values differ in this row ("买家已付款，等待卖家发货" / "交易关闭"); which one is right cannot be told`);
  });

  it('accepted when the two columns agree on every row', () => {
    const f = write(dir, 'twin-same.csv', twin([order('3515313147329357901', {}), order('3515313147329357902', {})], ['买家已付款，等待卖家发货', '买家已付款，等待卖家发货']));
    const r = cli(['orders', 'normalize', f, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((o: { status: string }) => o.status)).toEqual(['awaiting_shipment', 'awaiting_shipment']);
  });
});
