// rev35 (review of 312571f, c17f4a8): a buyer message is free text since 312571f (masked whole as a
// name before). What a buyer writes there most is a change of receiver or address, and two such
// shapes were shown whole: a new receiver's name after the label with the word for the change in
// between (收件人改成李建国: NAME_LABEL wanted the label right before a colon, NAME_BARE the name right
// after the label), and a building named by a letter (送到A栋1203室, 万达广场B座1203: BUILDING wanted
// digits before 号楼/栋/幢). Worked by hand from README Privacy: a labelled name keeps its first
// character (李建国 → 李**, 张三 → 张*); an address span goes as **** with the words a sentence puts
// before it (送到) kept. The receiver of the order (王小明 by build.ts's default) is not in these texts.
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { normalizedFreeText } from './expected.js';

const CASES: Array<[string, string]> = [
  ['收件人改成李建国，电话13800001111', '收件人改成李**，电话138****1111'],
  ['收货人改为：李建国 谢谢', '收货人改为：李** 谢谢'],
  ['收货人是赵丽丽', '收货人是赵**'],
  ['联系人换成张三', '联系人换成张*'],
  ['送到A栋1203室', '送到****'],
  ['送到万达广场B座1203，谢谢', '送到****，谢谢'],
  // Not names or addresses: kept.
  ['收货人很满意', '收货人很满意'],
  ['收货人是我妈', '收货人是我妈'],
  ['A栋好评', 'A栋好评'],
];

describe('a change of receiver in a buyer message', () => {
  it.each(['UTC', 'America/Los_Angeles'])('orders normalize: 买家留言 and 订单备注 (TZ=%s)', (tz) => {
    const r = normalizedFreeText(tmpDir(), CASES.map(([t]) => t), tz);
    expect(r.code).toBe(0);
    expect(r.message).toEqual(CASES.map(([, s]) => s));
    expect(r.note).toEqual(CASES.map(([, s]) => s));
  });
});
