// Interactive `zhenjian estimate` (no file, on a terminal): ask for one product with defaults and
// the same validation as the file reader, show the estimate, offer to append it to a csv file.
import { type PromptStreams, interrupted, keepOpen, yesNo } from '../cli/confirm.js';
import type { Ctx } from '../context.js';

export type { PromptStreams };
import { type Lang, type Msg, msg, noteLine, say } from '../errors.js';
import type { CategoryTable } from './categories.js';
import { lookupCategory } from './categories.js';
import { type FieldKey, type Parsed, type Product, DEFAULT_PERIOD, parseAmount, parseProduct, parsePeriod, parseRate, parseSamples, parseSkuDiffers, parseWhen } from './fields.js';
import { estimate } from './model.js';
import { halfWidth } from '../io/cells.js';
import fs from 'node:fs';
import path from 'node:path';
import { NOT_A_FILE } from '../io/fsproblem.js';
import type { ResolvedSettings } from './settings.js';

type Answers = Partial<Record<FieldKey, string>>;

/**
 * A refused answer is cleared, not left in the box: inquirer's default ('keep') puts the refused
 * text back, so typing the correction after it read `0` then `99` as `099`. The refusal message
 * repeats what was typed.
 */
const REFUSED_CLEARS = { validationFailureMode: 'clear' as const };

/** The question list: one entry per asked field, in order. */
interface Question {
  key: FieldKey;
  /** The prompt; a function of the answers so far when it depends on them (the category's examples). */
  ask: Msg | ((a: Answers) => Msg);
  default?: (a: Answers) => string;
  check?: (text: string) => Parsed<unknown>;
  confirm?: boolean;
}

/**
 * The category prompt's examples: the first category of each industry 甄检 is open to, in the table's
 * order (女装、童装、隐形眼镜、护肤、汽车用品、手机配件 with the shipped table). They were the first six
 * categories, all clothing but one (女装、男装、内衣、鞋、箱包、童装): a beauty or electronics seller
 * saw no category of theirs.
 */
export function categoryExamples(table: CategoryTable): string {
  const out: string[] = [];
  for (const i of table.industries.filter((x) => x.eligible)) {
    const c = table.categories.find((x) => x.industry === i.id);
    if (c) out.push(c.zh);
  }
  // A table of the user's own with no category under an eligible industry: its first six, as before.
  return (out.length ? out : table.categories.slice(0, 6).map((c) => c.zh)).join('、');
}

/**
 * How the SKUs of a product of the chosen category typically differ, in the words SKU_DIMENSIONS
 * accepts (fields.ts): the hint was `颜色;尺码` (colour;size) whatever the category, a lipstick's
 * shades and a serum's sizes being 色号 and 净含量. By the category's industry; a category the table
 * does not know gets a general example.
 */
const SKU_EXAMPLES: Record<string, Msg> = {
  apparel: msg('颜色;尺码', 'colour;size'),
  mother_baby: msg('尺码;规格', 'size;spec'),
  health: msg('规格;颜色', 'spec;colour'),
  beauty: msg('色号;净含量', 'shade;net content'),
  automotive: msg('规格;颜色', 'spec;colour'),
  electronics: msg('颜色;规格', 'colour;spec'),
};
const SKU_GENERAL = msg('规格;颜色', 'spec;colour');

export function skuAsk(table: CategoryTable, category: string): Msg {
  const m = lookupCategory(table, category);
  const e = (m.industry && SKU_EXAMPLES[m.industry.id]) || SKU_GENERAL;
  return msg(`多 SKU 时 SKU 在哪些方面不同 (如 ${e.zh}; 单 SKU 留空)`, `how the SKUs differ, if several (e.g. ${e.en}; empty for one SKU)`);
}

function questions(table: CategoryTable, s: ResolvedSettings, tz: Ctx['tz']): Question[] {
  const examples = categoryExamples(table);
  const amount = (positive: boolean, required: boolean, price = false) => (t: string) => {
    const p = parseAmount(t, positive, price, true);
    if (p.ok && p.value === null && required) return { ok: false as const, reason: msg('必填', 'required') };
    return p;
  };
  return [
    { key: 'itemId', ask: msg('商品ID (可空)', 'item id (optional)') },
    { key: 'title', ask: msg('商品标题 (可空)', 'title (optional)') },
    { key: 'category', ask: msg(`类目 (如 ${examples}; 隐形眼镜至少 20 副, 按标题里的片数折算件数)`, `category (e.g. ${examples}; contact lenses buy at least 20 pairs, in units from the lenses the title names)`), default: () => table.categories[0]?.zh ?? '' },
    { key: 'listPrice', ask: msg('一口价 (元, 报名页按它估算)', 'list price 一口价 (yuan; the registration page estimates with it)'), check: amount(true, true, true) },
    { key: 'dealPrice', ask: msg('到手价 (元, 实际按它购样)', 'deal price 到手价 (yuan; samples are bought at it)'), default: (a) => a.listPrice ?? '', check: amount(true, true, true) },
    { key: 'unitCost', ask: msg('单件成本 (元)', 'unit cost (yuan)'), check: amount(false, true) },
    { key: 'serviceFee', ask: msg('服务费 (元, 见报名页)', 'service fee (yuan, from the registration page)'), check: amount(false, true, true) },
    {
      key: 'samples',
      ask: msg('样品数 (空 = 按类目估算)', 'samples (empty = from the category)'),
      default: () => '',
      check: parseSamples,
    },
    { key: 'periodDays', ask: msg('展示周期 (30 或 180 天)', 'display period (30 or 180 days)'), default: () => String(DEFAULT_PERIOD), check: parsePeriod },
    { key: 'autoRenew', ask: msg('到期前自动续费?', 'auto-renew before expiry?'), confirm: true },
    { key: 'commissionRate', ask: msg('平台佣金率 (0.05 或 5%)', 'platform commission rate (0.05 or 5%)'), default: () => s.commissionRate.toString(), check: parseRate },
    { key: 'shippingPerSample', ask: msg('每件样品运费 (元)', 'shipping per sample (yuan)'), default: () => s.shippingPerSample.toFixed(2), check: amount(false, false) },
    { key: 'signedAt', ask: msg('代扣协议签约时间 (可空, 如 2026-11-20 14:00)', 'withholding agreement signed at (optional, e.g. 2026-11-20 14:00)'), default: () => '', check: (t) => parseWhen(t, tz) },
    { key: 'skuDiffers', ask: (a) => skuAsk(table, a.category ?? ''), default: () => '', check: parseSkuDiffers },
  ];
}

/** Ask for one product. Exported for tests, which drive it through injected streams. */
export async function askProduct(streams: PromptStreams, table: CategoryTable, s: ResolvedSettings, lang: Lang, tz: Ctx['tz']): Promise<{ product: Product; answers: Answers; defaulted: Set<FieldKey> }> {
  const { input, confirm } = await import('@inquirer/prompts');
  const ctxFor = () => ({ input: streams.input, output: keepOpen(streams.output) });
  const answers: Answers = {};
  // Fields left at their default: a file without their column loses nothing by not saving them.
  const defaulted = new Set<FieldKey>();
  try {
    for (const q of questions(table, s, tz)) {
      const ask = typeof q.ask === 'function' ? q.ask(answers) : q.ask;
      if (q.confirm) {
        const yes = await confirm({ message: say(ask, lang), default: false, theme: yesNo(lang) }, ctxFor());
        answers[q.key] = yes ? 'yes' : 'no';
        if (!yes) defaulted.add(q.key);
        continue;
      }
      const def = q.default?.(answers);
      const text = await input(
        {
          message: say(q.key === 'samples' ? withRange(ask, table, answers.category ?? '') : ask, lang),
          ...(def !== undefined && def !== '' ? { default: def } : {}),
          validate: (v: string) => {
            if (!q.check) return true;
            const p = q.check(v.trim());
            // The box is emptied after a refusal (REFUSED_CLEARS): the reason names what was typed.
            if (p.ok) return true;
            return v.trim() === '' ? say(p.reason, lang) : `"${v.trim()}" ${say(p.reason, lang)}`;
          },
          theme: REFUSED_CLEARS,
        },
        ctxFor(),
      );
      // A number typed with a Chinese input method (１９９．５, ５％) is kept as its ASCII form, the
      // form the file reader reads and the appended row shows.
      answers[q.key] = q.check ? halfWidth(text.trim()) : text.trim();
      if (answers[q.key] === (def ?? '')) defaulted.add(q.key);
    }
  } catch (e) {
    interrupted(e);
  }
  const parsed = parseProduct(answers, tz);
  if (!('product' in parsed)) throw new Error(`answer for ${parsed.field} passed validation but not parsing`);
  return { product: parsed.product, answers, defaulted };
}

function withRange(ask: Msg, table: CategoryTable, category: string): Msg {
  const r = lookupCategory(table, category).range;
  const range = r.samplesMin === r.samplesMax ? `${r.samplesMin}${r.openEnded ? '+' : ''}` : `${r.samplesMin}–${r.samplesMax}`;
  return msg(`${ask.zh}; 该类目 ${range} 件`, `${ask.en}; this category: ${range}`);
}

/** After the estimate: offer to append the product to a csv file. Returns the file or undefined. */
/** Why `file` cannot be appended to as a file: it exists and is a named pipe, socket, device or folder. */
function notRegular(file: string): Msg | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return undefined;
  }
  if (st.isFile()) return undefined;
  return st.isDirectory() ? msg('它是文件夹', 'it is a folder') : NOT_A_FILE;
}

export async function askAppend(streams: PromptStreams, lang: Lang, cwd = process.cwd()): Promise<string | undefined> {
  const { input, confirm } = await import('@inquirer/prompts');
  const ctxFor = () => ({ input: streams.input, output: keepOpen(streams.output) });
  try {
    const yes = await confirm({ message: say(msg('把这个商品追加到 csv 商品表?', 'append this product to a csv product file?'), lang), default: false, theme: yesNo(lang) }, ctxFor());
    if (!yes) return undefined;
    const file = await input(
      {
        message: say(msg('追加到哪个文件', 'file to append to'), lang),
        default: 'zhenjian-products.csv',
        validate: (v: string) => {
          if (!/\.csv$/i.test(v.trim())) return `"${v.trim()}": ${say(msg('只能追加到 .csv 文件', 'only a .csv file can be appended to'), lang)}`;
          // A named pipe, socket or device of that name is told here, so another name can be typed
          // (appendProduct refuses it too, without waiting on it).
          const problem = notRegular(path.resolve(cwd, v.trim()));
          return problem ? `"${v.trim()}": ${say(problem, lang)}` : true;
        },
        theme: REFUSED_CLEARS,
      },
      ctxFor(),
    );
    return file.trim();
  } catch (e) {
    interrupted(e);
  }
}

export async function runInteractive(ctx: Ctx, table: CategoryTable, s: ResolvedSettings): Promise<void> {
  const streams: PromptStreams = { input: ctx.io.stdin, output: ctx.io.stdout };
  const { product, answers, defaulted } = await askProduct(streams, table, s, ctx.lang, ctx.tz);
  const { writeEstimates, estimateAll } = await import('./run.js');
  const estimates = estimateAll(ctx, [product], table, s);
  await writeEstimates(ctx, estimates, s);
  const file = await askAppend(streams, ctx.lang, ctx.io.cwd);
  if (file) {
    const { appendProduct } = await import('./append.js');
    const path = await appendProduct(ctx, file, answers, defaulted);
    ctx.info(noteLine(msg(`已追加到 ${path}`, `appended to ${path}`)));
  }
}

/** The yes/no prompt in the user's language: 是/否 in Chinese (y and n are always accepted too). */
