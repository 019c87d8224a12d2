// The README cron line reads `exports/ExportOrderList*.csv`: an hour downloaded as xlsx into the same
// folder was skipped without a word, its orders never judged (desk46). A run given several files of one
// family (the name up to its first digit) now warns, also under -q, about a file of that family in the
// same folder of a type none of them has, naming it and the pattern that takes it. Not for one file named
// by hand, nor for the same download saved as another type (examples/ExportOrderList202611.csv beside
// its .xlsx), nor once it is given.
//
// By hand: folder with ExportOrderList202611201000.csv, ExportOrderList202611201100.csv (the example's
// header and its lines 2–3) and ExportOrderList202611201130.xlsx (the example workbook): the .xlsx is
// the one left.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EX = path.join(EXAMPLES, 'ExportOrderList202611.csv');

function folder(): { dir: string; csv: string[]; xlsx: string } {
  const dir = path.join(tmpDir(), 'exports');
  fs.mkdirSync(dir);
  const lines = iconv.decode(fs.readFileSync(EX), 'gb18030').split(/\r?\n/);
  const csv = ['10', '11'].map((h) => {
    const f = path.join(dir, `ExportOrderList20261120${h}00.csv`);
    fs.writeFileSync(f, `${lines[0]}\r\n${lines[1]}\r\n${lines[2]}\r\n`);
    return f;
  });
  const xlsx = path.join(dir, 'ExportOrderList202611201130.xlsx');
  fs.copyFileSync(path.join(EXAMPLES, 'ExportOrderList202611.xlsx'), xlsx);
  return { dir, csv, xlsx };
}

const beside = (stderr: string) => stderr.split('\n').filter((l) => l.includes('did not read') || l.includes('本次没有读取'));

describe('a download of another type left beside the exports a pattern took', () => {
  const run = (dir: string, files: string[], more: string[] = []) =>
    runCli(['compensate', ...files, '--as-of', '2026-11-20 12:00:00', '--state', path.join(dir, '..', 'none.db'), '-o', path.join(dir, '..', 'v.csv'), '-q', ...more]);

  it('is named, with the pattern to add (en, zh), also under -q; exit code unchanged', () => {
    const { dir, csv } = folder();
    const en = run(dir, csv);
    expect(en.code).toBe(0);
    expect(beside(en.stderr)).toEqual([
      `storeops: warning: ${dir} holds 1 ExportOrderList… download this run did not read, of another type than the ExportOrderList*.csv given: ExportOrderList202611201130.xlsx; its rows were not read. A pattern by type (ExportOrderList*.csv) takes one type only: add ${dir}/ExportOrderList*.xlsx to the command, or move it out of the folder`,
    ]);
    const zh = run(dir, csv, ['--lang', 'zh']);
    expect(beside(zh.stderr)).toEqual([
      `storeops: 警告: ${dir} 中有 1 个 ExportOrderList… 下载本次没有读取, 类型与给出的 ExportOrderList*.csv 不同: ExportOrderList202611201130.xlsx; 其中的行没有读取。按类型的通配 (ExportOrderList*.csv) 只读一种类型: 把 ${dir}/ExportOrderList*.xlsx 也加到命令里, 或把它移出该文件夹`,
    ]);
  });

  it('not once it is given, not for one file named by hand, not for the same download saved as xlsx', () => {
    const { dir, csv, xlsx } = folder();
    expect(beside(run(dir, [...csv, xlsx]).stderr)).toEqual([]);
    expect(beside(run(dir, [csv[1]!]).stderr)).toEqual([]);
    // The example folder: ExportOrderList202611.csv and .xlsx are one download in two types.
    const copy = path.join(dir, 'ExportOrderList202611201000.xlsx');
    fs.renameSync(xlsx, copy);
    expect(beside(run(dir, csv).stderr)).toEqual([]);
  });
});
