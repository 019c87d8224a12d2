// `compensate --holidays FILE` (config compensate.holidays): the origin's public holidays, RULES 1.3c.
// The readings (which days, which zone) are in holidays.ts.
import type { Ctx } from '../context.js';
import { InputError, type Msg, msg } from '../errors.js';
import { cleanCell } from '../io/cells.js';
import { dataStdin } from '../io/stdin.js';
import { openTable } from '../io/table.js';
import { FORMS, HEADER_ALIASES, type Holidays, dayText, holidayCell, holidaySpans } from './holidays.js';

/** Reads a holiday list (csv/tsv/xlsx/text). Any line that is not a date stops the run (exit 3): a day left out moves deadlines. */
export async function readHolidays(ctx: Ctx, file: string, flag: string): Promise<Holidays> {
  const emptyHint = msg(
    `${flag} 是发货地法定节假日的日期表: ${FORMS.zh}。一个日期也不列时去掉 ${flag}。`,
    `${flag} is a list of the origin's public holidays: ${FORMS.en}. To list none, leave ${flag} out.`,
  );
  const isHeader = (h: string[]) => HEADER_ALIASES.includes((h[0] ?? '').trim().toLowerCase());
  const t = await openTable(file, dataStdin(ctx), ctx.encoding, (h) => isHeader(h) || Array.isArray(holidayCell(h[0] ?? '')), undefined, emptyHint);
  const days = new Set<number>();
  const bad = (line: number, what: Msg): never => {
    throw new InputError(msg(`${flag} ${t.sniffed.name} 第 ${line} 行: ${what.zh}`, `${flag} ${t.sniffed.name} line ${line}: ${what.en}`), msg(`${FORMS.zh}。改正后再运行: 少了一天, 直邮订单的截止时间就会提前。`, `${FORMS.en}. Correct it and run again: a day left out moves a direct-mail order's deadline earlier.`));
  };
  const take = (cell: string, line: number) => {
    const c = cleanCell(cell);
    if (c === '' || c.startsWith('#')) return;
    const got = holidayCell(c);
    if (!Array.isArray(got)) bad(line, got);
    for (const d of got as number[]) days.add(d);
  };
  if (!isHeader(t.headers)) take(t.headers[0] ?? '', t.headerLine);
  for await (const r of t.records) {
    if (r.problem) bad(r.line, r.problem);
    take(r.cells[0] ?? '', r.line);
  }
  const sorted = [...days].sort((x, y) => x - y).map(dayText);
  return { file: t.sniffed.name, days: sorted, spans: holidaySpans(sorted, ctx.tz) };
}
