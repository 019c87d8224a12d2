// Settings for the reviews commands: flags, then config section `reviews`, then defaults; and the
// editable tables under templates/reviews (keywords, forbidden wording, messages).
import { halfWidth } from '../io/cells.js';
import path from 'node:path';
import { type Ctx, closestKey } from '../context.js';
import { configKey, section } from '../config.js';
import { InputError, type Lang, type Msg, UsageError, msg } from '../errors.js';
import { Money, parseMoney } from '../money.js';
import { templatesDir } from '../paths.js';
import { CATEGORIES, type ForbiddenTable, type KeywordTables, compileTables, mergeTables, type Matchers } from './keywords.js';
import { Lint, type TemplateSet, type TemplateText } from './message.js';
import { mergeShape } from './wording.js';
import { DEFAULT_SETTINGS, type ReviewSettings, parseQuietHours } from './policy.js';
import { DEFAULT_THRESHOLDS, type PriorityThresholds } from './priority.js';
import { DEFAULT_GOODWILL, type Goodwill } from './queue.js';
import { NOT_OBJECT, jsonProblem } from '../io/jsontext.js';
import { fileProblem, regexProblem, regexReasonZh } from '../io/fsproblem.js';
import { readTextFileSync } from '../io/textfile.js';
import { MIN_SHIFT_LEFT_MINUTES } from './roster-file.js';
import { CATEGORY_ZH } from './codes.js';
import type { Platform } from '../orders/types.js';

/** What each table is called, one language at a time (the English message said "cannot read 关键词表 / keyword table"). */
const KEYWORD_TABLE = msg('关键词表', 'keyword table');
const FORBIDDEN_TABLE = msg('禁用词表', 'forbidden-wording table');
const MESSAGE_TEMPLATES = msg('消息模板', 'message templates');

function readJson(file: string, what: Msg): Record<string, unknown> {
  let text: string;
  try {
    text = readTextFileSync(file);
  } catch (e) {
    throw new InputError(
      msg(`无法读取${what.zh} ${file}: ${fileProblem(e).zh}`, `cannot read the ${what.en} ${file}: ${fileProblem(e).en}`),
      msg('检查配置 reviews 段里的路径 (相对于配置文件所在目录)。', 'check the path in the config section "reviews" (relative to the config file).'),
    );
  }
  const body = text.replace(/^\uFEFF/, '');
  try {
    const v = JSON.parse(body) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(NOT_OBJECT);
    return v as Record<string, unknown>;
  } catch (e) {
    const why = jsonProblem(e, body);
    throw new InputError(msg(`${file} 有误: ${why.zh}`, `${file}: ${why.en}`), msg('修正该文件。', 'fix the file.'));
  }
}

const KEYWORD_LISTS = ['safety', 'negative', 'neutralizers', 'extortion'] as const;
const KEYWORD_CATEGORIES = CATEGORIES.filter((c) => c !== 'other');

/**
 * An operator's keyword table (reviews.keywords), checked before it is merged: every list a list of
 * text, every key one the tables have, every /…/ entry a regular expression. A list written as one
 * text ("safety": "过敏"), a number among the phrases, a misspelt key ("saftey", a category
 * "qualty") were dropped without a word, the shop's words never matched; a bad /…/ entry was told
 * with the engine's English message in zh too, and not where it was. Keys starting with _ are notes.
 */
function checkKeywordTable(file: string, table: Record<string, unknown>): Partial<KeywordTables> {
  let t = table;
  const bad = (zh: string, en: string, fixZh: string, fixEn: string): never => {
    throw new InputError(msg(`${KEYWORD_TABLE.zh} ${file}: ${zh}`, `${KEYWORD_TABLE.en} ${file}: ${en}`), msg(fixZh, fixEn));
  };
  const shape = `{"categories": {"quality": ["…"]}, "safety": ["…"], "negative": [], "neutralizers": [], "extortion": []}`;
  const list = (key: string, v: unknown): void => {
    if (!Array.isArray(v)) {
      bad(`${key} 应是一组用方括号括起的词语, 收到 ${JSON.stringify(v)}`, `${key} must be a list of phrases in square brackets, got ${JSON.stringify(v)}`, `写成 "${key.split('.').pop()}": ["词语1", "词语2"]。`, `write it as "${key.split('.').pop()}": ["phrase 1", "phrase 2"].`);
      return;
    }
    v.forEach((x, i) => {
      if (typeof x !== 'string') bad(`${key} 的第 ${i + 1} 项不是文本: ${JSON.stringify(x)}`, `item ${i + 1} of ${key} is not text: ${JSON.stringify(x)}`, '每一项用双引号括起, 例如 "12"。', 'put each item in double quotes, e.g. "12".');
      const e = (x as string).trim();
      if (e.length > 2 && e.startsWith('/') && e.endsWith('/')) {
        try {
          new RegExp(e.slice(1, -1), 'iu');
        } catch (err) {
          const why = String((err as Error).message).replace(/^.*: /, '');
          const zh = regexReasonZh(why);
          bad(`${key} 的第 ${i + 1} 项 ${e} 不是有效的正则表达式${zh ? ` (${zh})` : ''}`, `item ${i + 1} of ${key}, ${e}, is not a valid regular expression (${why})`, '修正这个 /…/ 条目 (检查括号是否成对, 特殊字符前加 \\); 或去掉两端的 / 按普通词语匹配。', 'fix that /…/ entry (brackets in pairs, a backslash before a special character), or drop the slashes to match it as a plain phrase.');
        }
      }
    });
  };
  for (const [k, v] of Object.entries(table)) {
    if (k.startsWith('_')) continue;
    if (k === 'categories') {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        bad(`categories 应是按类目分的词表 (${KEYWORD_CATEGORIES.join(', ')}), 收到 ${JSON.stringify(v)}`, `categories must hold a list per category (${KEYWORD_CATEGORIES.join(', ')}), got ${JSON.stringify(v)}`, `写成 ${shape}。`, `write it as ${shape}.`);
      }
      // A category may be named as the zh queue shows it (质量, 物流, …): the same category.
      const named: Record<string, unknown> = {};
      for (const [c0, words] of Object.entries(v as Record<string, unknown>)) {
        if (c0.startsWith('_')) continue;
        const c = KEYWORD_CATEGORIES.find((k) => CATEGORY_ZH[k] === c0.trim()) ?? c0;
        if (!(KEYWORD_CATEGORIES as readonly string[]).includes(c)) {
          const near = closestKey(c0, KEYWORD_CATEGORIES);
          bad(
            `没有类目 "${c0}"${near ? ` (是否想写 "${near}"?)` : ''}: 它的词语不会被使用`,
            `there is no category "${c0}"${near ? ` (did you mean "${near}"?)` : ''}: its phrases would never be used`,
            `类目只有: ${KEYWORD_CATEGORIES.map((k) => `${k} (${CATEGORY_ZH[k]})`).join(', ')}。`,
            `the categories are: ${KEYWORD_CATEGORIES.map((k) => `${k} (${CATEGORY_ZH[k]})`).join(', ')}.`,
          );
        }
        list(`categories.${c0}`, words);
        named[c] = [...(Array.isArray(named[c]) ? (named[c] as unknown[]) : []), ...(words as unknown[])];
      }
      t = { ...t, categories: named };
      continue;
    }
    if (!(KEYWORD_LISTS as readonly string[]).includes(k)) {
      const known = ['categories', ...KEYWORD_LISTS];
      const near = closestKey(k, known);
      bad(
        `没有 "${k}" 这一项${near ? ` (是否想写 "${near}"?)` : ''}: 它的词语不会被使用`,
        `there is no table "${k}"${near ? ` (did you mean "${near}"?)` : ''}: its phrases would never be used`,
        `可用的项: ${known.join(', ')} (以 _ 开头的项是注释)。`,
        `the tables are: ${known.join(', ')} (keys starting with _ are notes).`,
      );
    }
    list(k, v);
  }
  return t as Partial<KeywordTables>;
}

export interface ReviewsConfig {
  settings: ReviewSettings;
  thresholds: PriorityThresholds;
  goodwill: Goodwill;
  serialNegativeAt: number;
  /** The shop a message names when nothing more particular does: reviews.shopName, else 本店 / our shop (shopFor). */
  shop: TemplateText;
  /** reviews.shopNames: the shop's name on each platform (an operator with a Tmall and a 拼多多 shop). */
  shopNames: Partial<Record<Platform, { name: string; key: string }>>;
  /** Whether reviews.shopName is set (else `shop` is 本店 / our shop). */
  shopNameSet: boolean;
  matchers: Matchers;
  lint: Lint;
  templates: TemplateSet;
  templatesFile?: string;
  /** Language of messages to buyers: zh unless asked (buyers are Chinese, whatever the operator's LANG). */
  messageLang: Lang;
  /** Who a buyer with a health or safety problem should call (name and phone), for the safety message. */
  safetyContact: string;
  /** `--roster`: minutes an agent must still be on shift to be handed a review (docs/rules.md §2.4). */
  minShiftLeftMinutes: number;
}

function num(v: unknown, given: string | Msg, min: number): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const name = typeof given === 'string' ? msg(given, given) : given;
  // Full-width digits (３, typed with a Chinese input method) are the same digits.
  const n = typeof v === 'number' ? v : Number(halfWidth(String(v)).trim());
  if (!Number.isFinite(n) || n < min) {
    throw new UsageError(msg(`${name.zh} 应为不小于 ${min} 的数, 收到 "${String(v)}"`, `${name.en} must be a number of at least ${min}, got "${String(v)}"`));
  }
  return n;
}

function money(v: unknown, name: Msg, dflt: Money): Money {
  if (v === undefined || v === null || v === '') return dflt;
  const m = parseMoney(halfWidth(String(v)).trim());
  if (!m || m.lt(0)) throw new UsageError(msg(`${name.zh} 应为金额 (如 5.00), 收到 "${String(v)}"`, `${name.en} must be an amount such as 5.00, got "${String(v)}"`));
  return m;
}

/** Resolve everything the reviews commands need. Flags win over config; config over defaults. */
export function loadReviewsConfig(ctx: Ctx, flags: { maxAttempts?: unknown; quietHours?: unknown; messageLang?: unknown; safetyContact?: unknown } = {}): ReviewsConfig {
  const c = section(ctx.config, 'reviews');
  const base = ctx.configPath ? path.dirname(ctx.configPath) : ctx.io.cwd;
  const rel = (p: string) => path.resolve(base, p);
  // A bad value in the config file names the file and the key (reviews.quietHours in config file …).
  const key = (k: string) => configKey(ctx.configPath, `reviews.${k}`);

  const settings: ReviewSettings = { ...DEFAULT_SETTINGS };
  settings.maxAttempts = num(flags.maxAttempts, '--max-attempts', 1) ?? num(c.maxAttempts, key('maxAttempts'), 1) ?? settings.maxAttempts;
  settings.minGapHours = num(c.minGapHours, key('minGapHours'), 0) ?? settings.minGapHours;
  settings.attemptWindowDays = num(c.attemptWindowDays, key('attemptWindowDays'), 0) ?? settings.attemptWindowDays;
  settings.contactWithinHours = num(c.contactWithinHours, key('contactWithinHours'), 1) ?? settings.contactWithinHours;
  const qh = (flags.quietHours ?? c.quietHours) as unknown;
  // From the config file: the error names the file and the key, and the fix is written as the file has it.
  const qhFrom = flags.quietHours === undefined || flags.quietHours === null ? key('quietHours') : undefined;
  const qhIn = (m: Msg): Msg => (qhFrom ? msg(`${qhFrom.zh}: ${m.zh}`, `${qhFrom.en}: ${m.en}`) : m);
  const qhWrite = (v: string): Msg => (qhFrom ? msg(`"quietHours": "${v}"`, `"quietHours": "${v}"`) : msg(`--quiet-hours ${v}`, `--quiet-hours ${v}`));
  if (qh !== undefined && qh !== null && qh !== '') {
    const q = qh === 'none' || qh === 'off' ? { quietStart: 0, quietEnd: 0 } : parseQuietHours(String(qh));
    if (!q) {
      throw new UsageError(
        qhIn(msg(`安静时段格式不对: "${String(qh)}"`, `quiet hours not understood: "${String(qh)}"`)),
        msg('写成 22:00-08:00 (跨午夜可以), 或 none。', 'write it as 22:00-08:00 (may wrap midnight), or none.'),
      );
    }
    // Quiet hours are when NOT to contact (RULES 2.2: harassment at unreasonable times). A window
    // that leaves the small hours open (08:00-22:00: the hours contact is allowed, written by
    // mistake) would send every contact to the night, 22:00 to 08:00: refused. `none` stays the
    // explicit way to turn them off.
    const quietAt = (m: number) => (q.quietStart < q.quietEnd ? m >= q.quietStart && m < q.quietEnd : m >= q.quietStart || m < q.quietEnd);
    if (q.quietStart !== q.quietEnd && ![60, 120, 180, 240].some(quietAt)) {
      const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      // Eight hours or more of "quiet" in the day is the allowed window written the wrong way
      // round: its other side is what was meant. A shorter one (a lunch break) is no night.
      const length = (q.quietEnd - q.quietStart + 1440) % 1440;
      const swapped = `${hm(q.quietEnd)}-${hm(q.quietStart)}`;
      const fix = length >= 8 * 60 ? swapped : '22:00-08:00';
      throw new UsageError(
        qhIn(msg(
          `安静时段 "${String(qh)}" 不包括深夜 (01:00–05:00): 照此会在凌晨联系买家 (按平台规则属于骚扰)。安静时段是不联系买家的时间${length >= 8 * 60 ? `, 这看起来写成了可以联系的时间 (${String(qh)})` : ''}`,
          `quiet hours "${String(qh)}" leave the night (01:00–05:00) open: buyers would be contacted in the small hours (harassment under the platform's rules). Quiet hours are when NOT to contact${length >= 8 * 60 ? `; this looks like the hours contact is allowed (${String(qh)})` : ''}`,
        )),
        msg(`写不联系的时间, 例如 ${qhWrite(fix).zh} (默认 22:00-08:00); 确实不要安静时段时写 none。`, `write the hours not to contact, e.g. ${qhWrite(fix).en} (default 22:00-08:00); for no quiet hours at all, write none.`),
      );
    }
    Object.assign(settings, q);
  }
  const gw = (typeof c.goodwill === 'object' && c.goodwill !== null ? c.goodwill : {}) as Record<string, unknown>;
  const goodwill: Goodwill = {
    neutral: money(gw.neutral, key('goodwill.neutral'), DEFAULT_GOODWILL.neutral),
    negative: money(gw.negative, key('goodwill.negative'), DEFAULT_GOODWILL.negative),
  };
  const thresholds: PriorityThresholds = {
    highValue: money(c.highValue, key('highValue'), DEFAULT_THRESHOLDS.highValue),
    midValue: money(c.midValue, key('midValue'), DEFAULT_THRESHOLDS.midValue),
  };
  const serialNegativeAt = num(c.serialNegative, key('serialNegative'), 2) ?? 3;
  const shopName = typeof c.shopName === 'string' && c.shopName.trim() !== '' ? c.shopName.trim() : undefined;
  const shop: TemplateText = { zh: shopName ?? '本店', en: shopName ?? 'our shop' };
  const shopNames = readShopNames(c.shopNames, key('shopNames'));

  const dir = path.join(templatesDir(), 'reviews');
  let tables = readJson(path.join(dir, 'keywords.json'), KEYWORD_TABLE) as unknown as KeywordTables;
  if (typeof c.keywords === 'string') tables = mergeTables(tables, checkKeywordTable(rel(c.keywords), readJson(rel(c.keywords), KEYWORD_TABLE)));
  let matchers: Matchers;
  try {
    matchers = compileTables(tables);
  } catch (e) {
    // The shipped table (the operator's is checked above, entry by entry): the engine's own words.
    const why = regexProblem(e);
    throw new InputError(msg(`关键词表里有无效的正则表达式 ${why.zh}`, `a keyword table has an invalid regular expression: ${why.en}`), msg('修正 /…/ 条目。', 'fix the /…/ entry.'));
  }
  const forb = readJson(path.join(dir, 'forbidden.json'), FORBIDDEN_TABLE) as unknown as ForbiddenTable;
  if (typeof c.forbidden === 'string') {
    const extra = readJson(rel(c.forbidden), FORBIDDEN_TABLE);
    if (Array.isArray(extra.phrases)) forb.phrases = [...(forb.phrases ?? []), ...extra.phrases.filter((p): p is string => typeof p === 'string')];
    if (forb.shape) forb.shape = mergeShape(forb.shape, extra.shape);
  }
  let lint: Lint;
  try {
    lint = new Lint(forb);
  } catch (e) {
    // The engine's words are English ("Invalid regular expression: /(abc/iu: Unterminated group").
    const why = regexProblem(e);
    throw new InputError(msg(`禁用词表里有无效的正则表达式 ${why.zh}`, `the forbidden-wording table has an invalid regular expression: ${why.en}`), msg('修正该条目。', 'fix the entry.'));
  }
  const templates = pickTemplates(readJson(path.join(dir, 'messages.json'), MESSAGE_TEMPLATES));
  let templatesFile: string | undefined;
  if (typeof c.templates === 'string') {
    templatesFile = rel(c.templates);
    Object.assign(templates, pickTemplates(readJson(templatesFile, MESSAGE_TEMPLATES)));
  }
  const ml = String(flags.messageLang ?? c.messageLang ?? 'zh').trim().toLowerCase();
  if (ml !== 'zh' && ml !== 'en') {
    const from = flags.messageLang === undefined || flags.messageLang === null ? key('messageLang') : msg('--message-lang', '--message-lang');
    throw new UsageError(msg(`${from.zh} 只接受 zh 或 en, 收到 "${ml}"`, `${from.en} takes zh or en, got "${ml}"`), msg('给买家的消息默认用中文 (zh)。', 'messages to buyers are in Chinese (zh) by default.'));
  }
  const sc = flags.safetyContact ?? c.safetyContact;
  const safetyContact = typeof sc === 'string' ? sc.trim() : '';
  const minShiftLeftMinutes = num(c.minShiftLeftMinutes, key('minShiftLeftMinutes'), 0) ?? MIN_SHIFT_LEFT_MINUTES;
  return { settings, thresholds, goodwill, serialNegativeAt, shop, shopNames, shopNameSet: shopName !== undefined, matchers, lint, templates, templatesFile, messageLang: ml, safetyContact, minShiftLeftMinutes };
}

/**
 * The keys reviews.shopNames takes, each naming a platform: Taobao and Tmall are one platform (their
 * exports are one; two shops there are told apart by the export's 店铺名称, not by this).
 */
const SHOP_NAME_KEYS: Readonly<Record<string, Platform>> = {
  tmall: 'taobao',
  taobao: 'taobao',
  天猫: 'taobao',
  淘宝: 'taobao',
  douyin: 'douyin',
  抖店: 'douyin',
  抖音: 'douyin',
  pdd: 'pdd',
  拼多多: 'pdd',
};

/**
 * The platforms the config says the operator's shops are on: the keys of reviews.shopNames (an
 * operator with a Tmall and a 拼多多 shop names both). Empty when it names none: unknown. For the
 * commands that read no export (roster), the only place a shop's platform is written down.
 */
export function configuredPlatforms(ctx: Ctx): Set<Platform> {
  return new Set(Object.keys(shopNamesBesideReviews(ctx)) as Platform[]);
}

/**
 * reviews.shopNames as the config gives it, name by platform, for the commands that only title or
 * word something with it (alerts of compensate and roster, roster's 08:00 warning). A value the reviews
 * commands refuse (exit 2: buyers would be greeted with another shop's name) is only warned of here and
 * left out (lead, after rev43): a typo there stopped `compensate --record --notify` from cron, so
 * nothing was recorded that hour, for the sake of an alert's title.
 */
export function configuredShopNames(ctx: Ctx): Partial<Record<Platform, string>> {
  const out: Partial<Record<Platform, string>> = {};
  for (const [p, { name }] of Object.entries(shopNamesBesideReviews(ctx))) out[p as Platform] = name;
  return out;
}

function shopNamesBesideReviews(ctx: Ctx): Partial<Record<Platform, { name: string; key: string }>> {
  const v = section(ctx.config, 'reviews').shopNames;
  try {
    return readShopNames(v, configKey(ctx.configPath, 'reviews.shopNames'));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    ctx.warn(
      msg(
        `${e.text.zh}; 本次运行不使用 reviews.shopNames (reviews 命令会拒绝运行, 请改正)${e.hint ? `。${e.hint.zh}` : ''}`,
        `${e.text.en}; reviews.shopNames is not used by this run (the reviews commands refuse to run: correct it)${e.hint ? `. ${e.hint.en}` : ''}`,
      ),
    );
    return {};
  }
}

/** The platform's name as a message about its shop name says it. */
export const PLATFORM_NAME: Readonly<Record<Platform, Msg>> = {
  taobao: msg('淘宝/天猫', 'Taobao/Tmall'),
  douyin: msg('抖店', '抖店 (Douyin)'),
  pdd: msg('拼多多', '拼多多 (PDD)'),
};

/**
 * reviews.shopNames: `{"tmall": "某某旗舰店", "pdd": "某某拼多多店"}`, a name per platform (keys in
 * SHOP_NAME_KEYS; keys starting with _ are notes). A key that names no platform is refused: the
 * buyers of that shop would be greeted with another shop's name (or 本店) without a word.
 */
function readShopNames(v: unknown, where: Msg): Partial<Record<Platform, { name: string; key: string }>> {
  const out: Partial<Record<Platform, { name: string; key: string }>> = {};
  if (v === undefined || v === null) return out;
  const shape = '{"tmall": "某某旗舰店", "douyin": "某某抖店", "pdd": "某某拼多多店"}';
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw new UsageError(
      msg(`${where.zh} 应是按平台写的店名, 收到 ${JSON.stringify(v)}`, `${where.en} must give a shop name per platform, got ${JSON.stringify(v)}`),
      msg(`写成 "shopNames": ${shape}; 所有店铺共用一个店名时写 "shopName": "…"。`, `write it as "shopNames": ${shape}; for one name for every shop, write "shopName": "…".`),
    );
  }
  const keys = Object.keys(SHOP_NAME_KEYS);
  const given = new Map<Platform, string>();
  for (const [k, name] of Object.entries(v as Record<string, unknown>)) {
    if (k.startsWith('_')) continue;
    const p = SHOP_NAME_KEYS[k.trim()] ?? SHOP_NAME_KEYS[k.trim().toLowerCase()];
    if (p === undefined) {
      const near = closestKey(k, keys);
      throw new UsageError(
        msg(
          `${where.zh}: "${k}" 不是平台${near ? ` (是否想写 "${near}"?)` : ''}: 这个店名不会被使用, 那家店的买家会收到别的店名`,
          `${where.en}: "${k}" is not a platform${near ? ` (did you mean "${near}"?)` : ''}: the name would never be used, and that shop's buyers would be greeted with another name`,
        ),
        msg(
          `可用的键: tmall (或 taobao、天猫、淘宝), douyin (或 抖店), pdd (或 拼多多); 以 _ 开头的键是注释。同一平台有两家店时, 在评价表里加 店铺名称 列。`,
          `the keys are: tmall (or taobao, 天猫, 淘宝), douyin (or 抖店), pdd (or 拼多多); keys starting with _ are notes. For two shops on one platform, add a 店铺名称 column to the review file.`,
        ),
      );
    }
    if (typeof name !== 'string' || name.trim() === '') {
      throw new UsageError(
        msg(`${where.zh}.${k} 应是店名 (文本), 收到 ${JSON.stringify(name)}`, `${where.en}.${k} must be the shop's name (text), got ${JSON.stringify(name)}`),
        msg(`写成 "${k}": "某某旗舰店", 或去掉这一项。`, `write it as "${k}": "Example Flagship Store", or leave the key out.`),
      );
    }
    const before = given.get(p);
    if (before !== undefined && before !== name.trim()) {
      throw new UsageError(
        msg(
          `${where.zh}: ${PLATFORM_NAME[p].zh} 写了两个店名 ("${before}" 和 "${name.trim()}")`,
          `${where.en}: ${PLATFORM_NAME[p].en} is given two names ("${before}" and "${name.trim()}")`,
        ),
        msg('每个平台只写一个; 同一平台有两家店时, 在评价表里加 店铺名称 列 (或用 --orders 读带 店铺名称 的订单报表)。', 'give one per platform; for two shops on one platform, add a 店铺名称 column to the review file (or pass --orders with an export that has 店铺名称).'),
      );
    }
    given.set(p, name.trim());
    out[p] = { name: name.trim(), key: k };
  }
  return out;
}

/** Where the shop name a message uses came from (named when it holds forbidden wording). */
export interface ShopChoice {
  text: TemplateText;
  from: Msg;
}

/**
 * The shop a message to this buyer names ({shop}): the review row's own 店铺名称, else the order
 * export's 店铺名称 (`--orders`), else reviews.shopNames for the order's platform, else
 * reviews.shopName, else 本店 / our shop. Until text44 reviews.shopName served every shop: a 拼多多
 * buyer was greeted with the Tmall shop's name.
 */
export function shopFor(cfg: Pick<ReviewsConfig, 'shop' | 'shopNames' | 'shopNameSet'>, side: { platform?: Platform; reviewShop?: string; orderShop?: string; where?: string }): ShopChoice {
  if (side.reviewShop) return { text: { zh: side.reviewShop, en: side.reviewShop }, from: msg(`评价表的 店铺名称${side.where ? ` (${side.where})` : ''}`, `the review file's 店铺名称${side.where ? ` (${side.where})` : ''}`) };
  if (side.orderShop) return { text: { zh: side.orderShop, en: side.orderShop }, from: msg('订单报表的 店铺名称 (--orders)', "the order export's 店铺名称 (--orders)") };
  const byPlatform = side.platform === undefined ? undefined : cfg.shopNames[side.platform];
  if (byPlatform !== undefined) {
    return { text: { zh: byPlatform.name, en: byPlatform.name }, from: msg(`配置 reviews.shopNames.${byPlatform.key}`, `config reviews.shopNames.${byPlatform.key}`) };
  }
  return { text: cfg.shop, from: cfg.shopNameSet ? msg('配置 reviews.shopName', 'config reviews.shopName') : msg('默认店名', 'the default shop name') };
}

function pickTemplates(j: Record<string, unknown>): TemplateSet {
  const out: TemplateSet = {};
  for (const [k, v] of Object.entries(j)) {
    if (k.startsWith('_') || typeof v !== 'object' || v === null) continue;
    const o = v as Record<string, unknown>;
    if (typeof o.zh === 'string' || typeof o.en === 'string') out[k] = { zh: String(o.zh ?? o.en), en: String(o.en ?? o.zh) };
  }
  return out;
}
