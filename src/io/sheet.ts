// A laid-out sheet (a wall calendar, not a table of rows) written as a print-ready xlsx. The
// domain module describes cells, spans, colours and the page; this module knows exceljs.
import type { Cell, Workbook } from 'exceljs';
import { BODY_FONT, GRID, type OpenSink, printSetup, saveWorkbook } from './xlsx.js';

export interface SheetStyle {
  /** Background, `RRGGBB`. */
  fill?: string;
  /** Text colour, `RRGGBB`. */
  color?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
  numFmt?: string;
  /** Thin grid lines around the cell (default true). */
  border?: boolean;
  /** A thicker line on the left (a week starts here). */
  weekStart?: boolean;
}

export interface SheetCell {
  v: string | number | Date | null;
  s?: SheetStyle;
  /** Merge this many columns from here (the cells it covers are not listed). */
  span?: number;
}

export interface SheetRow {
  cells: SheetCell[];
  /** Points. */
  height?: number;
}

export interface SheetSpec {
  name: string;
  /** Excel width units per column. */
  widths: number[];
  rows: SheetRow[];
  freeze?: { rows: number; cols: number };
  /** Page header (centre, bold) and footer (left) when printed. */
  title?: string;
  footer?: string;
  /** Fit the whole sheet on one page (else: fit the width, as many pages down as needed). */
  onePage?: boolean;
  /** Rows repeated at the top of every printed page, e.g. `1:2`. */
  titleRows?: string;
}

const argb = (rgb: string) => `FF${rgb.toUpperCase()}`;

/** exceljs header/footer codes: `&` is a control character, so a literal one is `&&`. */
const hfText = (t: string) => t.replace(/&/g, '&&');

function styleCell(cell: Cell, s: SheetStyle | undefined): void {
  const st = s ?? {};
  if (st.border !== false) {
    const thick = { style: 'medium' as const, color: { argb: 'FF7F7F7F' } };
    cell.border = st.weekStart ? { ...GRID, left: thick } : GRID;
  }
  if (st.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(st.fill) } };
  if (st.bold || st.italic || st.color || st.size) {
    // The workbook's font with the changes asked (a font naming only them was filled by LibreOffice with a serif: BODY_FONT).
    cell.font = { ...BODY_FONT, ...(st.bold ? { bold: true } : {}), ...(st.italic ? { italic: true } : {}), ...(st.color ? { color: { argb: argb(st.color) } } : {}), ...(st.size ? { size: st.size } : {}) };
  }
  cell.alignment = { vertical: 'middle', horizontal: st.align ?? 'left', ...(st.wrap ? { wrapText: true } : {}) };
  if (st.numFmt) cell.numFmt = st.numFmt;
}

export function buildSheet(wb: Workbook, spec: SheetSpec): void {
  const page = printSetup(spec.titleRows);
  const ws = wb.addWorksheet(spec.name, {
    views: spec.freeze ? [{ state: 'frozen', xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }] : [],
    pageSetup: spec.onePage ? { ...page, fitToHeight: 1 } : page,
    headerFooter: {
      ...(spec.title ? { oddHeader: `&C&"-,Bold"&14${hfText(spec.title)}` } : {}),
      ...(spec.footer ? { oddFooter: `&L&8${hfText(spec.footer)}` } : {}),
    },
  });
  spec.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  spec.rows.forEach((r, ri) => {
    const row = ws.getRow(ri + 1);
    if (r.height) row.height = r.height;
    let col = 1;
    for (const c of r.cells) {
      const cell = row.getCell(col);
      cell.value = c.v;
      styleCell(cell, c.s);
      const span = c.span ?? 1;
      if (span > 1) {
        for (let k = 1; k < span; k++) styleCell(row.getCell(col + k), c.s);
        ws.mergeCells(ri + 1, col, ri + 1, col + span - 1);
      }
      col += span;
    }
  });
}

/** Write one laid-out sheet as an xlsx to -o or stdout. */
export async function writeSheet(spec: SheetSpec, open: OpenSink): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  buildSheet(wb, spec);
  await saveWorkbook(open, wb);
}
