// A buyer writes a phone number in Chinese numerals to get past a platform's number filter
// (电话一三九二五一三零一六五, 幺三九 二五一三 零一六五). README (Privacy): phone numbers a buyer
// writes into a review are masked; these were shown whole. Masked like a mobile: its first 3 and
// last 4 characters kept as written, 4 stars between.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scrubPii } from '../../src/io/pii.js';
import { runCli, tmpDir } from '../helpers.js';

describe('scrubPii: mobiles in Chinese numerals', () => {
  it.each([
    // 一三九 | 二五一三 | 零一六五: 11 numerals, 1 then 3–9 → first 3 + **** + last 4.
    ['电话一三九二五一三零一六五', '电话一三九****零一六五'],
    // 幺 is 1 as said in phone numbers; spaces between groups are separators.
    ['幺三九 二五一三 零一六五 加我', '幺三九****零一六五 加我'],
    // Mixed with ASCII digits.
    ['打 139二五一三0165', '打 139****0165'],
    // 〇 for zero.
    ['一八六〇〇〇〇五六七八', '一八六****五六七八'],
  ])('%s → %s', (text, masked) => {
    expect(scrubPii(text)).toBe(masked);
  });

  it.each([
    // 12 numerals: not a mobile (as a 12-digit run is not).
    '一三九二五一三零一六五六',
    // 十 is not a digit: counting words stay.
    '第一三五七九二四六八十一次',
    // Second numeral 二: no mobile starts 12.
    '一二三四五六七八九零一',
    // Only 10 numerals.
    '一三九二五一三零一六',
  ])('%s stays as written', (text) => {
    expect(scrubPii(text)).toBe(text);
  });
});

describe('reviews queue masks them in the review and 追评 text', () => {
  it('text and followUpText', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'reviews.csv');
    fs.writeFileSync(f, '订单编号,买家会员名,评价结果,评价时间,评价内容,追评内容\n3515313147329350004,买家丁,差评,2026-11-20 10:00:00,东西坏了 电话一三九二五一三零一六五,幺三九 二五一三 零一六五 加我\n');
    const r = runCli(['reviews', 'queue', f, '--as-of', '2026-11-20 12:00:00', '-q', '-f', 'json', '--state', path.join(dir, 'state.db')]);
    expect(r.code).toBe(0);
    const [item] = JSON.parse(r.stdout) as { text: string; followUpText: string }[];
    expect(item!.text).toBe('东西坏了 电话一三九****零一六五');
    expect(item!.followUpText).toBe('幺三九****零一六五 加我');
    // --show-pii shows it as written.
    const shown = runCli(['reviews', 'queue', f, '--as-of', '2026-11-20 12:00:00', '-q', '-f', 'json', '--show-pii', '--state', path.join(dir, 'state.db')]);
    expect((JSON.parse(shown.stdout) as { text: string }[])[0]!.text).toBe('东西坏了 电话一三九二五一三零一六五');
  });
});
