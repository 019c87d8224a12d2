// `compensate --at-risk` on an export no rule set in force judges (拼多多 publishes no rate; without a
// rule file of the shop's own nothing is judged, RULES 1.3a). examples/pdd-orders-202611.csv, as of
// 2026-11-20 12:00, holds one paid order still unshipped: 261115-000000000000701 (待发货, paid 11-17
// 08:00; under the example rule file's 48 h window it was due 11-19 08:00, 28 h ago). 261116-…702 is
// refunded unshipped (closed: nothing to ship), the others shipped. The summary said "0 unshipped
// orders are late or due within 24 h" — read by an operator as "nothing to ship in a hurry" —
// while 701 was 28 h late. It now says that 1 unshipped order could not be checked.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, runCli } from '../helpers.js';

const PDD = path.join(EXAMPLES, 'pdd-orders-202611.csv');
const AS_OF = '2026-11-20 12:00:00';

describe('--at-risk on orders no rule set judges', () => {
  it('says how many unshipped orders could not be checked (en)', () => {
    const r = runCli(['compensate', PDD, '--at-risk', '24', '--as-of', AS_OF, '--lang', 'en']);
    expect(r.stdout).toBe('orderId,buyer,paidAt,deadline,hoursLeft,risk,title,base,costIfLate,rules,payer\n');
    expect(r.stderr).toContain('8 orders have no rule set in force and were not judged (pdd=8)');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
      '0 unshipped orders are late or due within 24 h; if late they cost about 0.00 (rules auto); 1 more unshipped order has no rule set in force and could not be checked: not on the list (see the warning above)',
    );
  });

  it('says it in zh', () => {
    const r = runCli(['compensate', PDD, '--at-risk', '24', '--as-of', AS_OF, '--lang', 'zh']);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
      '0 个未发货订单已超时或将在 24 小时内超时; 若延迟将赔约 0.00 元 (规则 auto); 另有 1 个未发货订单没有生效的规则集, 无法判断是否超时, 不在列表中 (见上方警告)',
    );
  });

  it('with a rule file the order is on the list and nothing is left unchecked', () => {
    // custom-example.json: base paid, 48 h window, late ≤ 72 h at 5 % with a 3.00 minimum: 701 paid
    // 58.00, due 11-19 08:00, 28 h late: 58.00 × 5 % = 2.90 → 3.00.
    const r = runCli(['compensate', PDD, '--at-risk', '24', '--as-of', AS_OF, '--rules', path.join(ROOT, 'templates', 'rules', 'custom-example.json'), '--lang', 'en']);
    expect(r.stdout.split('\n')[1]).toBe('261115-000000000000701,,2026-11-17 08:00:00,2026-11-19 08:00:00,-28.0,late,围巾礼盒,58.00,3.00,my-pdd-shop,platform-deducts');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('1 unshipped order is late or due within 24 h; if late they cost about 3.00 (rules my-pdd-shop)');
  });
});
