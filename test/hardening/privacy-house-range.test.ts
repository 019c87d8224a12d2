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

// rev41: a range is kept only when the sentence goes on as a notice (停水, 电梯维修, 明天, 的住户 …: RANGE_AFTER),
// or, for days 1–31, as a date (到货, 发货: DATE_AFTER), as a single day 小区18号 is kept only with a date's
// word after it. Nothing of the kind after it, it is an address (3-5号 is building 3 number 5 as often
// as a range), masked as before text43; text43 showed each of these whole. By hand, as before text43:
// the ADDRESS span (小区's 区 taken for a district) keeps its first two characters and masks the rest up to
// the range's last 号 (寄到幸福小区18号-20号 → 寄到****; 阳光小区3-5号 … → 阳光****); the 301 after a space or
// comma was never part of the span and stays; a 新村 is no ADDRESS (no 区), and ESTATE_HOUSE masks
// 古荡新村50号 (the prefix stops at 到), leaving -52号.
const NOTICE_KEPT = ['阳光小区1-3号楼电梯维修', '小区18号-20号明天上午停水', '小区18-20号的住户请注意', '阳光小区18号-20号到货', '幸福里18号~20号到货', '小区18-20号将停水', '小区18-20号明天上午8点停水', '阳光小区50-52号都停电了'];
const ADDRESS_MASKED: [string, string][] = [
  ['幸福小区18号-20号', '幸福****'],
  ['寄到幸福小区18号-20号', '寄到****'],
  ['送到阳光小区18号-20号，李四收', '送到****，李四收'],
  ['住在阳光小区3-5号', '住在****'],
  ['阳光小区3-5号 张三 13812345678', '阳光**** 张三 138****5678'],
  ['阳光小区3-5号，301室', '阳光****，301室'],
  ['阳光小区12-13号 301', '阳光**** 301'],
  ['收件人张三 阳光小区18-20号', '收件人张* 阳光****'],
  ['快递放阳光小区12-13号门口', '快递****门口'],
  ['送到古荡新村50号-52号', '送到****-52号'],
  // A word a notice may start with, but no notice after it: 在门卫 (at the gate), 电话 (phone); the span's
  // first two characters kept (放阳).
  ['放阳光小区53-55号在门卫', '放阳****在门卫'],
  ['阳光小区53-55号电话13812345678', '阳光****电话138****5678'],
];

describe('rev41: a range with no notice after it is an address', () => {
  it.each(NOTICE_KEPT)('%s stays as written', (text) => {
    expect(scrubFreeText(text, [])).toBe(text);
  });
  it.each(ADDRESS_MASKED)('%s → %s', (text, shown) => {
    expect(scrubFreeText(text, [])).toBe(shown);
  });
});

describe('text43: a range of house numbers in a sentence is kept, an address is not', () => {
  it.each(KEPT)('%s stays as written', (text) => {
    expect(scrubFreeText(text, [])).toBe(text);
  });
  it.each(MASKED)('%s → %s', (text, shown) => {
    expect(scrubFreeText(text, [])).toBe(shown);
  });
});
