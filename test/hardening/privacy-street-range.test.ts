// text44: a range of street numbers followed by a notice's own word is a notice, as an estate's is
// (text43, privacy-house-range.test.ts): 文三路18号-20号停水 (water off at numbers 18 to 20 of 文三路) was
// ****-20号停水 — the first number masked, the range's end left — and 文三路18-20号停水 ****停水, while
// 小区18号-20号停水 was kept. The rule (src/io/pii.ts STREET_RANGE): a street (路 街 大道 巷 弄 胡同), two
// numbers joined by - ~ 至 到 with 号 after the second and nothing after that 号, the second above the
// first by at most 50, then a notice's word (RANGE_AFTER: 停水, 明天停电, 的住户 …). Worked by hand:
// 20 − 18 = 2 (a range); 90 − 18 = 72 and 3 − 88 < 0 (no range: masked). Anything else is an address:
// no notice after it (寄到文三路18号-20号, 住在文三路18-20号), a word a notice may start with but no notice
// (在门卫), a unit and room after the range, a 市/区 head (ADDRESS: the city kept), a single number
// whatever follows (文三路18号到货: no date's word keeps a street number). A masked range is masked whole:
// 寄到文三路18号-20号 is 寄到****, where it was 寄到****-20号.
import { describe, expect, it } from 'vitest';
import { scrubFreeText } from '../../src/io/pii.js';

const KEPT = [
  '文三路18号-20号停水',
  '文三路18-20号停水',
  '文三路18号至20号明天停电',
  '文三路18号到20号停电',
  '文三路18号-20号的住户请注意',
  '文三路18号-20号楼停水，请提前储水',
  '通知：文三路18号-20号明天上午停水',
  '长乐街5号~7号电梯维修',
  // Full-width digits and dash, typed with a Chinese input method.
  '文三路１８号－２０号停水',
  // The estate's, as text43 kept it.
  '小区18号-20号停水',
];

const MASKED: [string, string][] = [
  ['寄到文三路18号', '寄到****'],
  ['住在文三路18-20号', '住在****'],
  ['寄到文三路18号-20号', '寄到****'],
  ['文三路18-20号 张三收', '**** 张三收'],
  ['文三路18号-20号在门卫', '****在门卫'],
  ['文三路18-90号停水', '****停水'],
  ['建国路88-3号停水', '****停水'],
  ['文三路18号-20号3单元501停水', '****停水'],
  ['文三路18号到货', '****到货'],
  ['杭州市西湖区文三路18号-20号停水', '杭州市****停水'],
];

describe('text44: a range of street numbers before a notice is kept, an address is not', () => {
  it.each(KEPT)('%s stays as written', (text) => {
    expect(scrubFreeText(text, [])).toBe(text);
  });
  it.each(MASKED)('%s → %s', (text, shown) => {
    expect(scrubFreeText(text, [])).toBe(shown);
  });
});
