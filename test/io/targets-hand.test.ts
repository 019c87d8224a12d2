// -o / --rejects / --duplicates onto a file storeops reads that the operator made by hand, which this
// run does not read: the roster's inputs (an --agents list, --requests, --demand, --volume, a roster
// typed in a spreadsheet as `roster check` and --previous read it), 甄检 --labels, and the JSON files:
// a config (not this run's), a rule file, the tables and templates a config names. Each was replaced
// (exit 0): `roster plan --agents 6 -o agents.csv` wrote the plan over the agent list,
// `compensate … -f json -o my-rules.json` the shop's rule set. Refused now, exit 2, before anything is
// read, zh and en, the file byte for byte. storeops' own outputs are not such files: every command's,
// in csv, tsv, json and xlsx, en and zh, is written over itself as before (the roster plan's grid and
// --long rows, `roster check`'s violations included).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, runCli, tmpDir } from '../helpers.js';

const TMALL = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00', '-q'];

function file(name: string, content: string | Buffer): { file: string; bytes: Buffer } {
  const f = path.join(tmpDir(), name);
  fs.writeFileSync(f, content);
  return { file: f, bytes: fs.readFileSync(f) };
}

const en = (flag: string, f: string, what: string) =>
  `storeops: error: ${flag} ${f} already exists and is ${what} (${f}), which this run does not read; writing there would replace it, and a file kept by hand has no other copy, so nothing was read or written`;

describe('a roster input made by hand as the target: refused, kept', () => {
  const cases: Array<[string, string | Buffer, string]> = [
    ['agents.csv', fs.readFileSync(path.join(EXAMPLES, 'roster', 'agents.csv')), 'an agent list (as --agents reads)'],
    ['requests.csv', fs.readFileSync(path.join(EXAMPLES, 'roster', 'requests.csv')), 'a day-off request list (as --requests reads)'],
    ['demand.csv', fs.readFileSync(path.join(EXAMPLES, 'roster', 'demand.csv')), 'a staffing demand list (as --demand reads)'],
    ['volume.csv', fs.readFileSync(path.join(EXAMPLES, 'roster', 'volume.csv')), 'a chat volume table (as --volume reads)'],
    // A grid typed in a spreadsheet: a title line, the agent column and day numbers, no totals.
    ['排班.csv', '2026年11月客服排班表\n客服,1日,2日,3日\n小王,白,晚,休\n小李,休,白,晚\n', 'a roster (as roster check and --previous read)'],
    // One row per agent and day, as a shift system exports it.
    ['long.tsv', 'name\tdate\tshift\n小王\t2026-11-01\tD\n', 'a roster (as roster check and --previous read)'],
    ['labels.csv', fs.readFileSync(path.join(EXAMPLES, 'zhenjian-labels.csv')), 'a 甄检 label list (as --labels reads)'],
  ];
  for (const [name, content, what] of cases) {
    it(`${name} as -o of roster plan (en): exit 2, byte for byte, nothing beside it`, () => {
      const { file: f, bytes } = file(name, content);
      const r = runCli(['roster', 'plan', '--month', '2026-11', '--agents', '3', '-o', f, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(en('-o', f, what));
      expect(r.stderr).toContain(`hint: pick another name, e.g. -o result${path.extname(name)}; if that file really is to be replaced, move or delete it first.`);
      expect(fs.readFileSync(f)).toEqual(bytes);
      expect(fs.readdirSync(path.dirname(f))).toEqual([name]);
    });
  }

  it('zh, as --rejects of roster check: 客服名单, the file kept', () => {
    const { file: f, bytes } = file('客服.csv', '姓名,工号\n小王,001\n');
    const r = runCli(['roster', 'check', path.join(EXAMPLES, 'roster', 'roster-2026-11.csv'), '--month', '2026-11', '--rejects', f, '-f', 'csv', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`storeops: 错误: --rejects ${f} 已存在, 是一个客服名单 (--agents 读取的那种) (${f}), 而这次运行并不读取它; 写入会把它覆盖, 手工编写的文件没有别的副本; 未读取也未写入任何内容`);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(f)).toEqual(bytes);
  });

  it('an agent list kept as xlsx, as -o of compensate -f xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客服');
    ws.addRow(['客服', '备注']);
    ws.addRow(['小王', '']);
    const f = path.join(tmpDir(), 'agents.xlsx');
    await wb.xlsx.writeFile(f);
    const bytes = fs.readFileSync(f);
    const r = runCli(['compensate', TMALL, ...AS_OF, '-o', f, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(en('-o', f, 'an agent list (as --agents reads)'));
    expect(fs.readFileSync(f)).toEqual(bytes);
  });
});

describe('a JSON file storeops reads as the target: refused, kept', () => {
  const T = (...p: string[]) => fs.readFileSync(path.join(ROOT, 'templates', ...p));
  const TABLE = 'a table or template of the kind the config names (review keywords, forbidden wording or messages, 甄检 categories, a traffic profile)';
  const cases: Array<[string, string | Buffer, string]> = [
    ['my-rules.json', T('rules', 'custom-example.json'), 'a rule file (as --rules reads)'],
    ['shop-b.json', JSON.stringify({ lang: 'zh', compensate: { rules: 'tmall-2023' } }), 'a storeops config file'],
    ['settings.json', JSON.stringify({ state: '/srv/shop/state.db', lang: 'zh' }), 'a storeops config file'],
    ['keywords.json', T('reviews', 'keywords.json'), TABLE],
    ['forbidden.json', T('reviews', 'forbidden.json'), TABLE],
    ['messages.json', T('reviews', 'messages.json'), TABLE],
    ['categories.json', T('zhenjian', 'categories.json'), TABLE],
    ['traffic.json', T('roster', 'traffic.json'), TABLE],
  ];
  for (const [name, content, what] of cases) {
    it(`${name} as -o of compensate -f json: exit 2, byte for byte`, () => {
      const { file: f, bytes } = file(name, content);
      const r = runCli(['compensate', TMALL, ...AS_OF, '-o', f, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(en('-o', f, what));
      expect(r.stdout).toBe('');
      expect(fs.readFileSync(f)).toEqual(bytes);
    });
  }

  it('zh: 规则文件; a JSON list, a JSON of other keys and broken JSON are replaced as before', () => {
    const { file: f } = file('r.json', T('rules', 'tmall-2023.json'));
    const z = runCli(['rules', 'list', '-o', f, '--lang', 'zh']);
    expect(z.code).toBe(2);
    expect(z.stderr).toContain(`storeops: 错误: -o ${f} 已存在, 是一个规则文件 (--rules 读取的那种) (${f})`);
    for (const [name, content] of [['list.json', '[1,2]'], ['other.json', '{"name":"x","version":"1.0.0"}'], ['broken.json', '{"compensate": ']]) {
      const { file: g } = file(name, content);
      const r = runCli(['rules', 'list', '-o', g, '--lang', 'en']);
      expect(r.code).toBe(0);
      expect(JSON.parse(fs.readFileSync(g, 'utf8'))[0].id).toBe('douyin-2025');
    }
  });
});

function cli(args: string[], home: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', TZ: process.env.TZ ?? 'UTC', LANG: 'C', HOME: home, XDG_CONFIG_HOME: path.join(home, 'c'), XDG_DATA_HOME: path.join(home, 'd') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => resolve({ code, stderr: err }));
  });
}

describe("storeops' own outputs written over themselves (json, and the roster's)", () => {
  it('every command in json (en and zh), the roster plan grid and --long and roster check in every format: the second run is not refused', async () => {
    const home = tmpDir('storeops-home-');
    const state = path.join(home, 'state.db');
    const E = (...f: string[]) => path.join(EXAMPLES, ...f);
    expect(runCli(['compensate', TMALL, ...AS_OF, '--record', '--state', state, '-f', 'csv'], { env: { HOME: home } }).code).toBe(0);
    const ALL = ['csv', 'tsv', 'json', 'xlsx'];
    const runs: Array<{ name: string; args: string[]; exts: string[]; flag?: string }> = [
      { name: 'compensate', args: ['compensate', TMALL, ...AS_OF], exts: ['json'] },
      { name: 'compensate --by order', args: ['compensate', TMALL, ...AS_OF, '--by', 'order'], exts: ['json'] },
      { name: 'compensate --at-risk', args: ['compensate', TMALL, ...AS_OF, '--at-risk', '24'], exts: ['json'] },
      { name: 'orders inspect', args: ['orders', 'inspect', TMALL, '-q'], exts: ['json'] },
      { name: 'orders normalize', args: ['orders', 'normalize', TMALL, '-q'], exts: ['json'] },
      { name: 'orders normalize --lines', args: ['orders', 'normalize', E('ExportOrderDetailList202611.csv'), '--lines', '-q'], exts: ['json'] },
      // .txt (tsv, and csv with -f csv): not taken for a message template (desk45), {buyer} and the
      // other placeholders being filled in the message written.
      { name: 'reviews queue', args: ['reviews', 'queue', E('reviews.csv'), ...AS_OF], exts: ['json', 'txt'] },
      { name: 'reviews message', args: ['reviews', 'message', '2987650012233445501', '--reviews', E('reviews.csv'), ...AS_OF], exts: ['json', 'txt'] },
      { name: 'reviews message -f csv', args: ['reviews', 'message', '2987650012233445501', '--reviews', E('reviews.csv'), ...AS_OF, '-f', 'csv'], exts: ['txt'] },
      { name: 'zhenjian estimate --labels', args: ['zhenjian', 'estimate', E('zhenjian-products.csv'), '--labels', E('zhenjian-labels.csv'), '-q'], exts: ALL },
      { name: 'roster check --requests', args: ['roster', 'check', E('roster', 'roster-2026-11.csv'), '--month', '2026-11', '--requests', E('roster', 'requests.csv'), '--days-off', '3', '-q'], exts: ALL },
      { name: 'roster plan', args: ['roster', 'plan', '--month', '2026-11', '--agents', '6', '--time-limit', '60', '-q'], exts: ['tsv', 'json'] },
      { name: 'roster plan --long', args: ['roster', 'plan', '--month', '2026-11', '--agents', '6', '--time-limit', '60', '--long', '-q'], exts: ['csv', 'xlsx'] },
      { name: 'ledger list', args: ['ledger', 'list'], exts: ['json'] },
      { name: 'ledger alerts', args: ['ledger', 'alerts'], exts: ['json'] },
      { name: 'rules list', args: ['rules', 'list'], exts: ['json'] },
      { name: 'rules show', args: ['rules', 'show', 'tmall-2026'], exts: ['json'] },
    ];
    const jobs: Array<() => Promise<string | undefined>> = [];
    for (const r of runs) {
      for (const lang of ['en', 'zh']) {
        for (const ext of r.exts) {
          jobs.push(async () => {
            const out = path.join(tmpDir(), `out.${ext}`);
            const args = [...r.args, '--state', state, '--lang', lang, r.flag ?? '-o', out];
            const first = await cli(args, home);
            if (!fs.existsSync(out)) return `${r.name} ${lang} ${ext}: first run wrote nothing (exit ${first.code}): ${first.stderr.slice(0, 300)}`;
            const again = await cli(args, home);
            if (again.code !== first.code || /already exists and is|已存在, 是一个/.test(again.stderr)) return `${r.name} ${lang} ${ext}: exit ${first.code} then ${again.code}: ${again.stderr.slice(0, 300)}`;
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
