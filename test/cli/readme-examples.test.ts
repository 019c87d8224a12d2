// The README's worked examples, run as a new user runs them, and the docs' references kept true:
// every example file named, every relative link resolving, every option of every command's --help
// in docs/cli.md. Amounts are worked by hand from docs/rules.md (in the comments), not copied from
// the program's output.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, runCli } from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-20 12:00:00'];
type Row = Record<string, unknown>;
const rows = (stdout: string): Row[] => JSON.parse(stdout) as Row[];
const ex = (f: string) => path.join('examples', f);

describe('README "A worked example" (examples/ExportOrderList202611.csv as of 2026-11-20 12:00)', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`tmall-2026 (auto): 14.50 paid by the platform, 50.00 to issue, 5.00 paid by the platform, 5.00 provisional (TZ=${tz})`, () => {
      // docs/rules.md §1.3, tier 5 (window 48 h, ≤ 72 h late): 5 %, 5.00–50.00; same Beijing day, cap 500.00.
      // 901 paid 11-10 09:00, deadline 11-12 09:00, shipped 11-13 10:00: 25 h late, (200.00 − 10.00) × 5 % = 9.50;
      // 902 paid 11-10 20:00, shipped 11-12 21:00: 1 h late, 12.00 × 5 % = 0.60 → 5.00; one voucher 14.50;
      //   the platform paid 57.00 + 5.00 = 62.00 (§1.4a): paid_by_platform, difference 62.00 − 14.50 = 47.50.
      // 903 paid 11-11 10:00, shipped 11-14 09:00: 23 h late, 2000.00 × 5 % = 100.00 → 50.00, to issue.
      // 502 shipped 1 s after its deadline: 0.1 h, 99.90 × 5 % = 4.995 → 5.00 (half-up); platform 30.00, difference 25.00.
      // 701 unshipped, deadline 11-19 08:00: 28 h late, (58.00 − 8.00) × 5 % = 2.50 → 5.00, provisional.
      const expected = [
        { orderIds: ['3515313147329357901', '3515313147329357902'], amount: '14.50', state: 'paid_by_platform', maxHoursLate: 25, platformPaid: '62.00', difference: '47.50', toIssue: '0.00' },
        { orderIds: ['3515313147329357903'], amount: '50.00', state: 'final', maxHoursLate: 23, toIssue: '50.00' },
        { orderIds: ['2987650012233445502'], amount: '5.00', state: 'paid_by_platform', maxHoursLate: 0.1, platformPaid: '30.00', difference: '25.00', toIssue: '0.00' },
        { orderIds: ['4100000000000000701'], amount: '5.00', state: 'provisional', maxHoursLate: 28, toIssue: '5.00' },
      ];
      for (const file of ['ExportOrderList202611.csv', 'ExportOrderList202611.xlsx']) {
        const r = runCli(['compensate', ex(file), ...AS_OF, '-f', 'json', '--lang', 'en'], { tz });
        expect(r.code, r.stderr).toBe(0);
        const got = rows(r.stdout);
        expect(got).toHaveLength(4);
        got.forEach((v, i) => expect(v).toMatchObject({ rules: 'tmall-2026', shop: '100200300', ...expected[i] }));
        // 50.00 to issue; 5.00 provisional apart; the platform paid 62.00 + 30.00 = 92.00 on 14.50 + 5.00 = 19.50.
        expect(r.stderr).toContain('1 voucher totalling 50.00 to issue; 1 provisional voucher owing 5.00 so far');
        expect(r.stderr).toContain('2 already paid by the platform (computed 19.50, platform paid 92.00; not issued again)');
        expect(r.stderr).toContain('not judged: 4100000000000000702 (examples/' + file + ':8)');
      }
    });
  }

  it('--rules tmall-2023: 62.00 / 500.00 / 29.97 / 15.00, 606.97 in all', () => {
    // docs/rules.md §1.2: 30 %, at least 5.00 an order, a buyer's 24 h window from its first payment capped at 500.00.
    // 901 (190.00 × 30 % = 57.00) and 902 (12.00 × 30 % = 3.60 → 5.00, paid 11 h later) share a window: 62.00;
    // 903 paid 25 h after 901 opens its own: 2000.00 × 30 % = 600.00 → 500.00; 502 99.90 × 30 % = 29.97;
    // 701 50.00 × 30 % = 15.00. 62.00 + 500.00 + 29.97 + 15.00 = 606.97.
    const r = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '--rules', 'tmall-2023', '-f', 'json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const got = rows(r.stdout);
    expect(got.map((v) => v.amount)).toEqual(['62.00', '500.00', '29.97', '15.00']);
    const fen = got.reduce((t, v) => t + Math.round(Number(v.amount) * 100), 0); // integer fen
    expect(fen).toBe(60697);
  });

  it('抖店 example under douyin-2025: every late order within 48 h of a 48 h window costs 0.00; 701 provisional', () => {
    // docs/rules.md §1.3b tier 4: window ≤ 48 h, ≤ 48 h late: 0 %. Lateness as in the Tmall example
    // (25, 1, 23, 0.1 h; 701 unshipped 28 h): all ≤ 48 h, so 0.00 each, never combined; toIssue 0.00 (platform deducts).
    const r = runCli(['compensate', ex('douyin-orders-202611.csv'), ...AS_OF, '-f', 'json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const got = rows(r.stdout);
    expect(got.map((v) => [v.amount, v.kinds, v.state, v.maxHoursLate, v.toIssue, v.payer])).toEqual([
      ['0.00', 'late', 'final', 25, '0.00', 'platform-deducts'],
      ['0.00', 'late', 'final', 1, '0.00', 'platform-deducts'],
      ['0.00', 'late', 'final', 23, '0.00', 'platform-deducts'],
      ['0.00', 'late', 'final', 0.1, '0.00', 'platform-deducts'],
      ['0.00', 'late', 'provisional', 28, '0.00', 'platform-deducts'],
    ].map(([a, k, st, h, t, p]) => [a, [k], st, h, t, p]));
  });

  it('拼多多 example: no rule set without --rules (exit 1); with templates/rules/custom-example.json 51.00 the platform deducts', () => {
    const none = runCli(['compensate', ex('pdd-orders-202611.csv'), ...AS_OF, '-f', 'json', '--lang', 'en']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no_rule_set=8');
    // custom-example.json: late ≤ 72 h 5 %, 3.00–30.00, per order, rounded to the fen:
    // 200.00 → 10.00; 12.00 → 0.60 → 3.00; 2000.00 → 100.00 → 30.00; 99.90 → 4.995 → 5.00; 58.00 → 2.90 → 3.00 (provisional).
    // 10.00 + 3.00 + 30.00 + 5.00 + 3.00 = 51.00; …701 (3.00) is still unshipped, provisional: 48.00 deducted + 3.00 so far (user13).
    const r = runCli(['compensate', ex('pdd-orders-202611.csv'), ...AS_OF, '--rules', 'templates/rules/custom-example.json', '-f', 'json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(rows(r.stdout).map((v) => v.amount)).toEqual(['10.00', '3.00', '30.00', '5.00', '3.00']);
    expect(r.stderr).toContain('4 to be deducted by the platform totalling 48.00 (nothing to issue; reconcile only); 1 provisional deduction of 3.00 so far');
  });
});

describe('the docs point at what is there', () => {
  const docs = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const text = Object.fromEntries(docs.map((d) => [d, fs.readFileSync(path.join(ROOT, d), 'utf8')]));
  const all = Object.values(text).join('\n');

  it('every file in examples/ is named by the README or docs/', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else files.push(path.relative(EXAMPLES, p).split(path.sep).join('/'));
      }
    };
    walk(EXAMPLES);
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => !all.includes(`examples/${f}`))).toEqual([]);
  });

  it('every relative link resolves to a file of the repository, and no doc cites ../shared', () => {
    const broken: string[] = [];
    for (const [d, s] of Object.entries(text)) {
      for (const m of s.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!.split('#')[0]!;
        if (!target || /^[a-z]+:/.test(target)) continue;
        if (!fs.existsSync(path.join(ROOT, path.dirname(d), target))) broken.push(`${d}: ${m[1]}`);
      }
      if (/\.\.\/shared|\/work\/shared/.test(s)) broken.push(`${d}: cites ../shared`);
    }
    expect(broken).toEqual([]);
  });

  it("every option of every command's --help is in docs/cli.md", () => {
    const cli = text['docs/cli.md']!;
    const commands = [
      ['orders', 'inspect'], ['orders', 'normalize'], ['compensate'], ['reviews', 'queue'], ['reviews', 'log'], ['reviews', 'message'],
      ['zhenjian', 'estimate'], ['roster', 'plan'], ['roster', 'check'], ['rules', 'list'], ['rules', 'show'], ['ledger', 'list'],
      ['ledger', 'export'], ['init'], ['completion'], ['help', 'options'],
    ];
    const missing: string[] = [];
    for (const c of commands) {
      const r = runCli([...c, ...(c[0] === 'help' ? [] : ['--help']), '--lang', 'en']);
      expect(r.code, r.stderr).toBe(0);
      for (const m of r.stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)) {
        if (m[1] === '--help') continue;
        if (!cli.includes('`' + m[1]) && !cli.includes(m[1] + '`') && !cli.includes(m[1] + ' ')) missing.push(`${c.join(' ')} ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
    // ledger export takes --what and --order as ledger list does.
    expect(cli).toMatch(/storeops ledger export \[--what vouchers\|contacts\] \[--order <orderId>\]/);
  });
});

// The README's shown output blocks, run with the exact command the README prints above them (from the
// repository root, TZ=UTC and America/Los_Angeles, LANG unset): every line shown must be what the
// program prints now, stdout and stderr in the order the README says. The amounts in these blocks are
// worked by hand in the tests above (compensate) and in the README's own working (甄检: the dress
// 3 × 199 + 450 = 1047 to 5 × 199 + 450 = 1445; real 5 × (80 + 8 + 199 × 0.05) + 450 = 939.75;
// balance needed 1445 + 150 = 1595; 3 tests a year 3 × 1445 = 4335).
describe('README output blocks are what the program prints', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n');
  /** The command (first line starting so, `\\` continuations joined) and the output block after its own block. */
  const blockAfter = (commandStart: string): { command: string; shown: string[] } => {
    const at = readme.findIndex((l) => l.startsWith(commandStart));
    expect(at, commandStart).toBeGreaterThan(0);
    let command = readme[at]!;
    let i = at;
    while (command.endsWith('\\')) command = command.slice(0, -1) + readme[++i]!.trim();
    while (readme[i] !== '```') i++;
    i++;
    while (readme[i] === '') i++;
    expect(readme[i]).toBe('```');
    const shown: string[] = [];
    for (i++; readme[i] !== '```'; i++) shown.push(readme[i]!);
    return { command, shown };
  };
  /** Split a README command line into arguments (double quotes only, as the README writes them). */
  const argv = (command: string): string[] =>
    [...command.replace(/^(npx )?storeops /, '').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);

  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`"A worked example": the table and its four stderr lines (TZ=${tz})`, () => {
      const { command, shown } = blockAfter('npx storeops compensate examples/ExportOrderList202611.csv --as-of "2026-11-20 12:00:00" -f table --wide');
      const r = runCli(argv(command), { tz, env: { LANG: '' } });
      expect(r.code, r.stderr).toBe(0);
      // "The first two and the last two lines are on stderr (exit 0)."
      expect(r.stderr.trimEnd().split('\n')).toEqual([...shown.slice(0, 2), ...shown.slice(-2)]);
      expect(r.stdout.trimEnd().split('\n')).toEqual(shown.slice(2, -2));
    });

    it(`甄检 estimate: the table, the note on columns and the first two warnings; "…" for the rest (TZ=${tz})`, () => {
      const { command, shown } = blockAfter('storeops zhenjian estimate examples/zhenjian-products.csv --avg-order 150 --balance 5000');
      expect(shown.at(-1)).toBe('…');
      const r = runCli(argv(command), { tz, env: { LANG: '' } });
      expect(r.code, r.stderr).toBe(0);
      const table = shown.filter((l) => !l.startsWith('storeops: ') && l !== '…');
      expect(r.stdout.trimEnd().split('\n')).toEqual(table);
      const warnings = shown.filter((l) => l.startsWith('storeops: '));
      expect(r.stderr.split('\n').slice(0, warnings.length)).toEqual(warnings);
    });
  }
});
