// desk45's rule (src/io/pii.ts ESTATE_HOUSE, README Privacy): a day of the month (1–31) with no room
// after an estate word, followed by a word a date is followed by (到 收 发 前 后 停 开始 才 …), is the
// date and is kept; its own example 我们小区18号停水. But ADDRESS (a district: …区 then …号) took the 区
// of 小区/社区 for a district's and masked the span first: 我们小区18号停水 → 我们****停水, the date
// hidden (rev39). By hand from the rule: 小区/社区 + 18 + 号 + 停/到/才/前/开始 → kept as written;
// with a room, a number above 31, no date word after it (，), or a 市 before it → masked as before.
import { describe, expect, it } from 'vitest';
import { scrubFreeText } from '../../src/io/pii.js';

const KEPT = ['我们小区18号停水', '阳光小区18号到货', '阳光小区18号才收到', '小区18号前能到吗', '和平社区18号开始发货', '阳光小区１８号到的'];
const MASKED: [string, string][] = [
  // ADDRESS as before (no 省/市 head: its first two characters kept); 送到… by ESTATE_HOUSE.
  ['送到阳光小区18号', '送到****'],
  ['阳光小区5号', '阳光****'],
  ['阳光小区58号到了', '阳光****到了'],
  // No date word after the 号: an address (ADDRESS keeps the first two characters).
  ['阳光小区18号，到了打电话', '阳光****，到了打电话'],
  // A city before it: ADDRESS as before (the city kept).
  ['杭州市阳光小区18号到了', '杭州市****到了'],
  // A room after it: ADDRESS takes the room too.
  ['阳光小区18号502室', '阳光****'],
];

describe('a 小区/社区 date is not taken for a district address', () => {
  it.each(KEPT)('%s stays as written', (text) => {
    expect(scrubFreeText(text, [])).toBe(text);
  });
  it.each(MASKED)('%s → %s', (text, shown) => {
    expect(scrubFreeText(text, [])).toBe(shown);
  });
});
