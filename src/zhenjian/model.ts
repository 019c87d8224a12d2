// The 甄检 cost model (RULES §3, seed 002_76d0603a1a40d6b7.txt). Pure: products, settings and
// asOf in; estimates with their warnings out. Amounts exact (decimal), rounded half-up to the fen
// once per reported amount.
import { type Msg, msg, plural } from '../errors.js';
import { Money, ZERO, toFen } from '../money.js';
import { halfWidth } from '../io/cells.js';
import { HOUR_MS, PLATFORM_TZ, type TimeZone, addDays } from '../time.js';
import { type CategoryTable, eligibleNames, lookupCategory } from './categories.js';
import { type Product, SKU_DIMENSIONS, plusDays } from './fields.js';
import { type LabelItem, checkLabels } from './labels.js';

/** Every amount this model produces is tagged with this rule-set id (SPEC "Values in output"). */
export const RULES_ID = 'zhenjian-2022';

/** Cancel in the system within 2 hours of signing (seed 002 Q10.2, Q22). */
export const CANCEL_HOURS = 2;
/** Re-test may be applied for 15 days before expiry (seed 002 Q14, 二(二)4(2)). */
export const RENEW_DAYS_BEFORE = 15;
/** Days in the budgeting year for testsPerYear. */
export const YEAR_DAYS = 365;
/** Default ratio above which the real charge is called "far above" the registration estimate. */
export const DEFAULT_FAR_ABOVE = new Money(2);

export type WarningCode =
  | 'unknown_category'
  | 'category_from_path'
  | 'ineligible_industry'
  | 'samples_open_ended'
  | 'samples_from_pack'
  | 'samples_below_category'
  | 'charge_far_above_estimate'
  | 'balance_below_avg_order'
  | 'balance_below_charge'
  | 'labels_missing'
  | 'labels_not_three'
  | 'label_mandatory_always_tested'
  | 'label_optional_not_tested'
  | 'sku_type_or_material'
  | 'cancel_window_closed'
  | 'ineligible_not_counted'
  | 'deal_above_list';

export interface Warning {
  code: WarningCode;
  text: Msg;
}

export interface Settings {
  /** Commission when the product row has none (flag > config > 0). */
  commissionRate: Money;
  shippingPerSample: Money;
  /** Shop's average order price (seed 002 Q3); undefined = not known. */
  avgOrder?: Money;
  /** Alipay balance under the withholding agreement; undefined = not checked. */
  balance?: Money;
  farAboveRatio: Money;
  /** Labels per itemId, when --labels was given. */
  labels?: Map<string, LabelItem[]>;
  asOf: number;
  tz: TimeZone;
}

export interface Estimate {
  itemId: string;
  title: string;
  category: string;
  industry: string;
  eligible: boolean | null;
  samplesMin: number;
  samplesMax: number;
  listPrice: Money;
  dealPrice: Money;
  commissionRate: Money;
  registrationEstimate: Money;
  chargedMin: Money;
  chargedMax: Money;
  realCostMin: Money;
  realCostMax: Money;
  balanceNeeded: Money;
  periodDays: number;
  autoRenew: boolean;
  testsPerYear: number;
  annualChargedMax: Money;
  annualRealCostMax: Money;
  signedAt: number | null;
  /** As Product.signedAtSlack: the signing time was typed without seconds (or as a date alone). */
  signedAtSlack?: number;
  cancelBy: number | null;
  cancellable: boolean | null;
  expiresAt: number | null;
  renewFrom: number | null;
  /** As Product.expiresOn: the expiry and the first day to apply for a re-test, as dates (a date was typed). */
  expiresOn?: string;
  renewOn?: string;
  reapplyFrom: number | null;
  labelsShown: string[] | null;
  labelsTested: string[] | null;
  rules: string;
  warnings: Warning[];
}

/**
 * Tests bought in a year. Single test (单次鉴定): 1. Auto-renew (到期前自动续费): one test per
 * display period, counted as period starts within a 365-day year: ceil(365 / period) —
 * 30 days → 13 (days 0, 30, …, 360), 180 days → 3 (days 0, 180, 360). Renewal tests are run 15
 * days before each expiry, which moves every later test earlier but gives the same count.
 */
export function testsPerYear(periodDays: number, autoRenew: boolean): number {
  return autoRenew ? Math.ceil(YEAR_DAYS / periodDays) : 1;
}

/** RULES §3: after a stop, re-apply from the next day (00:00 of the following calendar day). */
export function reapplyFrom(tz: TimeZone, stoppedAt: number): number {
  const w = tz.wall(stoppedAt);
  return tz.fromWall(w.y, w.mo, w.d + 1);
}

const fmt = (m: Money) => m.toFixed(2);

/**
 * The lenses one unit of the product holds, as its title says: `10片装` (片: a lens), `1副` / `2对`
 * (a pair: 2 lenses); full-width digits too. Undefined when the title names no count. `said` is
 * the words it was read from, for the row's note.
 */
export function lensesPerUnit(title: string): { lenses: number; said: string } | undefined {
  const m = /(\d{1,4})\s*(片|副|对|對)(装|裝)?/.exec(halfWidth(title));
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n < 1) return undefined;
  return { lenses: m[2] === '片' ? n : 2 * n, said: m[0] };
}

export function estimate(p: Product, table: CategoryTable, s: Settings): Estimate {
  const warnings: Warning[] = [];
  const match = lookupCategory(table, p.category, p.industry || undefined);

  // A deal price above the list price: the promotion's price is at most the price it discounts, so
  // the two columns are likely swapped (or one mistyped). Which one is right cannot be told: the
  // estimate is computed as written (samples at the deal price, the page at the list price) and the
  // row named with both prices.
  if (p.dealPrice !== null && p.dealPrice.gt(p.listPrice)) {
    const at = p.source ? msg(` (${p.source.file} 第 ${p.source.line} 行)`, ` (${p.source.file} line ${p.source.line})`) : msg('', '');
    warnings.push({
      code: 'deal_above_list',
      text: msg(
        `到手价 ${fmt(p.dealPrice)} 元高于一口价 ${fmt(p.listPrice)} 元${at.zh}: 两列是否填反了? 照填写的计算 (按到手价购样, 报名页按一口价预估); 请核对后改正填错的那一列`,
        `the deal price 到手价 ${fmt(p.dealPrice)} is above the list price 一口价 ${fmt(p.listPrice)}${at.en}: are the two columns swapped? Computed as written (samples bought at the deal price, the registration page at the list price); check both and correct the wrong one`,
      ),
    });
  }

  if (!match.category) {
    const r = table.ordinary;
    // Said in the operator's terms (text46): the file's own columns (样品数, 行业) and the config
    // option, not "categories.json", a file the operator never opened (the shipped table, or the
    // one config zhenjian.categories / --categories names).
    warnings.push({
      code: 'unknown_category',
      text: msg(
        `类目 "${p.category}" 不是 storeops 认识的类目: 按普通商品 ${r.samplesMin}–${r.samplesMax} 件估算${match.industry ? '' : ', 无法判断行业是否适用 (可在 行业 列填写, 如 服饰、母婴)'}; 检测要买更多样品时 (如隐形眼镜至少 20 副), 在 样品数 列填写件数`,
        `category "${p.category}" is not one storeops knows: estimated with the ordinary ${r.samplesMin}–${r.samplesMax} samples${match.industry ? '' : '; cannot tell whether its industry is eligible (give it in the industry column, 行业, e.g. 服饰, 母婴)'}; if the tests buy more (contact lenses at least 20 pairs), give the units in the samples column (样品数)`,
      ),
    });
  }
  if (match.category && match.via !== undefined) {
    const c = match.category;
    const open = c.openEnded ? msg('至少 ', 'at least ') : msg('', '');
    const n = c.samplesMin === c.samplesMax ? `${c.samplesMax}` : `${c.samplesMin}–${c.samplesMax}`;
    // Lenses are counted in pairs (副), not samples (units sold): see samples_from_pack below.
    const unit = c.countedIn === 'pair' ? msg('副', 'pairs') : msg('件样品', 'samples');
    warnings.push({
      code: 'category_from_path',
      text: msg(
        `类目 "${p.category}" 按其中的 "${match.via}" 读作${c.zh} (${open.zh}${n} ${unit.zh}); 若不对, 在 样品数 列填写要买的件数 (以填写的为准)`,
        `category "${p.category}" read as ${c.zh} (${open.en}${n} ${unit.en}) from its part "${match.via}"; if that is wrong, give the units to buy in the samples column (样品数), which is used instead`,
      ),
    });
  }
  const eligible = match.industry ? match.industry.eligible : null;
  if (match.industry && !match.industry.eligible) {
    const e = eligibleNames(table);
    warnings.push({
      code: 'ineligible_industry',
      text: msg(
        `行业 "${match.industry.zh}" 不在甄检适用行业内 (${e.zh}), 可能无法报名`,
        `industry "${match.industry.id}" is not one 甄检 is open to (${e.en}); the product probably cannot register`,
      ),
    });
  }

  // RULES §3 (Q5): units bought depend on the tests; an operator's count overrides the category.
  let samplesMin = match.range.samplesMin;
  let samplesMax = match.range.samplesMax;
  // Seed 002 Q5: "隐形眼镜最少20副", pairs, not units sold: a box of 10 daily lenses is 5 pairs, so
  // 20 pairs are 4 boxes (40 lenses / 10). It bought 20 boxes, 5× the rule (user15).
  const pack = match.range.countedIn === 'pair' ? lensesPerUnit(p.title) : undefined;
  const unitsFor = (pairs: number) => (pack === undefined ? pairs : Math.ceil((2 * pairs) / pack.lenses));
  if (p.samples !== null) {
    // A typed count is units: 6 boxes of 10 lenses are 30 pairs, not below the 20 pairs.
    if (p.samples < unitsFor(match.range.samplesMin)) {
      warnings.push({
        code: 'samples_below_category',
        text: msg(
          `样品数 ${p.samples} 低于该类目的 ${unitsFor(match.range.samplesMin)} 件, 实际可能买得更多`,
          `${plural(p.samples, 'sample')} is below this category's ${unitsFor(match.range.samplesMin)}; the institute may buy more`,
        ),
      });
    }
    samplesMin = samplesMax = p.samples;
  } else {
    if (pack !== undefined) {
      const pairs = samplesMax;
      samplesMin = unitsFor(samplesMin);
      samplesMax = unitsFor(samplesMax);
      warnings.push({
        code: 'samples_from_pack',
        text: msg(
          `该类目按副计: 至少 ${pairs} 副 = ${2 * pairs} 片; 标题 "${pack.said}" 每件 ${pack.lenses} 片, 按 ${samplesMax} 件估算; 若不对, 在 样品数 写要买的件数`,
          `this category counts pairs: at least ${pairs} pairs = ${2 * pairs} lenses; the title's "${pack.said}" is ${pack.lenses} lenses a unit, so ${samplesMax} units are estimated; if that is wrong, write the units to buy in samples`,
        ),
      });
    }
    if (match.range.openEnded) {
      const perPair = match.range.countedIn === 'pair' && pack === undefined;
      warnings.push({
        code: 'samples_open_ended',
        text: msg(
          `该类目至少购样 ${samplesMax} 件, 以机构实际需要为准, 费用可能更高${perPair ? '; 按每件 1 副计: 每件不止 1 副时 (如 10片装), 在标题写明片数, 或在 样品数 写件数' : ''}`,
          `this category buys at least ${samplesMax} samples, as many as the institute needs; the charge may be higher${perPair ? '; counted as one pair a unit: when a unit holds more (10片装), say so in the title or write the units in samples' : ''}`,
        ),
      });
    }
  }

  const deal = p.dealPrice ?? p.listPrice;
  const rate = p.commissionRate ?? s.commissionRate;
  const ship = p.shippingPerSample ?? s.shippingPerSample;

  // Q20/Q21: the registration page estimates one unit at the list price, plus the service fee.
  const registrationEstimate = toFen(p.listPrice.plus(p.serviceFee));
  // Q12.1/Q20: samples are bought at the actual deal price (no coupons); fee after testing.
  const charged = (n: number) => toFen(deal.times(n).plus(p.serviceFee));
  // Q12: what the shop really gives up is the goods (cost, shipping, commission on the sale) + fee.
  const perSample = p.unitCost.plus(ship).plus(deal.times(rate));
  const real = (n: number) => toFen(perSample.times(n).plus(p.serviceFee));
  const chargedMin = charged(samplesMin);
  const chargedMax = charged(samplesMax);
  const realCostMin = real(samplesMin);
  const realCostMax = real(samplesMax);

  if (chargedMax.gt(registrationEstimate.times(s.farAboveRatio))) {
    // One decimal place, or as many more as it takes to show the ratio above the threshold the warning
    // names: 609.00 / 300.00 = 2.03 read "2 倍" under "more than 2×" (user4).
    const ratio = chargedMax.div(registrationEstimate);
    let times = ratio.toDecimalPlaces(1);
    for (let places = 2; places <= 6 && times.lte(s.farAboveRatio); places++) times = ratio.toDecimalPlaces(places);
    warnings.push({
      code: 'charge_far_above_estimate',
      text: msg(
        `实际扣款最多 ${fmt(chargedMax)} 元, 是报名页预估 ${fmt(registrationEstimate)} 元的 ${times} 倍: 报名页按一口价算 1 件, 而检测要按到手价买 ${samplesMax} 件样品 (购样款是店铺的一笔销售, 真实成本约 ${fmt(realCostMax)} 元)`,
        `the real charge can reach ${fmt(chargedMax)}, ${times}× the registration page's ${fmt(registrationEstimate)}: the page prices one unit at the list price, but testing buys ${samplesMax} samples at the deal price (the sample money comes back as a sale, so the real cost is about ${fmt(realCostMax)})`,
      ),
    });
  }

  // Q3/Q4: the withholding takes the charge, and the balance must *always* stay ≥ the average order
  // price after signing — also right after the charge is taken (the agreement stays signed: auto-renew,
  // other products). So the charge plus the average order price (docs/rules.md §3); it was the larger
  // of the two, which the largest charge left at 0.00.
  const balanceNeeded = toFen(chargedMax.plus(s.avgOrder ?? ZERO));
  warnings.push(...balanceWarnings(s, chargedMax));

  if (p.skuDiffers.some((d) => !SKU_DIMENSIONS[d]!.accepted)) {
    const bad = p.skuDiffers.filter((d) => !SKU_DIMENSIONS[d]!.accepted);
    warnings.push({
      code: 'sku_type_or_material',
      text: msg(
        `多 SKU 商品的 SKU 在${bad.map((d) => SKU_DIMENSIONS[d]!.zh).join('、')}上不同, 目前不接受报名 (只允许款式、图案、尺码、颜色、规格、容量不同)`,
        `the SKUs differ in ${bad.join(' and ')}; multi-SKU products are accepted only when SKUs differ in style, pattern, size, colour, spec or capacity`,
      ),
    });
  }

  let labelsShown: string[] | null = null;
  let labelsTested: string[] | null = null;
  if (s.labels) {
    const items = p.itemId ? s.labels.get(p.itemId) : undefined;
    if (!items) {
      warnings.push({
        code: 'labels_missing',
        text: msg(`--labels 文件里没有商品 ${p.itemId || '(无商品ID)'} 的项目`, `the --labels file has no items for product ${p.itemId || '(no itemId)'}`),
      });
    } else {
      const r = checkLabels(items);
      labelsShown = r.shown;
      labelsTested = r.tested;
      warnings.push(...r.problems);
    }
  }

  const periodDays = p.periodDays;
  const tests = testsPerYear(periodDays, p.autoRenew);
  // A signing time typed without seconds is any second of that minute (docs/rules.md §1.7, as a
  // review time, §2.3): cancelBy is shown from the earliest (cancel by it and it is in time), and
  // the window has closed only once it has passed from the latest.
  const cancelBy = p.signedAt === null ? null : p.signedAt + CANCEL_HOURS * HOUR_MS;
  const cancellable = cancelBy === null ? null : s.asOf <= cancelBy + (p.signedAtSlack ?? 0);
  if (cancellable === false && p.displayFrom === null && p.stoppedAt === null) {
    warnings.push({
      code: 'cancel_window_closed',
      text: msg('签约已超过 2 小时, 不能再取消, 费用会照常扣取', 'more than 2 hours since signing: it can no longer be cancelled and will be charged'),
    });
  }
  // The display period, the 15 days before expiry and "the next day" after a stop are the
  // platform's calendar days, Beijing time whatever --tz reads the typed times in (README: reapplyFrom
  // is 00:00 Beijing time; as the reviews' 30 days are): in Los Angeles, 30 wall days across the
  // March clock change would be 29 days 23 h, and LA's midnight after a stop is still the stop's
  // Beijing day.
  const expiresAt = p.expiresAt ?? (p.displayFrom === null ? null : addDays(p.displayFrom, periodDays, PLATFORM_TZ));
  const renewFrom = expiresAt === null ? null : addDays(expiresAt, -RENEW_DAYS_BEFORE, PLATFORM_TZ);

  return {
    itemId: p.itemId,
    title: p.title,
    category: match.category ? match.category.zh : p.category,
    industry: match.industry ? match.industry.zh : '',
    eligible,
    samplesMin,
    samplesMax,
    listPrice: p.listPrice,
    dealPrice: deal,
    commissionRate: rate,
    registrationEstimate,
    chargedMin,
    chargedMax,
    realCostMin,
    realCostMax,
    balanceNeeded,
    periodDays,
    autoRenew: p.autoRenew,
    testsPerYear: tests,
    annualChargedMax: toFen(chargedMax.times(tests)),
    annualRealCostMax: toFen(realCostMax.times(tests)),
    signedAt: p.signedAt,
    ...(p.signedAtSlack ? { signedAtSlack: p.signedAtSlack } : {}),
    cancelBy,
    cancellable,
    expiresAt,
    renewFrom,
    ...(p.expiresOn ? { expiresOn: p.expiresOn, renewOn: plusDays(p.expiresOn, -RENEW_DAYS_BEFORE) } : {}),
    // A stop typed without seconds or as a date alone: the next day after its last possible second
    // (a date alone under --tz America/Los_Angeles spans two Beijing days).
    reapplyFrom: p.stoppedAt === null ? null : reapplyFrom(PLATFORM_TZ, p.stoppedAt + (p.stoppedAtSlack ?? 0)),
    labelsShown,
    labelsTested,
    rules: RULES_ID,
    warnings,
  };
}

function balanceWarnings(s: Settings, charge: Money): Warning[] {
  const out: Warning[] = [];
  if (s.balance === undefined) return out;
  if (s.avgOrder !== undefined && s.balance.lt(s.avgOrder)) {
    out.push({
      code: 'balance_below_avg_order',
      text: msg(
        `支付宝余额 ${fmt(s.balance)} 低于店铺平均客单价 ${fmt(s.avgOrder)}: 神秘购买会下单失败, 多次失败后会关闭甄检通道、去标并追缴`,
        `Alipay balance ${fmt(s.balance)} is below the average order price ${fmt(s.avgOrder)}: the mystery purchase will fail, and repeated failures close 甄检, remove the label and claw back fees`,
      ),
    });
  }
  const avg = s.avgOrder ?? ZERO;
  const needed = toFen(charge.plus(avg));
  if (s.balance.lt(needed)) {
    out.push({
      code: 'balance_below_charge',
      text: avg.gt(ZERO)
        ? msg(
            `支付宝余额 ${fmt(s.balance)} 不够: 最多扣款 ${fmt(charge)} 元, 扣款后还要留有平均客单价 ${fmt(avg)} 元, 共需 ${fmt(needed)} 元, 差 ${fmt(needed.minus(s.balance))} 元`,
            `Alipay balance ${fmt(s.balance)} is not enough: up to ${fmt(charge)} is withheld and at least the average order price ${fmt(avg)} must be left after it, ${fmt(needed)} in all, short by ${fmt(needed.minus(s.balance))}`,
          )
        : msg(
            `支付宝余额 ${fmt(s.balance)} 低于最多扣款 ${fmt(charge)}, 差 ${fmt(charge.minus(s.balance))} 元`,
            `Alipay balance ${fmt(s.balance)} is below the maximum charge ${fmt(charge)}, short by ${fmt(charge.minus(s.balance))}`,
          ),
    });
  }
  return out;
}

export interface Total {
  /** Products counted in the sums: every product but those of an industry 甄检 is not open to. */
  products: number;
  /** Products left out of the sums: their industry is not eligible (`ineligible_industry`). */
  ineligible: number;
  samplesMin: number;
  samplesMax: number;
  registrationEstimate: Money;
  chargedMin: Money;
  chargedMax: Money;
  realCostMin: Money;
  realCostMax: Money;
  balanceNeeded: Money;
  testsPerYear: number;
  annualChargedMax: Money;
  annualRealCostMax: Money;
  rules: string;
  warnings: Warning[];
}

/**
 * Sums of the per-product (already rounded) amounts, so the total row adds up on screen. All
 * registered products may be bought in the same days, so the balance needed is the sum of the
 * maximum charges plus the average order price, which must still be there after them (Q3).
 * RULES §3 (三): 甄检 is open to six industries only. A product of another industry cannot
 * register, so it is never bought nor charged: its row shows what it would cost were it accepted,
 * but the sums and the balance needed leave it out (until 2026-12 they counted it: the example
 * sofa added 8597.00 to the balance needed); with every product left out the balance needed is 0.00
 * (nothing registers, no agreement is signed: it was the average order price). A product whose
 * industry cannot be told (an unknown category, eligible null) is counted: it may be charged.
 */
export function total(all: readonly Estimate[], s: Settings): Total {
  const rows = all.filter((e) => e.eligible !== false);
  const sum = (f: (e: Estimate) => Money) => rows.reduce((a, e) => a.plus(f(e)), ZERO);
  const chargedMax = sum((e) => e.chargedMax);
  return {
    products: rows.length,
    ineligible: all.length - rows.length,
    samplesMin: rows.reduce((a, e) => a + e.samplesMin, 0),
    samplesMax: rows.reduce((a, e) => a + e.samplesMax, 0),
    registrationEstimate: sum((e) => e.registrationEstimate),
    chargedMin: sum((e) => e.chargedMin),
    chargedMax,
    realCostMin: sum((e) => e.realCostMin),
    realCostMax: sum((e) => e.realCostMax),
    // No product can register: no agreement is signed, so no balance is held for 甄检 at all.
    balanceNeeded: rows.length === 0 ? toFen(ZERO) : toFen(chargedMax.plus(s.avgOrder ?? ZERO)),
    testsPerYear: rows.reduce((a, e) => a + e.testsPerYear, 0),
    annualChargedMax: sum((e) => e.annualChargedMax),
    annualRealCostMax: sum((e) => e.annualRealCostMax),
    rules: RULES_ID,
    warnings: [
      ...leftOut(all.filter((e) => e.eligible === false)),
      // One product counted: its own row already says whether the balance covers it.
      ...(rows.length > 1 ? balanceWarnings(s, chargedMax) : []),
    ],
  };
}

/** The total row says which products its sums leave out, and why. */
function leftOut(out: readonly Estimate[]): Warning[] {
  if (out.length === 0) return [];
  const ids = out.map((e, i) => e.itemId || e.title || `#${i + 1}`).join(', ');
  return [
    {
      code: 'ineligible_not_counted',
      text: msg(
        `合计与所需余额不含 ${out.length} 个行业不适用的商品 (${ids}): 无法报名甄检, 不会被购样扣款; 若行业判断有误, 在 行业 列写明行业后重新估算`,
        `the totals and the balance needed leave out ${plural(out.length, 'product')} of an industry 甄检 is not open to (${ids}): ${out.length === 1 ? 'it cannot register, so it is' : 'they cannot register, so they are'} never bought or charged; if the industry is wrong, write it in the industry column and estimate again`,
      ),
    },
  ];
}
