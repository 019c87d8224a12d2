// rev42: a range of house numbers followed by a place whose name starts with a notice's word is an
// address, not a notice. RANGE_AFTER (src/io/pii.ts) took 停 of 停车场, 电梯 of 电梯口, 维修 of 维修部 …
// for the notice's 停水 / 电梯维修, so a buyer's delivery place was shown whole (failed before: every
// MASKED case below came back as written). Worked by hand from the rule: a street's range not kept
// is masked whole (STREET_NO span → ****, text44), an estate's range from its estate name's last
// character on as text43/rev41 mask it (阳光小区3-5号 → 阳光****). The notices stay kept; a notice about the place itself
// (文三路18号-20号停车场施工) is now masked too: privacy errs on the side of the mask.
import { describe, expect, it } from 'vitest';
import { scrubFreeText } from '../../src/io/pii.js';

const MASKED: [string, string][] = [
  ['寄到文三路18号-20号停车场', '寄到****停车场'],
  ['文三路18号-20号停车场 张三收', '****停车场 张三收'],
  // 放 is no word STREET_NO leaves out of a street's name (是 在 到 送 寄 住 …): the whole run is masked.
  ['放文三路18号-20号停放的电动车上', '****停放的电动车上'],
  // An estate's range, as rev41 masks 送到幸福小区18号-20号 (送到****): 18-20 are also days of the month,
  // and DATE_AFTER's 停 (18号-20号停水 as dates) took 停车场 for a date's word too; 小区18号停车场 likewise.
  ['送到幸福小区18号-20号停车场', '送到****停车场'],
  ['寄到文三路18号-20号电梯口', '寄到****电梯口'],
  ['文三路18号-20号维修部老王收', '****维修部老王收'],
  ['长乐街5号~7号供水站', '****供水站'],
  ['我们小区18号停车场', '我们****停车场'],
  ['文三路18号-20号施工队张师傅收', '****施工队张师傅收'],
];

const KEPT = ['文三路18号-20号停水', '文三路18号-20号电梯维修', '文三路18号-20号停电', '小区18号-20号停水', '我们小区18号停水', '长乐街5号~7号供水维修'];

describe('rev42: a place named with a notice word after a range is an address', () => {
  it.each(MASKED)('%s → %s', (text, want) => {
    expect(scrubFreeText(text, [])).toBe(want);
  });
  it.each(KEPT)('%s stays as written (a notice)', (text) => {
    expect(scrubFreeText(text, [])).toBe(text);
  });
});
