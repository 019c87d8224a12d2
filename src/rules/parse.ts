// Validate a rule file (templates/rules/*.json, or the shop's own) into a RuleSet. Every error
// names the file and the field, in zh and en.
import { doc } from '../paths.js';
import { InputError, type Msg, msg } from '../errors.js';
import { closestKey } from '../context.js';
import { Money } from '../money.js';
import { halfWidth } from '../io/cells.js';
import { findTier, inRange, thresholds } from './tiers.js';
import {
  BASE_RULES, type BaseRule, COMBINE_BY, type CombineBy, PAYERS, PAY_UNITS, type PayUnit, type Payer, RULE_PLATFORMS, ROUNDINGS, type Range, type RulePlatform,
  type Rounding, type RuleSet, TIER_KINDS, type Tier, type TierKind,
} from './types.js';

// The example is named where an installed storeops has it: `storeops init` writes it into the
// current folder (templates/ is inside the package, where an operator never looks).
export const TEMPLATE_HINT = msg(
  `参照示例规则文件的格式修改 (\`storeops init\` 会写出 storeops-templates/rules/custom-example.json; 说明见 ${doc('docs/rules.md')})。`,
  `compare with the example rule file (\`storeops init\` writes storeops-templates/rules/custom-example.json) and fix the field (${doc('docs/rules.md')} explains each field).`,
);

class Checker {
  constructor(private readonly file: string) {}
  /** The field errors found so far (`take`): a file is checked whole and every wrong field named at once. */
  readonly errors: InputError[] = [];
  /**
   * `read()`, or `fallback` with its error kept when the field is wrong, so that the fields after it
   * are checked too: an operator fixing a file by hand sees every wrong field in one run, not one a run.
   */
  take<T>(read: () => T, fallback: T): T {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      this.errors.push(e);
      return fallback;
    }
  }
  /** Every error `take` kept, as one (the one as it is); nothing when the file was right so far. */
  throwKept(): void {
    const n = this.errors.length;
    if (n === 0) return;
    if (n === 1) throw this.errors[0]!;
    // Each error without the file's name, which the message gives once; one line (an error is printed
    // on one line, its control characters shown escaped).
    const zhHead = `规则文件 ${this.file}: `;
    const enHead = `rule file ${this.file}: `;
    const strip = (t: string, head: string) => (t.startsWith(head) ? t.slice(head.length) : t);
    throw new InputError(
      msg(
        `规则文件 ${this.file} 有 ${n} 处错误: ${this.errors.map((e, i) => `(${i + 1}) ${strip(e.text.zh, zhHead)}`).join('; ')}`,
        `rule file ${this.file} has ${n} errors: ${this.errors.map((e, i) => `(${i + 1}) ${strip(e.text.en, enHead)}`).join('; ')}`,
      ),
      TEMPLATE_HINT,
    );
  }
  /** `expected` is "english / 中文" (or one text for both). */
  fail(field: string, expected: string, got: unknown): never {
    const [en, zh] = expected.trim().split(' / ');
    const shown = got === undefined ? 'nothing (the field is missing)' : JSON.stringify(got);
    const shownZh = got === undefined ? '空 (缺少该字段)' : JSON.stringify(got);
    // A space between 应为 and what starts with a Latin letter or digit (应为 0 到 1 之间的比例), none before Chinese.
    const want = zh ?? en;
    throw new InputError(msg(`规则文件 ${this.file}: 字段 "${field}" 应为${/^[\x21-\x7e]/.test(want) ? ' ' : ''}${want}, 实际是 ${shownZh}`, `rule file ${this.file}: field "${field}" must be ${en}, got ${shown}`), TEMPLATE_HINT);
  }
  /** A field that is well-formed but does not make sense with the rest. */
  wrong(field: string, zh: string, en: string): never {
    throw new InputError(msg(`规则文件 ${this.file}: 字段 "${field}": ${zh}`, `rule file ${this.file}: field "${field}": ${en}`), TEMPLATE_HINT);
  }
  obj(v: unknown, field: string): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(field, ' an object / 对象', v);
    return v as Record<string, unknown>;
  }
  /**
   * An object's keys must be the fields it has (keys starting with `_` are comments, as in the config
   * file). A misspelt one was ignored, and the field it meant read as absent: `"hoursLate": {"ovr": 72}`
   * made an out-of-stock tier match every late order (10 % where 5 % was written), `"preSale": true`
   * a presale tier every order, `"units": "sub-order"` priced by order. Refused, naming the field meant.
   */
  known(o: Record<string, unknown>, field: string, fields: readonly string[]): void {
    for (const k of Object.keys(o)) {
      if (fields.includes(k) || k.startsWith('_')) continue;
      const where = field === '(top)' ? k : `${field}.${k}`;
      const near = closestKey(k, fields);
      const list = fields.join(', ');
      throw new InputError(
        msg(
          `规则文件 ${this.file}: 未知的字段 "${where}"${near ? `; 是否想写 "${near}"?` : ''} (此处可用: ${list}); 拼错的字段会被当作没写, 赔付会按别的档位计算`,
          `rule file ${this.file}: unknown field "${where}"${near ? `; did you mean "${near}"?` : ''} (fields here: ${list}); a misspelt field would be read as absent and orders priced by another tier`,
        ),
        TEMPLATE_HINT,
      );
    }
  }
  list(v: unknown, field: string): unknown[] {
    if (!Array.isArray(v) || v.length === 0) this.fail(field, ' a non-empty list / 非空列表', v);
    return v as unknown[];
  }
  str(v: unknown, field: string): string {
    if (typeof v !== 'string' || v === '') this.fail(field, ' a non-empty string / 非空文本', v);
    return v as string;
  }
  text(v: unknown, field: string): Msg {
    const o = this.obj(v, field);
    this.known(o, field, ['zh', 'en']);
    // Both languages checked: an empty zh and en are two wrong fields, named at once.
    const before = this.errors.length;
    const t = { zh: this.take(() => this.str(o.zh, `${field}.zh`), ''), en: this.take(() => this.str(o.en, `${field}.en`), '') };
    this.rethrowNewest(before);
    return t;
  }
  /**
   * After a group of `take`s inside one field (a tier, a text): when one of them failed, the newest
   * error is taken back and thrown, so that the caller's own `take` keeps it (the group's other
   * errors stay kept) and the group's stand-in is never used.
   */
  rethrowNewest(before: number): void {
    if (this.errors.length > before) throw this.errors.pop()!;
  }
  oneOf<T extends string>(v: unknown, field: string, allowed: readonly T[]): T {
    if (typeof v !== 'string' || !allowed.includes(v as T)) {
      const list = allowed.map((a) => `"${a}"`).join(', ');
      this.fail(field, `one of ${list} / ${list} 之一`, v);
    }
    return v as T;
  }
  hours(v: unknown, field: string): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 24 * 365) this.fail(field, ' a number of hours > 0 / 正的小时数', v);
    return v as number;
  }
  /** A threshold: 0 allowed (a window "over 0 h" is any window). */
  threshold(v: unknown, field: string): number | null {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 24 * 365) this.fail(field, ' a number of hours ≥ 0, or null / 不小于 0 的小时数或 null', v);
    return v as number;
  }
  money(v: unknown, field: string, nullable = false): Money | null {
    if (v === null && nullable) return null;
    // Full-width digits (５．００, typed with a Chinese input method) are the same digits.
    const t = typeof v === 'string' ? halfWidth(v) : String(v);
    if ((typeof v !== 'string' && typeof v !== 'number') || !/^\d+(\.\d{1,2})?$/.test(t)) {
      this.fail(field, nullable ? 'an amount like "5.00" or null / 金额 (如 "5.00") 或 null' : 'an amount like "5.00" / 金额 (如 "5.00")', v);
    }
    return new Money(t);
  }
  /**
   * A rate between 0 and 1 ("0.05"). A percentage ("5%", ５％) or a whole number of percent (5) is
   * refused with the exact value to write instead ("0.05"): the file's rate is what `rules show`
   * prints and what the docs' tables list, one spelling for one rate.
   */
  rate(v: unknown, field: string): Money {
    const t = typeof v === 'string' ? halfWidth(v).trim() : String(v);
    if ((typeof v === 'string' || typeof v === 'number') && /^(0(\.\d+)?|1(\.0+)?)$/.test(t)) return new Money(t);
    const pct = typeof v === 'string' ? /^(\d+(?:\.\d+)?)\s*%$/.exec(t) : null;
    const n = pct ? pct[1]! : typeof v === 'number' && Number.isFinite(v) && v > 1 && v <= 100 ? t : undefined;
    if (n !== undefined && new Money(n).lte(100)) {
      const r = new Money(n).div(100);
      const write = r.toFixed(Math.max(2, r.decimalPlaces()));
      this.wrong(
        field,
        `比例写成 0 到 1 之间的小数: ${n}% 写 "${write}", 实际是 ${JSON.stringify(v)}`,
        `a rate is written as a fraction between 0 and 1: for ${n}% write "${write}", got ${JSON.stringify(v)}`,
      );
    }
    return this.fail(field, ' a rate between 0 and 1 such as "0.30" / 0 到 1 之间的比例', v);
  }
  date(v: unknown, field: string): string | null {
    if (v === undefined || v === null) return null;
    // A month or day out of range (2026-13-01) is an invalid Date, whose toISOString throws; 02-30 rolls over to 03-02.
    const d = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null;
    const ok = d !== null && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v as string);
    if (!ok) this.fail(field, 'a date like "2026-04-09" (Beijing calendar day), or null / 日期 (如 "2026-04-09", 北京时间) 或 null', v);
    return v as string;
  }
  range(v: unknown, field: string): Range {
    if (v === undefined || v === null) return { over: null, upTo: null };
    const o = this.obj(v, field);
    this.known(o, field, ['over', 'upTo']);
    const r = { over: this.threshold(o.over, `${field}.over`), upTo: this.threshold(o.upTo, `${field}.upTo`) };
    if (r.over !== null && r.upTo !== null && r.upTo <= r.over) this.fail(`${field}.upTo`, `more than ${field}.over (${r.over}) / 大于 ${field}.over (${r.over})`, o.upTo);
    return r;
  }
}

function parseTier(c: Checker, v: unknown, field: string): Tier {
  const t = c.obj(v, field);
  // Each of the tier's fields checked (c.take): a tier with a wrong rate and a wrong min names both.
  const before = c.errors.length;
  c.take(() => c.known(t, field, ['kind', 'window', 'hoursLate', 'presale', 'rate', 'min', 'max']), undefined);
  const presale = t.presale === undefined || t.presale === null ? null : t.presale;
  if (presale !== null && typeof presale !== 'boolean') c.take(() => c.fail(`${field}.presale`, 'true, false or null / true、false 或 null', t.presale), undefined);
  const any: Range = { over: null, upTo: null };
  const tier: Tier = {
    kind: c.take(() => c.oneOf<TierKind>(t.kind, `${field}.kind`, TIER_KINDS), 'late'),
    window: c.take(() => c.range(t.window, `${field}.window`), any),
    hoursLate: c.take(() => c.range(t.hoursLate, `${field}.hoursLate`), any),
    presale: presale as boolean | null,
    rate: c.take(() => c.rate(t.rate, `${field}.rate`), new Money(0)),
    min: c.take(() => c.money(t.min, `${field}.min`)!, new Money(0)),
    max: c.take(() => c.money(t.max ?? null, `${field}.max`, true), null),
  };
  c.rethrowNewest(before);
  if (tier.max && tier.max.lt(tier.min)) c.fail(`${field}.max`, `at least ${field}.min (${tier.min.toFixed(2)}) / 不小于 ${field}.min (${tier.min.toFixed(2)})`, t.max);
  return tier;
}

/**
 * The tiers must price every late order: probe each window and lateness the tiers name (at the
 * threshold and just past it), presale or not, and name the first case no tier covers.
 */
function checkCoverage(c: Checker, tiers: Tier[]): void {
  const probe = (ts: number[]) => [1e-6, ...ts.flatMap((x) => [x, x + 1e-6]), 24 * 365 * 10].filter((x) => x > 0);
  for (const w of probe(thresholds(tiers, 'window'))) {
    for (const l of probe(thresholds(tiers, 'hoursLate'))) {
      for (const presale of [false, true]) {
        if (findTier(tiers, w, l, presale)) continue;
        const [ws, ls] = [+w.toFixed(6), +l.toFixed(6)];
        c.wrong(
          'tiers',
          `没有档位覆盖${presale ? '预售' : ''}发货时限 ${ws} 小时、延迟 ${ls} 小时的订单; 档位须覆盖所有延迟订单 (可加一个不设 window/hoursLate 的兜底档位)`,
          `no tier covers ${presale ? 'a presale' : 'an'} order with a ${ws} h window, ${ls} h late; the tiers must price every late order (a last tier with no window/hoursLate catches the rest)`,
        );
      }
    }
  }
}

/**
 * Under `rounding: "yuan"` every payout is a whole yuan (RULES 1.3b: rounded after the rate, before
 * the minimum and maximum), so a minimum, maximum, combined cap or unkept-promise amount with fen in
 * it would make a payout that is not: 12.34 as a cap paid 12.34. The file contradicts itself; which of the two
 * was meant is not ours to guess, so it is refused naming the field.
 */
function checkWholeYuan(c: Checker, r: RuleSet): void {
  const bounds: [string, Money | null][] = r.tiers.flatMap((t, i): [string, Money | null][] => [[`tiers[${i}].min`, t.min], [`tiers[${i}].max`, t.max]]);
  bounds.push(['combine.cap', r.combine.cap]);
  // The unkept-promise payout is a fixed amount, paid as written (promise.ts): 10.50 under "yuan" paid 10.50.
  if (r.deliveryPromise) bounds.push(['deliveryPromise.amount', r.deliveryPromise.amount]);
  for (const [field, m] of bounds) {
    if (m === null || m.isInteger()) continue;
    const v = m.toFixed(2);
    const [down, up] = [m.floor().toFixed(2), m.ceil().toFixed(2)];
    c.wrong(
      field,
      `"rounding" 为 "yuan" (取整到元) 时金额须为整元, 实际是 "${v}": 请写 "${down}" 或 "${up}", 或把 "rounding" 改为 "fen"`,
      `with "rounding": "yuan" (whole yuan) the amount must be whole yuan, got "${v}": write "${down}" or "${up}", or set "rounding" to "fen"`,
    );
  }
}

/** The format before tiers (late / outOfStock / longWindowOverHours): still accepted, read as tiers. */
function legacyTiers(c: Checker, o: Record<string, unknown>): Tier[] {
  // Each field checked (c.take), as a tier's: `late` and `outOfStock` with two wrong fields each name four.
  const before = c.errors.length;
  const zero = new Money(0);
  const late = c.take(() => c.obj(o.late, 'late'), undefined);
  const longOver = o.longWindowOverHours === undefined ? 48 : c.take(() => c.hours(o.longWindowOverHours, 'longWindowOverHours'), 48);
  let lateRate = zero;
  let lateMin = zero;
  let lateMax: Money | null = null;
  let presaleRate = zero;
  let longWindowRate = zero;
  if (late) {
    c.take(() => c.known(late, 'late', ['rate', 'min', 'max', 'presaleRate', 'longWindowRate']), undefined);
    const n = c.errors.length;
    lateRate = c.take(() => c.rate(late.rate, 'late.rate'), zero);
    lateMin = c.take(() => c.money(late.min, 'late.min')!, zero);
    lateMax = c.take(() => c.money(late.max ?? null, 'late.max', true), null);
    const bounds = c.errors.length === n;
    presaleRate = late.presaleRate === undefined ? lateRate : c.take(() => c.rate(late.presaleRate, 'late.presaleRate'), zero);
    longWindowRate = late.longWindowRate === undefined ? lateRate : c.take(() => c.rate(late.longWindowRate, 'late.longWindowRate'), zero);
    if (bounds && lateMax && lateMax.lt(lateMin)) c.take(() => c.fail('late.max', `at least late.min (${lateMin.toFixed(2)}) / 不小于 late.min (${lateMin.toFixed(2)})`, late.max), undefined);
  }
  const any: Range = { over: null, upTo: null };
  const tier = (kind: TierKind, window: Range, hoursLate: Range, presale: boolean | null, rate: Money, min: Money, max: Money | null): Tier => ({ kind, window, hoursLate, presale, rate, min, max });
  const tiers: Tier[] = [];
  let lateHours: Range = any;
  if (o.outOfStock != null) {
    const s = c.take(() => c.obj(o.outOfStock, 'outOfStock'), undefined);
    if (s) {
      c.take(() => c.known(s, 'outOfStock', ['afterLateHours', 'rate', 'min', 'max', 'longWindowRate']), undefined);
      const after = c.take(() => c.hours(s.afterLateHours, 'outOfStock.afterLateHours'), 0);
      const rate = c.take(() => c.rate(s.rate, 'outOfStock.rate'), zero);
      const min = c.take(() => c.money(s.min, 'outOfStock.min')!, zero);
      const max = c.take(() => c.money(s.max ?? null, 'outOfStock.max', true), null);
      const longRate = s.longWindowRate === undefined ? rate : c.take(() => c.rate(s.longWindowRate, 'outOfStock.longWindowRate'), zero);
      tiers.push(tier('out_of_stock', { over: longOver, upTo: null }, { over: after, upTo: null }, null, longRate, min, max));
      tiers.push(tier('out_of_stock', any, { over: after, upTo: null }, null, rate, min, max));
      lateHours = { over: null, upTo: after };
    }
  }
  // A field was wrong: the newest error is thrown for parseRuleSet's take (the others stay kept), no stand-in used.
  c.rethrowNewest(before);
  tiers.push(tier('late', any, lateHours, true, presaleRate, lateMin, lateMax));
  tiers.push(tier('late', { over: longOver, upTo: null }, lateHours, null, longWindowRate, lateMin, lateMax));
  tiers.push(tier('late', any, lateHours, null, lateRate, lateMin, lateMax));
  return tiers;
}

/** The fields of a rule file (docs/rules.md §1.6), and those of the format before tiers. */
const TOP_FIELDS = ['id', 'platform', 'title', 'source', 'reading', 'validFrom', 'validTo', 'shipWindowHours', 'titleWindows', 'base', 'tiers', 'rounding', 'combine', 'unit', 'payer', 'deliveryPromise', 'seriousDelay', 'windowNote', 'directMail'] as const;
const LEGACY_FIELDS = ['late', 'outOfStock', 'longWindowOverHours'] as const;

/**
 * `builtIn`: a rule set shipped in templates/rules, whose tiers a test checks for coverage
 * (test/compensation/rulesets.test.ts, "every built-in rule set covers every late order"): the
 * probe is not repeated on every start (issue 21: 13–20 M instructions for the four sets). Every
 * other check still runs; a file of the shop's own is always checked in full.
 */
export function parseRuleSet(raw: unknown, file: string, builtIn = false): RuleSet {
  const c = new Checker(file);
  const o = c.obj(raw, '(top)');
  const legacy = o.tiers === undefined && o.late !== undefined;
  // Each field is checked on its own (c.take): every wrong one is named in one error. A field's
  // stand-in after an error is never used: the errors are thrown before the checks that combine fields.
  const t = c.take.bind(c);
  t(() => c.known(o, '(top)', legacy ? [...TOP_FIELDS, ...LEGACY_FIELDS] : TOP_FIELDS), undefined);
  // combine not an object: that one error, not also "combine.by ... got nothing" of a stand-in.
  const combine = t(() => c.obj(o.combine, 'combine'), undefined);
  if (combine) t(() => c.known(combine, 'combine', ['by', 'cap']), undefined);
  const r: RuleSet = {
    id: t(() => c.str(o.id, 'id'), ''),
    title: t(() => c.text(o.title, 'title'), { zh: '', en: '' }),
    // One text for both languages, or {zh, en} (the built-in sets: a zh 来源 column read English before).
    source: typeof o.source === 'string' ? { zh: o.source, en: o.source } : t(() => c.text(o.source, 'source'), { zh: '', en: '' }),
    reading: o.reading == null ? null : t(() => c.text(o.reading, 'reading'), null),
    // Files written before rule sets carried a platform were all Tmall/Taobao rules.
    platform: legacy && o.platform === undefined ? 'taobao' : t(() => c.oneOf<RulePlatform>(o.platform, 'platform', RULE_PLATFORMS), 'taobao'),
    validFrom: t(() => c.date(o.validFrom, 'validFrom'), null),
    validTo: t(() => c.date(o.validTo, 'validTo'), null),
    shipWindowHours: t(() => c.hours(o.shipWindowHours, 'shipWindowHours'), 0),
    titleWindows: [],
    base: o.base === undefined ? 'paid-minus-postage' : t(() => c.oneOf<BaseRule>(o.base, 'base', BASE_RULES), 'paid-minus-postage'),
    tiers: legacy
      ? t(() => legacyTiers(c, o), [])
      : t(() => c.list(o.tiers, 'tiers'), []).flatMap((v, i) => {
          const tier = t(() => parseTier(c, v, `tiers[${i}]`), undefined);
          return tier ? [tier] : [];
        }),
    rounding: o.rounding === undefined && legacy ? 'fen' : t(() => c.oneOf<Rounding>(o.rounding, 'rounding', ROUNDINGS), 'fen'),
    combine: combine
      ? { by: t(() => c.oneOf<CombineBy>(combine.by, 'combine.by', COMBINE_BY), 'none'), cap: t(() => c.money(combine.cap ?? null, 'combine.cap', true), null) }
      : { by: 'none', cap: null },
    unit: o.unit === undefined ? 'order' : t(() => c.oneOf<PayUnit>(o.unit, 'unit', PAY_UNITS), 'order'),
    payer: o.payer === undefined && legacy ? 'shop-issues' : t(() => c.oneOf<Payer>(o.payer, 'payer', PAYERS), 'shop-issues'),
    deliveryPromise: null,
    seriousDelay: null,
    windowNote: null,
    directMail: null,
  };
  if (o.titleWindows !== undefined) {
    if (!Array.isArray(o.titleWindows)) t(() => c.fail('titleWindows', ' a list / 列表', o.titleWindows), undefined);
    else
      r.titleWindows = o.titleWindows.flatMap((w, i) => {
        const one = t(() => {
          const wo = c.obj(w, `titleWindows[${i}]`);
          c.known(wo, `titleWindows[${i}]`, ['keywords', 'hours']);
          if (!Array.isArray(wo.keywords) || wo.keywords.some((k) => typeof k !== 'string' || k === '')) c.fail(`titleWindows[${i}].keywords`, ' a list of words / 关键词列表', wo.keywords);
          return { keywords: wo.keywords as string[], hours: c.hours(wo.hours, `titleWindows[${i}].hours`) };
        }, undefined);
        return one ? [one] : [];
      });
  }
  if (o.deliveryPromise != null) {
    t(() => {
      const d = c.obj(o.deliveryPromise, 'deliveryPromise');
      c.known(d, 'deliveryPromise', ['amount']);
      r.deliveryPromise = { amount: c.money(d.amount, 'deliveryPromise.amount')! };
    }, undefined);
  }
  if (o.seriousDelay != null) {
    t(() => {
      const d = c.obj(o.seriousDelay, 'seriousDelay');
      c.known(d, 'seriousDelay', ['afterHours', 'note']);
      r.seriousDelay = { afterHours: c.hours(d.afterHours, 'seriousDelay.afterHours'), note: c.text(d.note, 'seriousDelay.note') };
    }, undefined);
  }
  if (o.windowNote != null) {
    t(() => {
      const d = c.obj(o.windowNote, 'windowNote');
      c.known(d, 'windowNote', ['window', 'note']);
      r.windowNote = { window: c.range(d.window, 'windowNote.window'), note: c.text(d.note, 'windowNote.note') };
    }, undefined);
  }
  if (o.directMail != null) {
    t(() => {
      const d = c.obj(o.directMail, 'directMail');
      c.known(d, 'directMail', ['shipWindowHours', 'window']);
      r.directMail = { shipWindowHours: c.hours(d.shipWindowHours, 'directMail.shipWindowHours'), window: c.range(d.window, 'directMail.window') };
    }, undefined);
  }
  // The checks across fields only on fields that are each right.
  c.throwKept();
  // The window --direct-mail gives must be one the rule set reads as direct mail (its holidays skipped).
  if (r.directMail && !inRange(r.directMail.window, r.directMail.shipWindowHours)) {
    c.fail('directMail.shipWindowHours', `a window within directMail.window / 在 directMail.window 范围内的时限`, r.directMail.shipWindowHours);
  }
  if (r.validFrom && r.validTo && r.validTo < r.validFrom) c.fail('validTo', `a date on or after validFrom (${r.validFrom}) / 不早于 validFrom (${r.validFrom}) 的日期`, o.validTo);
  if (r.rounding === 'yuan') checkWholeYuan(c, r);
  if (!builtIn) checkCoverage(c, r.tiers);
  return r;
}
