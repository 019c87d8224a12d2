// text41: free-text masking defects left open by desk40 / rev36 (README, Privacy; src/io/pii.ts). Every
// expected value is worked out by hand from the README's rule: a name after a cue is masked keeping
// its first character (陈秀英 → 陈**); a phone keeps its first 3 and last 4 digits (138****5678); an
// address after the words that introduce it (送到, 我住) is **** from its street or estate on, the
// province or city it starts with kept (江苏省****).
import { describe, expect, it } from 'vitest';
import { scrubFreeText } from '../../src/io/pii.js';

// 1. Places, products and brands after a kinship or gift cue are no names (README: places and brands
// on the list, and a word ending in 省/市/县/区/州, stay as written). Each was masked before text41.
const KEPT: string[] = [
  // The brief's two: 江西 (a province) before 的; 龙井 (a tea) before 的 and before 茶 (龙井茶 at the end).
  '寄给江西的',
  '寄给江西的朋友',
  '送给妈妈龙井的',
  '送给妈妈龙井茶',
  '寄给江苏的',
  // Ending in an administrative word: 省, 市 (no given name ends so).
  '寄给江西省的',
  '寄给沈阳市的朋友',
  // Places on the list: a famous street, a mountain.
  '朋友王府井买的',
  '朋友石家庄的',
  // Goods and brands a gift is: teas, drinks, food, jewellery, electronics, toys.
  '送给妈妈白茶',
  '送给爸爸白酒',
  '送给爸爸黄酒',
  '送给爸爸毛尖',
  '送给老爸牛排',
  '妈妈石斛',
  '送给老妈金骏眉',
  '送给妈妈苏绣',
  '送给老婆周大福的',
  '送给女朋友潘多拉的手链',
  '送给儿子任天堂',
  '送给老婆戴森',
  '老公雷蛇的',
  // An age, a zodiac year, a school year or a visit: no names (周岁: 岁; 龙年: a year).
  '女儿周岁的礼物',
  '送给朋友龙年的礼物',
  '送给朋友乔迁的',
  '儿子高三的',
  '朋友高中的同学',
  '朋友常来的店',
];

// Still masked: real names, and places or brands that are as likely a person's name (privacy wins when
// unsure: README). 沈阳, 宁波, 黄山, 李宁 are each also a name someone has.
const MASKED: [string, string][] = [
  ['送给我妈妈陈秀英', '送给我妈妈陈**'],
  ['寄给沈阳的', '寄给沈*的'],
  ['寄给朋友宁波的', '寄给朋友宁*的'],
  ['朋友黄山的', '朋友黄*的'],
  ['送给老公李宁', '送给老公李*'],
  // 江小白 is a liquor brand, but written like a name (surname 江 + 小白): not on the list, masked.
  ['送给同事江小白', '送给同事江**'],
  // A name ending in 镇 stays a name (镇 is no administrative suffix here: 王镇 could be someone).
  ['送给朋友王镇', '送给朋友王*'],
  // In-laws, aunts, nephews are relatives too (README's cue list): 黄丽 after 姨妈 at the end, 李强 after
  // 姐夫 before 说. Both were shown whole before text41 (姨妈, 姐夫 were no cues).
  ['送给姨妈黄丽', '送给姨妈黄*'],
  ['我姐夫李强说不错', '我姐夫李*说不错'],
];

// 2. Phones and addresses in free text written with full-width digits or separators.
const PII: [string, string][] = [
  // ASCII digits, an ideographic space and a full-width dash between the groups (a Chinese input
  // method's): the same mobile, 138 1234 5678 → 138****5678 (shown whole before).
  ['电话138　1234－5678', '电话138****5678'],
  ['电话138－1234－5678，周末送', '电话138****5678，周末送'],
  // A mobile in financial numerals (壹叁捌…捌): first 3 and last 4 as written (shown whole before).
  ['联系电话：壹叁捌壹贰叁肆伍陆柒捌', '联系电话：壹叁捌****伍陆柒捌'],
  // Street, building and unit numbers in full-width digits (shown whole before; ASCII ones were masked).
  ['送到科技园南路８８号', '送到****'],
  ['送到３栋５０２', '送到****'],
  ['我住幸福家园５号楼２单元３０１', '我住****'],
  ['收货地址是建国路８８号３单元５０２', '收货地址是****'],
  // With the province first: the province kept, the rest masked (before, the full-width house number
  // 中山北路１２３号's digits were left after ****: 寄到江苏省****１２３号).
  ['寄到江苏省南京市鼓楼区中山北路１２３号', '寄到江苏省****'],
];

describe('text41: places, goods and brands after a cue are no names', () => {
  it.each(KEPT)('%s stays as written', (text) => {
    expect(scrubFreeText(text, [])).toBe(text);
  });
  it.each(MASKED)('%s → %s', (text, shown) => {
    expect(scrubFreeText(text, [])).toBe(shown);
  });
});

describe('text41: phones and addresses written with full-width characters', () => {
  it.each(PII)('%s → %s', (text, shown) => {
    expect(scrubFreeText(text, [])).toBe(shown);
  });
});
