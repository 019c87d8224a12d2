// -o / --rejects / --duplicates onto an existing file that is a platform download the run does not
// read: `compensate 天猫订单.csv -o 拼多多订单.csv` replaced the shop's PDD download with the vouchers
// (exit 0), and a download cannot always be taken again (the seller centre keeps 3 months). Before
// anything is read, the target's first bytes (one read of at most 64 KB) are decoded as the readers
// decode them and its header row recognised as the readers recognise it: an order export of
// Tmall/Taobao, 抖店 or 拼多多 (orders/detect.ts: storeops' own `orders normalize` output is a layout
// of its own there, CANONICAL, and is not refused), a review file, or a 甄检 product sheet. storeops'
// other outputs (vouchers, rejects, queues, estimates) carry columns of their own and match none of
// these; an empty or unrelated file is replaced as before. An xlsx target is opened as the readers
// open one (its first sheet, read up to the header). So are the lists an operator keeps by hand for
// compensate's side inputs (an order-id list as --exclude/--delivery-failures read it, a pickup-scan
// list as --shipments does): `compensate … -o exclude.csv` replaced the shop's exclusion list. And
// nothing is written into the installed package's own folders (guardPackageTarget).
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, msg } from '../errors.js';
import { packageRoot } from '../paths.js';
import { readTextFileSync } from './textfile.js';
import { exampleName } from './formats.js';

/**
 * What the file is; `kept`: a list the operator keeps by hand, which no platform has a copy of;
 * `file`: said of a file rather than a list (the config, a rule file, a roster).
 */
type Kind = { zh: string; en: string; kept?: boolean; file?: boolean };

/**
 * What platform download a header row is, by the readers' own recognition (undefined for storeops'
 * own output and anything else); the modules and name sets loaded once, the test itself synchronous
 * (openTable's header search calls it per line).
 */
async function recogniser(): Promise<(headers: string[]) => Kind | 'own' | undefined> {
  const { mapHeader, normHeader } = await import('./table.js');
  const { REVIEW_FIELDS } = await import('../reviews/read.js');
  const { QUEUE_COLUMNS } = await import('../reviews/run.js');
  const { platformExport } = await import('../orders/detect.js');
  const { PRODUCT_FIELDS } = await import('../zhenjian/fields.js');
  const ownCompensate = await compensateOwnColumns();
  const { ID_ALIASES, SHIPMENT_FIELDS } = await import('../compensation/inputs.js');
  const { checkOrderId, cleanCell, fullWidthId } = await import('./cells.js');
  const idField = { key: 'orderId', aliases: ID_ALIASES };
  const rosterKind = await rosterRecogniser();
  // `reviews queue -o queue.csv` each morning: the queue names each review by its order, time and
  // rating as a review file does (reviews read it back), but carries columns of its own
  // (priority/优先级, reasons/原因, contactBy/联系截止, …) that no review download has.
  const aliases = new Set(REVIEW_FIELDS.flatMap((f) => f.aliases.map(normHeader)));
  const ownQueue = new Set(QUEUE_COLUMNS.flatMap((c) => [c.en, c.zh].map(normHeader)).filter((h) => !aliases.has(h)));
  const owns = (headers: string[], own: ReadonlySet<string>) => headers.filter((h) => own.has(normHeader(h))).length >= 2;
  return (headers) => {
    const r = mapHeader(headers, REVIEW_FIELDS).index;
    // As readReviews: an order id, a review time, and a rating or a DSR score.
    if (r.has('orderId') && r.has('reviewedAt') && ['rating', 'dsrDescription', 'dsrService', 'dsrLogistics'].some((k) => r.has(k))) {
      return owns(headers, ownQueue) ? 'own' : { zh: '评价导出', en: 'a review export' };
    }
    // compensate's own tables (vouchers, --by order, --at-risk), in either language, the same way: the
    // zh at-risk list (订单编号, …, 宝贝标题, …) scored as a Tmall export and `--at-risk 24 -o 风险.csv`
    // was refused from its second run on.
    if (owns(headers, ownCompensate)) return 'own';
    const layout = platformExport(headers);
    if (layout) return { zh: layout.name.zh, en: `a ${layout.name.en}` };
    const p = mapHeader(headers, PRODUCT_FIELDS).index;
    if (PRODUCT_FIELDS.every((f) => !f.required || p.has(f.key))) return { zh: '甄检商品表', en: 'a 甄检 product sheet' };
    // The lists an operator keeps by hand for compensate's side inputs, read as those options read
    // them: a pickup-scan file (--shipments: a pickup time and an order id or tracking number), and
    // an order-id list (--exclude, --delivery-failures): at most three columns, one of them the
    // order id as the lists name it (订单编号, orderId, …), or no header at all: a line (of the first
    // 15, where openTable looks for the header) holding one order id alone. Every storeops output naming an order has five columns or more (duplicates: 6).
    const roster = rosterKind(headers);
    if (roster !== undefined) return roster || 'own';
    const s = mapHeader(headers, SHIPMENT_FIELDS).index;
    if (s.has('pickupAt') && (s.has('orderId') || s.has('trackingNo'))) return { zh: '揽收扫描表 (--shipments 读取的那种)', en: 'a pickup-scan list (as --shipments reads)', kept: true };
    const filled = headers.filter((h) => h.trim() !== '');
    if (filled.length <= 3 && (mapHeader(headers, [idField]).index.has('orderId') || (filled.length === 1 && checkOrderId(fullWidthId(cleanCell(filled[0]!))) === 'ok'))) {
      return { zh: '订单编号列表 (--exclude、--delivery-failures 读取的那种)', en: 'an order-id list (as --exclude and --delivery-failures read)', kept: true };
    }
    return undefined;
  };
}

const handTable = (zh: string, en: string): Kind => ({ zh, en, kept: true, file: true });
const ROSTER: Kind = handTable('排班表 (roster check 和 --previous 读取的那种)', 'a roster (as roster check and --previous read)');

/**
 * The tables `roster` and `zhenjian estimate --labels` read, which an operator makes by hand:
 * `roster plan … -o agents.csv` replaced the agent list, `-o roster.csv` a roster typed in a
 * spreadsheet (exit 0). Each as its reader knows it: an agent column (客服/姓名/agent/name …) with
 * a date and a shift, or day columns (a roster), with a date (day-off requests), or alone (an agent
 * list); a date with shift columns (D/H/N, 白班 …: --demand); an hour and chats (--volume); an item,
 * a label and whether it is displayed (--labels). storeops' own roster outputs are not: the plan's
 * grid (its totals 工时/hours, 晚班数/nights, 周末上班/weekend days, 休息天数/days off), its --long
 * rows (agent,date,shift,start,end,hours as written) and check's violations (rule/规则 and
 * detail/说明, roster/run.ts). Undefined: none of these; false: storeops' own.
 */
async function rosterRecogniser(): Promise<(headers: string[]) => Kind | false | undefined> {
  const { mapHeader, normHeader } = await import('./table.js');
  const { AGENT, DATE, SHIFT, VOLUME_FIELDS, parseDayKey } = await import('../roster/read.js');
  const { parseDayCode } = await import('../roster/shifts.js');
  const { longColumns } = await import('../roster/render.js');
  const { LABEL_FIELDS } = await import('../zhenjian/labels.js');
  const { cleanCell } = await import('./cells.js');
  const { WALL_TOTALS } = await import('../roster/wall.js');
  // The grid's totals (render.ts gridColumns), and the xlsx wall calendar's (wall.ts).
  const totals = new Set(['hours', 'nights', 'weekend days', 'days off', '工时', '晚班数', '周末上班', '休息天数', ...WALL_TOTALS.zh, ...WALL_TOTALS.en].map(normHeader));
  const long = (['en', 'zh'] as const).map((l) => longColumns(false).map((c) => normHeader(c[l])));
  const check = [['rule', 'detail'], ['规则', '说明']];
  const isDay = (h: string) => parseDayKey(h) !== undefined || /^\d{1,2}[-/.月]\d{1,2}[日号]?$/.test(cleanCell(h));
  return (headers) => {
    const norm = new Set(headers.map(normHeader));
    const m = mapHeader(headers, [AGENT, DATE, SHIFT]).index;
    if (m.has('agent')) {
      if (headers.filter((h) => totals.has(normHeader(h))).length >= 2) return false;
      if ([...long, ...check].some((cols) => cols.every((c) => norm.has(c)))) return false;
      if (m.has('date') && m.has('shift')) return ROSTER;
      if (headers.some((h, i) => i !== m.get('agent') && isDay(h))) return ROSTER;
      if (m.has('date')) return handTable('休息申请表 (--requests 读取的那种)', 'a day-off request list (as --requests reads)');
      return handTable('客服名单 (--agents 读取的那种)', 'an agent list (as --agents reads)');
    }
    if (m.has('date') && headers.some((h, i) => i !== m.get('date') && h.trim() !== '' && !['O', undefined].includes(parseDayCode(h)))) {
      return handTable('每日排班需求表 (--demand 读取的那种)', 'a staffing demand list (as --demand reads)');
    }
    const v = mapHeader(headers, VOLUME_FIELDS).index;
    if (v.has('hour') && v.has('chats')) return handTable('咨询量表 (--volume 读取的那种)', 'a chat volume table (as --volume reads)');
    const l = mapHeader(headers, LABEL_FIELDS).index;
    if (LABEL_FIELDS.every((f) => !f.required || l.has(f.key))) return handTable('甄检标签表 (--labels 读取的那种)', 'a 甄检 label list (as --labels reads)');
    return undefined;
  };
}

/** Keys of the config's top level: its sections (objects) and settings (templates/ and docs/cli.md). */
const CONFIG_SECTIONS = ['compensate', 'reviews', 'zhenjian', 'roster', 'notify'];
const CONFIG_KEYS = new Set([...CONFIG_SECTIONS, 'lang', 'tz', 'format', 'outEncoding', 'bom', 'state', 'showPii']);
/** Top-level keys of the tables and templates the config names (templates/reviews, zhenjian, roster). */
const TEMPLATE_KEYS = new Set(['shape', 'phrases', 'categories', 'safety', 'negative', 'neutralizers', 'extortion', 'explain', 'about', 'hours', 'weekdays', 'dates', 'ordinary', 'industries']);

/**
 * A .json target that is a file storeops reads and an operator writes by hand: a config (a command's
 * section as an object, or only config keys), a rule file (`tiers` a list: `rules list`'s row has
 * their count), or a table or template the config names (review keywords, forbidden wording or
 * messages, 甄检 categories, a traffic profile: only their keys, `_comment` and `contact-…`).
 * storeops' own JSON is a list of rows (json) or rows one a line (ndjson), whose keys are none of
 * these. `compensate … -f json -o my-rules.json` replaced the shop's rule file (exit 0).
 */
function jsonKind(target: string, size: number): Kind | undefined {
  // A hand-written file is small; a larger .json is storeops' own rows (or nothing of its).
  if (size > 4 << 20) return undefined;
  let value: unknown;
  try {
    const text = readTextFileSync(target);
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => !k.startsWith('_'));
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (keys.length === 0) return undefined;
  if (CONFIG_SECTIONS.some((k) => isObject(o[k])) || keys.every((k) => CONFIG_KEYS.has(k))) return handTable('storeops 配置文件', 'a storeops config file');
  if (Array.isArray(o.tiers)) return handTable('规则文件 (--rules 读取的那种)', 'a rule file (as --rules reads)');
  if (keys.every((k) => TEMPLATE_KEYS.has(k) || k.startsWith('contact-') || k.startsWith('complaint-'))) {
    return handTable('配置指定的表格或模板 (评价关键词、禁用语、消息模板、甄检类目或客流曲线)', 'a table or template of the kind the config names (review keywords, forbidden wording or messages, 甄检 categories, a traffic profile)');
  }
  return undefined;
}

/**
 * compensate's own column names (zh and en) that no platform layout reads: its voucher, order and
 * at-risk tables (compensation/columns.ts). Two or more of them in a header: its own output.
 */
async function compensateOwnColumns(): Promise<Set<string>> {
  const { VOUCHER_COLUMNS, ORDER_ROW_COLUMNS, AT_RISK_COLUMNS } = await import('../compensation/columns.js');
  const { LAYOUTS } = await import('../orders/layouts.js');
  const { normHeader } = await import('./table.js');
  const theirs = new Set(LAYOUTS.flatMap((l) => [...l.signature, ...l.fields.flatMap((f) => f.aliases)]).map(normHeader));
  return new Set([...VOUCHER_COLUMNS, ...ORDER_ROW_COLUMNS, ...AT_RISK_COLUMNS].flatMap((c) => [c.zh, c.en]).map(normHeader).filter((h) => !theirs.has(h)));
}

/**
 * Refuses (exit 2) a target that is an existing download of the shop's (the inputs of the run are
 * refused before, by guardTargets). Only the header row counts: the first lines are tried as the
 * header, as the readers skip title lines above it.
 */
export async function guardExportTarget(flag: string, target: string): Promise<void> {
  if (target === '-' || target === '') return;
  guardPackageTarget(flag, target);
  const json = /\.json$/i.test(target);
  if (!json && !/\.(csv|tsv|txt|xlsx|xlsm)$/i.test(target)) return;
  let size: number;
  try {
    const st = fs.statSync(target);
    if (!st.isFile() || st.size === 0) return;
    size = st.size;
  } catch {
    return;
  }
  if (json) {
    const kind = jsonKind(target, size);
    if (kind) refuse(flag, target, kind);
    return;
  }
  const recognise = await recogniser();
  const { openTable } = await import('./table.js');
  let headers: string[] | undefined;
  try {
    const t = await openTable(target, () => {
      throw new Error('no standard input here');
    }, undefined, (h) => recognise(h) !== undefined);
    // (The header search stops at storeops' own header too: the lines under it are its rows, and a
    // legend row of the roster's wall calendar, `legend,day,…,night`, read as a --demand header.)
    headers = t.headers;
    // Nothing more of it is read; its file is let go before the output replaces it (an xlsx's
    // handle too: it was left to garbage collection, which printed Node's English warning).
    await t.close();
  } catch {
    // A file the readers cannot open (no header, bytes of no encoding, …) is no download of theirs.
  }
  const kind = headers ? recognise(headers) : undefined;
  if (kind === 'own') return;
  if (kind) refuse(flag, target, kind);
  if (/\.txt$/i.test(target)) {
    const template = await templateKind(target, size);
    if (template) refuse(flag, target, template);
  }
}

/**
 * A .txt target that is a message template an operator wrote (`reviews message --template
 * 质量模板.txt`): text holding one of the placeholders storeops fills ({buyer}, {orderId}, …).
 * `reviews queue … -o 质量模板.txt` (a .txt is written as tsv) replaced the shop's template, exit 0,
 * until desk45. storeops' own .txt output is a table whose first line is its header, tab-separated
 * (tsv, the .txt default), and is recognised before this (or holds a tab): not refused. A template
 * with no placeholder at all is prose like any other text file and is replaced as before.
 */
async function templateKind(target: string, size: number): Promise<Kind | undefined> {
  // A template is a message to one buyer: a few hundred characters, not megabytes.
  if (size > 64 << 10) return undefined;
  let text: string;
  try {
    text = readTextFileSync(target).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
  if ((text.split(/\r\n|[\r\n]/, 1)[0] ?? '').includes('\t')) return undefined;
  const { PLACEHOLDERS } = await import('../reviews/message.js');
  const known = new Set<string>(PLACEHOLDERS);
  for (const m of text.matchAll(/\{([a-zA-Z]+)\}/g)) {
    if (known.has(m[1]!)) return handTable('消息模板 (reviews message --template 读取的那种)', 'a message template (as reviews message --template reads)');
  }
  return undefined;
}

function refuse(flag: string, target: string, kind: Kind): never {
  const real = path.resolve(target);
  const why = kind.file
    ? msg('手工编写的文件没有别的副本', 'a file kept by hand has no other copy')
    : kind.kept
      ? msg('手工整理的列表没有别的副本', 'a list kept by hand has no other copy')
      : msg('从平台下载的文件可能无法再次下载', 'a download may not be available again');
  throw new UsageError(
    msg(
      `${flag} ${target} 已存在, 是一个${kind.zh} (${real}), 而这次运行并不读取它; 写入会把它覆盖, ${why.zh}; 未读取也未写入任何内容`,
      `${flag} ${target} already exists and is ${kind.en} (${real}), which this run does not read; writing there would replace it, and ${why.en}, so nothing was read or written`,
    ),
    msg(
      `换一个文件名, 例如 ${flag} ${exampleName(flag, target).zh}; 若确实要替换这个文件, 先把它移走或删除。`,
      `pick another name, e.g. ${flag} ${exampleName(flag, target).en}; if that file really is to be replaced, move or delete it first.`,
    ),
  );
}

/**
 * -o / --rejects / --duplicates into the folders the installed package ships (package.json
 * `files`: bin, dist, templates, docs, examples) or onto its package.json: `zhenjian estimate -o
 * /usr/lib/node_modules/storeops/templates/zhenjian/categories.json` replaced the default category
 * table every run without a config reads (as root, nothing stopped it), and a reinstall loses what
 * was written there anyway. Refused (exit 2) by where the file would be, links resolved; a folder of
 * the checkout the package does not ship (.cache/, test/) is not the package's.
 */
export function guardPackageTarget(flag: string, target: string): void {
  let root: string;
  try {
    root = fs.realpathSync(packageRoot());
  } catch {
    return;
  }
  const where = resolved(target);
  let shipped: string[] = ['bin', 'dist', 'templates', 'docs', 'examples'];
  try {
    const files = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { files?: unknown }).files;
    if (Array.isArray(files) && files.every((f) => typeof f === 'string')) shipped = files as string[];
  } catch {
    // The defaults above: the folders the package is published with.
  }
  const inside = (dir: string) => where === dir || where.startsWith(dir + path.sep);
  const hit = [...shipped.map((f) => path.join(root, f)), path.join(root, 'package.json')].find(inside);
  if (!hit) return;
  throw new UsageError(
    msg(
      `${flag} ${target} 在 storeops 自己的安装文件夹里 (${hit}): 那里是 storeops 自带的默认模板、规则和示例文件, 每次运行都会读取, 重新安装时也会被覆盖; 未读取也未写入任何内容`,
      `${flag} ${target} is inside storeops' own installed package (${hit}): its default templates, rule sets and examples are there, read by every run, and a reinstall replaces them; nothing was read or written`,
    ),
    msg(
      `把结果写到自己的文件夹里, 例如 ${flag} ${exampleName(flag, target).zh}。要修改模板, 先运行 storeops init, 它把模板复制到 storeops-templates/ 并在配置文件里指向它们。`,
      `write to a folder of your own, e.g. ${flag} ${exampleName(flag, target).en}. To change a template, run storeops init first: it copies the templates to storeops-templates/ and the config names them.`,
    ),
  );
}

/** Where `p` would be written: the nearest folder on its way that exists, links resolved, and the rest of the path. */
function resolved(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    // Not there yet (or a dangling link): its folder's real path.
  }
  let dir = path.dirname(abs);
  const rest = [path.basename(abs)];
  for (;;) {
    try {
      return path.join(fs.realpathSync(dir), ...rest);
    } catch {
      const up = path.dirname(dir);
      if (up === dir) return abs;
      rest.unshift(path.basename(dir));
      dir = up;
    }
  }
}
