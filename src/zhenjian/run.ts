// `storeops zhenjian estimate [file]` (SPEC "zhenjian estimate", RULES §3): read products from a
// file, or ask for one on a terminal; write one estimate row per product and a total row.
import type { Ctx } from '../context.js';
import { InputError, UsageError, msg, noteLine, plural } from '../errors.js';
import type { CommandBody } from '../cli/main.js';
import { checkOrderId, cleanCell } from '../io/cells.js';
import { isProductSummary, summaryNotLast, summarySkipped } from '../io/summary.js';
import type { Column } from '../io/columns.js';
import { resolveFormat, writeRows } from '../io/output.js';
import { RejectLog } from '../io/rejects.js';
import { HAND_MADE_EMPTY, cutOffLastRow, openMappedTable, rowShape, usableRecord, sheetNote, titleLinesNote, batchesHoldingLast } from '../io/table.js';
import { fmtMoney } from '../money.js';
import type { CategoryTable } from './categories.js';
import { ESTIMATE_COLUMNS, estimateRow, totalRow } from './columns.js';
import { type FieldKey, ITEM_ID_ROUNDED, PRODUCT_FIELDS, type Product, parseProduct } from './fields.js';
import { LABEL_FIELDS, type LabelItem, parseLabelRow } from './labels.js';
import { type Estimate, type Settings, estimate, total } from './model.js';
import { type ResolvedSettings, loadCategories, resolveSettings } from './settings.js';
import { dataStdin } from '../io/stdin.js';

export const runEstimate: CommandBody = async (ctx, args, opts) => {
  const settings = resolveSettings(ctx, opts);
  const table = loadCategories(ctx, opts);
  const file = args[0];
  if (file === undefined) {
    if (!ctx.interactive) {
      throw new UsageError(
        msg('缺少参数 [文件]: 商品表 (csv/xlsx)。没有终端, 不能逐项询问', 'missing argument [file]: the product file (csv/xlsx); there is no terminal to ask the questions on'),
        msg(
          '给出商品表, 例如 `storeops zhenjian estimate examples/zhenjian-products.csv` (- 表示标准输入); 或在终端里不带 --no-input 运行以逐项回答。',
          'name the product file, e.g. `storeops zhenjian estimate examples/zhenjian-products.csv` (- for stdin), or run it in a terminal without --no-input to answer questions.',
        ),
      );
    }
    const { runInteractive } = await import('./interactive.js');
    return runInteractive(ctx, table, settings);
  }
  const labelsFile = typeof opts.labels === 'string' ? opts.labels : undefined;
  if (file === '-' && labelsFile === '-') {
    throw new UsageError(msg('商品表和 --labels 不能都从标准输入读取', 'the product file and --labels cannot both be read from stdin'), msg('把其中一个存成文件。', 'save one of them to a file.'));
  }
  const rejects = new RejectLog(ctx);
  const read = labelsFile ? await readLabels(ctx, labelsFile, rejects) : undefined;
  const labels = read?.by;
  let products: Product[];
  try {
    products = await readProducts(ctx, file, rejects);
  } catch (e) {
    // Rows already rejected stay reported (the --rejects file is closed with them).
    if (rejects.count > 0) await rejects.finish().catch(() => undefined);
    else await rejects.abort();
    throw e;
  }
  await rejects.finish();
  if (read) unmatchedLabels(ctx, read, products);
  const estimates = estimateAll(ctx, products, table, settings, labels);
  await writeEstimates(ctx, estimates, { ...settings, labels });
  summarize(ctx, estimates, settings, rejects.count);
};

export function estimateAll(ctx: Ctx, products: Product[], table: CategoryTable, s: ResolvedSettings, labels?: Map<string, LabelItem[]>): Estimate[] {
  if (!s.commissionGiven && products.some((p) => p.commissionRate === null)) {
    ctx.warn(
      msg(
        '没有佣金率 (--commission 或配置 zhenjian.commissionRate): 真实成本未计入样品成交的平台佣金',
        'no commission rate (--commission or config zhenjian.commissionRate): the real cost leaves out the platform commission on the sample sales',
      ),
    );
  }
  return products.map((p) => estimate(p, table, { ...s, labels }));
}

export async function writeEstimates(ctx: Ctx, estimates: Estimate[], s: Settings): Promise<void> {
  const t = total(estimates, s);
  const json = ['json', 'ndjson'].includes(resolveFormat(ctx));
  const rows = [...estimates.map((e) => estimateRow(e, ctx.lang, ctx.tz, json)), totalRow(t, ctx.lang)];
  // A terminal table shows the brief columns (warnings as codes) unless --wide; files get every column.
  await writeRows(ctx, ESTIMATE_COLUMNS, rows);
  if (resolveFormat(ctx) === 'table' && !ctx.wide) {
    // A table has room for codes only; the plain explanations go to stderr, one per line.
    estimates.forEach((e, i) => {
      const who = e.itemId || e.title || `#${i + 1}`;
      for (const w of e.warnings) ctx.warn(msg(`${who}: ${w.text.zh}`, `${who}: ${w.text.en}`));
    });
    for (const w of t.warnings) ctx.warn(msg(`合计: ${w.text.zh}`, `total: ${w.text.en}`));
  } else {
    // A deal price above the list price is a doubt about the input, not a note on the estimate: on
    // stderr in every format, as a rejected row would be (the file's warnings column has it too).
    estimates.forEach((e, i) => {
      const who = e.itemId || e.title || `#${i + 1}`;
      for (const w of e.warnings) if (w.code === 'deal_above_list') ctx.warn(msg(`${who}: ${w.text.zh}`, `${who}: ${w.text.en}`));
    });
  }
}

function summarize(ctx: Ctx, estimates: Estimate[], s: Settings, rejected: number): void {
  const t = total(estimates, s);
  const warned = estimates.filter((e) => e.warnings.length > 0).length;
  ctx.info(
    msg(
      `甄检估算: ${t.products + t.ineligible} 个商品${rejected ? `, ${rejected} 行被拒绝` : ''}${t.ineligible ? `; ${t.ineligible} 个行业不适用 (无法报名), 未计入合计` : ''}; 报名页预估合计 ${fmtMoney(t.registrationEstimate)}, 实际扣款 ${fmtMoney(t.chargedMin)}–${fmtMoney(t.chargedMax)}, 真实成本 ${fmtMoney(t.realCostMin)}–${fmtMoney(t.realCostMax)}, 所需余额 ${fmtMoney(t.balanceNeeded)}; ${warned} 个商品有提醒`,
      `甄检 estimate: ${plural(t.products + t.ineligible, 'product')}${rejected ? `, ${plural(rejected, 'row')} rejected` : ''}${t.ineligible ? `; ${t.ineligible} of an ineligible industry (cannot register), not in the totals` : ''}; registration estimate ${fmtMoney(t.registrationEstimate)}, charged ${fmtMoney(t.chargedMin)}–${fmtMoney(t.chargedMax)}, real cost ${fmtMoney(t.realCostMin)}–${fmtMoney(t.realCostMax)}, balance needed ${fmtMoney(t.balanceNeeded)}; ${plural(warned, 'product')} with warnings`,
    ),
  );
}

async function readProducts(ctx: Ctx, file: string, rejects: RejectLog): Promise<Product[]> {
  const t = await openMappedTable(file, dataStdin(ctx), PRODUCT_FIELDS, msg('甄检商品表', '甄检 product file'), ctx.encoding, true, sheetNote(ctx), HAND_MADE_EMPTY);
  const title = titleLinesNote(t);
  if (title) ctx.info(title);
  if (t.map.unmapped.length) {
    ctx.info(noteLine(msg(`${t.sniffed.name}: 忽略的列: ${t.map.unmapped.join(', ')}`, `${t.sniffed.name}: columns ignored: ${t.map.unmapped.join(', ')}`)));
  }
  const out: Product[] = [];
  // A product listed twice would be charged twice in the totals. The later valid row is used (a
  // correction appended by the interactive mode comes last) and the earlier one is rejected as replaced.
  const used = new Map<string, { at: number; line: number }>();
  const idCol = t.map.index.get('itemId');
  // A row with more cells than the header (an unquoted comma in a title) would shift every price
  // one column: rejected, as are two same-named columns that disagree.
  const shape = rowShape(t.map, PRODUCT_FIELDS);
  let rows = 0;
  // A 合计 row a spreadsheet user added below the products: skipped when nothing follows it
  // (docs/formats.md), rejected when more rows do. Its label is the row's first cell, at or before
  // the 商品ID column and not in the 商品标题 one (a product may be called 合计…), its 商品ID
  // cell is empty (or the label itself) and its 商品标题 cell is empty (a product coded SUM24-001, with a
  // title, was skipped and its cost left out). A file without a 商品ID column has no such row: every row is a product.
  const titleCol = t.map.index.get('title');
  let pendingSummary: number[] = [];
  // In batches, the file's last record held back until the next batch is read (the last record is
  // known then): an async generator per record (withLast) cost a promise and microtasks a row.
  for await (const [recs, final] of batchesHoldingLast(t.batches)) {
    for (let k = 0; k < recs.length; k++) {
      const r = recs[k]!;
      const last = final && k === recs.length - 1;
      const blank = !r.problem && r.cells.every((c) => c.trim() === '');
      if (idCol !== undefined && !r.problem && !blank && isProductSummary(r.cells, idCol, titleCol ?? -1)) {
        pendingSummary.push(r.line);
        continue;
      }
      if (!blank && pendingSummary.length) {
        for (const line of pendingSummary) {
          rows++;
          await rejects.add({ file: t.sniffed.name, line, reason: summaryNotLast(r.line) });
        }
        pendingSummary = [];
      }
      if (!blank) rows++;
      // A short last row with no line break after it: the file was cut off there (a copy that did not
      // finish), its lost 佣金率 and 每件运费 not the defaults (until 2026-12 read so, exit 0).
      const cut = last && !blank ? cutOffLastRow(r, t.headers.length, t.sniffed, msg('这个商品', 'this product')) : undefined;
      if (cut) {
        await rejects.add({ file: t.sniffed.name, line: r.line, reason: cut });
        continue;
      }
      if (!(await usableRecord(r, t.sniffed.name, rejects, shape))) continue;
      const cells: Partial<Record<FieldKey, string>> = {};
      for (const f of PRODUCT_FIELDS) {
        const i = t.map.index.get(f.key);
        if (i !== undefined) cells[f.key] = cleanCell(r.cells[i] ?? '');
      }
      const p = parseProduct(cells, ctx.tz, t.sniffed.container === 'xlsx');
      if ('product' in p) {
        p.product.source = { file: t.sniffed.name, line: r.line };
        const id = p.product.itemId;
        const before = id === '' ? undefined : used.get(id);
        if (before === undefined) {
          if (id !== '') used.set(id, { at: out.length, line: r.line });
          out.push(p.product);
        } else {
          out[before.at] = p.product;
          await rejects.add({
            file: t.sniffed.name,
            line: before.line,
            column: idCol === undefined ? 'itemId' : t.map.headers[idCol],
            value: id,
            reason: msg(`商品 ${id} 在第 ${r.line} 行又出现一次, 采用后面那行; 同一商品只计一次`, `product ${id} is listed again on line ${r.line}, and that later row is used; a product is counted once`),
          });
          before.line = r.line;
        }
      } else {
        const i = t.map.index.get(p.field);
        await rejects.add({ file: t.sniffed.name, line: r.line, column: i === undefined ? p.field : t.map.headers[i], value: p.value, reason: p.reason });
      }
    }
  }
  for (const line of pendingSummary) ctx.info(summarySkipped(t.sniffed.name, line));
  // A file with a header and no product (or none usable) is not "0 products cost 0.00" (exit 3).
  if (out.length === 0) {
    throw new InputError(
      rows === 0
        ? msg(`${t.sniffed.name} 里没有商品 (只有表头)`, `${t.sniffed.name} has no products (a header and no product rows)`)
        : msg(`${t.sniffed.name} 里没有可用的商品: ${rows} 行都被拒绝 (见上)`, `${t.sniffed.name} has no usable product: all ${rows} row(s) were rejected (see above)`),
      rows === 0
        ? msg('每个商品一行 (商品ID、类目、一口价、成本 …), 例如 examples/zhenjian-products.csv; 或不带文件在终端里运行以逐项回答。', 'add one row per product (商品ID/itemId, 类目/category, 一口价/listPrice, 成本/unitCost …), as in examples/zhenjian-products.csv; or run it without a file in a terminal to answer questions.')
        : msg('按上面的原因修正这些行后再运行。', 'fix those rows by the reasons above, then run it again.'),
    );
  }
  return out;
}

interface LabelsRead {
  by: Map<string, LabelItem[]>;
  /** The lines each product's label rows are on, to name the ones no product uses. */
  lines: Map<string, number[]>;
  file: string;
}

/**
 * Label rows whose 商品ID is no product of the product file are not used: say which (file:line and
 * the id), as compensate does for --shipments rows that match no order, so a label file keyed by a
 * mistyped id does not just leave its product "without labels".
 */
function unmatchedLabels(ctx: Ctx, read: LabelsRead, products: Product[]): void {
  const ids = new Set(products.map((p) => p.itemId));
  const missed: { id: string; line: number }[] = [];
  for (const [id, lines] of read.lines) if (!ids.has(id)) for (const line of lines) missed.push({ id, line });
  if (missed.length === 0) return;
  missed.sort((a, b) => a.line - b.line);
  const shown = missed.slice(0, 20).map((m) => `${read.file}:${m.line} (${m.id})`).join(', ');
  const more = missed.length > 20 ? missed.length - 20 : 0;
  ctx.warn(
    msg(
      `--labels 中有 ${missed.length} 行的商品ID不在商品表里, 未使用: ${shown}${more ? ` … 另有 ${more} 行` : ''}; 请核对商品ID`,
      `${missed.length} row(s) of --labels name a product that is not in the product file and are not used: ${shown}${more ? ` … and ${more} more` : ''}; check the product ids`,
    ),
  );
}

async function readLabels(ctx: Ctx, file: string, rejects: RejectLog): Promise<LabelsRead> {
  const t = await openMappedTable(file, dataStdin(ctx), LABEL_FIELDS, msg('品质标签表', 'label selection file'), ctx.encoding, true, sheetNote(ctx), HAND_MADE_EMPTY);
  const title = titleLinesNote(t);
  if (title) ctx.info(title);
  const by = new Map<string, LabelItem[]>();
  const lines = new Map<string, number[]>();
  const cell = (cells: string[], key: string) => {
    const i = t.map.index.get(key);
    return i === undefined ? '' : cleanCell(cells[i] ?? '');
  };
  const shape = rowShape(t.map, LABEL_FIELDS);
  const seen = new Map<string, { at: number; line: number }>();
  for await (const r of t.records) {
    if (!(await usableRecord(r, t.sniffed.name, rejects, shape))) continue;
    const itemId = cell(r.cells, 'itemId');
    if (itemId === '') {
      await rejects.add({ file: t.sniffed.name, line: r.line, column: t.map.headers[t.map.index.get('itemId')!], reason: msg('商品ID为空', 'the itemId is empty') });
      continue;
    }
    // 6.80012E+11 (a 12-digit 商品ID Excel showed and saved in scientific notation): rejected as in the
    // product file, not read as an id no product has ("check the product ids": until 2026-12, exit 0).
    if (checkOrderId(itemId) === 'excel-rounded') {
      await rejects.add({ file: t.sniffed.name, line: r.line, column: t.map.headers[t.map.index.get('itemId')!], value: itemId, reason: ITEM_ID_ROUNDED });
      continue;
    }
    const p = parseLabelRow({ label: cell(r.cells, 'label'), mandatory: cell(r.cells, 'mandatory'), displayed: cell(r.cells, 'displayed'), tested: cell(r.cells, 'tested') });
    if (!p.ok) {
      const i = t.map.index.get(p.field ?? '');
      await rejects.add({ file: t.sniffed.name, line: r.line, column: i === undefined ? p.field : t.map.headers[i], value: i === undefined ? '' : cleanCell(r.cells[i] ?? ''), reason: p.reason });
      continue;
    }
    const list = by.get(itemId) ?? [];
    const at = lines.get(itemId);
    if (at) at.push(r.line);
    else lines.set(itemId, [r.line]);
    // A label listed twice for one product would count twice towards the three displayed: the
    // later row is used (as for products) and the earlier one rejected as replaced.
    const key = `${itemId}\u0000${p.value.name}`;
    const before = seen.get(key);
    if (before === undefined) {
      seen.set(key, { at: list.length, line: r.line });
      list.push(p.value);
    } else {
      list[before.at] = p.value;
      const i = t.map.index.get('label')!;
      await rejects.add({
        file: t.sniffed.name,
        line: before.line,
        column: t.map.headers[i],
        value: p.value.name,
        reason: msg(`商品 ${itemId} 的标签 "${p.value.name}" 在第 ${r.line} 行又出现一次, 采用后面那行; 同一标签只计一次`, `product ${itemId}'s label "${p.value.name}" is listed again on line ${r.line}, and that later row is used; a label is counted once`),
      });
      before.line = r.line;
    }
    by.set(itemId, list);
  }
  return { by, lines, file: t.sniffed.name };
}
