// text43: a range of house numbers (or days) in a sentence is a notice about an estate, not a buyer's
// address: 小区18号-20号停水 (water off for numbers 18 to 20) was 小区****停水. The rule (src/io/pii.ts
// RANGE_TAIL, ESTATE_RANGE, README Privacy): after an estate word (小区 社区 新村 花园 苑 里 …), two numbers
// joined by - ~ 至 到 with 号 after the second, the second above the first by at most 50, and no unit or
// room after it, are kept as written. Worked by hand: 20 − 18 = 2, 52 − 50 = 2, 100 − 50 = 50 (≤ 50: a
// range); 201 − 3 = 198, 120 − 18 = 102, 90 − 18 = 72 (> 50: a building and its room, masked); a 市/区
// head, a 路 with its number, a 单元/室 after the range: an address, masked as before. A number joined to
// the 号 by a dash that is no range (古荡新村12号-102室: building 12, room 102) was kept whole as a date
// (DATE_AFTER's dash): masked now.
import { describe, expect, it } from 'vitest';
import { scrubFreeText } from '../../src/io/pii.js';

const KEPT = [
  '小区18号-20号停水',
  '我们小区18号-20号停水',
  '小区18-20号停水',
  '小区18号至20号停水',
  '小区18号到20号停水',
  '小区18-20号楼停水，请提前储水',
  // Numbers above 31 (no day of the month): a range all the same.
  '阳光小区50号-52号停电',
  '古荡新村50号-52号明天停电',
  '古荡新村50号-100号停水',
  // Full-width digits and dash, typed with a Chinese input method.
  '阳光小区５０号－５２号停电',
];

const MASKED: [string, string][] = [
  // A district and a street: ADDRESS, the city kept.
  ['杭州市西湖区文三路18-20号', '杭州市****'],
  // A unit and a room after the range: an address (ADDRESS keeps the first two characters).
  ['阳光小区18-20号3单元501', '阳光****'],
  ['小区18号-20号3单元501', '小区****'],
  // Building-room with a dash: 201 − 3 = 198 is no range.
  ['阳光小区3-201号', '阳光****'],
  ['阳光小区18号-90号停水', '阳光****停水'],
  ['古荡新村18号-120号', '****'],
  // Building 12, room 102: was kept whole (its dash read as a date's).
  ['古荡新村12号-102室', '****'],
  ['送到古荡新村12号-102，谢谢', '送到****，谢谢'],
  // Last round's cases stand.
  ['锦绣花园12号3-201', '****'],
  ['送到阳光小区18号', '送到****'],
];

describe('text43: a range of house numbers in a sentence is kept, an address is not', () => {
  it.each(KEPT)('%s stays as written', (text) => {
    expect(scrubFreeText(text, [])).toBe(text);
  });
  it.each(MASKED)('%s → %s', (text, shown) => {
    expect(scrubFreeText(text, [])).toBe(shown);
  });
});
