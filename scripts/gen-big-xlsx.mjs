#!/usr/bin/env node
// A large synthetic Taobao 订单报表 as an xlsx (the xlsx reader's measurements): the rows of
// gen-big-orders.mjs written by exceljs's streaming writer with shared strings, as Excel stores
// them. Ids and text stay text (the CSV's ="…" and ' wrappers removed), money is a number cell,
// the times are date cells shown yyyy-mm-dd hh:mm:ss.
//
//   node scripts/gen-big-orders.mjs --rows 20000 --encoding utf8 --out .cache/o20k.csv
//   node scripts/gen-big-xlsx.mjs .cache/o20k.csv .cache/o20k.xlsx
import fs from 'node:fs';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

const [src, out] = process.argv.slice(2);
if (!src || !out) {
  process.stderr.write('usage: node scripts/gen-big-xlsx.mjs ORDERS.csv OUT.xlsx\n');
  process.exit(2);
}
const MONEY = /金额|货款|邮费|费$|抵扣/;
const TIME = /时间$/;
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true, useStyles: true });
const ws = wb.addWorksheet('export');
let header;
for await (const rec of fs.createReadStream(src).pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true }))) {
  if (!header) {
    header = rec.map((h) => h.trim());
    ws.addRow(header).commit();
    continue;
  }
  const row = ws.addRow(
    rec.map((v, i) => {
      const h = header[i] ?? '';
      let t = v.replace(/^="(.*)"$/s, '$1').replace(/^=/, '').replace(/^'/, '').replace(/^\t/, '');
      if (MONEY.test(h) && /^-?\d+(\.\d+)?$/.test(t)) return Number(t);
      const m = TIME.test(h) && /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(t);
      if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
      return t;
    }),
  );
  header.forEach((h, i) => {
    if (TIME.test(h)) row.getCell(i + 1).numFmt = 'yyyy-mm-dd hh:mm:ss';
  });
  row.commit();
}
ws.commit();
await wb.commit();
