// -o / --rejects / --duplicates onto a file the operator keeps and no platform can give again: an
// order-id list (--exclude, --delivery-failures: `订单编号` and at most two more columns, or no header,
// the first line a lone order id), a pickup-scan list (--shipments: a pickup time with an order id or
// tracking number), an xlsx download (the first sheet's header, as the readers read it), and the
// installed package's own folders (bin, dist, templates, docs, examples). Each replaced before, exit 0.
// Refused now, exit 2, zh and en, the file byte for byte; storeops' own outputs, every command's
// in csv, tsv and xlsx, en and zh, are written over themselves as before.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, runCli, tmpDir } from '../helpers.js';

const TMALL = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const PDD = path.join(EXAMPLES, 'pdd-orders-202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00', '-q'];

function file(name: string, content: string | Buffer): { file: string; bytes: Buffer } {
  const f = path.join(tmpDir(), name);
  fs.writeFileSync(f, content);
  return { file: f, bytes: fs.readFileSync(f) };
}

describe('a list kept by hand as the target: refused, kept', () => {
  it('the example --delivery-failures list (订单编号 and one id) as -o: exit 2 (en), named as an order-id list', () => {
    const { file: f, bytes } = file('exclude.csv', fs.readFileSync(path.join(EXAMPLES, 'delivery-failures.csv')));
    const r = runCli(['compensate', PDD, ...AS_OF, '-o', f, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`-o ${f} already exists and is an order-id list (as --exclude and --delivery-failures read) (${f}), which this run does not read; writing there would replace it, and a list kept by hand has no other copy, so nothing was read or written`);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(f).equals(bytes)).toBe(true);
    expect(fs.readdirSync(path.dirname(f))).toEqual(['exclude.csv']);
  });

  it('ids one a line without a header (a .txt), as --rejects: exit 2 (zh)', () => {
    const { file: f, bytes } = file('不发的订单.txt', '3515313147329357901\n3515313147329357902\n');
    const r = runCli(['compensate', PDD, ...AS_OF, '--rejects', f, '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--rejects ${f} 已存在, 是一个订单编号列表 (--exclude、--delivery-failures 读取的那种)`);
    expect(r.stderr).toContain('手工整理的列表没有别的副本');
    expect(fs.readFileSync(f).equals(bytes)).toBe(true);
  });

  it('订单编号,原因,日期 (three columns) as -o is refused; the example pickup scans as --duplicates too', () => {
    const three = file('exclude.csv', '订单编号,原因,日期\n3515313147329357901,地址无效,2026-11-12\n');
    const r = runCli(['compensate', PDD, ...AS_OF, '-o', three.file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(three.file).equals(three.bytes)).toBe(true);
    const scans = file('shipments.csv', fs.readFileSync(path.join(EXAMPLES, 'shipments.csv')));
    const s = runCli(['compensate', TMALL, ...AS_OF, '--duplicates', scans.file, '--lang', 'en']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain(`--duplicates ${scans.file} already exists and is a pickup-scan list (as --shipments reads)`);
    expect(fs.readFileSync(scans.file).equals(scans.bytes)).toBe(true);
  });

  it('outside the rule: four columns with 订单编号, and a line of text, are replaced as any other file', () => {
    for (const content of ['订单编号,原因,日期,经办\n3515313147329357901,地址无效,2026-11-12,小王\n', '订单编号太长了怎么办\n']) {
      const { file: f } = file('notes.csv', content);
      const r = runCli(['compensate', TMALL, ...AS_OF, '-o', f, '-f', 'csv', '--lang', 'en']);
      expect(r.code).toBe(0);
      expect(fs.readFileSync(f, 'utf8')).toMatch(/^\uFEFFvoucherKey,/);
    }
  });
});

describe('an xlsx target: its first sheet\'s header is read', () => {
  it('the Tmall xlsx export as -o of -f xlsx: exit 2, byte for byte; the 甄检 product xlsx too', () => {
    const tm = file('天猫订单.xlsx', fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.xlsx')));
    const r = runCli(['compensate', PDD, ...AS_OF, '-f', 'xlsx', '-o', tm.file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`-o ${tm.file} already exists and is a Taobao/Tmall order report (订单报表)`);
    expect(fs.readFileSync(tm.file).equals(tm.bytes)).toBe(true);
    const zj = file('商品.xlsx', fs.readFileSync(path.join(EXAMPLES, 'zhenjian-products.xlsx')));
    const z = runCli(['compensate', PDD, ...AS_OF, '-o', zj.file, '--lang', 'zh']);
    expect(z.code).toBe(2);
    expect(z.stderr).toContain('是一个甄检商品表');
    expect(fs.readFileSync(zj.file).equals(zj.bytes)).toBe(true);
  });

  it('a file named .xlsx that is no workbook (text) is replaced', () => {
    const { file: f } = file('out.xlsx', 'not a workbook\n');
    const r = runCli(['compensate', TMALL, ...AS_OF, '-o', f, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(f).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('into the installed package: refused', () => {
  it('-o templates/zhenjian/categories.json (zh), --rejects examples/new.csv, -o dist/x.csv (en): exit 2, nothing changed or made', () => {
    const cat = path.join(ROOT, 'templates', 'zhenjian', 'categories.json');
    const before = fs.readFileSync(cat);
    // On the code before the fix these runs write into the checkout: put it back whatever happens.
    const made = [path.join(ROOT, 'examples', 'new.csv'), path.join(ROOT, 'dist', 'x.csv')];
    try {
      intoPackage(cat, before);
    } finally {
      fs.writeFileSync(cat, before);
      for (const f of made) fs.rmSync(f, { force: true });
    }
  });
});

function intoPackage(cat: string, before: Buffer): void {
  {
    const r = runCli(['zhenjian', 'estimate', path.join(EXAMPLES, 'zhenjian-products.csv'), '-q', '-o', cat, '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`-o ${cat} 在 storeops 自己的安装文件夹里 (${path.join(fs.realpathSync(ROOT), 'templates')})`);
    expect(r.stderr).toContain('先运行 storeops init');
    expect(fs.readFileSync(cat).equals(before)).toBe(true);
    const ex = runCli(['compensate', PDD, ...AS_OF, '--rejects', 'examples/new.csv', '--lang', 'en']);
    expect(ex.code).toBe(2);
    expect(ex.stderr).toContain(`--rejects examples/new.csv is inside storeops' own installed package (${path.join(fs.realpathSync(ROOT), 'examples')})`);
    expect(fs.existsSync(path.join(ROOT, 'examples', 'new.csv'))).toBe(false);
    const dist = runCli(['compensate', PDD, ...AS_OF, '-o', path.join(ROOT, 'dist', 'x.csv'), '--lang', 'en']);
    expect(dist.code).toBe(2);
    expect(fs.existsSync(path.join(ROOT, 'dist', 'x.csv'))).toBe(false);
  }
}

/** The CLI, not blocking (two at a time on the 2 cores). */
function cli(args: string[], home: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: process.env.TZ ?? 'UTC', LANG: 'C', HOME: home, XDG_CONFIG_HOME: path.join(home, 'c'), XDG_DATA_HOME: path.join(home, 'd') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => resolve({ code, stderr: err }));
  });
}

describe("storeops' own outputs, every command's, written over themselves", () => {
  it('csv, tsv and xlsx, en and zh: the second run is not refused', async () => {
    const home = tmpDir('storeops-home-');
    const state = path.join(home, 'state.db');
    const E = (f: string) => path.join(EXAMPLES, f);
    // A state database with a voucher and an alert-free ledger, for the ledger lists.
    expect(runCli(['compensate', TMALL, ...AS_OF, '--record', '--state', state, '-f', 'csv'], { env: { HOME: home } }).code).toBe(0);
    const runs: Array<{ name: string; args: string[]; flag?: string; only?: string[] }> = [
      { name: 'compensate', args: ['compensate', TMALL, ...AS_OF] },
      { name: 'compensate --by order', args: ['compensate', TMALL, ...AS_OF, '--by', 'order'] },
      { name: 'compensate --at-risk', args: ['compensate', TMALL, ...AS_OF, '--at-risk', '24'] },
      { name: 'compensate --rejects', args: ['compensate', E('ExportOrderDetailList202611.csv'), TMALL, ...AS_OF, '-f', 'csv'], flag: '--rejects' },
      { name: 'compensate --duplicates', args: ['compensate', TMALL, E('ExportOrderList202611.xlsx'), ...AS_OF, '-f', 'csv'], flag: '--duplicates' },
      { name: 'orders inspect', args: ['orders', 'inspect', TMALL, '-q'] },
      { name: 'orders normalize', args: ['orders', 'normalize', TMALL, '-q'] },
      { name: 'orders normalize --lines', args: ['orders', 'normalize', E('ExportOrderDetailList202611.csv'), '--lines', '-q'] },
      { name: 'reviews queue', args: ['reviews', 'queue', E('reviews.csv'), ...AS_OF] },
      { name: 'reviews message', args: ['reviews', 'message', '2987650012233445501', '--reviews', E('reviews.csv'), ...AS_OF] },
      { name: 'zhenjian estimate', args: ['zhenjian', 'estimate', E('zhenjian-products.csv'), '-q'] },
      { name: 'roster check', args: ['roster', 'check', E('roster/roster-2026-11.csv'), '--month', '2026-11', '-q'] },
      // The solver takes seconds: its grid once in csv (en) and xlsx (zh).
      { name: 'roster plan', args: ['roster', 'plan', '--month', '2026-11', '--agents', '6', '--time-limit', '60', '-q'], only: ['en csv', 'zh xlsx'] },
      { name: 'ledger list', args: ['ledger', 'list'] },
      { name: 'ledger export', args: ['ledger', 'export'] },
      { name: 'ledger alerts', args: ['ledger', 'alerts'] },
      { name: 'rules list', args: ['rules', 'list'] },
      { name: 'rules show', args: ['rules', 'show', 'tmall-2026'] },
    ];
    const jobs: Array<() => Promise<string | undefined>> = [];
    for (const r of runs) {
      for (const lang of ['en', 'zh']) {
        for (const ext of ['csv', 'tsv', 'xlsx']) {
          // --rejects and --duplicates are csv/tsv lists (their format by extension; xlsx is not one of theirs).
          if (r.flag && ext === 'xlsx') continue;
          if (r.only && !r.only.includes(`${lang} ${ext}`)) continue;
          jobs.push(async () => {
            const out = path.join(tmpDir(), `out.${ext}`);
            const args = [...r.args, '--state', state, '--lang', lang, r.flag ?? '-o', out];
            const first = await cli(args, home);
            if (!fs.existsSync(out)) return `${r.name} ${lang} ${ext}: first run wrote nothing (exit ${first.code}): ${first.stderr.slice(0, 300)}`;
            const again = await cli(args, home);
            if (again.code !== first.code || /already exists and is|已存在, 是一个|storeops 自己的安装文件夹/.test(again.stderr)) return `${r.name} ${lang} ${ext}: exit ${first.code} then ${again.code}: ${again.stderr.slice(0, 300)}`;
            return undefined;
          });
        }
      }
    }
    const problems: string[] = [];
    for (let i = 0; i < jobs.length; i += 2) {
      for (const p of await Promise.all(jobs.slice(i, i + 2).map((j) => j()))) if (p) problems.push(p);
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
