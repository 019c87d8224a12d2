// user28 (王姐's six agents, 小王 on 2 days of 年假 in December): the roster run said "工时差 1 小时
// (请假的客服按上班天数折算为整月工时; 表中实际工时相差 15 小时)", while the group robot was told
// "6 名客服; 工时差 15 小时" and, per agent, only the days off — nothing of 小王's leave, so the team read
// 小王 as given 2 days fewer than everyone, and a 15 h spread the plan had not chosen.
//
// Expected (docs/rules.md §4 leave: a day of leave is neither a day off nor work; hours are compared
// pro rata, hours × W / W_a): here Ann has leave on 2026-11-24 and 11-25 (type leave), so her item
// names them, `请假 2 天 (24日、25日)`, after her 4 days off (which are O days other than those two);
// the summary gives the spread the plan compares (the run's own summary line, pro rata) and the one as
// rostered (max − min of the csv's 工时 column), as the run's stderr does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BY_WORK_LIMIT, WORK_TIMEOUT, byWork } from '../helpers.js';
import { SECRET, robotsEachTest, runCliAsync } from './robots.js';

const env = robotsEachTest();

describe('roster plan --notify with approved leave', () => {
  it('names each agent\'s leave days and gives the pro-rata spread beside the one as rostered', async () => {
    const req = path.join(env.dir, 'requests.csv');
    fs.writeFileSync(req, '客服,日期,类型\nAnn,2026-11-24;2026-11-25,年假\n');
    const cfg = path.join(env.dir, 'config.json');
    fs.writeFileSync(cfg, JSON.stringify({ notify: { timeout: 10, attempts: 3, backoff: 0.05 } }));
    fs.chmodSync(cfg, 0o600);
    const r = await runCliAsync(
      ['roster', 'plan', '--month', '2026-11', '--agents', 'Ann,Bo,Cy,Di,Ed', '--requests', req, ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'zh', '--config', cfg, '--state', path.join(env.dir, 'state.db'), '--notify', env.robots.webhook],
      { env: { STOREOPS_NOTIFY_SECRET: SECRET, ...byWork() } },
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const head = lines[0]!.split(',');
    const hoursCol = head.indexOf('工时');
    const rows = lines.slice(1, 6).map((l) => l.split(','));
    const hours = rows.map((c) => Number(c[hoursCol]));
    const asRostered = Math.max(...hours) - Math.min(...hours);
    // The run's own summary: "工时差 X 小时 (请假的客服按上班天数折算为整月工时; 表中实际工时相差 Y 小时)".
    const own = /工时差 ([\d.]+) 小时 \(请假的客服按上班天数折算为整月工时; 表中实际工时相差 ([\d.]+) 小时\)/.exec(r.stderr);
    expect(own, r.stderr).not.toBeNull();
    expect(Number(own![2])).toBe(asRostered);
    const body = env.robots.received[0]!.body as { summary: string; items: { text: string }[] };
    expect(body.summary).toMatch(new RegExp(`^5 名客服; 工时差 ${own![1]!.replace('.', '\\.')} 小时 \\(请假的客服按上班天数折算为整月工时; 表中实际工时相差 ${own![2]!.replace('.', '\\.')} 小时\\); `));
    // Ann: 30 days − 2 of leave − 4 off = 24 worked; her 休 cells are her 4 days off and the 2 of leave.
    const ann = rows.find((c) => c[0] === 'Ann')!;
    const off = ann.slice(1, 31).flatMap((code, i) => (code === '休' && i + 1 !== 24 && i + 1 !== 25 ? [`${i + 1}日`] : []));
    expect(off).toHaveLength(4);
    expect(ann[24]).toBe('休');
    expect(ann[25]).toBe('休');
    const annItem = body.items.find((i) => i.text.startsWith('Ann:'))!.text;
    expect(annItem).toBe(`Ann: ${Number(ann[hoursCol])} 小时, 晚班 ${ann[hoursCol + 1]}, 周末上班 ${ann[hoursCol + 2]} 天, 休息 4 天 (${off.join('、')}), 请假 2 天 (24日、25日)`);
    // Nobody else is on leave: no leave words in their items.
    expect(body.items.filter((i) => i.text.includes('请假')).map((i) => i.text.split(':')[0])).toEqual(['Ann']);
  }, WORK_TIMEOUT);
});
