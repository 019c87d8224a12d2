// text42: phones and addresses as buyers type them in review texts and seller notes (README, Privacy;
// src/io/pii.ts, src/orders/mask.ts). Expected values by hand from the README's rule: a phone keeps its
// first 3 and last 4 digits (139****0165), a country code as written before it; an address is ****
// from its estate or street on, the province or city it starts with kept (杭州****); a building,
// unit and room is **** with its estate's name.
import { describe, expect, it } from 'vitest';
import { scrubFreeText } from '../../src/io/pii.js';
import { maskPhone } from '../../src/orders/mask.js';

// 1. Phones split by a tilde, by zero-width characters (a copy from a chat or a web page: the number
// looks whole on screen), or by a run of separators. Each was shown whole before text42.
const PHONES: [string, string][] = [
  ['电话139~2513~0165', '电话139****0165'],
  // The full-width tilde a Chinese input method types.
  ['电话：139～2513～0165', '电话：139****0165'],
  // Zero-width space, non-joiner, joiner, word joiner between the groups or the digits.
  ['电话139\u200b2513\u200b0165', '电话139****0165'],
  ['电话1392513\u200c0165', '电话139****0165'],
  ['139\u200d2513\u200d0165到了打我电话', '139****0165到了打我电话'],
  ['139\u20602513\u20600165', '139****0165'],
  ['1\u200b3\u200b9\u200b2\u200b5\u200b1\u200b3\u200b0\u200b1\u200b6\u200b5', '139****0165'],
  // Runs of separators: two spaces, a spaced dash, a doubled dash (——).
  ['手机139  2513  0165', '手机139****0165'],
  ['139 - 2513 - 0165', '139****0165'],
  ['139——2513——0165', '139****0165'],
  // A country code followed by a tilde: kept as written, the number masked.
  ['+86~139~2513~0165', '+86~139****0165'],
  // A landline split by tildes: 0571 8888 8888 → national 057188888888 (12 digits) → 057****8888.
  ['联系电话 0571~8888~8888', '联系电话 057****8888'],
];

// Pinned (already masked before text42): spaces in 3-4-4 groups, +86 written every way, a BOM before.
const PHONES_BEFORE: [string, string][] = [
  ['手机 139 2513 0165', '手机 139****0165'],
  ['+86 139 2513 0165', '+86 139****0165'],
  ['+8613925130165', '+86139****0165'],
  ['+86-139-2513-0165', '+86-139****0165'],
  ['0086 139 2513 0165', '0086 139****0165'],
  ['\ufeff13925130165', '\ufeff139****0165'],
];

// 2. Addresses without a street word.
const ADDRESSES: [string, string][] = [
  // Building-unit-room as dashed numbers after the estate's name (shown whole before).
  ['古荡新村3-2-501', '****'],
  ['阳光小区5-1201', '****'],
  ['送到幸福里小区8-2-301', '送到****'],
  ['绿城桂花园桂香苑12-3-402，门口放着', '****，门口放着'],
  // With a district first: its -2-501 was left after the mask (杭州****-2-501).
  ['收货地址改成：杭州西湖区古荡新村3-2-501', '收货地址改成：杭州****'],
  ['地址杭州西湖区古荡新村3-2-501 王先生', '地址**** 王先生'],
  // 街道 is one word (杭州市****道 before); 幢 ends a building as 栋 does (西湖****幢 before).
  ['杭州市余杭区仓前街道', '杭州市****'],
  ['西湖区古荡新村3幢', '西湖****'],
  // A building and unit in Chinese numerals, no district before (shown whole before).
  ['古荡新村三幢二单元501', '****'],
  ['送到七栋一单元1201', '送到****'],
];

// Pinned (already masked before text42).
const ADDRESSES_BEFORE: [string, string][] = [
  ['浙江省杭州市西湖区文三路', '浙江省****'],
  ['杭州西湖区古荡新村3幢2单元501', '杭州****'],
  ['xx小区5栋1201', 'xx小区****'],
];

// 3. Not over-masked: places, brands, goods, sizes, ranges, dates and times as buyers write them in a
// review (the last round's 江西的, 龙井, 周大福 among them). Each stays exactly as written, before and after.
const KEPT: string[] = [
  '江西的脐橙很甜，下次还买',
  '寄给江西的朋友，说很好吃',
  '送给妈妈龙井的，包装很好',
  '西湖龙井茶香味很正',
  '送给老婆周大福的手链，很喜欢',
  '周大福的金镯子，正品',
  '杭州发货很快，第二天就到了',
  '浙江杭州西湖区发的货，两天到北京',
  '从广州白云区发货的，三天就到',
  '朝阳区的快递小哥很负责',
  '我们小区的快递柜放不下',
  '快递放小区门口了，没送上楼',
  '万达广场3楼的专柜同款',
  '银泰城5楼也有卖，这里便宜',
  '买了3-5件，尺码3-2号偏小',
  '1-3天到货，很快',
  '适合3-6岁的孩子',
  '发货时间11-20，到货11-23',
  '型号A3-2-501，和描述一致',
  'iPhone 15 Pro 256G 手机壳，很合适',
  '尺码 170/92A，穿着合身',
  '价格139~259元之间，性价比高',
  '营业时间9:00~21:00',
  '保质期2026-11-20~2027-05-20',
  '订单号3515312345678901234，麻烦查一下',
  '快递单号SF1234567890123，一直没更新',
  '5栋的邻居也买了',
  // A Chinese-numeral building without its unit is no address.
  '我们这三栋楼都买了',
  '一栋别墅的装修',
  '幸福里小区的邻居推荐的',
  '古荡新村那边的菜鸟驿站',
  '公园1-2天就能逛完',
  '花园3-5月开花',
  '苹果园3号线地铁站附近',
  '电影院3-2排',
  '李宁的运动鞋很舒服',
  '张小泉的剪刀很锋利',
  '洽洽瓜子 500g*2袋',
  '客服小王态度很好，说3-5天到',
  '快递员说10点~11点送到',
  '买了2~3次了，一直回购',
  '评分4.8~5.0',
];

describe('text42: phones as buyers type them', () => {
  it.each(PHONES)('%s → %s', (text, shown) => {
    expect(scrubFreeText(text, [])).toBe(shown);
  });
  it.each(PHONES_BEFORE)('%s → %s (as before)', (text, shown) => {
    expect(scrubFreeText(text, [])).toBe(shown);
  });
  it('a phone column with tildes or zero-width characters', () => {
    expect(maskPhone('139~2513~0165')).toBe('139****0165');
    expect(maskPhone('139\u200b2513\u200b0165')).toBe('139****0165');
  });
});

describe('text42: addresses without a street word', () => {
  it.each(ADDRESSES)('%s → %s', (text, shown) => {
    expect(scrubFreeText(text, [])).toBe(shown);
  });
  it.each(ADDRESSES_BEFORE)('%s → %s (as before)', (text, shown) => {
    expect(scrubFreeText(text, [])).toBe(shown);
  });
});

describe('text42: places, brands, sizes and ranges are not masked', () => {
  it.each(KEPT)('%s stays as written', (text) => {
    expect(scrubFreeText(text, [])).toBe(text);
  });
});
