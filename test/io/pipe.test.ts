// SPEC "Streams and exit codes": a reader closing the pipe early (`| head`) ends the run quietly
// with exit 0; BOM off on stdout, on with -o; --out-encoding gbk through the real binary.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tmpDir } from '../helpers.js';

const AS_OF = '2026-11-25 12:00:00';
let big = '';

beforeAll(() => {
  big = path.join(tmpDir(), 'ExportOrderList-3000.csv');
  const g = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-big-orders.mjs'), '--rows', '3000', '--encoding', 'gbk', '--out', big]);
  expect(g.status).toBe(0);
});

function headOf(args: string[], bytes: number): Promise<{ code: number | null; stderr: string; got: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', TZ: 'UTC', LANG: 'C', HOME: tmpDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let got = 0;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      got += d.length;
      // Like `head -c`: take a little, then close our end of the pipe.
      if (got >= bytes) child.stdout.destroy();
    });
    child.on('close', (code) => resolve({ code, stderr, got }));
  });
}

describe('| head', () => {
  for (const format of ['csv', 'ndjson', 'table']) {
    it(`normalize -f ${format}: the reader goes away after the first bytes → exit 0, no error on stderr`, async () => {
      const r = await headOf(['orders', 'normalize', big, '-f', format, '-q', '--as-of', AS_OF], 100);
      expect(r.got).toBeGreaterThanOrEqual(100);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    });
  }

  it('the same run to the end writes far more than a pipe buffer (so the test above really closed early)', () => {
    const r = runCli(['orders', 'normalize', big, '-f', 'ndjson', '-q', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdoutBytes.length).toBeGreaterThan(1 << 20);
    expect(r.stdout.split('\n')).toHaveLength(3001); // 3000 orders + final newline
  });
});

describe('BOM and GBK through the binary', () => {
  const file = path.join(ROOT, 'examples', 'ExportOrderList202611.csv');

  it('stdout csv has no BOM; -o csv has one; --no-bom removes it', () => {
    const out = runCli(['orders', 'normalize', file, '-f', 'csv', '--as-of', AS_OF]);
    expect(out.stdoutBytes.subarray(0, 8).toString()).toBe('platform');
    const dir = tmpDir();
    runCli(['orders', 'normalize', file, '-o', path.join(dir, 'a.csv'), '--as-of', AS_OF]);
    expect([...fs.readFileSync(path.join(dir, 'a.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    runCli(['orders', 'normalize', file, '-o', path.join(dir, 'b.csv'), '--no-bom', '--as-of', AS_OF]);
    expect(fs.readFileSync(path.join(dir, 'b.csv')).subarray(0, 8).toString()).toBe('platform');
  });

  it('--out-encoding gbk --lang zh: the header and names are GBK bytes', () => {
    const r = runCli(['orders', 'normalize', file, '-f', 'csv', '--out-encoding', 'gbk', '--lang', 'zh', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    // 平台 in GBK: C6BD CCA8
    expect([...r.stdoutBytes.subarray(0, 4)]).toEqual([0xc6, 0xbd, 0xcc, 0xa8]);
    const text = iconv.decode(r.stdoutBytes, 'gbk');
    // zh output: the buyer, the shop (店铺Id as a text cell, 店铺名称), then the canonical status
    // completed as its zh label 交易成功 (issue 16) and the raw status.
    expect(text.split('\n')[1]).toContain(',小明爱购物,="100200300",暖冬织物旗舰店,交易成功,交易成功,');
  });

  it('-o x.xlsx: the order id is a text cell', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'orders.xlsx');
    const r = runCli(['orders', 'normalize', file, '-o', out, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['orders.xlsx']);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('E1').value).toBe('orderId');
    expect(ws.getCell('E2').value).toBe('3515313147329357901');
    expect(ws.getCell('E2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('T1').value).toBe('paidAmount');
    expect(ws.getCell('T2').value).toBe(200); // paidAmount column as a number
    expect(ws.getCell('I2').value).toBe('100200300'); // shopId (店铺Id) kept as text
    expect(ws.getCell('I2').type).toBe(ExcelJS.ValueType.String);
  });
});

describe('| head with compensate --record', () => {
  // Nothing is recorded when the rows telling the operator what to issue never reached a reader;
  // the quiet exit 0 said nothing, so a cron job piping into head thought it had recorded.
  it('exit 0, nothing recorded, and stderr says so (zh and en)', async () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const orders = path.join(ROOT, 'examples', 'ExportOrderList202611.csv');
    for (const lang of ['en', 'zh']) {
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'compensate', orders, '--record', '--state', state, '--as-of', AS_OF, '-q', '--lang', lang], {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', TZ: 'UTC', LANG: 'C', HOME: dir },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        // Like `| head -c 0`: the reader is gone before the first row.
        child.stdout.destroy();
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(
        lang === 'en'
          ? 'standard output was closed before every row was written (| head, say): nothing was recorded this run; the vouchers show as new on the next run.'
          : '标准输出在全部行写完之前被关闭 (例如 | head): 本次没有记录任何红包',
      );
    }
    // The ledger holds nothing: its header line only.
    const listed = runCli(['ledger', 'list', '--state', state, '-f', 'csv'], { env: { HOME: dir } });
    expect(listed.stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('compensate --record -o FIFO whose reader stops', () => {
  // The warning said "standard output was closed" though standard output was never written: the
  // rows went to the FIFO named with -o. It names that FIFO now. 3000 generated orders give about
  // 115 KB of vouchers, more than a pipe holds (64 KiB), so the writer meets the closed reader.
  it('names the FIFO, not standard output (zh and en); nothing recorded', async () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    for (const lang of ['en', 'zh']) {
      const fifo = path.join(dir, `vouchers-${lang}.fifo`);
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'compensate', big, '--record', '--state', state, '--as-of', AS_OF, '-q', '--lang', lang, '-o', fifo, '-f', 'csv'], {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', TZ: 'UTC', LANG: 'C', HOME: dir },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code, stderr }));
        // Like `head -c 100 < fifo`: a few bytes, then the reader is gone.
        const rs = fs.createReadStream(fifo, { highWaterMark: 100 });
        rs.once('data', () => rs.destroy());
      });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(
        lang === 'en'
          ? `the output ${fifo} was closed by the program reading it before every row was written: nothing was recorded this run; the vouchers show as new on the next run.`
          : `输出 ${fifo} 在全部行写完之前被读取它的程序关闭: 本次没有记录任何红包`,
      );
      expect(r.stderr).not.toContain(lang === 'en' ? 'standard output' : '标准输出');
    }
    const listed = runCli(['ledger', 'list', '--state', state, '-f', 'csv'], { env: { HOME: dir } });
    expect(listed.stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('the end of a run (the binary ends the process itself once its work is done: cli/entry.ts endNow)', () => {
  // Readers that take their time: the output and the messages still on their way into the pipes
  // when the run returns must all arrive, with the run's exit code.
  function slowReader(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', TZ: 'UTC', LANG: 'C', HOME: tmpDir() },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => err.push(d));
      child.stdout.pause();
      child.stderr.pause();
      setTimeout(() => {
        child.stdout.resume();
        child.stderr.resume();
      }, 700);
      child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
    });
  }

  it('every row reaches a reader slow to start, exit 0', async () => {
    const r = await slowReader(['orders', 'normalize', big, '-f', 'ndjson', '-q', '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(3001); // 3000 orders + final newline
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  it('an error: the message reaches a reader slow to start, exit 3', async () => {
    const r = await slowReader(['compensate', path.join(tmpDir(), 'missing.csv'), '--as-of', AS_OF]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('file not found');
    expect(r.stderr).toContain('hint: ');
  });
});
