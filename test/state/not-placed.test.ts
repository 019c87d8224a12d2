// compensate --record -o vouchers.csv while last run's vouchers.csv is open in Excel on Windows: the
// vouchers are recorded, the finished output is beside it, and only the rename into place fails
// (Windows: EPERM, or EBUSY). The message quoted the system's English text in both languages
// ("Error: EPERM: operation not permitted, rename '…'"); it now says what is most likely the
// matter, in the operator's language. The rename's refusal is simulated (Linux lets it through).
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Io } from '../../src/context.js';
// @ts-expect-error the build emits no declarations (tsconfig declaration: false); typed as the source below
import { run as builtRun } from '../../dist/src/cli/main.js';
import { ROOT, tmpDir } from '../helpers.js';
const run: typeof import('../../src/cli/main.js').run = builtRun;

class Screen extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _enc: string, cb: () => void) {
    this.text += chunk.toString();
    cb();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('compensate --record: the output cannot be put in place (open in Excel)', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`names the file as open elsewhere (${lang}), keeps the complete output beside it, exit 5`, async () => {
      const dir = tmpDir();
      const out = path.join(dir, 'vouchers.csv');
      fs.writeFileSync(out, 'last run\n');
      const rename = fs.renameSync;
      vi.spyOn(fs, 'renameSync').mockImplementation(((from: fs.PathLike, to: fs.PathLike) => {
        if (String(to) === out) throw Object.assign(new Error(`EPERM: operation not permitted, rename '${String(from)}' -> '${out}'`), { code: 'EPERM' });
        return rename(from, to);
      }) as typeof fs.renameSync);
      const stdout = new Screen();
      const stderr = new Screen();
      const io: Io = { stdin: process.stdin, stdout, stderr, env: { LANG: 'C', NO_COLOR: '1', HOME: dir }, cwd: dir, now: () => Date.UTC(2026, 10, 20, 4) };
      const args = ['compensate', path.join(ROOT, 'examples', 'ExportOrderList202611.csv'), '--as-of', '2026-11-20 12:00:00', '--record', '--state', path.join(dir, 'state.db'), '-o', out, '-q', '--lang', lang];
      expect(await run(args, io, false)).toBe(5);
      vi.restoreAllMocks();
      // The one voucher to issue (50.00, order …903) is recorded; the output it belongs to is kept.
      const kept = fs.readdirSync(dir).filter((f) => f.startsWith('.vouchers.csv.') && f.endsWith('.tmp'));
      expect(kept).toHaveLength(1);
      const temp = path.join(dir, kept[0]!);
      expect(fs.readFileSync(temp, 'utf8')).toContain(',="3515313147329357903",1,2000.00,50.00,50.00,');
      expect(fs.readFileSync(out, 'utf8')).toBe('last run\n');
      const line = stderr.text.split('\n').find((l) => /^storeops: (error|错误):/.test(l))!;
      expect(line).toBe(
        lang === 'en'
          ? `storeops: error: the vouchers are recorded in the state database, but the output could not be put in place as ${out} (another program has ${out} open (Excel, WPS?) or it is protected): the complete output is kept in ${temp}. The next run does not list these vouchers as new: issue them from that file`
          : `storeops: 错误: 红包已记录到状态数据库, 但输出无法写到 ${out} (${out} 正被别的程序打开 (Excel、WPS?) 或受保护): 完整的输出保留在 ${temp}。这些红包下次运行不会再列为新红包, 请按该文件发放`,
      );
      expect(stderr.text).not.toMatch(/EPERM|operation not permitted/);
    });
  }
});
