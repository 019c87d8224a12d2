// A shop's own review sheet typed with a Chinese input method writes digits full width: １星,
// DSR ２, ２０２６－１１－２０ ０９：１２. They are the same characters as their ASCII forms (as
// zhenjian and order ids already read them); the rows were rejected ("rating not recognised",
// "DSR score must be 1–5", "review time is not a valid time") and dropped out of the queue.
// Through the built binary (npx tsc -p . first).
import { describe, expect, it } from 'vitest';
import { parseRating, parseStars } from '../../src/reviews/read.js';
import { runCli } from '../helpers.js';

describe('full-width digits in a review sheet', () => {
  it('parseStars/parseRating read １–５ as 1–5 (old: undefined = rejected)', () => {
    expect(['１', '２星', '３分', '５．０'].map(parseStars)).toEqual([1, 2, 3, 5]);
    // 1–2 stars negative, 3 neutral, 4–5 positive
    expect(['１星', '３', '４'].map(parseRating)).toEqual(['bad', 'neutral', 'good']);
    expect(['６', '０'].map(parseStars)).toEqual([undefined, undefined]);
  });

  it.each(['UTC', 'America/Los_Angeles'])('every row is read and its deadlines count from the typed time (machine TZ=%s)', (tz) => {
    const csv =
      '订单编号,买家会员名,评价结果,评价时间,评价内容,追评时间,追评内容,描述相符,服务态度,物流服务\n' +
      '1000000000000000001,a,１星,2026-11-20 09:12:00,质量太差,,,１,５,５\n' +
      '1000000000000000002,b,差评,２０２６－１１－２０ ０９：１２：００,质量太差,,,,,\n' +
      '1000000000000000003,c,好评,2026-11-20 09:12:00,挺好,２０２６－１１－２１ １０：００,用了两天就坏了,５,５,５\n';
    const r = runCli(['reviews', 'queue', '-', '--as-of', '2026-11-21 11:00:00', '-f', 'json'], { input: csv, tz });
    expect(r.stderr).not.toMatch(/rejected|拒绝/);
    expect(r.code).toBe(0);
    const items = Object.fromEntries((JSON.parse(r.stdout) as Record<string, unknown>[]).map((i) => [i.orderId, i]));
    // Row 1: １星 = 1 star = bad; DSR 描述相符 １ is low (≤ 3).
    // contactBy = 11-20 09:12 + 24 h = 11-21 09:12 (not in quiet hours 22:00–08:00).
    expect(items['1000000000000000001']).toMatchObject({ rating: 'bad', contactBy: '2026-11-21T09:12:00+08:00' });
    expect(items['1000000000000000001']!.reasons).toContain('low_dsr_description=1');
    // Row 2: the review time typed full width is 2026-11-20 09:12:00 Beijing:
    // explainBy = complaintBy = + 30 days = 2026-12-20 09:12:00.
    expect(items['1000000000000000002']).toMatchObject({
      reviewedAt: '2026-11-20T09:12:00+08:00',
      contactBy: '2026-11-21T09:12:00+08:00',
      explainBy: '2026-12-20T09:12:00+08:00',
    });
    // Row 3 (DSR ５ = 5: not low, so only the 追评 is flagged): a positive review with a negative 追评 at ２０２６－１１－２１ １０：００ (to the minute):
    // contactBy = 11-21 10:00 + 24 h = 11-22 10:00; explainBy = 11-21 10:00 + 30 d = 12-21 10:00.
    expect(items['1000000000000000003']).toMatchObject({
      contactBy: '2026-11-22T10:00:00+08:00',
      explainBy: '2026-12-21T10:00:00+08:00',
    });
    expect(items['1000000000000000003']!.reasons).toEqual(['negative_follow_up']);
  });
});
