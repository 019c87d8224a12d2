// --notify, --notify-on, --notify-required and the config file's `notify` section, resolved once
// at the start of a run (bad values are usage errors before any input is read).
// Precedence: flags, then environment (STOREOPS_NOTIFY_SECRET), then config, then defaults.
import { type Ctx, langOf } from '../context.js';
import { section } from '../config.js';
import { type Lang, UsageError, msg } from '../errors.js';
import { parseTarget } from './target.js';
import { shownNick } from '../io/pii.js';
import type { NotifyOn, Target } from './types.js';
import type { Platform } from '../orders/types.js';
import { configuredShopNames } from '../reviews/settings.js';

export interface NotifySettings {
  targets: Target[];
  on: NotifyOn;
  required: boolean;
  lang: Lang;
  /** The shop's name for the alerts' titles when the export names none and no platform's name applies: notify.shop, else reviews.shopName. */
  shop?: string;
  /** True when `shop` is notify.shop, set for the alerts themselves: it then names every alert whose export names no shop, before any platform's name. */
  shopForAlerts?: boolean;
  /**
   * reviews.shopNames, a name per platform (masked as `shop`): an alert about a platform's orders or
   * reviews whose export names no shop is titled with it before reviews.shopName, as the review greeting
   * is (reviews/settings.ts shopFor); notify.shop, set for alerts, still comes first (as before text45).
   * Until text45 alerts ignored it: a 拼多多 run said the Tmall shop.
   */
  shopNames: Partial<Record<Platform, string>>;
  top: number;
  maxMessages: number;
  timeoutMs: number;
  attempts: number;
  backoffMs: number;
  budgetMs: number;
}

export const NOTIFY_DEFAULTS = { on: 'new' as NotifyOn, top: 10, maxMessages: 3, timeout: 10, attempts: 3, backoff: 1, budget: 60 };

function num(v: unknown, name: string, min: number, max: number, integer: boolean): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(
      msg(`${name} 需要 ${min} 到 ${max} 之间的${integer ? '整数' : '数'}, 收到 ${JSON.stringify(v)}`, `${name} takes ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(v)}`),
    );
  }
  return n;
}

function list(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

export function notifySettings(ctx: Ctx, opts: Record<string, unknown>): NotifySettings {
  const cfg = section(ctx.config, 'notify');
  const where = ctx.configPath ?? 'config';
  // Unknown keys (notify.taregts) are named when the config is read, by every command (context.ts).
  const envSecret = ctx.io.env.STOREOPS_NOTIFY_SECRET || undefined;
  const cfgSecret = typeof cfg.secret === 'string' && cfg.secret !== '' ? cfg.secret : undefined;
  if (cfg.secret !== undefined && typeof cfg.secret !== 'string') throw new UsageError(msg(`${where}: notify.secret 必须是文本`, `${where}: notify.secret must be text`));

  const flagSpecs = list(opts.notify);
  let targets: Target[];
  if (flagSpecs.length > 0) {
    // Flags replace the config's targets; their secret comes from the environment, then the config.
    targets = flagSpecs.map((s) => parseTarget(s, 'flag', envSecret ?? cfgSecret));
  } else {
    const raw = cfg.targets === undefined ? [] : Array.isArray(cfg.targets) ? cfg.targets : [cfg.targets];
    targets = raw.map((t, i) => {
      if (typeof t === 'string') return parseTarget(t, 'config', envSecret ?? cfgSecret);
      if (t && typeof t === 'object' && typeof (t as { url?: unknown }).url === 'string') {
        const o = t as { url: string; kind?: unknown; secret?: unknown };
        if (o.secret !== undefined && typeof o.secret !== 'string') throw new UsageError(msg(`${where}: notify.targets[${i}].secret 必须是文本`, `${where}: notify.targets[${i}].secret must be text`));
        const spec = typeof o.kind === 'string' ? `${o.kind}:${o.url}` : o.url;
        // A target's own secret is the most specific, so it wins.
        return parseTarget(spec, 'config', (o.secret as string | undefined) || envSecret || cfgSecret);
      }
      throw new UsageError(
        msg(`${where}: notify.targets[${i}] 应是 URL 文本或 {"url": …, "kind": …, "secret": …}`, `${where}: notify.targets[${i}] must be a URL or {"url": …, "kind": …, "secret": …}`),
      );
    });
  }

  const onRaw = String(opts.notifyOn ?? cfg.on ?? NOTIFY_DEFAULTS.on);
  if (onRaw !== 'always' && onRaw !== 'new' && onRaw !== 'never') {
    throw new UsageError(msg(`--notify-on 只接受 always, new 或 never, 收到 "${onRaw}"`, `--notify-on takes always, new or never, got "${onRaw}"`));
  }
  const required = opts.notifyRequired === true || (opts.notifyRequired === undefined && cfg.required === true);
  if (required && onRaw !== 'never' && targets.length === 0) {
    throw new UsageError(
      msg('--notify-required 需要至少一个通知目标', '--notify-required needs at least one notify target'),
      msg('加上 --notify <URL>, 或在配置文件的 notify.targets 中列出。', 'add --notify <URL>, or list one in notify.targets of the config file.'),
    );
  }
  // The group's language may differ from the operator's: notify.lang, else the run's language.
  const lang: Lang = langOf(cfg.lang) ?? ctx.lang;
  if (cfg.lang !== undefined && !langOf(cfg.lang)) throw new UsageError(msg(`${where}: notify.lang 只能是 zh 或 en`, `${where}: notify.lang must be zh or en`));
  if (cfg.shop !== undefined && typeof cfg.shop !== 'string') throw new UsageError(msg(`${where}: notify.shop 必须是文本`, `${where}: notify.shop must be text`));
  const reviewsShop = section(ctx.config, 'reviews').shopName;
  const shop = [cfg.shop, reviewsShop].find((v): v is string => typeof v === 'string' && v.trim() !== '')?.trim();
  return {
    targets,
    on: onRaw,
    required,
    lang,
    ...(shop !== undefined ? { shop: shownNick(shop) } : {}),
    ...(typeof cfg.shop === 'string' && cfg.shop.trim() !== '' ? { shopForAlerts: true } : {}),
    // Read only for a run that posts (a refused value is warned of, and a reviews run without alerts says it once, as its error).
    shopNames: targets.length === 0 ? {} : Object.fromEntries(Object.entries(configuredShopNames(ctx)).map(([p, n]) => [p, shownNick(n)])) as Partial<Record<Platform, string>>,
    top: num(cfg.top ?? NOTIFY_DEFAULTS.top, 'notify.top', 1, 100, true),
    maxMessages: num(cfg.maxMessages ?? NOTIFY_DEFAULTS.maxMessages, 'notify.maxMessages', 1, 10, true),
    timeoutMs: num(cfg.timeout ?? NOTIFY_DEFAULTS.timeout, 'notify.timeout', 0.05, 120, false) * 1000,
    attempts: num(cfg.attempts ?? NOTIFY_DEFAULTS.attempts, 'notify.attempts', 1, 10, true),
    backoffMs: num(cfg.backoff ?? NOTIFY_DEFAULTS.backoff, 'notify.backoff', 0, 60, false) * 1000,
    budgetMs: num(cfg.budget ?? NOTIFY_DEFAULTS.budget, 'notify.budget', 0.1, 600, false) * 1000,
  };
}
