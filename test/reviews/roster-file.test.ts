import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIFTS, assign, onShiftAt, readRosterFile, shiftsFromConfig } from '../../src/reviews/roster-file.js';
import { TimeZone } from '../../src/time.js';
import { tmpDir } from '../helpers.js';

const bj = new TimeZone('Asia/Shanghai');
const write = (name: string, text: string) => {
  const f = path.join(tmpDir(), name);
  fs.writeFileSync(f, text);
  return f;
};
const read = (f: string, shifts = DEFAULT_SHIFTS) => readRosterFile(f, Readable.from([]), bj, [2026, 11], shifts);

describe('roster reader for --roster', () => {
  it('long format: agent,date,shift,start,end,hours', async () => {
    const f = write('long.csv', 'agent,date,shift,start,end,hours\n小李,2026-11-21,D,09:00,17:30,8.5\n小王,2026-11-21,N,17:00,23:30,6.5\n小张,2026-11-21,O,,,0\n小赵,2026-11-21,H,10:00,15:30,5.5\n');
    const { shifts, problems } = await read(f);
    expect(problems).toEqual([]);
    expect(onShiftAt(shifts, bj.fromWall(2026, 11, 21, 16, 0))).toEqual(['小李']);
    // 17:10: the day shift (to 17:30) and the night shift (from 17:00) overlap.
    expect(onShiftAt(shifts, bj.fromWall(2026, 11, 21, 17, 10))).toEqual(['小李', '小王']);
    expect(onShiftAt(shifts, bj.fromWall(2026, 11, 21, 12, 0))).toEqual(['小李', '小赵']);
    expect(onShiftAt(shifts, bj.fromWall(2026, 11, 21, 23, 30))).toEqual([]);
  });
  it('grid with day numbers and 白/半/晚/休 codes; the month comes from --as-of', async () => {
    const f = write('grid.csv', '客服,20,21(六),22(日),工时\n小李,白,休,晚,16\n小王,休,半,白,14\n');
    const { shifts } = await read(f);
    expect(onShiftAt(shifts, bj.fromWall(2026, 11, 21, 11, 0))).toEqual(['小王']);
    expect(onShiftAt(shifts, bj.fromWall(2026, 11, 22, 17, 15))).toEqual(['小李', '小王']);
    expect(onShiftAt(shifts, bj.fromWall(2026, 11, 20, 9, 0))).toEqual(['小李']);
  });
  it('grid with full dates and D/H/N/O, shift times from config roster.shifts', async () => {
    const f = write('grid2.csv', 'agent,2026-11-30,2026-12-01\nAmy,N,D\n');
    const shifts = shiftsFromConfig({ shifts: { N: '18:00-02:00', D: { start: '08:00', end: '16:00' } } });
    const r = await read(f, shifts);
    // N on Nov 30 runs 18:00 to 02:00 on Dec 1 (end before start = past midnight).
    expect(onShiftAt(r.shifts, bj.fromWall(2026, 12, 1, 1, 30))).toEqual(['Amy']);
    expect(onShiftAt(r.shifts, bj.fromWall(2026, 12, 1, 2, 0))).toEqual([]);
    expect(onShiftAt(r.shifts, bj.fromWall(2026, 12, 1, 8, 0))).toEqual(['Amy']);
  });
  it('unknown codes are reported, not guessed', async () => {
    const f = write('bad.csv', 'agent,2026-11-21\nAmy,X\n');
    const r = await read(f);
    expect(r.shifts).toEqual([]);
    expect(r.problems[0]!.en).toContain('unknown shift code "X"');
  });
  it('assignment spreads the load: the least-loaded agent, ties by name', () => {
    expect(assign(5, ['a', 'b'])).toEqual(['a', 'b', 'a', 'b', 'a']);
    expect(assign(2, [])).toEqual(['', '']);
  });
});
