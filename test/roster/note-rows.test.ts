// A note typed under the agents of a hand-made roster or agent list (备注：小王12月24日请假): not an agent.
// It was read as one: `roster plan --agents` planned "备注：小王12月24日请假" a month of shifts beside the
// five real agents (6 agents, each counted toward coverage: a phantom's shifts are nobody's), and
// `roster check` reported 31 missing days for it. Now it is skipped and named on stderr, with where a
// day-off request goes (--requests).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BY_WORK_LIMIT, WORK_TIMEOUT, byWork, EXAMPLES, runCli, tmpDir } from '../helpers.js';

const R = (f: string) => path.join(EXAMPLES, 'roster', f);
const NOTE = '备注：小王12月24日请假';

describe('a note row under the agents', () => {
  const dir = tmpDir();

  it('roster plan --agents: 5 agents planned, not 6; the note named (en and zh)', () => {
    // examples/roster/agents.csv: 客服,备注 and 5 agents on lines 2–6; the note goes on line 7.
    const f = path.join(dir, 'agents.csv');
    fs.writeFileSync(f, fs.readFileSync(R('agents.csv'), 'utf8') + `${NOTE},\n`);
    const r = runCli(['roster', 'plan', '--month', '2026-12', '--agents', f, ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'en'], { env: byWork(), timeoutMs: WORK_TIMEOUT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`storeops: warning: ${f}:7: the note "${NOTE}" is not an agent: skipped (a day-off request goes in a --requests file)\n`);
    expect(r.stderr).toContain('roster 2026-12: 5 agents');
    expect(r.stdout).not.toContain('备注');
    // The same roster as from the list without the note.
    const plain = runCli(['roster', 'plan', '--month', '2026-12', '--agents', R('agents.csv'), ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'en'], { env: byWork(), timeoutMs: WORK_TIMEOUT });
    expect(r.stdout).toBe(plain.stdout);
    const zh = runCli(['roster', 'plan', '--month', '2026-12', '--agents', f, ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'zh'], { env: byWork(), timeoutMs: WORK_TIMEOUT });
    expect(zh.stderr).toContain(`storeops: 警告: ${f}:7: 备注行 "${NOTE}" 不是客服, 已跳过 (休息申请请写进 --requests 文件)\n`);
  }, WORK_TIMEOUT);

  it('roster check: the note under the grid is no agent with 30 missing days; the violations are those without it', () => {
    // roster-2026-11.csv: header, 5 agents (lines 2–6), then coverage rows. The note goes on line 7.
    const lines = fs.readFileSync(R('roster-2026-11.csv'), 'utf8').split('\n');
    const f = path.join(dir, 'roster-note.csv');
    fs.writeFileSync(f, [...lines.slice(0, 6), NOTE + ','.repeat(34), ...lines.slice(6)].join('\n'));
    const plain = runCli(['roster', 'check', R('roster-2026-11.csv'), '-f', 'csv', '--lang', 'en']);
    const r = runCli(['roster', 'check', f, '-f', 'csv', '--lang', 'en']);
    expect(r.stderr).toContain(`storeops: warning: ${f}:7: the note "${NOTE}" is not an agent: skipped (a day-off request goes in a --requests file)\n`);
    expect(r.stdout).not.toContain('missing-day');
    expect(r.stdout).toBe(plain.stdout);
    expect(r.code).toBe(plain.code);
  });

  it('a long roster, and 注：/Note: labels; a row with a shift stays an agent whatever its name', () => {
    const f = path.join(dir, 'long.csv');
    const rows = ['agent,date,shift'];
    for (let d = 1; d <= 30; d++) rows.push(`小王,2026-11-${String(d).padStart(2, '0')},${d <= 4 ? 'O' : 'D'}`);
    rows.push('注：小王下月调岗,,', 'Note: check with HR,,');
    fs.writeFileSync(f, rows.join('\n') + '\n');
    const r = runCli(['roster', 'check', f, '-f', 'csv', '--lang', 'en', '--min', 'D=1,H=0,N=0']);
    expect(r.stderr).toContain(`${f}:32: the note "注：小王下月调岗" is not an agent: skipped`);
    expect(r.stderr).toContain(`${f}:33: the note "Note: check with HR" is not an agent: skipped`);
    expect(r.stderr).toContain('1 agent × 30 days');
    // An agent named 注意 with shifts (no colon needed for the longer labels, but a shift makes it an agent).
    const g = path.join(dir, 'grid.csv');
    fs.writeFileSync(g, '客服,' + Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`).join(',') + '\n' + '说明白,' + Array.from({ length: 30 }, (_, i) => (i < 4 ? '休' : '白')).join(',') + '\n');
    const s = runCli(['roster', 'check', g, '-f', 'csv', '--lang', 'en', '--min', 'D=1,H=0,N=0']);
    expect(s.stderr).not.toContain('is not an agent');
    expect(s.stderr).toContain('1 agent × 30 days');
  });

  it('an agent row is never taken for a note: a remark before the agent column, an agent named 注意 with a remark (rev32)', () => {
    // 备注,客服 columns: line 3 is 小李's row with a remark in front. Before: skipped as the note
    // "备注：24日请假", 小李 never named; 4 agents planned where the file names 5.
    const a = path.join(dir, 'remark-first.csv');
    fs.writeFileSync(a, '备注,客服\n,小王\n备注：24日请假,小李\n,小张\n,小赵\n,小陈\n');
    const r = runCli(['roster', 'plan', '--month', '2026-12', '--agents', a, ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'en'], { env: byWork(), timeoutMs: WORK_TIMEOUT });
    expect(r.stderr).not.toContain('is not an agent');
    expect(r.stderr).toContain('roster 2026-12: 5 agents');
    expect(r.stdout).toContain('小李');
    // 客服,备注 columns: an agent named 注意 whose remark is 新人 (line 3). Before: skipped as the note "注意".
    const b = path.join(dir, 'named-zhuyi.csv');
    fs.writeFileSync(b, '客服,备注\n小王,\n注意,新人\n小张,\n小赵,\n小陈,\n');
    const s = runCli(['roster', 'plan', '--month', '2026-12', '--agents', b, ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'en'], { env: byWork(), timeoutMs: WORK_TIMEOUT });
    expect(s.stderr).not.toContain('is not an agent');
    expect(s.stderr).toContain('roster 2026-12: 5 agents');
    expect(s.stdout).toContain('注意');
    // A bare 备注 alone in its row (a heading) is still a note, named.
    const c = path.join(dir, 'bare-heading.csv');
    fs.writeFileSync(c, '客服,备注\n小王,\n小李,\n小张,\n小赵,\n小陈,\n备注,\n');
    const t = runCli(['roster', 'plan', '--month', '2026-12', '--agents', c, ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'en'], { env: byWork(), timeoutMs: WORK_TIMEOUT });
    expect(t.stderr).toContain(`${c}:7: the note "备注" is not an agent: skipped`);
    expect(t.stderr).toContain('roster 2026-12: 5 agents');
  }, WORK_TIMEOUT);
});
