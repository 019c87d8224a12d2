// desk39 (task 1, leaks): an address written as a housing estate, building, unit and room, with no
// district or street before it (我住幸福家园5号楼2单元301, 送到3栋502) is the receiver's address, but
// free text showed it whole: ADDRESS needs a 省/市/区 word, STREET_NO a 路/街 and a 号. It is masked
// now as a street address is (****), in a buyer message, a seller's note and a review.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { normalizedFreeText } from './expected.js';

// [as written, as shown]: the estate name, building, unit and room go as one span (****); words a
// sentence puts before an address (住, 到, 放) stay. Not addresses (no unit or room after the
// building): 5号楼的邻居也买了, 比10栋楼还高.
const CASES: Array<[string, string]> = [
  ['我住幸福家园5号楼2单元301，放门口', '我住****，放门口'],
  ['送到3栋502', '送到****'],
  ['放12幢1单元201室门口', '放****门口'],
  ['阳光花园12栋1203 谢谢', '**** 谢谢'],
  ['5号楼的邻居也买了', '5号楼的邻居也买了'],
  ['比10栋楼还高', '比10栋楼还高'],
];

describe('a building, unit and room address in free text', () => {
  it.each(['UTC', 'America/Los_Angeles'])('orders normalize: 买家留言 and 订单备注 (TZ=%s)', (tz) => {
    const r = normalizedFreeText(tmpDir(), CASES.map(([t]) => t), tz);
    expect(r.code).toBe(0);
    expect(r.message).toEqual(CASES.map(([, s]) => s));
    expect(r.note).toEqual(CASES.map(([, s]) => s));
  });

  it('reviews queue: the review text', () => {
    const dir = tmpDir();
    const p = path.join(dir, 'r.csv');
    fs.writeFileSync(p, '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容\n' + CASES.map(([t], i) => `35153131473293579${i + 10},买家${i},围巾,差评,2026-11-20 10:00:00,${t}`).join('\n') + '\n');
    const r = runCli(['reviews', 'queue', p, '--as-of', '2026-11-20 12:00', '--state', path.join(dir, 's.db'), '-f', 'json', '-q']);
    expect(r.code).toBe(0);
    const shown = new Map((JSON.parse(r.stdout) as Array<{ orderId: string; text: string }>).map((x) => [x.orderId, x.text]));
    expect(CASES.map((_c, i) => shown.get(`35153131473293579${i + 10}`))).toEqual(CASES.map(([, s]) => s));
  });
});
