// Settings for `zhenjian estimate`: flags, then the config section `zhenjian`, then defaults.
import path from 'node:path';
import { configKey, section } from '../config.js';
import type { Ctx } from '../context.js';
import { InputError, type Msg, UsageError, msg } from '../errors.js';
import { Money, ZERO } from '../money.js';
import { templatesDir } from '../paths.js';
import { type CategoryTable, parseCategoryTable } from './categories.js';
import { parseAmount, parseRate } from './fields.js';
import { halfWidth } from '../io/cells.js';
import { DEFAULT_FAR_ABOVE, type Settings } from './model.js';
import { jsonProblem } from '../io/jsontext.js';
import { fileProblem } from '../io/fsproblem.js';
import { readTextFileSync } from '../io/textfile.js';

export interface ResolvedSettings extends Omit<Settings, 'labels'> {
  /** False when no commission rate came from a flag or the config (0 is used). */
  commissionGiven: boolean;
}

/** Value from a flag or the config, as text, with where it came from for messages. */
function pick(opts: Record<string, unknown>, flag: string, cfg: Record<string, unknown>, key: string, configPath?: string): { text: string; from: Msg } | undefined {
  const f = opts[flag];
  if (f !== undefined && f !== null) {
    const name = `--${flag.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`;
    return { text: String(f), from: msg(name, name) };
  }
  const c = cfg[key];
  // Named with its file: which config file to open and fix.
  if (c !== undefined && c !== null && c !== '') return { text: String(c), from: configKey(configPath, `zhenjian.${key}`) };
  return undefined;
}

function badValue(from: Msg, value: string, reason: Msg, hint: Msg): UsageError {
  return new UsageError(msg(`${from.zh} 的值 "${value}" ${reason.zh}`, `${from.en} "${value}" ${reason.en}`), hint);
}

function amount(v: { text: string; from: Msg } | undefined, positive: boolean): Money | undefined {
  if (!v) return undefined;
  const p = parseAmount(v.text, positive);
  if (!p.ok) throw badValue(v.from, v.text, p.reason, msg('写成金额, 例如 199 或 199.00。', 'write an amount such as 199 or 199.00.'));
  return p.value ?? undefined;
}

export function resolveSettings(ctx: Ctx, opts: Record<string, unknown>): ResolvedSettings {
  const cfg = section(ctx.config, 'zhenjian');
  const rateV = pick(opts, 'commission', cfg, 'commissionRate', ctx.configPath);
  let commissionRate = ZERO;
  if (rateV) {
    const r = parseRate(rateV.text);
    if (!r.ok) throw badValue(rateV.from, rateV.text, r.reason, msg('例如 0.05 或 5%。', 'for example 0.05 or 5%.'));
    commissionRate = r.value ?? ZERO;
  }
  const farV = pick(opts, 'farAbove', cfg, 'farAboveRatio', ctx.configPath);
  let farAboveRatio = DEFAULT_FAR_ABOVE;
  if (farV) {
    farV.text = halfWidth(farV.text).trim();
    if (!/^\d+(\.\d+)?$/.test(farV.text) || new Money(farV.text).lte(0)) {
      throw badValue(farV.from, farV.text, msg('不是正数', 'is not a positive number'), msg('例如 2 (实际扣款超过预估 2 倍时提醒)。', 'for example 2 (warn when the charge is over 2× the estimate).'));
    }
    farAboveRatio = new Money(farV.text);
  }
  return {
    commissionRate,
    commissionGiven: rateV !== undefined,
    shippingPerSample: amount(pick(opts, 'shipping', cfg, 'shippingPerSample', ctx.configPath), false) ?? ZERO,
    avgOrder: amount(pick(opts, 'avgOrder', cfg, 'avgOrder', ctx.configPath), true),
    balance: amount(pick(opts, 'balance', {}, 'balance'), false),
    farAboveRatio,
    asOf: ctx.asOf,
    tz: ctx.tz,
  };
}

/** The shipped table: templates/zhenjian/categories.json. */
export function defaultCategoriesPath(): string {
  return path.join(templatesDir(), 'zhenjian', 'categories.json');
}

/** --categories, else config zhenjian.categories (relative to the config file), else the template. */
export function loadCategories(ctx: Ctx, opts: Record<string, unknown>): CategoryTable {
  const cfg = section(ctx.config, 'zhenjian');
  let file: string;
  if (typeof opts.categories === 'string') file = path.resolve(ctx.io.cwd, opts.categories);
  else if (typeof cfg.categories === 'string') file = path.resolve(ctx.configPath ? path.dirname(ctx.configPath) : ctx.io.cwd, cfg.categories);
  else file = defaultCategoriesPath();
  let text: string;
  try {
    text = readTextFileSync(file);
  } catch (e) {
    throw new InputError(
      msg(`无法读取类目表 ${file}: ${fileProblem(e).zh}`, `cannot read the category table ${file}: ${fileProblem(e).en}`),
      msg('检查 --categories 或配置 zhenjian.categories 的路径; `storeops init` 会复制一份可编辑的模板。', 'check the path given by --categories or config zhenjian.categories; `storeops init` copies an editable template.'),
    );
  }
  let json: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(body);
  } catch (e) {
    const why = jsonProblem(e, body);
    throw new InputError(
      msg(`类目表 ${file} 有误: ${why.zh}`, `category table ${file}: ${why.en}`),
      msg('修正该文件。', 'fix the file.'),
    );
  }
  return parseCategoryTable(json, file);
}
