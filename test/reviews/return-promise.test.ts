// Desk test (2026-12): the quality message told the buyer 七天无理由退货照常有效 / "the 7-day return
// promise still applies" whatever the order, a month after delivery too: a promise the shop cannot
// keep. It now says so only when the review file's 签收时间 shows the 7 days still run when the
// message can be sent; otherwise (passed, or no sign time) it offers after-sales help instead.
//
// The rule (docs/rules.md §2.1, §5; 《网络购买商品七日无理由退货暂行办法》第七条): the 7 days count
// from the day after signing, Beijing days. Signed 2026-11-20 15:00 Beijing: days 11-21 … 11-27,
// so the last moment is 2026-11-27 23:59:59 Beijing and 2026-11-28 00:00:00 is day 8: no promise.
// A message may be sent only outside quiet hours (22:00–08:00): asked at 2026-11-27 21:59:59 it
// goes at once (day 7: promise); asked at 23:59:59 it can go only at 2026-11-28 08:00:00 (day 8).
// Under --tz America/Los_Angeles the export's times are LA times (UTC-8 in November): signed
// 2026-11-19 23:00 LA = 2026-11-20 15:00 Beijing (the LA date is the 19th: counting LA days would
// end the 7 days a day early); as-of 2026-11-27 05:59:59 LA = 2026-11-27 21:59:59 Beijing (day 7)
// and 2026-11-27 16:00:00 LA = 2026-11-28 08:00:00 Beijing (day 8).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

function file(rows: string[]): string {
  const f = path.join(tmpDir(), 'reviews.csv');
  fs.writeFileSync(f, ['订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容,签收时间', ...rows].join('\n') + '\n');
  return f;
}
const ID = '3515313147329357901';
// A negative quality review (质量太差) two days after signing; goodwill 10.00 for a negative rating.
const SIGNED = file([`${ID},小明爱购物,加厚羊毛围巾 灰色,差评,2026-11-22 21:40:00,围巾掉毛严重，质量太差,2026-11-20 15:00:00`]);
const SIGNED_LA = file([`${ID},小明爱购物,加厚羊毛围巾 灰色,差评,2026-11-22 05:40:00,围巾掉毛严重，质量太差,2026-11-19 23:00:00`]);
const NO_SIGN = file([`${ID},小明爱购物,加厚羊毛围巾 灰色,差评,2026-11-22 21:40:00,围巾掉毛严重，质量太差,`]);

const ZH_HEAD = `小明爱购物 您好, 我是本店的客服。看到您反馈订单 ${ID} 的「加厚羊毛围巾 灰色」有质量问题, 非常抱歉给您添麻烦了。能否告诉我们具体情况, 方便的话拍张照片? 我们先核实问题, 可以为您退货、换新或部分退款, `;
const ZH_TAIL = '。为表歉意, 这次我们另外可以提供 10.00 元补偿, 用来弥补您的损失。';
const ZH_OPEN = `${ZH_HEAD}七天无理由退货照常有效${ZH_TAIL}`;
const ZH_NEUTRAL = `${ZH_HEAD}其他售后需要我们也会协助您办理${ZH_TAIL}`;
const EN_HEAD = `Hello 小明爱购物, this is customer service at our shop. We saw that the 加厚羊毛围巾 灰色 from order ${ID} has a quality problem, and we are sorry for the trouble. Could you tell us what happened, with a photo if that is convenient? Once we have checked, we can offer a return, a replacement or a partial refund, `;
const EN_TAIL = '. To make up for the inconvenience we can also offer 10.00 yuan.';
const EN_OPEN = `${EN_HEAD}and the 7-day no-reason return still applies${EN_TAIL}`;
const EN_NEUTRAL = `${EN_HEAD}and we will help with any other after-sales need${EN_TAIL}`;

const message = (f: string, asOf: string, lang: 'zh' | 'en', tz: string, extra: string[] = []) =>
  runCli(['reviews', 'message', ID, '--reviews', f, '--as-of', asOf, '--message-lang', lang, ...extra], { tz });

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`the 7-day return in the quality message (TZ=${tz})`, () => {
    it('day 7 (2026-11-27 21:59:59 Beijing): promised, zh and en', () => {
      expect(message(SIGNED, '2026-11-27 21:59:59', 'zh', tz).stdout.trim()).toBe(ZH_OPEN);
      expect(message(SIGNED, '2026-11-27 21:59:59', 'en', tz).stdout.trim()).toBe(EN_OPEN);
    });

    it('day 8 (2026-11-28 08:00:00): not promised, after-sales help offered', () => {
      expect(message(SIGNED, '2026-11-28 08:00:00', 'zh', tz).stdout.trim()).toBe(ZH_NEUTRAL);
      expect(message(SIGNED, '2026-11-28 08:00:00', 'en', tz).stdout.trim()).toBe(EN_NEUTRAL);
    });

    it('asked at 23:59:59 on day 7, sendable only at 08:00 on day 8: not promised', () => {
      const r = message(SIGNED, '2026-11-27 23:59:59', 'zh', tz);
      expect(r.stdout.trim()).toBe(ZH_NEUTRAL);
      expect(r.stderr).toContain('do not send before 2026-11-28 08:00:00 Beijing time');
    });

    it('a month after delivery: not promised', () => {
      expect(message(SIGNED, '2026-12-20 10:00:00', 'zh', tz).stdout.trim()).toBe(ZH_NEUTRAL);
    });

    it('no sign time in the file: not promised, even the day after the review', () => {
      expect(message(NO_SIGN, '2026-11-23 10:00:00', 'zh', tz).stdout.trim()).toBe(ZH_NEUTRAL);
      expect(message(NO_SIGN, '2026-11-23 10:00:00', 'en', tz).stdout.trim()).toBe(EN_NEUTRAL);
    });

    it('--tz America/Los_Angeles: the days are Beijing days', () => {
      const la = ['--tz', 'America/Los_Angeles'];
      expect(message(SIGNED_LA, '2026-11-27 05:59:59', 'zh', tz, la).stdout.trim()).toBe(ZH_OPEN);
      expect(message(SIGNED_LA, '2026-11-27 16:00:00', 'zh', tz, la).stdout.trim()).toBe(ZH_NEUTRAL);
    });
  });
}

describe('a sign time that is no time', () => {
  it('keeps the review, names the cell, promises nothing', () => {
    const f = file([`${ID},小明爱购物,加厚羊毛围巾 灰色,差评,2026-11-22 21:40:00,围巾掉毛严重，质量太差,昨天`]);
    const r = message(f, '2026-11-23 10:00:00', 'en', 'UTC', ['--lang', 'en']);
    expect(r.stdout.trim()).toBe(EN_NEUTRAL);
    expect(r.stderr).toContain('reviews.csv:2: sign time "昨天" is not a valid time; read as no sign time (the message promises no 7-day return)');
  });
});

// Desk (2026-12): the public explanation (template `explain`, for a buyer no longer contacted) said
// 商品支持七天无理由退货 / "the item can be returned within 7 days for any reason" as the shop's general
// policy, for every order and item, a month after delivery too. It now ends with {returnPromise}, as the
// quality message: the promise only while the 7 days run at --as-of (a public reply is not a contact, so
// quiet hours do not move it: 2026-11-27 23:59:59 is still day 7), else the offer of after-sales help.
// The buyer said stop (do_not_contact) on 11-23 10:00, so the action is post_explanation (explainBy =
// review 11-22 21:40 + 30 days = 12-22 21:40:00). Issue: 质量太差 → quality → 商品质量 / product quality;
// {shop} is the default 本店 / our shop.
describe('the public explanation promises the 7-day return only while it runs', () => {
  const EXPLAIN_ZH = '感谢您的反馈, 给您带来不好的体验我们很抱歉。关于商品质量的问题, 我们已核实订单情况并改进了相关环节。如仍有任何问题, 请随时联系本店客服, 我们会尽力为您解决, ';
  const EXPLAIN_EN =
    'Thank you for your feedback, and we are sorry for the experience. We have looked into the issue with product quality on this order and improved how we handle it. If anything is still wrong, please contact our shop customer service and we will do our best to sort it out, ';
  const stopped = (f: string, tz: string) => {
    const state = path.join(path.dirname(f), 's.db');
    const log = runCli(['reviews', 'log', ID, '--status', 'do_not_contact', '--reviews', f, '--as-of', '2026-11-23 10:00:00', '--state', state], { tz });
    expect(log.code).toBe(0);
    return (asOf: string, lang: 'zh' | 'en') => message(f, asOf, lang, tz, ['--state', state, '--lang', 'en']);
  };
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`day 7 to its last second: promised, and stderr says until when (TZ=${tz})`, () => {
      const explain = stopped(file([`${ID},小明爱购物,加厚羊毛围巾 灰色,差评,2026-11-22 21:40:00,围巾掉毛严重，质量太差,2026-11-20 15:00:00`]), tz);
      const zh = explain('2026-11-27 23:59:59', 'zh');
      expect(zh.stdout.trim()).toBe(`${EXPLAIN_ZH}七天无理由退货照常有效。`);
      expect(zh.stderr).toContain(
        `order ${ID}: no further contact with the buyer (do_not_contact, post_explanation); this is the public explanation text, to post before 2026-12-22 21:40:00 Beijing time; it says the 7-day no-reason return still applies, which holds until 2026-11-27 23:59:59 Beijing time: to post it later, run this again`,
      );
      expect(explain('2026-11-27 23:59:59', 'en').stdout.trim()).toBe(`${EXPLAIN_EN}and the 7-day no-reason return still applies.`);
      // Day 8: no promise, no note.
      const late = explain('2026-11-28 00:00:00', 'zh');
      expect(late.stdout.trim()).toBe(`${EXPLAIN_ZH}其他售后需要我们也会协助您办理。`);
      expect(late.stderr).not.toContain('7-day');
      expect(explain('2026-11-28 00:00:00', 'en').stdout.trim()).toBe(`${EXPLAIN_EN}and we will help with any other after-sales need.`);
    });
  }
  it('no sign time: no promise, nothing said of one', () => {
    const explain = stopped(NO_SIGN, 'UTC');
    const r = explain('2026-11-23 12:00:00', 'zh');
    expect(r.stdout.trim()).toBe(`${EXPLAIN_ZH}其他售后需要我们也会协助您办理。`);
    expect(r.stdout).not.toContain('七天');
    expect(r.stderr).not.toContain('7-day');
  });
});
