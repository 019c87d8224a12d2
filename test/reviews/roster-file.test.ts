import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type Ctx, buildContext } from '../../src/context.js';
import { UsageError } from '../../src/errors.js';
import { RejectLog } from '../../src/io/rejects.js';
import { assign, onShiftAt, readOnShift } from '../../src/reviews/roster-file.js';
import { TimeZone } from '../../src/time.js';
import { tmpDir } from '../helpers.js';

const bj = new TimeZone('Asia/Shanghai');
const write = (name: string, text: string) => {
  const f = path.join(tmpDir(), name);
  fs.writeFileSync(f, text);
  return f;
};

/** A context as the CLI builds it: --as-of in November 2026, an empty home, an optional config. */
function context(config?: Record<string, unknown>): { ctx: Ctx; stderr: () => string } {
  const home = tmpDir();
  let err = '';
  const stderr = new PassThrough();
  stderr.on('data', (b: Buffer) => (err += b.toString()));
  const configFile = config ? write('config.json', JSON.stringify(config)) : undefined;
  const ctx = buildContext(
    { asOf: '2026-11-21 12:00:00', lang: 'en', config: configFile },
    { stdin: Readable.from([]), stdout: new PassThrough(), stderr, env: { HOME: home }, cwd: home, now: () => 0 },
  );
  return { ctx, stderr: () => err };
}

async function read(f: string, config?: Record<string, unknown>) {
  const { ctx, stderr } = context(config);
  const rejects = new RejectLog(ctx);
  const r = await readOnShift(ctx, f, rejects);
  await rejects.finish();
  return { ...r, rejected: rejects.count, stderr: stderr() };
}

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
  it('grid with day/night/夜班 spellings, as roster check accepts them; an empty cell is no shift', async () => {
    const f = write('grid-words.csv', 'agent,21,22\nAmy,day,\nBo,night,off\nCy,夜班,day\n');
    const r = await read(f);
    expect(r.problems).toEqual([]);
    // Nov 21: Amy 09:00–17:30, Bo and Cy 17:00–23:30; Nov 22: Cy 09:00–17:30, Amy's empty cell is no shift.
    expect(onShiftAt(r.shifts, bj.fromWall(2026, 11, 21, 9, 0))).toEqual(['Amy']);
    expect(onShiftAt(r.shifts, bj.fromWall(2026, 11, 21, 17, 29))).toEqual(['Amy', 'Bo', 'Cy']);
    expect(onShiftAt(r.shifts, bj.fromWall(2026, 11, 21, 17, 30))).toEqual(['Bo', 'Cy']);
    expect(onShiftAt(r.shifts, bj.fromWall(2026, 11, 22, 12, 0))).toEqual(['Cy']);
  });
  it('grid with full dates and D/H/N/O, shift times from config roster.shifts', async () => {
    const f = write('grid2.csv', 'agent,2026-11-30,2026-12-01\nAmy,N,D\n');
    const r = await read(f, { roster: { shifts: { N: '18:00-24:00', D: { start: '08:00', end: '16:00' } } } });
    // N on Nov 30 runs 18:00 to 24:00, i.e. to Dec 1 00:00; D on Dec 1 from 08:00 to 16:00.
    expect(onShiftAt(r.shifts, bj.fromWall(2026, 11, 30, 17, 59))).toEqual([]);
    expect(onShiftAt(r.shifts, bj.fromWall(2026, 11, 30, 23, 59))).toEqual(['Amy']);
    expect(onShiftAt(r.shifts, bj.fromWall(2026, 12, 1, 0, 0))).toEqual([]);
    expect(onShiftAt(r.shifts, bj.fromWall(2026, 12, 1, 7, 59))).toEqual([]);
    expect(onShiftAt(r.shifts, bj.fromWall(2026, 12, 1, 8, 0))).toEqual(['Amy']);
    expect(onShiftAt(r.shifts, bj.fromWall(2026, 12, 1, 16, 0))).toEqual([]);
  });
  it('shift times are the roster module’s: a shift past midnight in roster.shifts ends on the next day', async () => {
    const f = write('grid3.csv', 'agent,2026-11-30\nAmy,N\n');
    const r = await read(f, { roster: { shifts: { N: '18:00-02:00' } } });
    // 2026-11-30 18:00 to 2026-12-01 02:00 Beijing time.
    expect(onShiftAt(r.shifts, bj.fromWall(2026, 12, 1, 1, 30))).toEqual(['Amy']);
    expect(onShiftAt(r.shifts, bj.fromWall(2026, 12, 1, 2, 0))).toEqual([]);
    await expect(read(f, { roster: { shifts: { N: '18:00-18:00' } } })).rejects.toBeInstanceOf(UsageError);
  });
  it('unknown codes are reported, not guessed; rows without an agent are rejected', async () => {
    const f = write('bad.csv', 'agent,2026-11-21\nAmy,X\n,D\n');
    const r = await read(f);
    expect(r.shifts).toEqual([]);
    expect(r.problems.map((p) => [p.agent, p.date, p.rule])).toEqual([['Amy', '2026-11-21', 'unknown-shift']]);
    expect(r.problems[0]!.detail.en).toContain('unknown shift "X"');
    expect(r.rejected).toBe(1);
    expect(r.stderr).toContain('bad.csv:3');
  });
  it('assignment spreads the load: the least-loaded agent, ties by name', () => {
    expect(assign(5, ['a', 'b'])).toEqual(['a', 'b', 'a', 'b', 'a']);
    expect(assign(2, [])).toEqual(['', '']);
  });
});
