// The lists compensate reads beside the export, opened in LibreOffice 7.4 (zh-CN) and saved as they
// are (test/fixtures/desk/make.sh, from examples/shipments.csv and delivery-failures.csv): their bare
// ids became numbers, written with 15 significant digits and a 3-digit exponent:
// 3515313147329357902 → 3.51531314732936E+018, 5200000000000000801 → 5.2E+018. The rows were
// rejected before too ("not a valid order id" for --shipments, "an order id Excel rounded" for
// --delivery-failures), nothing said of what to do; each now says the id is lost and how to save
// the list. The vouchers are as before (the orders within the rounding held provisional).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, runCli } from '../helpers.js';

const D = (f: string) => path.join(FIXTURES, 'desk', f);
const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const EN = 'an order id a spreadsheet rounded (Excel, WPS and LibreOffice show a 19-digit number so); its last digits are lost: export the list again, or open it with the id column as text';
const ZH = '订单编号被电子表格四舍五入了 (Excel、WPS、LibreOffice 把 19 位的数字这样显示), 后几位已丢失; 请重新导出这份列表, 或打开时把编号列设为"文本"';

describe('side lists whose ids LibreOffice rounded', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`--shipments and --delivery-failures: the row's reason says what to do (en; TZ=${tz})`, () => {
      const s = D('shipments-lo-number-ids.csv');
      const f = D('delivery-failures-lo-number-ids.csv');
      const r = runCli(['compensate', ORDERS, '--shipments', s, '--delivery-failures', f, '--rules', 'tmall-2023', '--as-of', '2026-12-01 00:00:00', '-f', 'json', '--lang', 'en'], { tz });
      expect(r.stderr).toContain(`${s}:2 [订单编号]: "3.51531314732936E+018" ${EN}`);
      expect(r.stderr).toContain(`${f}:2 [订单编号]: "5.2E+018" ${EN}`);
      expect(r.code).toBe(1);
    });
  }

  it('zh', () => {
    const s = D('shipments-lo-number-ids.csv');
    const r = runCli(['compensate', ORDERS, '--shipments', s, '--as-of', '2026-12-01 00:00:00', '-f', 'json', '--lang', 'zh']);
    expect(r.stderr).toContain(`${s}:2 [订单编号]: "3.51531314732936E+018" ${ZH}`);
  });
});
