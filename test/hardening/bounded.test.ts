// Issue 15, "bounded work on hostile input": roster check linear in agents, the reviews reader
// rejects what the other readers reject (an unclosed quote, under --strict too), and an xlsx
// whose shared string expands without bound is refused per cell/row with a clear error.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tmpDir } from '../helpers.js';
import { exampleLines, cells } from './hostile.js';

function rosterGrid(file: string, agents: number): void {
  const days = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
  const codes = 'D,D,N,N,O,D,D,H,H,O,D,N,N,O,H,D,D,O,N,N,H,H,D,D,O,H,H,D,N,N'.split(',');
  const lines = [`agent,${days.join(',')}`];
  for (let a = 0; a < agents; a++) lines.push(`客服${a},${codes.map((_, i) => codes[(i + a) % 30]).join(',')}`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

describe('roster check is linear in agents', () => {
  // CPU time, not wall time: the run's own (test/fixtures/preload/cpu-at-exit.cjs), which a loaded
  // CI machine does not stretch as it stretches wall time (a busy moment during the big run alone
  // was enough to pass 8 ×).
  it('4 × the agents takes well under 16 × the CPU time (measured with the machine loaded: 8,000 agents 22.6 s before, 4.5 s after)', () => {
    const dir = tmpDir();
    const time = (n: number) => {
      const f = path.join(dir, `r${n}.csv`);
      rosterGrid(f, n);
      const cpu = path.join(dir, `cpu${n}.txt`);
      const preload = path.join(ROOT, 'test', 'fixtures', 'preload', 'cpu-at-exit.cjs');
      const r = runCli(['roster', 'check', f, '-q', '-f', 'csv'], { env: { NODE_OPTIONS: `--require ${JSON.stringify(preload)}`, STOREOPS_TEST_CPU_OUT: cpu } });
      // The grid breaks rules (coverage, days off): exit 1 with its violations, never a crash.
      expect(r.code).toBe(1);
      return Number(fs.readFileSync(cpu, 'utf8'));
    };
    const small = time(3000);
    const big = time(12_000);
    // Linear: about 4 × plus start-up; quadratic (indexOf per entry): about 16 ×.
    expect(big / small).toBeLessThan(8);
  }, 240_000);
});

describe('the reviews reader goes through the same rejection path', () => {
  const head = '订单编号,评价时间,评价结果,评价内容';
  const good = '3515313147329357901,2026-11-18 10:00:00,差评,发货太慢';
  it('an unclosed quote is reported (file, line, reason), counted, and fails --strict', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'reviews.csv');
    fs.writeFileSync(f, `${head}\n${good}\n3515313147329357902,2026-11-18 11:00:00,差评,"没有闭合的引号\n`);
    const r = runCli(['reviews', 'queue', f, '--as-of', '2026-11-20 12:00:00', '-f', 'csv']);
    expect(r.stderr).toContain(`${f}:3: a quote opened at line 3 is never closed before the end of the file (line 3); those lines cannot be read`);
    expect(r.code).toBe(1);
    const strict = runCli(['reviews', 'queue', f, '--as-of', '2026-11-20 12:00:00', '--strict', '-f', 'csv']);
    expect(strict.code).toBe(3);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('--strict: 1 row was rejected');
  });
});

describe('an xlsx whose shared string expands without bound', () => {
  it('each over-long cell is refused with a clear reason; the output stays small', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'bomb.xlsx');
    const [head, row] = exampleLines();
    const header = cells(head!);
    const base = cells(row!);
    // One 40,000-character string (over Excel's 32,767 per cell), stored once, used by 300 rows.
    const huge = '羊'.repeat(40_000);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = wb.addWorksheet('export');
    ws.addRow(header).commit();
    for (let i = 0; i < 300; i++) {
      const r = [...base];
      r[0] = String(3515313147300000000n + BigInt(i));
      r[21] = huge;
      ws.addRow(r).commit();
    }
    ws.addRow(base.map((c, i) => (i === 0 ? '3515313147399999999' : c))).commit();
    await wb.commit();
    expect(fs.statSync(file).size).toBeLessThan(200_000);
    const out = path.join(dir, 'out.csv');
    const r = runCli(['orders', 'normalize', file, '-o', out]);
    expect(r.stderr).toContain(`${file}:2: the cell in column 22 holds 40000 characters, more than Excel's limit of 32767 per cell; the row was not read`);
    expect(r.stderr).toContain('301 rows read: 1 accepted, 300 rejected');
    expect(r.code).toBe(1);
    // The one normal row is written; nothing of the 12 M characters the bomb would expand to.
    expect(fs.statSync(out).size).toBeLessThan(10_000);
    expect(fs.readFileSync(out, 'utf8')).toContain('3515313147399999999');
  }, 120_000);
});
