// A note typed under the day-off requests (备注：小张12月想多上夜班) asks for no day. It was rejected as a
// short row ("this row has 1 cell but the header has 2 (ragged row)") or, typed with the comma Excel
// saves, as "no date: write the day off …", and the run exited 1: `roster check --requests` printed
// "no violations" and failed; `roster plan` exited 1 as for a refused request. Now it is skipped and
// named on stderr (file:line, the note, that a day written in it is not granted), exit unchanged,
// as a note under the agents is (note-rows.test.ts). A row whose date cell holds something is still
// a request, checked as any.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BY_WORK_LIMIT, WORK_TIMEOUT, byWork, runCli, tmpDir } from '../helpers.js';

const AGENTS = '小王,小李,小张,小赵,小陈';
const NOTE = '备注：小张12月想多上夜班';

describe('a note row in a --requests file', () => {
  const dir = tmpDir();

  it('roster plan: the note is named, exit 0, and the real request is granted (小王 off on 12-24)', () => {
    // Line 1 header, line 2 小王's request, line 3 the note (one cell), line 4 the note with Excel's comma.
    const f = path.join(dir, 'req.csv');
    fs.writeFileSync(f, `客服,日期\r\n小王,2026-12-24\r\n${NOTE}\r\n注：小李元旦后再排,\r\n`);
    const r = runCli(['roster', 'plan', '--month', '2026-12', '--agents', AGENTS, '--requests', f, ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'en'], { env: byWork(), timeoutMs: WORK_TIMEOUT });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`storeops: warning: ${f}:3: the note "${NOTE}" is not a day-off request: skipped (a day written in it is not granted; write each request as a row: agent,date)\n`);
    expect(r.stderr).toContain(`storeops: warning: ${f}:4: the note "注：小李元旦后再排" is not a day-off request: skipped`);
    expect(r.stderr).not.toContain('ragged');
    expect(r.stderr).not.toContain('no date');
    // The grid: header agent,2026-12-01,…; 小王's row has O in the 2026-12-24 column (the 25th cell).
    const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
    const col = rows[0]!.indexOf('2026-12-24');
    expect(col).toBe(24);
    expect(rows.find((c) => c[0] === '小王')![col]).toBe('O');
    const zh = runCli(['roster', 'plan', '--month', '2026-12', '--agents', AGENTS, '--requests', f, ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'zh'], { env: byWork(), timeoutMs: WORK_TIMEOUT });
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stderr).toContain(`storeops: 警告: ${f}:3: 备注行 "${NOTE}" 不是休息申请, 已跳过 (其中写的日期不会安排休息; 每个申请写成一行: 客服,日期)\n`);
  }, WORK_TIMEOUT);

  it('roster check: a roster with no violations exits 0 with the note in its requests', () => {
    // Plan a roster granting the one request, then check it against the file with the note.
    const req = path.join(dir, 'req-check.csv');
    fs.writeFileSync(req, `客服,日期\n小王,2026-12-24\n${NOTE}\n`);
    const roster = path.join(dir, 'dec.csv');
    const p = runCli(['roster', 'plan', '--month', '2026-12', '--agents', AGENTS, '--requests', req, ...BY_WORK_LIMIT, '-o', roster, '--lang', 'en'], { env: byWork(), timeoutMs: WORK_TIMEOUT });
    expect(p.code, p.stderr).toBe(0);
    const c = runCli(['roster', 'check', roster, '--requests', req, '-f', 'csv', '--lang', 'en']);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stderr).toContain(`${req}:3: the note "${NOTE}" is not a day-off request: skipped`);
    expect(c.stderr).toContain('5 agents × 31 days, no violations');
  }, WORK_TIMEOUT);

  it('a note-like name with a date is still a request: rejected as an agent not in the plan, exit 1', () => {
    const f = path.join(dir, 'req-dated.csv');
    fs.writeFileSync(f, '客服,日期\n备注：小王,2026-12-24\n');
    const r = runCli(['roster', 'plan', '--month', '2026-12', '--agents', AGENTS, '--requests', f, ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'en'], { env: byWork(), timeoutMs: WORK_TIMEOUT });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('is not a day-off request');
    expect(r.stderr).toContain(`${f}:2`);
  }, WORK_TIMEOUT);
});
