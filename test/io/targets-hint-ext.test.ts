// The hint of a refused -o / --rejects / --duplicates suggested "result.csv" (结果.csv, rejects.csv)
// whatever the target was: `-o keywords.json` was told "e.g. -o result.csv", which writes csv, not the
// json asked for. The name suggested now has the target's own extension (结果.json, result.xlsx,
// rejects.tsv); a target with no extension, or one no format is named by (state.db), gets .csv as before.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, runCli, tmpDir } from '../helpers.js';

const TMALL = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00', '-q'];

describe('a refused target: the hint suggests a name with its own extension', () => {
  it('-o onto a hand-made .json table (exportguard): result.json (en), 结果.json (zh)', () => {
    const f = path.join(tmpDir(), 'keywords.json');
    fs.copyFileSync(path.join(ROOT, 'templates', 'reviews', 'keywords.json'), f);
    const en = runCli(['compensate', TMALL, ...AS_OF, '-o', f, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('\n  hint: pick another name, e.g. -o result.json; if that file really is to be replaced, move or delete it first.\n');
    const zh = runCli(['compensate', TMALL, ...AS_OF, '-o', f, '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('\n  提示: 换一个文件名, 例如 -o 结果.json; 若确实要替换这个文件, 先把它移走或删除。\n');
  });

  it('-o onto an agent list kept as .xlsx: result.xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客服');
    ws.addRow(['客服', '备注']);
    ws.addRow(['小王', '']);
    const f = path.join(tmpDir(), 'agents.xlsx');
    await wb.xlsx.writeFile(f);
    const r = runCli(['compensate', TMALL, ...AS_OF, '-o', f, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hint: pick another name, e.g. -o result.xlsx;');
  });

  it('-o onto an input of the run (.json rule file): -o result.json / 结果.json', () => {
    const rules = path.join(tmpDir(), 'my-rules.json');
    fs.copyFileSync(path.join(ROOT, 'templates', 'rules', 'custom-example.json'), rules);
    const en = runCli(['compensate', TMALL, ...AS_OF, '--rules', rules, '-o', rules, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('\n  hint: write the result to another file, e.g. -o result.json.\n');
    const zh = runCli(['compensate', TMALL, ...AS_OF, '--rules', rules, '-o', rules, '--lang', 'zh']);
    expect(zh.stderr).toContain('\n  提示: 把结果写到另一个文件, 例如 -o 结果.json。\n');
  });

  it('--rejects onto the input export (.tsv): rejects.tsv; --rejects onto the state database (.db): rejects.csv', () => {
    const dir = tmpDir();
    const tsv = path.join(dir, 'orders.tsv');
    fs.writeFileSync(tsv, fs.readFileSync(TMALL, 'utf8').replace(/,/g, '\t'));
    const r = runCli(['orders', 'inspect', tsv, '--rejects', tsv, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('\n  hint: write the rejected rows to another file, e.g. --rejects rejects.tsv.\n');
    const state = path.join(dir, 'state.db');
    const s = runCli(['compensate', TMALL, ...AS_OF, '--state', state, '--rejects', state, '--lang', 'zh']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('\n  提示: 把被拒绝的行写到另一个文件, 例如 --rejects rejects.csv。\n');
  });
});
