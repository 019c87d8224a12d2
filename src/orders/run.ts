// `orders inspect` and `orders normalize`.
import type { Ctx } from '../context.js';
import { type Lang, type Msg, UsageError, msg, plural, say } from '../errors.js';
import { type Column, type Row, labelOf } from '../io/columns.js';
import { openOutput, openOutputAllOrNothing, resolveFormat, writeRows } from '../io/output.js';
import { RejectLog } from '../io/rejects.js';
import { fmtMoney } from '../money.js';
import { DAY_MS } from '../time.js';
import type { Order, TimeField } from './types.js';
import { EXTRA_COLUMN, ORDER_COLUMNS } from './columns.js';
import { ORDER_FIELD_ZH_BY_PLATFORM, ORDER_STATUS_ZH, ORDER_STATUS_ZH_BY_PLATFORM, PLATFORM_ZH } from './codes.js';
import type { HeldRow } from './parse.js';
import { type FileStats, layoutLabel, missingFields, openOrders, shownPii } from './read.js';
import { shownNick } from '../io/pii.js';
import { fieldNames } from './detect.js';
import { builtinIds, loadRuleSet } from '../rules/ruleset.js';

/**
 * The built-in rule sets that pay per sub-order, with the order platform they judge (天猫国际's
 * rules judge Taobao/Tmall orders).
 */
function subOrderRuleSets(cwd: string): { id: string; platform: Order['platform'] }[] {
  return builtinIds()
    .map((id) => loadRuleSet(id, cwd))
    .filter((r) => r.unit === 'sub-order')
    .map((r) => ({ id: r.id, platform: r.platform === 'tmall-global' ? 'taobao' : r.platform }));
}

function needFiles(args: string[]): void {
  if (args.length === 0) {
    throw new UsageError(msg('缺少输入文件', 'no input file given'), msg('例如: storeops orders inspect ExportOrderList202611.csv (- 表示标准输入)', 'e.g. storeops orders inspect ExportOrderList202611.csv (- for stdin)'));
  }
}

const INSPECT_COLUMNS: Column[] = [
  { key: 'file', zh: '文件', en: 'file' },
  { key: 'platform', zh: '平台', en: 'platform', labels: PLATFORM_ZH },
  { key: 'layout', zh: '报表格式', en: 'layout' },
  { key: 'layoutName', zh: '报表名称', en: 'layoutName' },
  { key: 'container', zh: '文件类型', en: 'container' },
  { key: 'encoding', zh: '编码', en: 'encoding' },
  { key: 'headerLine', zh: '表头行号', en: 'headerLine', type: 'int' },
  { key: 'rowsRead', zh: '读取行数', en: 'rowsRead', type: 'int' },
  { key: 'accepted', zh: '接受', en: 'accepted', type: 'int' },
  { key: 'rejected', zh: '拒绝', en: 'rejected', type: 'int' },
  { key: 'duplicates', zh: '重复', en: 'duplicates', type: 'int' },
  { key: 'blankRows', zh: '空行', en: 'blankRows', type: 'int' },
  { key: 'summaryRows', zh: '合计行', en: 'summaryRows', type: 'int' },
  { key: 'timesWithoutSeconds', zh: '时间无秒的行', en: 'timesWithoutSeconds', type: 'int' },
  { key: 'firstReasons', zh: '拒绝原因', en: 'firstReasons', type: 'list' },
  { key: 'firstAt', zh: '最早付款/创建', en: 'firstAt', type: 'time' },
  { key: 'lastAt', zh: '最晚付款/创建', en: 'lastAt', type: 'time' },
  { key: 'statusCounts', zh: '各状态数量', en: 'statusCounts', type: 'list', labels: ORDER_STATUS_ZH },
  { key: 'paidSum', zh: '实付合计', en: 'paidSum', type: 'money' },
  { key: 'postageSum', zh: '邮费合计', en: 'postageSum', type: 'money' },
  // `orderId=订单编号`: the field as zh output names it (订单编号=订单编号, 买家=买家会员名); en/JSON keep the key.
  { key: 'columnsMapped', zh: '已识别列', en: 'columnsMapped', type: 'list', labels: { ...Object.fromEntries(ORDER_COLUMNS.map((c) => [c.key, c.zh])), shopId: '店铺Id', shopName: '店铺名称', compensated: '是否赔付', province: '省', city: '市', district: '区', street: '街道', reservedShipAt: '预约发货时间', orderType: '订单类型' } },
  { key: 'columnsUnmapped', zh: '未使用列', en: 'columnsUnmapped', type: 'list' },
  { key: 'columnsMissing', zh: '缺少的字段', en: 'columnsMissing', type: 'list' },
];

/** How the encoding was decided, in --lang: `GB18030/GBK (not UTF-8)` / `GB18030/GBK (不是 UTF-8)`. */
const ENCODING_HOW: Record<FileStats['sniffed']['encodingNote'], Msg> = {
  bom: msg('BOM', 'BOM'),
  'valid-utf8': msg('自动识别', 'detected'),
  'not-utf8': msg('不是 UTF-8', 'not UTF-8'),
  flag: msg('--encoding 指定', '--encoding'),
  xlsx: msg('', ''),
};

function encodingText(s: FileStats, lang: Lang): string {
  if (s.sniffed.container === 'xlsx') return 'xlsx';
  const how = say(ENCODING_HOW[s.sniffed.encodingNote], lang);
  return `${s.sniffed.encoding === 'gb18030' ? 'GB18030/GBK' : s.sniffed.encoding.toUpperCase()} (${how})`;
}

export async function runInspect(ctx: Ctx, args: string[]): Promise<void> {
  needFiles(args);
  const rejects = new RejectLog(ctx);
  const set = await openOrders(ctx, args, rejects);
  // Inspect only counts; no order is kept.
  for await (const _ of set.orderBatches()) void _;
  await set.reportDuplicates();
  set.warnCoarseTimes();
  const perFileReasons = new Map<string, string[]>();
  for (const r of rejects.first) {
    const list = perFileReasons.get(r.file) ?? [];
    if (list.length < 5) list.push(`${r.line}: ${say(r.reason, ctx.lang)}`);
    perFileReasons.set(r.file, list);
  }
  await rejects.finish();
  // The file's platform: its layout's, or for storeops' own output (a platform per row) the one its
  // rows name (a normalized 抖店 export was 淘宝/天猫, the layout's placeholder, until text43).
  const platformOf = (s: FileStats) => (s.rowPlatforms.length === 1 ? s.rowPlatforms[0]! : s.detected.layout.platform);
  // zh text output names the statuses in the words of the file's own seller centre (抖店 已完成=4, not
  // 交易成功=4: ORDER_STATUS_ZH_BY_PLATFORM); a file mixing platforms, and JSON and en, as before.
  const zhStatuses = ctx.lang === 'zh' && !['json', 'ndjson'].includes(resolveFormat(ctx));
  const statusCounts = (s: FileStats) =>
    Object.entries(s.statusCounts).map(([k, v]) => `${zhStatuses && s.rowPlatforms.length <= 1 ? labelOf(ORDER_STATUS_ZH_BY_PLATFORM[platformOf(s)], k, 'zh') : k}=${v}`);
  const rows: Row[] = set.stats.map((s) => ({
    file: s.file,
    platform: platformOf(s),
    layout: s.detected.layoutId,
    layoutName: say(layoutLabel(s.detected), ctx.lang),
    container: s.sniffed.container,
    encoding: encodingText(s, ctx.lang),
    headerLine: s.headerLine,
    rowsRead: s.rowsRead,
    accepted: s.accepted,
    rejected: s.rejected,
    duplicates: s.duplicates,
    blankRows: s.blank,
    summaryRows: s.summaryLines.length,
    timesWithoutSeconds: s.coarseTimes,
    firstReasons: perFileReasons.get(s.file) ?? [],
    firstAt: s.firstPaidAt,
    lastAt: s.lastPaidAt,
    statusCounts: statusCounts(s),
    paidSum: s.paidSum,
    postageSum: s.postageSum,
    // zh text output: each field in the words of the file's own platform (商品名称=选购商品, not 宝贝标题=…).
    columnsMapped: [...s.detected.map.index.entries()].map(([k, i]) => `${(zhStatuses && s.rowPlatforms.length <= 1 ? ORDER_FIELD_ZH_BY_PLATFORM[platformOf(s)][k] : undefined) ?? k}=${s.detected.map.headers[i]}`),
    columnsUnmapped: s.detected.map.unmapped,
    columnsMissing: missingFields(s.detected),
  }));
  // A missing field as zh output names it: 旗帜 (旗帜颜色 / 订单标记), not sellerFlag (…); en and JSON keep the key.
  const zhName: Record<string, string> = Object.fromEntries(ORDER_COLUMNS.map((c) => [c.key, c.zh]));
  const missingZh: Record<string, string> = {};
  for (const s of set.stats) {
    for (const f of s.detected.layout.fields) missingZh[fieldNames(f)] = `${ORDER_FIELD_ZH_BY_PLATFORM[s.detected.layout.platform][f.key] ?? zhName[f.key] ?? f.key} (${f.aliases.join(' / ')})`;
  }
  const columns = INSPECT_COLUMNS.map((c) => (c.key === 'columnsMissing' ? { ...c, labels: missingZh } : c));
  if (resolveFormat(ctx) === 'table') {
    // One file is easier to read as a list of "field  value" lines.
    const vertical: Row[] = [];
    for (const [i, r] of rows.entries()) {
      // Several files: an empty line before each next file's list (its 文件/file line ran on from
      // the last line of the previous file's, 缺少的字段 …, as if one list).
      if (i > 0) vertical.push({ field: '', value: '' });
      for (const c of columns) {
        const v = r[c.key];
        // Enumerated codes in their zh labels under --lang zh (交易成功=11, 淘宝/天猫), as every file format shows them.
        const shown = (x: unknown) => (c.labels && typeof x === 'string' ? labelOf(c.labels, x, ctx.lang) : x);
        const text = Array.isArray(v) ? v.map(shown).join(c.key === 'firstReasons' ? ' | ' : ', ') : shown(v);
        vertical.push({ field: ctx.t({ zh: c.zh, en: c.en }), value: c.type === 'time' && typeof v === 'number' ? ctx.tz.format(v) : c.type === 'money' ? fmtMoney(v as never) : text });
      }
    }
    await writeRows(ctx, [{ key: 'field', zh: '项目', en: 'field', whole: true }, { key: 'value', zh: '值', en: 'value', wrap: true }], vertical);
  } else {
    await writeRows(ctx, columns, rows);
  }
  const total = set.stats.reduce((a, s) => ({ read: a.read + s.rowsRead, ok: a.ok + s.accepted, bad: a.bad + s.rejected, dup: a.dup + s.duplicates }), { read: 0, ok: 0, bad: 0, dup: 0 });
  // One sentence that adds up, as normalize's: a 合计 line at the end of a file is a row read and
  // skipped (its own part, left out when there is none). The table's rowsRead and summaryRows stay
  // apart (read = accepted + rejected + duplicates there, for scripts).
  const summary = set.stats.reduce((a, s) => a + s.summaryLines.length, 0);
  const read = total.read + summary;
  ctx.info(
    msg(
      `${set.stats.length} 个文件: 读取 ${read} 行 = 接受 ${total.ok} + 拒绝 ${total.bad} + 重复 ${total.dup}${summary ? ` + 合计行 ${summary} (已跳过)` : ''}`,
      `${plural(set.stats.length, 'file')}: ${plural(read, 'row')} read = ${total.ok} accepted + ${total.bad} rejected + ${plural(total.dup, 'duplicate')}${summary ? ` + ${plural(summary, 'summary line')} skipped` : ''}`,
    ),
  );
  // The report is written (it says why); an input whose every row was rejected is still exit 3.
  set.assertUsable(rejects);
}

/**
 * Times read without seconds (an Excel re-save) are written without them, so that the output read
 * back (storeops reads its own output) is as imprecise as the export was: never exact by accident.
 */
function coarseTimes(ctx: Ctx, o: Order): Row | undefined {
  if (!o.timeSlack) return undefined;
  const row: Row = {};
  for (const [k, ms] of Object.entries(o.timeSlack) as [TimeField, number][]) {
    const t = o[k];
    if (t === null || !ms) continue;
    row[k] = ctx.tz.format(t).slice(0, ms >= DAY_MS - 1000 ? 10 : 16);
  }
  return row;
}

/**
 * The shop's cells as the export had them: 店铺Id in `shopId`, 店铺名称 in `shopName` (read back,
 * they name the same shop: parse.ts). A cell that is or holds a phone number is masked as
 * compensate's `shop` column masks it (shownNick: 店主13925130165 → 店主139****0165, a landline
 * 0571-88888888 → 057****8888) unless --show-pii (README Privacy). Until 2026-12 only a cell that
 * was a mobile and nothing else was masked here.
 */
function shopCells(o: Order, showPii: boolean): Row {
  const id = o.shopByName ? '' : (o.shop ?? '');
  const name = o.shopByName ? (o.shop ?? '') : (o.shopName ?? '');
  return showPii ? { shopId: id, shopName: name } : { shopId: shownNick(id), shopName: shownNick(name) };
}

export async function runNormalize(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  needFiles(args);
  const rejects = new RejectLog(ctx);
  const lines = Boolean(opts.lines);
  const json = ['json', 'ndjson'].includes(resolveFormat(ctx));
  // zh csv/xlsx name each row's status in its platform's words (a 抖店 row 已完成, not Tmall's 交易成功:
  // ORDER_STATUS_ZH_BY_PLATFORM); read back, each platform's words are its code (layouts.ts STOREOPS).
  const zhStatus = ctx.lang === 'zh' && !json;
  // Lines kept on each folded order only to count the orders folded from several (see below).
  // Rejected (or repeated) rows whose order may belong in a voucher: compensate on the export keeps
  // those vouchers provisional; the output leaves the rows out, so it cannot (said below).
  let holding = 0;
  let holdingExample = '';
  const held = (h: HeldRow) => {
    if (holding++ === 0) holdingExample = `${h.file}:${h.line}`;
  };
  const set = await openOrders(ctx, args, rejects, { lines, keepExtra: json, subOrders: !lines, held });
  // Orders folded from several lines, by platform: only a platform with a rule set that pays per
  // sub-order is warned about (tmall-2026 judges Taobao/Tmall orders; 抖店's pays per order).
  const folded = new Map<Order['platform'], { n: number; example: string }>();
  const columns = json ? [...ORDER_COLUMNS, EXTRA_COLUMN] : ORDER_COLUMNS;
  // Opened at the first order (or at the end): a run whose every row is rejected writes nothing.
  let w: Awaited<ReturnType<typeof openOutput>> | undefined;
  const open = async () => (w ??= ctx.strict ? await openOutputAllOrNothing(ctx, columns) : await openOutput(ctx, columns));
  let n = 0;
  try {
    for await (const batch of set.orderBatches()) {
      const out = await open();
      for (const o of batch) {
        if ((o.subOrders?.length ?? 0) >= 2) {
          const f = folded.get(o.platform);
          if (f) f.n++;
          else folded.set(o.platform, { n: 1, example: `${o.sourceFile}:${o.sourceLine} ${o.orderId}` });
        }
        await out.row({ ...o, ...shopCells(o, ctx.showPii), ...shownPii(o, ctx.showPii), ...(json ? undefined : coarseTimes(ctx, o)), ...(zhStatus ? { status: labelOf(ORDER_STATUS_ZH_BY_PLATFORM[o.platform], o.status, 'zh') } : undefined) });
        n++;
      }
    }
    await set.reportDuplicates();
    await rejects.finish();
    set.assertUsable(rejects);
    await (await open()).close();
  } catch (e) {
    await w?.abort();
    await rejects.abort();
    await set.abort();
    throw e;
  }
  // An order row cannot hold its lines, and a rule set that pays per sub-order (tmall-2026, RULES
  // 1.3) prices each line with its own minimum: compensate on this output would pay less than on
  // the export. The --lines output keeps them (docs/cli.md "orders"). Named only for the platforms
  // those rule sets judge: 抖店's rule (douyin-2025) pays per order, where the folded order is what
  // compensate prices (before, a 抖店 export was warned about tmall-2026).
  const perLine = folded.size > 0 ? subOrderRuleSets(ctx.io.cwd) : [];
  let foldedN = 0;
  let foldedExample = '';
  const rulesNamed: string[] = [];
  for (const [platform, f] of folded) {
    const ids = perLine.filter((r) => r.platform === platform).map((r) => r.id);
    if (ids.length === 0) continue;
    if (foldedN === 0) foldedExample = f.example;
    foldedN += f.n;
    for (const id of ids) if (!rulesNamed.includes(id)) rulesNamed.push(id);
  }
  if (foldedN > 0) {
    const named = rulesNamed.join(', ');
    ctx.warn(
      msg(
        `${foldedN} 个订单由多行订单明细合并而成 (例如 ${foldedExample}); 按子订单计算的规则 (${named}) 对每个子订单分别计算, 这个输出再交给 compensate 会少算: 要再交给 compensate, 请加 --lines 输出`,
        `${plural(foldedN, 'order')} folded from several order lines (e.g. ${foldedExample}); a rule set that pays per sub-order (${named}) prices each line, so compensate on this output would pay less than on the export: write it with --lines to feed it to compensate`,
      ),
    );
  }
  if (holding > 0) {
    ctx.warn(
      msg(
        `输出中缺少 ${holding} 行被拒绝或重复的行, 其订单可能属于某个红包 (例如 ${holdingExample}): compensate 读原始导出时会把相关红包保留为暂定, 读这个输出时却不会; 请修正这些行并重新运行 normalize 后, 再把输出交给 compensate`,
        `rejected or repeated rows whose order may belong in a voucher are left out of the output: ${holding} (e.g. ${holdingExample}); compensate on the export keeps those vouchers provisional, on this output it cannot: fix the rows and normalize again before feeding the output to compensate`,
      ),
    );
  }
  // Summary (合计) lines skipped at the end of a file are rows read too, counted as such: the parts
  // add up to the rows read (each was named on stderr as file:line when it was skipped).
  const summary = set.stats.reduce((a, s) => a + s.summaryLines.length, 0);
  const orderRows = set.stats.reduce((a, s) => a + s.rowsRead, 0);
  const read = orderRows + summary;
  const accepted = orderRows - rejects.count - set.duplicateCount;
  ctx.info(
    msg(
      `读取 ${read} 行: 接受 ${accepted}, 拒绝 ${rejects.count}, 重复 ${set.duplicateCount}${summary ? `, 合计行 ${summary} (已跳过)` : ''}; 输出 ${n} ${lines ? '行订单明细' : '个订单'}`,
      `${plural(read, 'row')} read: ${accepted} accepted, ${rejects.count} rejected, ${plural(set.duplicateCount, 'duplicate')}${summary ? `, ${plural(summary, 'summary line')} skipped` : ''}; wrote ${plural(n, lines ? 'order line' : 'order')}`,
    ),
  );
}
