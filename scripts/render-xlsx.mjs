#!/usr/bin/env node
// Render xlsx files to PDF and PNG with LibreOffice headless, to look at how they print.
// Not part of `npm test`: it needs LibreOffice (`apt-get install libreoffice-calc-nogui
// poppler-utils`, and a CJK font such as fonts-wqy-microhei for Chinese text). Install
// fonts-crosextra-carlito too: it has Calibri's metrics, which the column widths are written for.
// Without it LibreOffice draws Calibri as DejaVu Sans, whose wider digits make every column wider
// and the pages differ from Excel's (40 甄检 products: 15 pages with DejaVu, 18 with Carlito; desk50).
//
//   node scripts/render-xlsx.mjs [file.xlsx ...] [--out DIR] [--dpi 60]
//
// Without files it first writes the example outputs with the built CLI (npm run build):
// a voucher list, normalized orders, a zh and an en roster for 2026-11, a 甄检 estimate; and a
// csv (BOM) of vouchers, which LibreOffice converts back to csv to show the ids survive.
// For each xlsx it prints the page count and page size of the PDF and writes <name>-<page>.png.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  if (i < 0) return def;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const out = path.resolve(opt('--out', path.join(ROOT, '.cache', 'render')));
const dpi = opt('--dpi', '60');
fs.mkdirSync(out, { recursive: true });

const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
if (!have('soffice') || !have('pdftoppm')) {
  console.error('render-xlsx: needs soffice (libreoffice-calc-nogui) and pdftoppm (poppler-utils); nothing rendered.');
  process.exit(0);
}

function storeops(argv) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'storeops.js'), '-q', '--as-of', '2026-11-25 10:00:00', ...argv], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`storeops ${argv.join(' ')}: exit ${r.status}\n${r.stderr}`);
}

let files = args;
if (files.length === 0) {
  const ex = (f) => path.join(ROOT, 'examples', f);
  const o = (f) => path.join(out, f);
  storeops(['compensate', ex('ExportOrderList202611.csv'), '--lang', 'zh', '-o', o('vouchers-zh.xlsx')]);
  storeops(['compensate', ex('ExportOrderList202611.csv'), '--lang', 'en', '-o', o('vouchers-en.xlsx')]);
  storeops(['orders', 'normalize', ex('ExportOrderList202611.csv'), '--lang', 'zh', '-o', o('orders-zh.xlsx')]);
  storeops(['zhenjian', 'estimate', ex('zhenjian-products.csv'), '--lang', 'zh', '-o', o('zhenjian-zh.xlsx')]);
  const agents = fs.existsSync(ex('roster/agents.csv')) ? ex('roster/agents.csv') : '小王,小李,小张,小赵,小陈';
  storeops(['roster', 'plan', '--month', '2026-11', '--agents', agents, '--lang', 'zh', '-o', o('roster-zh.xlsx')]);
  storeops(['roster', 'plan', '--month', '2026-11', '--agents', agents, '--lang', 'en', '-o', o('roster-en.xlsx')]);
  files = fs.readdirSync(out).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(out, f));

  // csv ids through LibreOffice: open the BOM csv and save it as csv again.
  storeops(['compensate', ex('ExportOrderList202611.csv'), '-o', o('vouchers.csv')]);
  const lo = path.join(out, 'lo-csv');
  spawnSync('soffice', ['--headless', '--infilter=Text - txt - csv (StarCalc):44,34,UTF8', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,UTF8', '--outdir', lo, o('vouchers.csv')], { stdio: 'ignore' });
  const back = fs.readFileSync(path.join(lo, 'vouchers.csv'), 'utf8');
  const ids = back.match(/\d{19}/g) ?? [];
  const sci = back.match(/\d\.\d+E\+\d+/gi) ?? [];
  console.log(`vouchers.csv through LibreOffice: ${ids.length} 19-digit ids kept, ${sci.length} turned into numbers`);
}

for (const f of files) {
  const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, f], { encoding: 'utf8' });
  const pdf = path.join(out, path.basename(f).replace(/\.xlsx$/i, '.pdf'));
  if (r.status !== 0 || !fs.existsSync(pdf)) {
    console.error(`${f}: LibreOffice could not convert it\n${r.stderr}`);
    continue;
  }
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout ?? '';
  const pages = /Pages:\s+(\d+)/.exec(info)?.[1] ?? '?';
  const size = /Page size:\s+(.*)/.exec(info)?.[1] ?? '?';
  const base = path.join(out, path.basename(f).replace(/\.xlsx$/i, ''));
  spawnSync('pdftoppm', ['-png', '-r', dpi, pdf, base]);
  console.log(`${path.basename(f)}: ${pages} page(s), ${size} → ${path.relative(process.cwd(), base)}-*.png`);
}
