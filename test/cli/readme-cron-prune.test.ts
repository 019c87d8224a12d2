// README "Running from cron": the daily line that prunes old downloads from the exports folder, run
// as written (GNU find, /bin/sh) on a folder of csv and xlsx downloads. Until text43 it matched
// 'ExportOrderList*.csv' only: the xlsx downloads the same section tells how to read
// (exports/ExportOrderList*.xlsx), and a 宝贝报表 saved as xlsx, were never deleted and piled up
// (some 700 a month, every one read every hour). By hand: -mtime +7 is "modified 8 or more whole
// days ago", so the files dated 10 days back go, those of 1 day back stay, and a file of another
// name (notes.txt, 10 days old) is none of the downloads and stays.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tmpDir } from '../helpers.js';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README cron: the daily find line prunes old downloads of both types', () => {
  it('deletes the csv and xlsx downloads more than 7 days old, keeps the newer ones and other files', () => {
    const lines = README.split('\n').filter((l) => /^35 3 \* \* \* /.test(l));
    expect(lines).toHaveLength(1);
    const command = lines[0]!.replace(/^35 3 \* \* \*\s+/, '');
    expect(command).toMatch(/^find \/srv\/shop\/exports /);
    const dir = tmpDir();
    const exports = path.join(dir, 'exports');
    fs.mkdirSync(exports);
    const old = ['ExportOrderList202611201200.csv', 'ExportOrderList202611201300.xlsx', 'ExportOrderDetailList202611201200.csv', 'ExportOrderDetailList202611201300.xlsx'];
    const recent = ['ExportOrderList202612051200.csv', 'ExportOrderList202612051300.xlsx', 'ExportOrderDetailList202612051300.xlsx'];
    const now = Date.now() / 1000;
    for (const f of [...old, ...recent, 'notes.txt']) {
      const p = path.join(exports, f);
      fs.writeFileSync(p, 'x');
      const at = old.includes(f) || f === 'notes.txt' ? now - 10 * 86400 : now - 86400;
      fs.utimesSync(p, at, at);
    }
    const r = spawnSync('/bin/sh', ['-c', command.replace('/srv/shop/exports', exports)], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(fs.readdirSync(exports).sort()).toEqual([...recent, 'notes.txt'].sort());
  });
});
