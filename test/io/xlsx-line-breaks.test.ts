// A cell holding several lines (a list: one reason, category or order id a line) is written as an
// inline string, not as a formula's string result (t="str"): LibreOffice shows a t="str" value's line
// breaks as nothing, so `logistics⏎service` in the reviews queue's categories printed as
// "logisticsservice" (user5, rendered with soffice --convert-to pdf); a list wrapped right only where
// its lines happened to fill the column (19-digit order ids). One-line text stays as it was.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

type Zip = { file(p: string): { async(t: 'string'): Promise<string> } };
const JSZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip') as { loadAsync(b: Buffer): Promise<Zip> };

describe('xlsx cells with line breaks', () => {
  it('are inline strings that keep their breaks; a reader gets the same text back', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'queue.xlsx');
    const r = runCli(['reviews', 'queue', 'examples/reviews.csv', '--as-of', '2026-11-21 10:00:00', '-o', out, '-q', '--lang', 'en']);
    expect(r.code, r.stderr).toBeLessThan(2);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(out))).file('xl/worksheets/sheet1.xml').async('string');
    const cells = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?t="(\w+)"[^>]*>(.*?)<\/c>/gs)].map((m) => ({ ref: m[1]!, t: m[2]!, body: m[3]! }));
    // The first review's reasons (examples/reviews.csv line 2: 差评, DSR 1/3/4): negative_rating,
    // low_dsr_description=1, low_dsr_service=3. Since 2026-12 (desk52, fitWidths) the column is 40 wide and
    // the items share lines: negative_rating; low_dsr_description=1 is 15 + 2 + 21 = 38, + 2 of padding
    // = 40; with ; low_dsr_service=3 57: two lines (were three).
    const multi = cells.filter((c) => c.body.includes('\n'));
    expect(multi.length).toBeGreaterThan(0);
    for (const c of multi) expect(c.t, `${c.ref}: ${c.body}`).toBe('inlineStr');
    expect(multi.some((c) => c.body.startsWith('<is><t xml:space="preserve">negative_rating; low_dsr_description=1\nlow_dsr_service=3'))).toBe(true);
    // One-line text is unchanged.
    expect(cells.some((c) => c.t === 'str' && c.body === '<v>bad</v>')).toBe(true);
    // exceljs reads it back as the same text.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // exceljs reads it back as the same plain text (not a rich-text object), as it reads t="str".
    const values: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain('negative_rating; low_dsr_description=1\nlow_dsr_service=3');
    expect(values.some((v) => typeof v === 'object' && v !== null && 'richText' in v)).toBe(false);
  });
});
