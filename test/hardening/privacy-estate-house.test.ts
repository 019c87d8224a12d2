// A house number after an estate's name (古荡新村18号): no street (STREET_NO needs 路/街 and its 号), no
// district (ADDRESS needs 省/市/区/县/州), no dashes (ESTATE_ROOM), so it was shown whole until desk45
// — 18号 being a date as often as a house number. The rule (src/io/pii.ts ESTATE_HOUSE, README Privacy):
// a number and 号 right after a word estates are named with (小区 新村 花园 家园 公寓 大厦 公馆 社区 宿舍
// 苑 坊 里 弄, 里 not as in 这里/家里/眼里), the estate's name before it, and a room after it (18号502室,
// 12号3-201), are ****; not
// 号楼 (a building alone) nor 号线 (a metro line); and a day of the month (1–31) with no room after it,
// followed by a word a date is followed by (到 收 发 前 后 停 开始 …), is the date and is kept. A date
// such as 12月18号 has no estate word before it and never qualifies. Expected values by hand from that
// rule: the match (from the estate's name, not taking 送到/住/地址 before it) becomes ****.
import { describe, expect, it } from 'vitest';
import { scrubFreeText } from '../../src/io/pii.js';

const MASKED: [string, string][] = [
  ['古荡新村18号', '****'],
  ['送到古荡新村18号，放门口', '送到****，放门口'],
  ['我住古荡新村18号502室', '我住****'],
  ['幸福里12号', '****'],
  ['桂香苑18号2单元301', '****'],
  // A 弄 (a Shanghai lane) is numbered itself: 路 then 123弄 is no 路…号 for STREET_NO.
  ['长乐路123弄5号', '****'],
  // Full-width digits typed with a Chinese input method.
  ['古荡新村１８号', '****'],
  // A date and an address in one review: the date kept, the address masked.
  ['12月18号收到的，送到古荡新村18号', '12月18号收到的，送到****'],
  ['12月18号下单，地址古荡新村18号', '12月18号下单，地址****'],
  // A house number above 31 is no day of the month, whatever follows it.
  ['古荡新村58号到了', '****到了'],
  // desk46: a room after the 号 written with dashes, building-room or building-unit-room, as ESTATE_ROOM
  // reads them (two numbers, the last of 3–4 digits; three, the last of 2–4): the room is the buyer's
  // door, part of the address. Its 3-201 was left after the mask (****3-201) before.
  ['锦绣花园12号3-201', '****'],
  ['送到锦绣花园12号3-201室，谢谢', '送到****，谢谢'],
  ['锦绣花园12号3-2-501，放门口', '****，放门口'],
  ['锦绣花园１２号３－２０１', '****'],
];

const KEPT: string[] = [
  '12月18号收到的，质量很好',
  '18号到货了',
  '这里18号到的',
  '家里18号才收到',
  '这个月里18号那天发的货',
  // After an estate word, a day followed by a date's word reads as the date (the rule's trade-off).
  '幸福里18号到货，很快',
  '古荡新村18号前能到吗',
  // A building alone, a metro line, a park, a mall: no address of anyone.
  '古荡新村18号楼的邻居',
  '苹果园3号线地铁站附近',
  '动物园18号开门',
  '银泰城18号开业',
  // desk46: 里 as "in" after a word that is no estate's name (眼里: in the eye), a review's words, not an
  // address: 眼里18号 was ****. And the date cases around it stay as they were.
  '眼里18号',
  '滴在眼里18号还在疼',
  '梦里18号都是你',
  '12月18号',
  '18号到货',
  '我们小区18号停水',
];

describe('desk45: a house number after an estate\'s name is masked, a date is not', () => {
  it.each(MASKED)('%s → %s', (text, shown) => {
    expect(scrubFreeText(text, [])).toBe(shown);
  });
  it.each(KEPT)('%s stays as written', (text) => {
    expect(scrubFreeText(text, [])).toBe(text);
  });
});
