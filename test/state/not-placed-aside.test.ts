// Two compensate --record runs of one hour writing one -o name (README "Running from cron"): the one
// finishing second finds the name written by the other since it started, and puts its own file beside
// it, `vouchers (2).csv` (sink.ts placedAside), so the other run's rows with recorded = new, the only
// list of what that run recorded, are not replaced. When that rename beside failed too, the error's
// hint said "rename <kept file> to vouchers.csv (or copy it) and issue from it": by hand, the very
// overwrite the aside name is there to prevent. Now it names the aside name and says never to put it
// over the other run's file; the next run's note about the kept file says the same.
//
// By hand (README worked example, tmall-2026, as of 2026-11-20 12:00): one final voucher to issue,
// order …903's 2000.00 × 5 % = 100.00 capped at 50.00: the kept file holds it.
// The other run's write and the failed rename are simulated (renameSync mocked), as in not-placed.test.ts.
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

const OTHER = 'the other run of this hour: 茶友小林 25.00, recorded = new\n';

describe('compensate --record: the file put beside another run\'s cannot be renamed either', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`never suggests renaming it over the other run's file; names the aside name (${lang}), exit 5`, async () => {
      const dir = tmpDir();
      const out = path.join(dir, 'vouchers.csv');
      const aside = path.join(dir, 'vouchers (2).csv');
      const rename = fs.renameSync;
      vi.spyOn(fs, 'renameSync').mockImplementation(((from: fs.PathLike, to: fs.PathLike) => {
        // The complete file is named and the recording committed: meanwhile the other run has put its list in place.
        if (String(to) === aside) throw Object.assign(new Error(`ENOSPC: no space left on device, rename '${String(from)}' -> '${aside}'`), { code: 'ENOSPC' });
        const r = rename(from, to);
        if (String(to).endsWith('.complete.tmp')) fs.writeFileSync(out, OTHER);
        return r;
      }) as typeof fs.renameSync);
      const stdout = new Screen();
      const stderr = new Screen();
      const io: Io = { stdin: process.stdin, stdout, stderr, env: { LANG: 'C', NO_COLOR: '1', HOME: dir }, cwd: dir, now: () => Date.UTC(2026, 10, 20, 4) };
      const state = path.join(dir, 'state.db');
      const args = ['compensate', path.join(ROOT, 'examples', 'ExportOrderList202611.csv'), '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-o', out, '-q', '--lang', lang];
      expect(await run(args, io, false)).toBe(5);
      vi.restoreAllMocks();
      // The other run's list is as it wrote it; this run's complete output is kept, holding the 50.00.
      expect(fs.readFileSync(out, 'utf8')).toBe(OTHER);
      expect(fs.existsSync(aside)).toBe(false);
      const kept = fs.readdirSync(dir).filter((f) => f.startsWith('.vouchers.csv.') && f.endsWith('.complete.tmp'));
      expect(kept).toHaveLength(1);
      const temp = path.join(dir, kept[0]!);
      expect(fs.readFileSync(temp, 'utf8')).toContain(',="3515313147329357903",1,2000.00,50.00,50.00,');
      const lines = stderr.text.split('\n');
      const at = lines.findIndex((l) => /^storeops: (error|错误):/.test(l));
      expect(lines.slice(at, at + 2)).toEqual(
        lang === 'en'
          ? [
              `storeops: error: the vouchers are recorded in the state database, but the output could not be put in place as ${aside} (the disk is full (or the quota is used up)): the complete output is kept in ${temp}. -o ${out} was written by another run while this one was going and lists the vouchers that run recorded (recorded = new): do not replace it. The next run does not list this run's vouchers as new: issue them from ${temp}`,
              `  hint: rename ${temp} to ${aside} (or copy it to another name not in use), never to ${out}; issue the rows with recorded = new of both files, and wrap the crontab line in flock -n so that runs do not overlap.`,
            ]
          : [
              `storeops: 错误: 红包已记录到状态数据库, 但输出无法写到 ${aside} (磁盘已满 (或超出配额)): 完整的输出保留在 ${temp}。-o ${out} 在本次运行期间被另一个运行写入, 列出那个运行新记录的红包 (记录 为 新记录): 不要覆盖它。本次的红包下次运行不会再列为新红包, 请按 ${temp} 发放`,
              `  提示: 把 ${temp} 改名为 ${aside} (或复制为另一个未被使用的文件名), 不要改名或复制为 ${out}; 按两份文件中 记录 为 新记录 的行发放; 在 crontab 里用 flock -n 包住这一行, 避免同时运行。`,
            ],
      );
      // Nowhere is the kept file said to go to the other run's name.
      expect(stderr.text).not.toContain(`rename ${temp} to ${out}`);
      expect(stderr.text).not.toContain(`改名为 ${out} `);

      // The next run (the hourly one) tells of the run that stopped before its file was in place: the
      // name is taken now, so it gives the free name beside it, not the taken one.
      const next = new Screen();
      const io2: Io = { ...io, stdout: new Screen(), stderr: next };
      const out2 = path.join(dir, 'vouchers-next.csv');
      expect(await run([...args.slice(0, -5), '-o', out2, '-q', '--lang', lang], io2, false)).toBe(1);
      expect(next.text).toContain(
        lang === 'en'
          ? `the complete output is in ${temp} (${out} is there now, perhaps another run's list: do not replace it; rename it to ${aside} to use it)`
          : `完整的输出在 ${temp} (${out} 现在已有文件, 可能是另一个运行的清单: 不要覆盖它; 改名为 ${aside} 即可使用)`,
      );
      expect(next.text).not.toContain(`rename it to ${out}`);
      expect(fs.readFileSync(out, 'utf8')).toBe(OTHER);
    });
  }
});
