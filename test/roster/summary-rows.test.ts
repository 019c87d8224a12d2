// A 合计/Total row typed below the rows of a roster input (--demand, --requests, an --agents file):
// skipped and named (file:line), not rejected as a bad date or read as an agent called 合计.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BY_WORK_LIMIT, EXAMPLES, WORK_TIMEOUT, byWork, runCli, tmpDir } from '../helpers.js';

// RULES §4: roster check warns that 08:00–09:00 is measured (ruleId 20009524) and no default shift covers it.
const MORNING_EN = "storeops: warning: no shift covers 08:00–09:00 Beijing time: on Tmall/Taobao it counts toward the 3-minute response rate (旺旺3分钟人工响应率, ruleId 20009524, measured 08:00–23:00, ≥ 90 % expected), and other platforms' response measures may count it too; have someone answer then (name your shops' platforms in config reviews.shopNames and this says only that platform's rule)\n";
const MORNING_ZH = 'storeops: 警告: 没有班次覆盖 北京时间 08:00–09:00: 天猫/淘宝店这段时间计入 "旺旺3分钟人工响应率" (ruleId 20009524, 统计 08:00–23:00, 要求 ≥ 90%), 其他平台的客服响应考核也可能包括它; 请安排人工接待或调整班次时间 (在配置 reviews.shopNames 写明店铺所在平台, 提示只说该平台的规则)\n';

const R = (f: string) => path.join(EXAMPLES, 'roster', f);

describe('a trailing summary row in roster inputs', () => {
  const dir = tmpDir();
  it('--demand and --requests: skipped and named; the violations are those without it', () => {
    const demand = path.join(dir, 'demand.csv');
    const requests = path.join(dir, 'requests.csv');
    const d = fs.readFileSync(R('demand.csv'), 'utf8');
    const q = fs.readFileSync(R('requests.csv'), 'utf8');
    fs.writeFileSync(demand, d + '合计,4,2,3\n');
    fs.writeFileSync(requests, q + '合计,\n');
    const dl = d.split('\n').filter((l) => l !== '').length + 1;
    const ql = q.split('\n').filter((l) => l !== '').length + 1;
    const plain = runCli(['roster', 'check', R('roster-2026-11.csv'), '--demand', R('demand.csv'), '--requests', R('requests.csv'), '-f', 'csv', '--lang', 'en']);
    const r = runCli(['roster', 'check', R('roster-2026-11.csv'), '--demand', demand, '--requests', requests, '-f', 'csv', '--lang', 'en']);
    // Before: demand.csv:4 "合计" date is not in the month being checked; requests.csv:6 no date.
    expect(r.stderr).toContain(`storeops: ${demand}:${dl}: summary line, skipped`);
    expect(r.stderr).toContain(`storeops: ${requests}:${ql}: summary line, skipped`);
    expect(r.stderr).not.toContain('not in the month');
    expect(r.stderr).not.toContain('no date');
    expect(r.code).toBe(plain.code);
    expect(r.stdout).toBe(plain.stdout);
  });

  it('an --agents file: the 合计 row is no agent (5 agents, not 6)', () => {
    const agents = path.join(dir, 'agents.csv');
    const a = fs.readFileSync(R('agents.csv'), 'utf8');
    fs.writeFileSync(agents, a + '合计,5人\n');
    const line = a.split('\n').filter((l) => l !== '').length + 1;
    const r = runCli(['roster', 'plan', '--month', '2026-11', '--agents', agents, ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'en'], { env: byWork(), timeoutMs: WORK_TIMEOUT });
    expect(r.stderr).toContain(`storeops: ${agents}:${line}: summary line, skipped`);
    expect(r.stdout).not.toContain('合计');
    expect(r.stderr).not.toMatch(/\b6 agents\b/);
  }, WORK_TIMEOUT);

  it('a 合计 row with rows after it is rejected (two lists pasted together)', () => {
    const requests = path.join(dir, 'req2.csv');
    fs.writeFileSync(requests, '客服,日期\n合计,\n小王,2026-11-11\n');
    const r = runCli(['roster', 'check', R('roster-2026-11.csv'), '--requests', requests, '-f', 'csv', '--lang', 'en']);
    expect(r.stderr).toContain(`${requests}:2: a summary (total) line, but more rows follow it (line 3)`);
  });

  it('the roster file itself: a 合计 row under the agents is named, and the result is the one without it', () => {
    // roster-2026-11.csv: header, 5 agents (lines 2–6), 3 coverage rows. The 合计 row goes on line 7,
    // under the agents: before it was dropped without a word (read as a coverage row).
    const lines = fs.readFileSync(R('roster-2026-11.csv'), 'utf8').split('\n');
    const total = path.join(dir, 'roster-total.csv');
    fs.writeFileSync(total, [...lines.slice(0, 6), '合计,' + Array(30).fill('5').join(',') + ',860.0,55,30,20', ...lines.slice(6)].join('\n'));
    const plain = runCli(['roster', 'check', R('roster-2026-11.csv'), '-f', 'csv', '--lang', 'zh']);
    const r = runCli(['roster', 'check', total, '-f', 'csv', '--lang', 'zh']);
    expect(r.stderr).toBe(`storeops: ${total}:7: 合计行, 已跳过\n${MORNING_ZH}${total}: 5 名客服 × 30 天, 没有违规\n`);
    expect(r.code).toBe(plain.code);
    expect(r.stdout).toBe(plain.stdout);
    // Long layout: before, "合计,," stopped the run (exit 3: date "" is not a date).
    const long = path.join(dir, 'long-total.csv');
    // Sum Yee (a surname, with a shift) is an agent, not a sum: 2 agents.
    fs.writeFileSync(long, 'agent,date,shift\n小王,2026-11-01,D\nSum Yee,2026-11-01,H\n合计,,\n');
    const l = runCli(['roster', 'check', long, '--month', '2026-11', '-f', 'csv', '--lang', 'en']);
    expect(l.stderr.split('\n')[0]).toBe(`storeops: ${long}:4: summary line, skipped`);
    expect(l.stderr).toContain(`${long}: 2 agents × 30 days`);
    expect(l.code).toBe(1); // 1 agent × 30 days breaks the rules, but the run is done
  });

  it('--volume: a 合计 row under the hours is skipped and named (GBK too), one with rows after it rejected', () => {
    const vol = path.join(dir, 'volume.csv');
    const v = fs.readFileSync(R('volume.csv'), 'utf8');
    fs.writeFileSync(vol, v + '合计,870\n');
    const line = v.split('\n').filter((l) => l !== '').length + 1; // header + 16 hours → line 18
    const plain = runCli(['roster', 'check', R('roster-2026-11.csv'), '--volume', R('volume.csv'), '-f', 'csv', '--lang', 'en']);
    const r = runCli(['roster', 'check', R('roster-2026-11.csv'), '--volume', vol, '-f', 'csv', '--lang', 'en']);
    // Before: volume.csv:18 [hour]: "合计" hour must be 0–23 or HH:00 (a rejected row).
    expect(r.stderr.split('\n')[0]).toBe(`storeops: ${vol}:${line}: summary line, skipped`);
    expect(r.stderr).not.toContain('hour must be');
    expect(r.code).toBe(plain.code);
    expect(r.stdout).toBe(plain.stdout);
    const gbk = path.join(dir, 'volume-gbk.csv');
    // 小时,咨询量 / 9,40 / 合计,40 in GBK bytes (Excel's "CSV" on a Chinese Windows).
    fs.writeFileSync(gbk, Buffer.from('d0a1cab12cd7c9d1afc1bf0d0a392c34300d0a bacfbcc62c34300d0a'.replace(/ /g, ''), 'hex'));
    const g = runCli(['roster', 'check', R('roster-2026-11.csv'), '--volume', gbk, '-f', 'csv', '--lang', 'zh']);
    expect(g.stderr.split('\n')[0]).toBe(`storeops: ${gbk}:3: 合计行, 已跳过`);
    const mid = path.join(dir, 'volume-mid.csv');
    fs.writeFileSync(mid, 'hour,chats\n9,40\n合计,40\n10,5\n');
    const m = runCli(['roster', 'check', R('roster-2026-11.csv'), '--volume', mid, '-f', 'csv', '--lang', 'en']);
    expect(m.stderr).toContain(`${mid}:3: a summary (total) line, but more rows follow it (line 4)`);
  });
});
