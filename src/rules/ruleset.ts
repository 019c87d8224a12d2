// Rule sets are data (templates/rules/*.json); this module loads and validates them.
import fs from 'node:fs';
import path from 'node:path';
import { InputError, type Msg, UsageError, msg } from '../cli/errors.js';
import { Money } from '../money.js';
import { templatesDir } from '../paths.js';

export interface RuleSet {
  id: string;
  title: Msg;
  source: string;
  validFrom: string | null;
  validTo: string | null;
  /** Default ship window when an order has no promised time (RULES 1.1). */
  shipWindowHours: number;
  /** RULES 1.3: a set window over this many hours takes the long-window rates (10 % late, 15 % out of stock). */
  longWindowOverHours: number;
  /** Listing words that tighten the window (RULES 1.3: 现货 48 h; 极速发/秒发/当日发/次日达 24 h). */
  titleWindows: { keywords: string[]; hours: number }[];
  late: { rate: Money; presaleRate: Money; longWindowRate: Money; min: Money; max: Money | null };
  outOfStock: { afterLateHours: number; rate: Money; longWindowRate: Money; min: Money; max: Money | null } | null;
  combine: { by: 'rolling-24h' | 'calendar-day'; cap: Money | null };
  deliveryPromise: { amount: Money } | null;
  /** RULES 1.2: serious delay plus a complaint costs points (a risk flag, no money). */
  seriousDelay: { afterHours: number; note: Msg } | null;
}


export function builtinIds(): string[] {
  return fs
    .readdirSync(path.join(templatesDir(), 'rules'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

class Checker {
  constructor(private readonly file: string) {}
  /** `expected` is "english / 中文" (or one text for both). */
  fail(field: string, expected: string, got: unknown): never {
    const [en, zh] = expected.trim().split(' / ');
    const shown = got === undefined ? 'nothing (the field is missing)' : JSON.stringify(got);
    const shownZh = got === undefined ? '空 (缺少该字段)' : JSON.stringify(got);
    throw new InputError(
      msg(`规则文件 ${this.file}: 字段 "${field}" 应为${zh ?? en}, 实际是 ${shownZh}`, `rule file ${this.file}: field "${field}" must be ${en}, got ${shown}`),
      msg('参照 templates/rules/tmall-2023.json 的格式修改。', 'compare with templates/rules/tmall-2023.json and fix the field.'),
    );
  }
  obj(v: unknown, field: string): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(field, ' an object / 对象', v);
    return v as Record<string, unknown>;
  }
  str(v: unknown, field: string): string {
    if (typeof v !== 'string' || v === '') this.fail(field, ' a non-empty string / 非空文本', v);
    return v as string;
  }
  hours(v: unknown, field: string): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 24 * 365) this.fail(field, ' a number of hours > 0 / 正的小时数', v);
    return v as number;
  }
  money(v: unknown, field: string, nullable = false): Money | null {
    if (v === null && nullable) return null;
    if ((typeof v !== 'string' && typeof v !== 'number') || !/^\d+(\.\d{1,2})?$/.test(String(v))) {
      this.fail(field, nullable ? 'an amount like "5.00" or null / 金额 (如 "5.00") 或 null' : 'an amount like "5.00" / 金额 (如 "5.00")', v);
    }
    return new Money(String(v));
  }
  rate(v: unknown, field: string): Money {
    if ((typeof v !== 'string' && typeof v !== 'number') || !/^(0(\.\d+)?|1(\.0+)?)$/.test(String(v))) this.fail(field, ' a rate between 0 and 1 such as "0.30" / 0 到 1 之间的比例', v);
    return new Money(String(v));
  }
}

export function parseRuleSet(raw: unknown, file: string): RuleSet {
  const c = new Checker(file);
  const o = c.obj(raw, '(top)');
  const title = c.obj(o.title, 'title');
  const late = c.obj(o.late, 'late');
  const combine = c.obj(o.combine, 'combine');
  const by = c.str(combine.by, 'combine.by');
  if (by !== 'rolling-24h' && by !== 'calendar-day') c.fail('combine.by', '"rolling-24h" or "calendar-day" / "rolling-24h" 或 "calendar-day"', by);
  const lateRate = c.rate(late.rate, 'late.rate');
  const r: RuleSet = {
    id: c.str(o.id, 'id'),
    title: { zh: c.str(title.zh, 'title.zh'), en: c.str(title.en, 'title.en') },
    source: c.str(o.source, 'source'),
    validFrom: o.validFrom == null ? null : c.str(o.validFrom, 'validFrom'),
    validTo: o.validTo == null ? null : c.str(o.validTo, 'validTo'),
    shipWindowHours: c.hours(o.shipWindowHours, 'shipWindowHours'),
    longWindowOverHours: o.longWindowOverHours === undefined ? 48 : c.hours(o.longWindowOverHours, 'longWindowOverHours'),
    titleWindows: [],
    late: {
      rate: lateRate,
      presaleRate: late.presaleRate === undefined ? lateRate : c.rate(late.presaleRate, 'late.presaleRate'),
      longWindowRate: late.longWindowRate === undefined ? lateRate : c.rate(late.longWindowRate, 'late.longWindowRate'),
      min: c.money(late.min, 'late.min')!,
      max: c.money(late.max ?? null, 'late.max', true),
    },
    outOfStock: null,
    combine: { by: by as RuleSet['combine']['by'], cap: c.money(combine.cap ?? null, 'combine.cap', true) },
    deliveryPromise: null,
    seriousDelay: null,
  };
  if (o.titleWindows !== undefined) {
    if (!Array.isArray(o.titleWindows)) c.fail('titleWindows', ' a list / 列表', o.titleWindows);
    r.titleWindows = (o.titleWindows as unknown[]).map((w, i) => {
      const wo = c.obj(w, `titleWindows[${i}]`);
      if (!Array.isArray(wo.keywords) || wo.keywords.some((k) => typeof k !== 'string' || k === '')) c.fail(`titleWindows[${i}].keywords`, ' a list of words / 关键词列表', wo.keywords);
      return { keywords: wo.keywords as string[], hours: c.hours(wo.hours, `titleWindows[${i}].hours`) };
    });
  }
  if (o.outOfStock != null) {
    const s = c.obj(o.outOfStock, 'outOfStock');
    const rate = c.rate(s.rate, 'outOfStock.rate');
    r.outOfStock = {
      afterLateHours: c.hours(s.afterLateHours, 'outOfStock.afterLateHours'),
      rate,
      longWindowRate: s.longWindowRate === undefined ? rate : c.rate(s.longWindowRate, 'outOfStock.longWindowRate'),
      min: c.money(s.min, 'outOfStock.min')!,
      max: c.money(s.max ?? null, 'outOfStock.max', true),
    };
  }
  if (o.deliveryPromise != null) {
    const d = c.obj(o.deliveryPromise, 'deliveryPromise');
    r.deliveryPromise = { amount: c.money(d.amount, 'deliveryPromise.amount')! };
  }
  if (o.seriousDelay != null) {
    const d = c.obj(o.seriousDelay, 'seriousDelay');
    const note = c.obj(d.note, 'seriousDelay.note');
    r.seriousDelay = { afterHours: c.hours(d.afterHours, 'seriousDelay.afterHours'), note: { zh: c.str(note.zh, 'seriousDelay.note.zh'), en: c.str(note.en, 'seriousDelay.note.en') } };
  }
  if (r.late.max && r.late.max.lt(r.late.min)) c.fail('late.max', `at least late.min (${r.late.min.toFixed(2)}) / 不小于 late.min (${r.late.min.toFixed(2)})`, late.max);
  return r;
}

/** A built-in id (`tmall-2023`, `tmall-2026`) or a path to a JSON file of the same shape. */
export function loadRuleSet(idOrFile: string, cwd: string): RuleSet {
  const builtins = builtinIds();
  let file: string;
  if (builtins.includes(idOrFile)) file = path.join(templatesDir(), 'rules', `${idOrFile}.json`);
  else if (idOrFile.endsWith('.json') || idOrFile.includes('/') || idOrFile.includes(path.sep)) file = path.resolve(cwd, idOrFile);
  else {
    throw new UsageError(
      msg(`未知的规则集 "${idOrFile}"`, `unknown rule set "${idOrFile}"`),
      msg(`内置: ${builtins.join(', ')}; 或给出 JSON 规则文件的路径。`, `built in: ${builtins.join(', ')}; or give the path of a JSON rule file.`),
    );
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(msg(`无法读取规则文件 ${file}: ${(e as Error).message}`, `cannot read rule file ${file}: ${(e as Error).message}`));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // JSON.parse quotes the offending text; a binary file would put raw bytes on the terminal.
    const why = (e as Error).message.replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
    throw new InputError(
      msg(`规则文件 ${file} 不是有效的 JSON: ${why}`, `rule file ${file} is not valid JSON: ${why}`),
      msg('规则文件应是与 templates/rules/tmall-2023.json 同样格式的 JSON。', 'a rule file is JSON in the shape of templates/rules/tmall-2023.json.'),
    );
  }
  return parseRuleSet(raw, file);
}
