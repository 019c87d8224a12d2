// The editable category table (templates/zhenjian/categories.json): sample counts per category
// (RULES §3, seed 002 Q5: ordinary goods 3–5 units, contact lenses at least 20 pairs) and the
// industries 甄检 is open to (seed 002 三). Pure: the caller reads the file.
import { InputError, type Msg, msg } from '../errors.js';

export interface SampleRange {
  samplesMin: number;
  samplesMax: number;
  /** samplesMax is a floor ("at least 20 pairs"): the institute may buy more. */
  openEnded?: boolean;
  /**
   * The counts are pairs (副, 2 lenses), not units sold: seed 002 Q5 "隐形眼镜最少20副". The units
   * bought follow from the lenses a unit holds (model.ts lensesPerUnit).
   */
  countedIn?: 'pair';
}

export interface Industry {
  id: string;
  zh: string;
  aliases: string[];
  eligible: boolean;
}

export interface Category extends SampleRange {
  id: string;
  zh: string;
  aliases: string[];
  industry: string;
  /**
   * A leaf name several top levels share (T恤, 衬衫, 羽绒服: 女装, 男装 and 童装 all have them): named by a
   * path's most specific level, it yields to a broader level that names a category of its own
   * (`男装>T恤` is 男装, `童装/婴儿装/亲子装>T恤` 童装), and decides only when none does (user18).
   */
  generic?: boolean;
}

export interface CategoryTable {
  ordinary: SampleRange;
  industries: Industry[];
  categories: Category[];
}

export interface CategoryMatch {
  /** The category row, when the text names one. */
  category?: Category;
  /** The industry: the category's, or the one the text names directly. */
  industry?: Industry;
  /** Sample range used: the category's, else the ordinary range. */
  range: SampleRange;
  /** The part of a category path that named the category, when the whole text did not. */
  via?: string;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

function bad(name: string, where: string, what: string, whatZh: string): InputError {
  return new InputError(
    msg(`${name}: ${where} ${whatZh}`, `${name}: ${where} ${what}`),
    msg('按 templates/zhenjian/categories.json 的格式改正该文件。', 'fix the file; templates/zhenjian/categories.json shows the shape.'),
  );
}

function range(o: Record<string, unknown>, name: string, where: string): SampleRange {
  const min = o.samplesMin;
  const max = o.samplesMax;
  if (typeof min !== 'number' || !Number.isInteger(min) || min < 1) throw bad(name, where, 'samplesMin must be a whole number ≥ 1', 'samplesMin 必须是 ≥ 1 的整数');
  if (typeof max !== 'number' || !Number.isInteger(max) || max < min) throw bad(name, where, 'samplesMax must be a whole number ≥ samplesMin', 'samplesMax 必须是 ≥ samplesMin 的整数');
  if (o.countedIn !== undefined && o.countedIn !== 'pair') throw bad(name, where, `countedIn must be "pair" or left out, not ${JSON.stringify(o.countedIn)}`, `countedIn 只能是 "pair" 或不写, 不能是 ${JSON.stringify(o.countedIn)}`);
  return { samplesMin: min, samplesMax: max, ...(o.openEnded === true ? { openEnded: true } : {}), ...(o.countedIn === 'pair' ? { countedIn: 'pair' as const } : {}) };
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Validate a parsed categories.json; `name` is the file name for messages. */
export function parseCategoryTable(json: unknown, name: string): CategoryTable {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw bad(name, '', 'is not a JSON object', '不是 JSON 对象');
  const o = json as Record<string, unknown>;
  if (typeof o.ordinary !== 'object' || o.ordinary === null) throw bad(name, '"ordinary"', 'is missing', '缺失');
  const ordinary = range(o.ordinary as Record<string, unknown>, name, '"ordinary":');
  if (!Array.isArray(o.industries)) throw bad(name, '"industries"', 'must be a list', '必须是列表');
  const industries: Industry[] = o.industries.map((x, i) => {
    const r = (x ?? {}) as Record<string, unknown>;
    if (typeof r.id !== 'string' || typeof r.zh !== 'string') throw bad(name, `industries[${i}]:`, 'needs "id" and "zh"', '需要 "id" 和 "zh"');
    return { id: r.id, zh: r.zh, aliases: strings(r.aliases), eligible: r.eligible === true };
  });
  const industryIds = new Set(industries.map((x) => x.id));
  if (!Array.isArray(o.categories)) throw bad(name, '"categories"', 'must be a list', '必须是列表');
  const seen = new Map<string, string>();
  const categories: Category[] = o.categories.map((x, i) => {
    const r = (x ?? {}) as Record<string, unknown>;
    if (typeof r.id !== 'string' || typeof r.zh !== 'string') throw bad(name, `categories[${i}]:`, 'needs "id" and "zh"', '需要 "id" 和 "zh"');
    if (typeof r.industry !== 'string' || !industryIds.has(r.industry)) {
      throw bad(name, `categories[${i}] (${r.id}):`, `industry "${String(r.industry)}" is not one of the listed industries`, `行业 "${String(r.industry)}" 不在 industries 列表中`);
    }
    if (r.generic !== undefined && typeof r.generic !== 'boolean') throw bad(name, `categories[${i}] (${r.id}):`, `generic must be true or false, not ${JSON.stringify(r.generic)}`, `generic 只能是 true 或 false, 不能是 ${JSON.stringify(r.generic)}`);
    const c: Category = { id: r.id, zh: r.zh, aliases: strings(r.aliases), industry: r.industry, ...range(r, name, `categories[${i}] (${r.id}):`), ...(r.generic === true ? { generic: true } : {}) };
    for (const n of [c.id, c.zh, ...c.aliases].map(norm)) {
      const other = seen.get(n);
      if (other && other !== c.id) throw bad(name, `categories[${i}] (${c.id}):`, `name "${n}" is also used by ${other}`, `名称 "${n}" 已被 ${other} 使用`);
      seen.set(n, c.id);
    }
    return c;
  });
  return { ordinary, industries, categories };
}

/**
 * Names to try for a category as the seller centre writes it: the whole text, then each level of
 * a path (`隐形眼镜/护理液 > 彩色隐形眼镜`, `女装/女士精品>连衣裙`), the most specific (last) first,
 * each level whole and then by the parts of a name joined with `/` (`隐形眼镜/护理液`).
 */
function candidates(text: string): string[] {
  const out = [text];
  const levels = text.split(/\s*[>＞›»→]\s*/).map((x) => x.trim()).filter(Boolean).reverse();
  for (const level of levels) {
    out.push(level);
    const parts = level.split(/\s*[/／|｜]\s*/).map((x) => x.trim()).filter(Boolean);
    if (parts.length > 1) out.push(...parts);
  }
  return [...new Set(out)];
}

/**
 * Find a category (by id, Chinese name or alias), else an industry named directly. A category path
 * is looked up name by name, the most specific first (`candidates`): `隐形眼镜/护理液>彩色隐形眼镜`
 * is contact lenses (at least 20 samples), where the whole text matched nothing and the ordinary
 * 3–5 were used. `via` is the name that matched when it is not the whole text (the row says so).
 */
export function lookupCategory(table: CategoryTable, text: string, industryText?: string): CategoryMatch {
  const byName = (t: string) => {
    const k = norm(t);
    return k ? table.categories.find((c) => [c.id, c.zh, ...c.aliases].some((n) => norm(n) === k)) : undefined;
  };
  const findIndustry = (s: string) => {
    const k = norm(s);
    return k ? table.industries.find((x) => [x.id, x.zh, ...x.aliases].some((n) => norm(n) === k)) : undefined;
  };
  const names = candidates(text);
  let category: Category | undefined;
  let via: string | undefined;
  // A generic leaf (T恤) is kept only until a broader level names a category of its own (男装>T恤: 男装).
  let generic: { c: Category; t: string } | undefined;
  for (const t of names) {
    const c = byName(t);
    if (!c) continue;
    if (c.generic) {
      generic ??= { c, t };
      continue;
    }
    category = c;
    if (t !== text) via = t;
    break;
  }
  if (!category && generic) {
    category = generic.c;
    if (generic.t !== text) via = generic.t;
  }
  let industry = industryText ? findIndustry(industryText) : undefined;
  if (!industry && category) industry = table.industries.find((x) => x.id === category!.industry);
  if (!industry && !category) for (const t of names) if ((industry = findIndustry(t))) break;
  return { category, industry, range: category ?? table.ordinary, ...(via ? { via } : {}) };
}

export function industryName(i: Industry): Msg {
  return msg(i.zh, i.id);
}

/** Names of the eligible industries, for messages. */
export function eligibleNames(table: CategoryTable): Msg {
  const e = table.industries.filter((x) => x.eligible);
  return msg(e.map((x) => x.zh).join('、'), e.map((x) => x.id).join(', '));
}
