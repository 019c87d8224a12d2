// A label sheet kept in Excel marks its choices with ticks: 展示 √ / ×, 必检 √. They were rejected
// ("should be yes/no"), so the product's labels went unchecked (labelsShown empty, no
// labels_not_three warning). A plain x is left out: in a checkbox it may mean "chosen".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBool } from '../../src/zhenjian/fields.js';
import { runCli, tmpDir } from '../helpers.js';

const val = (p: ReturnType<typeof parseBool>) => (p.ok ? p.value : 'ERR');

describe('yes/no written as a tick or a cross', () => {
  it('√ ✓ ✔ ☑ and full-width １ are yes; × ✗ ✘ ☐ and ０ are no; x is refused', () => {
    expect(['√', '✓', '✔', '☑', '１'].map((t) => val(parseBool(t)))).toEqual([true, true, true, true, true]);
    expect(['×', '✗', '✘', '☐', '０'].map((t) => val(parseBool(t)))).toEqual([false, false, false, false, false]);
    expect(val(parseBool('x'))).toBe('ERR');
  });

  it.each(['UTC', 'America/Los_Angeles'])('--labels with √/×: the labels are checked (TZ=%s)', (tz) => {
    const products = '商品ID,商品标题,类目,一口价,成本,服务费\n680012345678,真丝连衣裙,女装,299.00,80.00,450.00\n';
    const labels = '商品ID,检测项目,必检,展示\n680012345678,甲醛,√,×\n680012345678,pH值,√,×\n680012345678,色牢度,×,√\n680012345678,起球,×,√\n';
    const d = tmpDir('zj-ticks-');
    fs.writeFileSync(path.join(d, 'p.csv'), products);
    fs.writeFileSync(path.join(d, 'l.csv'), labels);
    const r = runCli(['zhenjian', 'estimate', path.join(d, 'p.csv'), '--labels', path.join(d, 'l.csv'), '-f', 'json', '--as-of', '2026-11-20 12:00:00'], { tz });
    expect(r.stderr).not.toContain('yes/no');
    const [p] = JSON.parse(r.stdout) as Record<string, unknown>[];
    // By hand (RULES §3): displayed = the √ under 展示: 色牢度, 起球 (2, not 3 → labels_not_three);
    // tested = mandatory (甲醛, pH值, whether shown or not) + optional shown (色牢度, 起球).
    expect(p).toMatchObject({ labelsShown: ['色牢度', '起球'], labelsTested: ['甲醛', 'pH值', '色牢度', '起球'] });
    expect(p!.warningCodes).toContain('labels_not_three');
  });
});
