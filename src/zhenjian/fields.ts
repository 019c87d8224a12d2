// The product input (SPEC "zhenjian estimate"): header aliases in one table, and one parser per
// field shared by the file reader and the interactive prompts, so both accept the same values.
import { type Msg, msg } from '../errors.js';
import type { FieldSpec } from '../io/table.js';
import { LOST_SIGN_NOTE, Money, lostSignAmount, moneyMax, parseMoney } from '../money.js';
import { checkOrderId, halfWidth } from '../io/cells.js';
import { shown } from '../io/rejects.js';
import { typedNumberHint } from '../io/typed-number.js';
import { ABSURD_AMOUNT } from '../orders/parse.js';
import { DAY_MS, EARLIEST_PLAUSIBLE, SERIAL_DATE_NOTE, type TimeZone, clockChangeReason, parseTime, serialDate, timeSlack } from '../time.js';

/** Display periods a test can buy (RULES §3, seed 002 Q13). */
export const PERIODS = [30, 180] as const;
export type PeriodDays = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: PeriodDays = 30;

/**
 * How a multi-SKU product's SKUs differ (seed 002 Q6): style, pattern, size, colour, spec and
 * capacity differences are accepted; type or material differences are not.
 */
export const SKU_DIMENSIONS: Record<string, { zh: string; accepted: boolean; aliases: string[] }> = {
  style: { zh: '款式', accepted: true, aliases: ['款式', '款', 'style'] },
  pattern: { zh: '图案', accepted: true, aliases: ['图案', '花色', 'pattern'] },
  size: { zh: '尺码', accepted: true, aliases: ['尺码', '尺寸', '大小', 'size'] },
  // 颜色分类 is the seller centre's own name for the colour property; 色号 a cosmetic's shade (user15).
  colour: { zh: '颜色', accepted: true, aliases: ['颜色', '色', '颜色分类', '色号', 'colour', 'color', 'shade'] },
  spec: { zh: '规格', accepted: true, aliases: ['规格', 'spec', 'specification'] },
  capacity: { zh: '容量', accepted: true, aliases: ['容量', '净含量', 'capacity', 'volume', 'net content'] },
  type: { zh: '类型', accepted: false, aliases: ['类型', '型号类型', 'type', 'kind'] },
  material: { zh: '材质', accepted: false, aliases: ['材质', '面料', '材料', 'material', 'fabric'] },
};
const SKU_NONE = ['', '无', '单sku', '单 sku', 'none', 'no', '-'];

export interface Product {
  itemId: string;
  title: string;
  category: string;
  industry: string;
  listPrice: Money;
  /** Actual deal price the mystery buyer pays; null = list price. */
  dealPrice: Money | null;
  unitCost: Money;
  serviceFee: Money;
  /** Operator's override of the number of samples; null = from the category. */
  samples: number | null;
  periodDays: PeriodDays;
  autoRenew: boolean;
  /** null = the default (flag, config). */
  commissionRate: Money | null;
  shippingPerSample: Money | null;
  signedAt: number | null;
  /**
   * How much later than `signedAt` the signing may have been (ms): 59 s when typed without seconds,
   * a day less a second for a date alone (docs/rules.md §1.7 reading); absent when exact.
   */
  signedAtSlack?: number;
  displayFrom: number | null;
  expiresAt: number | null;
  /**
   * The expiry as a calendar date (`2027-06-03`) when it was typed as a date alone, or follows from a
   * `displayFrom` typed as a date alone (+ the period's days): shown as the date, never with a
   * guessed 00:00:00. Absent when a time of day was typed.
   */
  expiresOn?: string;
  stoppedAt: number | null;
  /**
   * As `signedAtSlack`, for `stoppedAt`: a stop typed as a date alone under `--tz` may fall on either
   * of two Beijing days, and "the next day" is counted from its last second.
   */
  stoppedAtSlack?: number;
  /** Canonical SKU_DIMENSIONS keys. */
  skuDiffers: string[];
  /** Where the row was read (file name and line), to name it in a warning; absent for an answered product. */
  source?: { file: string; line: number };
}

export type FieldKey = Exclude<keyof Product, 'source'>;

export const PRODUCT_FIELDS: readonly (FieldSpec & { key: FieldKey })[] = [
  { key: 'itemId', aliases: ['itemId', '商品ID', '商品id', '宝贝ID', '商品编号', 'item_id', 'id'] },
  { key: 'title', aliases: ['title', '商品标题', '宝贝标题', '标题', '商品名称'] },
  { key: 'category', aliases: ['category', '类目', '商品类目', '品类'] },
  { key: 'industry', aliases: ['industry', '行业'] },
  { key: 'listPrice', aliases: ['listPrice', '一口价', 'list_price', '价格'], required: true, units: true },
  // 活动价 (the promotion's price, before coupons) is what a mystery buyer pays when the sheet has no
  // 到手价: read as the deal price only then (RULES §3: bought at the actual deal price, no coupons).
  // 券后价 is not: coupons are not applied to the sample purchase.
  { key: 'dealPrice', aliases: ['dealPrice', '到手价', '成交价', 'deal_price'], units: true, fallback: ['活动价'] },
  { key: 'unitCost', aliases: ['unitCost', '成本', '单件成本', '成本价', '进价', 'unit_cost'], required: true, units: true },
  { key: 'serviceFee', aliases: ['serviceFee', '服务费', 'service_fee'], required: true, units: true },
  { key: 'samples', aliases: ['samples', '样品数', '购样数量', '样品数量'], units: true },
  { key: 'periodDays', aliases: ['periodDays', '展示周期', '透标周期', '周期', 'period_days', 'period'], units: true },
  { key: 'autoRenew', aliases: ['autoRenew', '自动续费', '到期前自动续费', 'auto_renew'] },
  { key: 'commissionRate', aliases: ['commissionRate', '佣金率', '扣点', 'commission_rate', 'commission'], units: true },
  { key: 'shippingPerSample', aliases: ['shippingPerSample', '每件运费', '运费', 'shipping_per_sample', 'shipping'], units: true },
  { key: 'signedAt', aliases: ['signedAt', '签约时间', 'signed_at'] },
  { key: 'displayFrom', aliases: ['displayFrom', '透标开始', '展示开始', 'display_from'] },
  { key: 'expiresAt', aliases: ['expiresAt', '到期时间', '展示到期', 'expires_at'] },
  { key: 'stoppedAt', aliases: ['stoppedAt', '中止时间', 'stopped_at'] },
  { key: 'skuDiffers', aliases: ['skuDiffers', 'SKU差异', 'sku差异', 'sku_differs'] },
];

/** Header written when the interactive mode starts a new product file: the first (English) alias, or the Chinese one. */
export function fieldHeader(key: FieldKey, lang: 'zh' | 'en'): string {
  const f = PRODUCT_FIELDS.find((x) => x.key === key)!;
  return lang === 'zh' ? f.aliases.find((a) => /[\u4e00-\u9fff]/.test(a)) ?? f.aliases[0]! : f.aliases[0]!;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Msg };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (zh: string, en: string): Parsed<never> => ({ ok: false, reason: msg(zh, en) });

/**
 * A money amount; `positive` requires > 0, else ≥ 0. Empty → null. `price`: a price the platform
 * shows or charges (一口价, 到手价, 服务费), which is whole fen: a third decimal (a spreadsheet's
 * 199 × 0.85 = 169.15, but 1.005) is refused, never rounded away — the charge was worked on the
 * unrounded price while the row showed the rounded one (3 × 1.005 = 3.015 → 3.02, shown as 1.01 each).
 * A cost or shipping per sample may be an average with more decimals.
 */
export function parseAmount(text: string, positive: boolean, price = false, perProduct = false): Parsed<Money | null> {
  const m = parseMoney(halfWidth(text).trim());
  if (m === null) return ok(null);
  if (m === undefined) {
    // A range in a product's amount (99-199: SKUs priced differently, as the product page shows it).
    // The test buys some of its SKUs, any of them (seed Q6), so the most it can cost is at the
    // highest: say so, with that amount. The fixed example "write 199.00" read as a request for the
    // lower price of 199-299.
    const range = perProduct && /^[¥￥]?\s*(\d+(?:\.\d+)?)\s*元?\s*(?:-|–|—|~|～|至|到)\s*[¥￥]?\s*(\d+(?:\.\d+)?)\s*元?$/.exec(halfWidth(text).trim());
    if (range) {
      const hi = moneyMax(new Money(range[1]!), new Money(range[2]!)).toFixed(2);
      return fail(
        `是一个区间: 多 SKU 商品检测时只抽部分 SKU, 哪个都可能被买到; 写最高的 ${hi} (按它估算最多扣款)`,
        `is a range: a multi-SKU product's test buys some of its SKUs, any of them, so write the highest, ${hi} (the most the test can cost)`,
      );
    }
    if (lostSignAmount(text)) return fail(`不是金额: ${LOST_SIGN_NOTE.zh}`, `is not an amount: ${LOST_SIGN_NOTE.en}`);
    // With what was typed and what to write: a comma (１，２９９) is not guessed.
    const h = typedNumberHint(text.trim(), false, true);
    return h ? fail(`不是金额: ${h.zh}`, `is not an amount: ${h.en}`) : fail('不是金额 (写 199.00)', 'is not an amount (write 199.00)');
  }
  if (positive ? m.lte(0) : m.lt(0)) return positive ? fail('必须大于 0', 'must be more than 0') : fail('不能为负数', 'must not be negative');
  if (m.gt(ABSURD_AMOUNT)) return fail('金额不合理 (超过 1 亿)', 'is implausible (more than 100,000,000)');
  if (price && m.decimalPlaces() > 2) return fail('是平台价格, 最多两位小数 (到分): 照商品页或报名页上的写', "is a platform price, at most two decimals (whole fen): write it as the product or registration page shows it");
  return ok(m);
}

/** A rate: "0.05", "5%" or "5 %" (full-width ５％ too); must be in [0, 1). Empty → null. */
export function parseRate(text: string): Parsed<Money | null> {
  const t = halfWidth(text).trim();
  if (t === '') return ok(null);
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  let r: Money;
  if (pct) r = new Money(pct[1]!).div(100);
  else if (/^\d+(?:\.\d+)?$/.test(t)) r = new Money(t);
  else return fail('不是比率 (写 0.05 或 5%)', 'is not a rate (write 0.05 or 5%)');
  if (r.gte(1)) {
    // A plain 5 meant 5 %: say exactly what to write rather than read it as 500 %.
    if (!pct && r.lte(100)) {
      const whole = `${r.times(100).toString()}%`;
      const asRate = r.div(100).toString();
      return fail(`须小于 1: ${t} 是 ${whole}; 若是 ${t}%, 写 ${asRate} 或 ${t}%`, `must be below 1: ${t} is ${whole}; for ${t}% write ${asRate} or ${t}%`);
    }
    return fail('比率须小于 1 (写 0.05 或 5%)', 'must be below 1 (write 0.05 or 5%)');
  }
  return ok(r);
}

export function parsePeriod(text: string): Parsed<PeriodDays | null> {
  const t = halfWidth(text).trim().replace(/天$|days?$/i, '').trim();
  if (t === '') return ok(null);
  const n = Number(t);
  if ((PERIODS as readonly number[]).includes(n)) return ok(n as PeriodDays);
  return fail('展示周期只能是 30 或 180 天', 'the display period is 30 or 180 days');
}

/** The most samples an operator may give for one product. */
export const MAX_SAMPLES = 1000;

/** A count word after the number (4件, 20双, 20 pairs), as the display period takes 180天. */
const SAMPLE_UNIT = /\s*(?:件|个|双|副|套|盒|只|支|瓶|份|pcs?|pieces?|units?|pairs?)$/i;

export function parseSamples(text: string): Parsed<number | null> {
  const t = halfWidth(text).trim().replace(SAMPLE_UNIT, '');
  if (t === '') return ok(null);
  // A range (3-5, 3–5, 3~5) is what the category gives; the column overrides it with one count.
  if (/^\d+\s*[-–~～至到]\s*\d+$/.test(t)) {
    return fail(
      `样品数只写一个数 (本商品检测购买的件数); 留空则按类目估算范围 (如 3–5)`,
      `samples is one number (the units this product's test buys); leave it empty to use the category's range (such as 3–5)`,
    );
  }
  // Testing buys a handful of samples (3–5 by category); above MAX_SAMPLES it is a typing mistake,
  // and a count past 2^53 would not even be read exactly.
  if (!/^\d+$/.test(t) || t.length > 6 || Number(t) < 1 || Number(t) > MAX_SAMPLES) {
    const h = typedNumberHint(text.trim(), true, true, '5');
    return fail(`样品数须为 1 到 ${MAX_SAMPLES} 之间的整数${h ? `: ${h.zh}` : ''}`, `samples must be a whole number from 1 to ${MAX_SAMPLES}${h ? `: ${h.en}` : ''}`);
  }
  return ok(Number(t));
}

// A tick or a cross, as a Chinese sheet marks a choice (展示 √), is yes or no.
const TRUE = ['是', 'y', 'yes', 'true', '1', '自动续费', 'on', '√', '✓', '✔', '☑'];
const FALSE = ['否', 'n', 'no', 'false', '0', '单次鉴定', 'off', '', '×', '✗', '✘', '☐'];
export function parseBool(text: string): Parsed<boolean> {
  // Full-width １/０ (a Chinese input method) are 1/0.
  const t = halfWidth(text).trim().toLowerCase();
  if (TRUE.includes(t)) return ok(true);
  if (FALSE.includes(t)) return ok(false);
  return fail('应为 是/否 (或 √/×)', 'should be yes/no (or √/×)');
}

export function parseWhen(text: string, tz: TimeZone): Parsed<number | null> {
  const t = parseTime(halfWidth(text).trim(), tz);
  // Quoting the cell as typed (２０２６－０３－０８ ０２：３０：００), as orders do: the half-width reading
  // put ASCII text inside the zh sentence that is nowhere in the file.
  const clock = t === undefined ? clockChangeReason(halfWidth(text).trim(), tz, shown(text.trim())) : undefined;
  if (clock) return fail(clock.zh, clock.en);
  if (t === undefined && serialDate(halfWidth(text).trim())) return fail(`不是时间: ${SERIAL_DATE_NOTE.zh}`, `is not a time: ${SERIAL_DATE_NOTE.en}`);
  if (t === undefined) return fail('不是时间 (写 2026-11-20 14:00:00)', 'is not a time (write 2026-11-20 14:00:00)');
  // 1970 is an empty cell a spreadsheet turned into 0.
  if (t !== null && t < EARLIEST_PLAUSIBLE) return fail('时间不合理 (早于 2003 年)', 'is implausible (before 2003)');
  return ok(t);
}

/** "颜色;尺码" → ['colour', 'size']; an unknown word fails with the accepted list. */
export function parseSkuDiffers(text: string): Parsed<string[]> {
  const parts = text
    .split(/[;；,，、/|+]/)
    .map((p) => p.trim().toLowerCase())
    .filter((p) => !SKU_NONE.includes(p));
  const out: string[] = [];
  for (const p of parts) {
    const key = Object.keys(SKU_DIMENSIONS).find((k) => SKU_DIMENSIONS[k]!.aliases.some((a) => a.toLowerCase() === p));
    if (!key) {
      const zh = Object.values(SKU_DIMENSIONS).map((d) => d.zh).join('/');
      // Rules silent on texture and scent: what the product is made of differs, so type or material (Q6).
      return fail(
        `未知的 SKU 差异 "${p}"; 可写: ${zh}; 做法或成分不同 (质地、香型、成分) 写 类型 或 材质`,
        `unknown SKU difference "${p}"; write any of ${Object.keys(SKU_DIMENSIONS).join('/')} (or ${zh}); SKUs that differ in what they are made of (质地, 香型, 成分) are type or material`,
      );
    }
    if (!out.includes(key)) out.push(key);
  }
  return ok(out);
}

/** A 商品ID Excel showed as 6.80012E+11 and saved so (a product row, a --labels row): the digits are gone. */
export const ITEM_ID_ROUNDED = msg('商品ID被电子表格软件 (Excel、WPS、LibreOffice 等) 改成了科学计数法, 已无法还原; 重新导出并以文本方式打开', 'the itemId was rounded into scientific notation by a spreadsheet program (Excel, WPS, LibreOffice …) and cannot be recovered; export again and open it as text');

/**
 * One record's cells (by field key) → a Product, or the first bad field with its reason.
 * Cells must already be cleaned; absent fields are ''.
 */
/**
 * One product row. `xlsx`: the row is from an xlsx file, where a date typed into Excel is a date
 * cell read back as `2026-11-20 00:00:00`: a signing time so read is the date alone, as
 * `2026-11-20` in a csv (as a review time, docs/rules.md §2.3).
 */
export function parseProduct(cells: Partial<Record<FieldKey, string>>, tz: TimeZone, xlsx = false): { product: Product } | { field: FieldKey; value: string; reason: Msg } {
  const get = (k: FieldKey) => cells[k] ?? '';
  const bad = (field: FieldKey, reason: Msg) => ({ field, value: get(field), reason });
  const need = (k: FieldKey) => bad(k, msg('必填, 不能为空', 'is required and empty'));

  if (checkOrderId(get('itemId')) === 'excel-rounded') return bad('itemId', ITEM_ID_ROUNDED);
  const list = parseAmount(get('listPrice'), true, true, true);
  if (!list.ok) return bad('listPrice', list.reason);
  if (list.value === null) return need('listPrice');
  const deal = parseAmount(get('dealPrice'), true, true, true);
  if (!deal.ok) return bad('dealPrice', deal.reason);
  const cost = parseAmount(get('unitCost'), false, false, true);
  if (!cost.ok) return bad('unitCost', cost.reason);
  if (cost.value === null) return need('unitCost');
  const fee = parseAmount(get('serviceFee'), false, true, true);
  if (!fee.ok) return bad('serviceFee', fee.reason);
  if (fee.value === null) return need('serviceFee');
  const samples = parseSamples(get('samples'));
  if (!samples.ok) return bad('samples', samples.reason);
  const period = parsePeriod(get('periodDays'));
  if (!period.ok) return bad('periodDays', period.reason);
  const renew = parseBool(get('autoRenew'));
  if (!renew.ok) return bad('autoRenew', renew.reason);
  const rate = parseRate(get('commissionRate'));
  if (!rate.ok) return bad('commissionRate', rate.reason);
  const ship = parseAmount(get('shippingPerSample'), false, false, true);
  if (!ship.ok) return bad('shippingPerSample', ship.reason);
  const times: Partial<Record<FieldKey, number | null>> = {};
  for (const k of ['signedAt', 'displayFrom', 'expiresAt', 'stoppedAt'] as const) {
    const t = parseWhen(get(k), tz);
    if (!t.ok) return bad(k, t.reason);
    times[k] = t.value;
  }
  const sku = parseSkuDiffers(get('skuDiffers'));
  if (!sku.ok) return bad('skuDiffers', sku.reason);
  const signedText = halfWidth(get('signedAt')).trim();
  const signedAtSlack = times.signedAt == null ? 0 : xlsx && /^\d{4}-\d{2}-\d{2} 00:00:00$/.test(signedText) ? DAY_MS - 1000 : timeSlack(signedText);
  // A date alone (or an xlsx date cell, read back as 00:00:00) for the expiry or the display start.
  const dateOnly = (k: 'displayFrom' | 'expiresAt') => {
    const text = halfWidth(get(k)).trim();
    return times[k] != null && ((xlsx && /^\d{4}-\d{2}-\d{2} 00:00:00$/.test(text)) || timeSlack(text) >= DAY_MS - 1000);
  };
  const expiresOn =
    times.expiresAt != null
      ? dateOnly('expiresAt')
        ? tz.date(times.expiresAt)
        : undefined
      : times.displayFrom != null && dateOnly('displayFrom')
        ? plusDays(tz.date(times.displayFrom), period.value ?? DEFAULT_PERIOD)
        : undefined;
  const stoppedText = halfWidth(get('stoppedAt')).trim();
  const stoppedAtSlack = times.stoppedAt == null ? 0 : xlsx && /^\d{4}-\d{2}-\d{2} 00:00:00$/.test(stoppedText) ? DAY_MS - 1000 : timeSlack(stoppedText);
  return {
    product: {
      itemId: get('itemId'),
      title: get('title'),
      category: get('category'),
      industry: get('industry'),
      listPrice: list.value,
      dealPrice: deal.value,
      unitCost: cost.value,
      serviceFee: fee.value,
      samples: samples.value,
      periodDays: period.value ?? DEFAULT_PERIOD,
      autoRenew: renew.value,
      commissionRate: rate.value,
      shippingPerSample: ship.value,
      signedAt: times.signedAt ?? null,
      ...(signedAtSlack > 0 ? { signedAtSlack } : {}),
      displayFrom: times.displayFrom ?? null,
      expiresAt: times.expiresAt ?? null,
      ...(expiresOn ? { expiresOn } : {}),
      stoppedAt: times.stoppedAt ?? null,
      ...(stoppedAtSlack > 0 ? { stoppedAtSlack } : {}),
      skuDiffers: sku.value,
    },
  };
}

/** A calendar date `YYYY-MM-DD` plus n days (n may be negative): calendar arithmetic, no time zone. */
export function plusDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
