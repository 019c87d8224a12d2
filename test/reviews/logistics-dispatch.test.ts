// Desk test (2026-12): for 发货太慢 (the shop shipped late) the logistics message said 我们已经在向快递
// 公司核实这次运输的情况 / "We are checking with the courier what happened": blaming the courier for the
// shop's own delay. A slow-dispatch complaint is now owned as the shop's delay; a 快递慢/物流慢 one is
// still checked with the courier; both, both; anything else (a crushed box, a low 物流服务 score)
// (等了好久才收到: which part was slow is not said) gets a wording true either way. Expected texts: templates/reviews/messages.json contact-logistics
// with {logisticsCheck} filled in by hand; goodwill 10.00 (negative rating).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { logisticsKind } from '../../src/reviews/message.js';
import { runCli, tmpDir } from '../helpers.js';

const ROWS: [string, string][] = [
  ['3515313147329357902', '发货太慢了，等了五天才发货'],
  ['3515313147329357903', '快递太慢了，一个星期才到'],
  ['3515313147329357904', '发货慢，快递也慢'],
  ['3515313147329357905', '等了好久才收到'],
];
const F = path.join(tmpDir(), 'reviews.csv');
fs.writeFileSync(F, ['订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容', ...ROWS.map(([id, t]) => `${id},小红,毛线球清理器,差评,2026-11-22 10:00:00,${t}`)].join('\n') + '\n');
const message = (id: string, lang: 'zh' | 'en', tz: string) =>
  runCli(['reviews', 'message', id, '--reviews', F, '--as-of', '2026-11-23 10:00:00', '--message-lang', lang], { tz }).stdout.trim();

const zh = (id: string, check: string) =>
  `小红 您好, 我是本店的客服。看到订单 ${id} 的配送让您不满意, 非常抱歉。${check}; 如果商品有损坏或缺少, 请告诉我们, 我们马上为您补发或退款。为表歉意, 这次可以为您提供 10.00 元补偿。`;
const en = (id: string, check: string) =>
  `Hello 小红, this is customer service at our shop. We are sorry the delivery of order ${id} let you down. ${check}; if anything arrived damaged or missing, tell us and we will resend it or refund you straight away. To make up for it we can offer 10.00 yuan.`;

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`the logistics message (TZ=${tz})`, () => {
    it('发货太慢: the shop\'s own delay, no courier named', () => {
      const z = message('3515313147329357902', 'zh', tz);
      expect(z).toBe(zh('3515313147329357902', '这单是我们发货晚了, 是我们自己的延误, 我们正在查明原因并改进发货安排'));
      expect(z).not.toContain('快递');
      const e = message('3515313147329357902', 'en', tz);
      expect(e).toBe(en('3515313147329357902', 'This order left us late, which is our own delay; we are finding out why and fixing how we dispatch'));
      expect(e).not.toContain('courier');
    });

    it('快递太慢: checked with the courier', () => {
      expect(message('3515313147329357903', 'zh', tz)).toBe(zh('3515313147329357903', '我们已经在向快递公司核实这次运输的情况'));
      expect(message('3515313147329357903', 'en', tz)).toBe(en('3515313147329357903', 'We are checking with the courier what happened'));
    });

    it('both: the delay owned, the journey checked', () => {
      expect(message('3515313147329357904', 'zh', tz)).toBe(
        zh('3515313147329357904', '这单是我们发货晚了, 是我们自己的延误, 我们正在查明原因并改进发货安排; 运输途中的情况我们也在向快递公司核实'),
      );
      expect(message('3515313147329357904', 'en', tz)).toBe(
        en('3515313147329357904', 'This order left us late, which is our own delay, and we are fixing how we dispatch; we are also checking with the courier about the journey'),
      );
    });

    it('neither said: every step checked, nobody blamed', () => {
      expect(message('3515313147329357905', 'zh', tz)).toBe(zh('3515313147329357905', '我们正在核实这单从我们发货到送达的每个环节'));
      expect(message('3515313147329357905', 'en', tz)).toBe(en('3515313147329357905', 'We are checking every step of this order, from our dispatch to the delivery'));
    });
  });
}

describe('logisticsKind', () => {
  it.each([
    ['发货太慢', 'dispatch'],
    ['发 货 很 慢', 'dispatch'],
    ['迟迟不发货', 'dispatch'],
    ['三天才发货', 'dispatch'],
    ['一直没发货', 'dispatch'],
    ['发货速度也太慢了', 'dispatch'],
    ['shipped too late', 'dispatch'],
    ['slow to ship', 'dispatch'],
    ['物流太慢', 'courier'],
    ['快递慢', 'courier'],
    ['物流速度很慢', 'courier'],
    ['快递员态度差', 'courier'],
    ['the courier was slow', 'courier'],
    ['发货不慢，快递太慢', 'courier'],
    ['发货太慢，物流也慢', 'both'],
    ['包装破了', 'unknown'],
    ['已发货', 'unknown'],
  ])('%s → %s', (text, kind) => {
    expect(logisticsKind(text)).toBe(kind);
  });
});
