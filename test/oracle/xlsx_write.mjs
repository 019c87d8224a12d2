// Writes rows (JSON on stdin: {"rows": [[header…], [cells…]…], "typed": bool}) as an xlsx with exceljs.
// typed: amounts become number cells (format 0.00) and whole-second times date cells (yyyy-mm-dd hh:mm:ss),
// the way a spreadsheet holds them; otherwise every cell is text. usage: node xlsx_write.mjs OUT.xlsx < rows.json
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';

const { rows, typed, money = [], times = [] } = JSON.parse(readFileSync(0, 'utf8'));
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('export');
const T = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
rows.forEach((r, i) => {
  const row = ws.getRow(i + 1);
  r.forEach((v, j) => {
    const c = row.getCell(j + 1);
    const h = rows[0][j];
    if (typed && i > 0 && money.includes(h) && /^-?\d+(\.\d+)?$/.test(v)) {
      c.value = Number(v);
      c.numFmt = '0.00';
    } else if (typed && i > 0 && times.includes(h) && T.test(v)) {
      const [, y, mo, d, hh, mi, s] = T.exec(v).map(Number);
      c.value = new Date(Date.UTC(y, mo - 1, d, hh, mi, s)); // exceljs writes a UTC Date as the wall-clock serial
      c.numFmt = 'yyyy-mm-dd hh:mm:ss';
    } else {
      c.value = v;
    }
  });
  row.commit();
});
await wb.xlsx.writeFile(process.argv[2]);
