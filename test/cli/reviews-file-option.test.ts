// `storeops reviews message 6927… 商品评论.xlsx` (user16, 王姐): the review file typed after the order
// id, as `reviews queue FILE` takes it. The hint was the list one ("a list is one value joined by
// commas … (--agents 小王,小李,小张)"), nothing of --reviews, the option the file goes with. Now the
// hint gives the command back with the file after --reviews.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

describe('a review file after the order id of reviews message / log', () => {
  it('says the file goes with --reviews, the command written out (zh, en; a name with a space quoted)', () => {
    const zh = runCli(['reviews', 'message', '6927110412345678901', '商品评论-2026-11-20 10_19_18.xlsx', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toBe(
      "storeops: 错误: 'message' 的参数过多: 需要 1 个, 收到 2 个: 多出的 \"商品评论-2026-11-20 10_19_18.xlsx\" 不应在这里。\n" +
        '  提示: 评价表用 --reviews 给出 (可以给几个): storeops reviews message <订单编号> --reviews "商品评论-2026-11-20 10_19_18.xlsx"\n' +
        '(加 --help 查看用法)\n',
    );
    // reviews log takes several order ids (one conversation, rules.md §2.2): the files are no ids,
    // refused by the command itself with the same hint (nothing recorded).
    const en = runCli(['reviews', 'log', '3515313147329357901', 'reviews.csv', 'more.csv', '--status', 'contacted', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      'storeops: error: "reviews.csv", "more.csv" are not order ids\n' +
        '  hint: review files go with --reviews (one or more): storeops reviews log <orderId...> --reviews reviews.csv more.csv\n',
    );
    const zhLog = runCli(['reviews', 'log', '3515313147329357901', '商品评论.xlsx', '--status', 'contacted', '--lang', 'zh']);
    expect(zhLog.code).toBe(2);
    expect(zhLog.stderr).toBe('storeops: 错误: "商品评论.xlsx" 不是订单编号\n  提示: 评价表用 --reviews 给出 (可以给几个): storeops reviews log <订单编号...> --reviews 商品评论.xlsx\n');
  });

  it('a word that is no file keeps the list hint', () => {
    const r = runCli(['reviews', 'message', '3515313147329357901', 'hello', '--lang', 'en']);
    expect(r.stderr).toContain('hint: a list is one value joined by commas');
  });
});
