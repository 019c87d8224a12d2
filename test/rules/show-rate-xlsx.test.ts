// rules show -o x.xlsx: a tier's rate is a number cell in a percent format (tmall-2023's 30 %: 0.3
// shown 30%), not the text "30%" (Excel's "number stored as text": left-aligned, 0 in a product).
// As many places as the text has: a custom rule's 0.025 is 2.5% (0.0%), not rounded to 3%.
// csv and JSON keep the text ("30%"). Failed before: the cell's value was the string '30%'.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tmpDir } from '../helpers.js';

async function rateCells(out: string, lang: 'zh' | 'en'): Promise<Array<{ value: unknown; numFmt: string }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.worksheets[0]!;
  const head = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? '').replace(/\n/g, ''));
  const at = head.indexOf(lang === 'zh' ? '比例' : 'rate');
  const cells = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const c = ws.getRow(r).getCell(at);
    cells.push({ value: c.value, numFmt: c.numFmt });
  }
  return cells;
}

describe('rules show -o x.xlsx: the rate', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`is a number in a percent format (TZ=${tz})`, async () => {
      for (const lang of ['zh', 'en'] as const) {
        const out = path.join(tmpDir('rules-rate-'), 'tiers.xlsx');
        const r = runCli(['rules', 'show', 'tmall-2023', '-o', out, '--lang', lang], { tz });
        expect(r.code).toBe(0);
        expect(await rateCells(out, lang)).toEqual([{ value: 0.3, numFmt: '0%' }]);
      }
      // custom-example.json with its late tier at 0.025: out_of_stock 0.10 → 10%, late 0.025 → 2.5%.
      const dir = tmpDir('rules-rate-');
      const rules = path.join(dir, 'custom.json');
      const text = fs.readFileSync(path.join(ROOT, 'templates/rules/custom-example.json'), 'utf8');
      expect(text).toContain('"rate": "0.05"');
      fs.writeFileSync(rules, text.replace('"rate": "0.05"', '"rate": "0.025"'));
      const out = path.join(dir, 'tiers.xlsx');
      expect(runCli(['rules', 'show', rules, '-o', out, '--lang', 'en'], { tz }).code).toBe(0);
      expect(await rateCells(out, 'en')).toEqual([
        { value: 0.1, numFmt: '0%' },
        { value: 0.025, numFmt: '0.0%' },
      ]);
      const csv = runCli(['rules', 'show', rules, '-f', 'csv', '--lang', 'en'], { tz });
      expect(csv.stdout.trim().split('\n').map((l) => l.split(',')[5])).toEqual(['rate', '10%', '2.5%']);
      const json = runCli(['rules', 'show', 'tmall-2023', '-f', 'json'], { tz });
      expect((JSON.parse(json.stdout) as Array<{ rate: unknown }>)[0]!.rate).toBe('30%');
    });
  }
});
