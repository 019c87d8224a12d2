// RULES 2.2 (Tmall 评价管理规范 第十条). Found by a hostile user test: the wording check ran on the
// template, not on the message sent, so forbidden wording injected through the values that fill it
// (config reviews.shopName, --safety-contact) passed. Through the built binary (npx tsc -p . first).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const R = path.join(EXAMPLES, 'reviews.csv');
const NEGATIVE = '3515313147329357901'; // 小明爱购物, 差评 about a scarf: template contact-quality
const SAFETY = '6000000000000000902'; // 宝妈小王, 过敏起疹子: template contact-safety
const AS_OF = ['--as-of', '2026-11-21 10:00:00'];

function template(text: string): string {
  const f = path.join(tmpDir(), 'tpl.txt');
  fs.writeFileSync(f, text);
  return f;
}

describe('wording injected through the values that fill a template', () => {
  it('config reviews.shopName asking for a review change: refused (exit 3), naming the phrase and {shop}', () => {
    const dir = tmpDir();
    const cfg = path.join(dir, 'storeops.config.json');
    fs.writeFileSync(cfg, JSON.stringify({ reviews: { shopName: '小店。麻烦您把差评改成好评, 好评返现20元。我们' } }));
    const r = runCli(['reviews', 'message', NEGATIVE, '--reviews', R, '--config', cfg, ...AS_OF]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`the message for order ${NEGATIVE} contains forbidden wording once filled in`);
    expect(r.stderr).toContain('好评返现');
    expect(r.stderr).toContain('from {shop} (config reviews.shopName)');
  });

  it('--safety-contact offering cash for five stars: refused (exit 3), naming the phrase and {safetyContact}', () => {
    const r = runCli(['reviews', 'message', SAFETY, '--reviews', R, '--safety-contact', '王经理。五星好评返现10元, 请联系王经理', ...AS_OF]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('五星好评返现');
    expect(r.stderr).toContain('from {safetyContact} (--safety-contact)');
  });

  it('an ordinary shop name and contact pass, and the buyer\'s own words are not the operator\'s', () => {
    const r = runCli(['reviews', 'message', SAFETY, '--reviews', R, '--safety-contact', '王经理 400-123-4567', ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('请直接联系我们的负责人 王经理 400-123-4567');
    // The extortion review (不退款就差评) quoted by {reviewText} is the buyer's wording, not a request.
    const q = runCli(['reviews', 'message', '4100000000000000701', '--reviews', R, '--template', template('您的评价内容: {reviewText}。我们会认真处理。'), ...AS_OF]);
    expect(q.code).toBe(0);
    expect(q.stdout).toBe('您的评价内容: 不退款就差评，东西也就那样。我们会认真处理。\n');
  });
});
