// The README's cron line reads exports/ExportOrderList*.csv every hour under -q, the folder gaining
// one download an hour. Each pair of downloads told apart by their times wrote a line to the log
// ("… share 9 orders …; the versions in the newer … are used"), also under -q: the third hourly run
// wrote 2, a run a day later 23, every hour, none of them a warning. -q ("no summary": docs/cli.md)
// now hides those; it keeps a file that holds an order twice (exit 1) and a tie (two files of one
// time: the later argument taken), a pair whose times are read two ways (one from a file's name, the
// other its modification time), and the run's result is the same.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe('overlapping hourly downloads under -q', () => {
  const dir = tmpDir();
  const src = fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'));
  // Three downloads of the example (9 order rows each), named 11-20 10:00, 11:00 and 12:00.
  const files = ['202611201000', '202611201100', '202611201200'].map((t) => {
    const f = path.join(dir, `ExportOrderList${t}.csv`);
    fs.writeFileSync(f, src);
    return f;
  });
  const args = ['compensate', ...files, '--as-of', '2026-11-20 12:00:00', '-f', 'csv', '--lang', 'en'];

  it('no pair line under -q; the same vouchers; without -q the two lines stay', () => {
    const quiet = runCli([...args, '-q']);
    const loud = runCli(args);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain(' share ');
    expect(quiet.stdout).toBe(loud.stdout);
    // Without -q: the newest (12:00) against each of the other two, 9 orders each.
    const share = loud.stderr.split('\n').filter((l) => l.includes(' share 9 orders '));
    expect(share).toHaveLength(2);
    expect(share[0]).toContain(`the versions in the newer ${files[2]} are used (exported 2026-11-20 12:00:00, from its name;`);
  });

  it('kept under -q: two copies of one time (later argument) and a file holding an order twice', () => {
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    fs.writeFileSync(a, src);
    fs.writeFileSync(b, src);
    const t = new Date('2026-11-20T04:00:00Z');
    fs.utimesSync(a, t, t);
    fs.utimesSync(b, t, t);
    const tie = runCli(['compensate', a, b, '--as-of', '2026-11-20 12:00:00', '-f', 'csv', '--lang', 'en', '-q']);
    expect(tie.stderr).toContain(`${b} and ${a} share 9 orders`);
    expect(tie.stderr).toContain('the later argument, are used');
    // One file, an order row repeated (the example's line 2 again at the end) with a cell that
    // differs (总金额 "200.00 ", a space more): exit 1, said.
    const twice = path.join(dir, 'twice.csv');
    const text = src.toString('latin1');
    const lines = text.split('\r\n').length > 2 ? text.split('\r\n') : text.split('\n');
    const nl = text.includes('\r\n') ? '\r\n' : '\n';
    const changed = lines[1]!.replace(',190.00,10.00,0,200.00,', ',190.00,10.00,0,200.00 ,');
    expect(changed).not.toBe(lines[1]);
    fs.writeFileSync(twice, Buffer.from(lines.filter((l) => l !== '').concat(changed).join(nl) + nl, 'latin1'));
    const r = runCli(['compensate', twice, '--as-of', '2026-11-20 12:00:00', '-f', 'csv', '--lang', 'en', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${twice}: 1 row repeats an order already read from the file`);
    // The row copied exactly: a note, which -q hides, and exit 0.
    fs.writeFileSync(twice, Buffer.from(lines.filter((l) => l !== '').concat(lines[1]!).join(nl) + nl, 'latin1'));
    const same = runCli(['compensate', twice, '--as-of', '2026-11-20 12:00:00', '-f', 'csv', '--lang', 'en', '-q']);
    expect(same.code).toBe(0);
    expect(same.stderr).not.toContain('exact copy');
    expect(same.stderr).not.toContain('repeats an order');
  });

  // rev34: a download named with its export time (11-20 10:00) and a copy whose name holds none, its
  // modification time 11-20 12:00 (a renamed or copied old file gets a fresh one): the copy is taken
  // as the newer, on a time read another way than the other's. Said under -q too.
  it('kept under -q: one time from a file name, the other a modification time', () => {
    const named = files[0]!;
    const copy = path.join(dir, 'copy.csv');
    fs.writeFileSync(copy, src);
    const t = new Date('2026-11-20T04:00:00Z'); // 12:00 Beijing
    fs.utimesSync(copy, t, t);
    const r = runCli(['compensate', named, copy, '--as-of', '2026-11-20 12:00:00', '-f', 'csv', '--lang', 'en', '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${copy} and ${named} share 9 orders`);
    expect(r.stderr).toContain(`the versions in the newer ${copy} are used (modified 2026-11-20 12:00:00; the other: exported 2026-11-20 10:00:00, from its name)`);
  });
});
