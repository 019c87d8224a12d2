// Global options (SPEC "Global options") resolved once into a typed context for every command.
// Precedence: flags, then environment, then config file, then defaults.
import { halfWidth } from './io/cells.js';
import { wrapPhrases, wrapText } from './io/width.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { normalizeEncoding } from './io/encodings.js';
import { resolveFormat } from './io/formats.js';
import type { OutEncoding } from './io/sink.js';
import type { OutputOptions } from './io/output.js';
import { TimeZone, clockChangeReason, parseWhen } from './time.js';
import { paint } from './color.js';
import { type Config, loadConfig, section } from './config.js';
import { EXIT, type Lang, type Msg, UsageError, msg, say } from './errors.js';

export interface GlobalFlags {
  format?: string;
  output?: string;
  bom?: boolean;
  outEncoding?: string;
  formulaEscape?: boolean;
  textIds?: boolean;
  lang?: string;
  asOf?: string;
  tz?: string;
  encoding?: string;
  rejects?: string;
  duplicates?: string;
  strict?: boolean;
  config?: string;
  state?: string;
  showPii?: boolean;
  quiet?: boolean;
  color?: boolean;
  input?: boolean;
  wide?: boolean;
  verbose?: boolean;
  debug?: boolean;
}

export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The clock; injected so tests are reproducible. */
  now: () => number;
}

/** A row of the --duplicates file: the row dropped, the copy kept (line 0: unknown), an order line's id. */
export interface DuplicateRow {
  file: string;
  line: number;
  orderId: string;
  keptFile: string;
  keptLine: number | null;
  lineId: string;
}

export interface Ctx extends OutputOptions {
  io: Io;
  asOf: number;
  /** --as-of was given: `asOf` is the operator's time, not the clock's (compensate's stale-input warning). */
  asOfGiven?: boolean;
  encoding?: string;
  rejects?: string;
  /** --duplicates: where every order seen twice is listed. */
  duplicates?: string;
  /** Set once the --duplicates file is written: a command that reads no order export never does. */
  duplicatesWritten?: boolean;
  /**
   * Rows another reader found before the order exports were read (a review file's repeated
   * reviews): written at the top of the --duplicates file by whichever reader writes it.
   */
  duplicatesFirst?: DuplicateRow[];
  strict: boolean;
  config: Config;
  configPath?: string;
  statePath: string;
  showPii: boolean;
  quiet: boolean;
  /** -v: more detail on stderr. */
  verbose: boolean;
  /** --debug or STOREOPS_DEBUG: stacks of internal errors, timings. */
  debug: boolean;
  noInput: boolean;
  stderrColor: boolean;
  /** May the command prompt? Only with a terminal on both ends and no --no-input. */
  interactive: boolean;
  /** Exit code the run ends with unless an error is thrown (1 = needs attention). */
  exitCode: number;
  warn(m: Msg): void;
  info(m: Msg): void;
  attention(): void;
  t(m: Msg): string;
}

/**
 * `zh` or `en`, also written as a locale (`zh_CN.UTF-8`, `zh-CN`, `zh-Hans`, `en_US`): a cron job
 * given `STOREOPS_LANG=zh_CN.UTF-8` (LANG's value copied) ran in English, its group alerts too,
 * without a word. Anything else is not a language storeops has.
 */
export function langOf(v: unknown): Lang | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(zh|en)(?:[-_.@].*)?$/i.exec(v.trim());
  return m ? (m[1]!.toLowerCase() as Lang) : undefined;
}

export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv, config: Config): Lang {
  if (flag !== undefined) {
    const l = langOf(flag);
    if (!l) {
      const e = new UsageError(msg(`--lang 只接受 zh 或 en, 收到 "${flag}"`, `--lang takes zh or en, got "${flag}"`), msg('中文写 --lang zh, 英文写 --lang en。', 'write --lang zh for Chinese, --lang en for English.'));
      // Said in the language the run would have had without the flag (a zh operator's typo is told in zh).
      (e as { lang?: Lang }).lang = detectLang(undefined, env, config);
      throw e;
    }
    return l;
  }
  const explicit = langOf(env.STOREOPS_LANG) ?? langOf(config.lang);
  if (explicit) return explicit;
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(loc) ? 'zh' : 'en';
}

/** The forms --as-of takes, for its refusals (docs/cli.md --as-of). */
const AS_OF_FORMS = msg(
  '写成 "2026-11-20 14:00:00" (按 --tz 时区, 默认北京时间), 或 "2026/11/20 14:00"、"2026年11月20日 14:00"、"2026年11月20日14点"、"2026年11月20日 14点30分"、"2026年11月20日下午2点半", 或只写日期 ("2026年11月20日"), 或 ISO 8601; 年份不能省略。',
  'write it as "2026-11-20 14:00:00" (in --tz, Beijing time by default), or "2026/11/20 14:00", "2026年11月20日 14:00", "2026年11月20日14点", "2026年11月20日 14点30分", "2026年11月20日下午2点半", a date alone ("2026年11月20日"), or ISO 8601; always with the year.',
);

export function buildContext(flags: GlobalFlags, io: Io, command?: string): Ctx {
  // --lang may be needed to report a broken config file, so pick it without config first.
  const preLang = detectLang(flags.lang, io.env, {});
  // `-o "$OUT"` with OUT unset: an empty name is a mistake, not "standard output" (-o wrote the
  // result to stdout, exit 0, and the file a cron job expected was never written) nor "no file"
  // (--rejects/--duplicates silently wrote nothing).
  for (const [flag, value] of [['-o', flags.output], ['--rejects', flags.rejects], ['--duplicates', flags.duplicates]] as const) {
    if (value !== undefined && value.trim() === '') {
      const e = new UsageError(
        msg(`${flag} 的文件名是空的`, `${flag} was given an empty file name`),
        flag === '-o'
          ? msg('给出文件名 (标准输出用 -o -); 脚本里多半是变量没有设置。', 'give a file name (-o - for standard output); in a script, a variable was probably not set.')
          : msg('给出文件名; 脚本里多半是变量没有设置。', 'give a file name; in a script, a variable was probably not set.'),
      );
      (e as { lang?: Lang }).lang = preLang;
      throw e;
    }
  }
  let loaded;
  try {
    loaded = loadConfig(flags.config, io.env, io.cwd);
  } catch (e) {
    // A config file read but refused (loadConfig: secrets others can read) names its language: use it.
    const configLang = (e as { configLang?: unknown }).configLang;
    (e as { lang?: Lang }).lang = detectLang(flags.lang, io.env, typeof configLang === 'string' ? { lang: configLang } : {});
    throw e;
  }
  const config = loaded.config;
  const lang = detectLang(flags.lang, io.env, config);

  const tzName = flags.tz ?? (typeof config.tz === 'string' ? config.tz : undefined) ?? 'Asia/Shanghai';
  let tz: TimeZone;
  try {
    tz = new TimeZone(tzName);
  } catch {
    throw new UsageError(
      msg(`未知时区 "${tzName}"`, `unknown time zone "${tzName}"`),
      msg('用 IANA 名称, 例如 Asia/Shanghai 或 UTC。', 'use an IANA name such as Asia/Shanghai or UTC.'),
    );
  }

  let asOf = io.now();
  if (flags.asOf !== undefined) {
    // Full-width digits and colons (２０２６－１１－２１ １０：００, a Chinese input method) are the same time.
    const t = parseWhen(halfWidth(flags.asOf).trim(), tz);
    if (typeof t !== 'number') {
      const clock = t === undefined ? clockChangeReason(halfWidth(flags.asOf).trim(), tz, flags.asOf.trim()) : undefined;
      if (t === 'noon-or-midnight') {
        // 下午12点半 read as 12:30 by some and 00:30 by others: never guessed, the two unambiguous forms offered.
        const typed = halfWidth(flags.asOf).trim();
        const noon = typed.replace(/[上下]午\s*12/, '12');
        const midnight = typed.replace(/[上下]午\s*12/, '0');
        const ap = /上午/.test(typed) ? '上午' : '下午';
        throw new UsageError(
          msg(
            `--as-of 有歧义: "${flags.asOf}": ${ap}12点 (包括 12点半、12点几分) 可能指中午 12 点, 也可能指半夜 0 点; storeops 不猜`,
            `--as-of is ambiguous: "${flags.asOf}": ${ap}12点 (and its half hour or minutes, 12点半) may mean noon or midnight; storeops never guesses which`,
          ),
          msg(`中午写 "${noon}", 半夜写 "${midnight}" (不带 上午/下午, 按 24 小时制)。`, `for noon write "${noon}", for midnight "${midnight}" (without 上午/下午, on the 24-hour clock).`),
        );
      }
      throw new UsageError(
        t === 'no-year'
          ? msg(`--as-of 没有年份: "${flags.asOf}"; storeops 不猜是哪一年`, `--as-of has no year: "${flags.asOf}"; storeops never guesses the year`)
          : msg(`--as-of 不是有效时间: "${flags.asOf}"`, `--as-of is not a valid time: "${flags.asOf}"`),
        clock ? msg(clock.zh, clock.en) : AS_OF_FORMS,
      );
    }
    asOf = t;
  }

  const outEncRaw = (flags.outEncoding ?? (typeof config.outEncoding === 'string' ? config.outEncoding : 'utf8')).toLowerCase();
  const outEncoding: OutEncoding | undefined =
    outEncRaw === 'utf8' || outEncRaw === 'utf-8' ? 'utf8' : ['gbk', 'gb18030', 'gb2312', 'cp936'].includes(outEncRaw) ? 'gbk' : undefined;
  if (!outEncoding) {
    throw new UsageError(msg(`--out-encoding 只接受 utf8 或 gbk, 收到 "${outEncRaw}"`, `--out-encoding takes utf8 or gbk, got "${outEncRaw}"`));
  }

  // A bad --encoding is a bad value (exit 2), told before any input is read (it was exit 3, and
  // only once a file had been opened; an empty file hid it).
  if (flags.encoding !== undefined && !normalizeEncoding(flags.encoding)) {
    throw new UsageError(
      msg(`--encoding 不支持 "${flags.encoding}"`, `--encoding does not know "${flags.encoding}"`),
      msg('可用: utf8, gbk (即 gb18030), utf16le, utf16be', 'use utf8, gbk (read as gb18030), utf16le or utf16be'),
    );
  }

  // Check -f / -o now, before any input is read. `ics` belongs to roster, which checks it itself.
  const chosen = resolveFormat({ format: flags.format ?? (typeof config.format === 'string' ? config.format : undefined), output: flags.output, stdout: io.stdout }, ['ics']);
  // A workbook is binary: on a terminal it is noise (and bytes a terminal may act on), never a file.
  if (chosen === 'xlsx' && (flags.output === undefined || flags.output === '-') && io.stdout.isTTY) {
    throw new UsageError(
      msg('xlsx 是二进制文件, 不会输出到终端', 'xlsx is a binary file: it is not written to the terminal'),
      msg('用 -o 结果.xlsx, 或重定向: > 结果.xlsx。', 'use -o result.xlsx, or redirect: > result.xlsx.'),
    );
  }

  const noColorEnv = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  const colorAllowed = flags.color !== false && !noColorEnv && io.env.TERM !== 'dumb';
  const xdgData = io.env.XDG_DATA_HOME || path.join(io.env.HOME || os.homedir(), '.local', 'share');
  const statePath =
    flags.state !== undefined || io.env.STOREOPS_STATE !== undefined || typeof config.state !== 'string'
      ? path.resolve(io.cwd, flags.state ?? io.env.STOREOPS_STATE ?? path.join(xdgData, 'storeops', 'state.db'))
      : configStatePath(config.state, loaded.path, io.cwd, fs.existsSync);
  const quiet = Boolean(flags.quiet);
  const stderrColor = colorAllowed && Boolean(io.stderr.isTTY);
  const noInput = flags.input === false;
  const verbose = Boolean(flags.verbose) && !quiet;

  const ctx: Ctx = {
    io,
    format: flags.format ?? (typeof config.format === 'string' ? config.format : undefined),
    output: flags.output,
    bom: flags.bom ?? (typeof config.bom === 'boolean' ? config.bom : undefined),
    outEncoding,
    formulaEscape: flags.formulaEscape !== false,
    textIds: flags.textIds ?? (typeof config.textIds === 'boolean' ? config.textIds : undefined),
    lang,
    tz,
    color: colorAllowed && Boolean(io.stdout.isTTY) && !flags.output,
    stdout: io.stdout,
    wide: Boolean(flags.wide),
    termWidth: flags.output && flags.output !== '-' ? undefined : terminalWidth(io),
    asOf,
    asOfGiven: flags.asOf !== undefined,
    encoding: flags.encoding,
    rejects: flags.rejects,
    duplicates: flags.duplicates,
    strict: Boolean(flags.strict),
    config,
    configPath: loaded.path,
    statePath,
    showPii: flags.showPii ?? (config.showPii === true),
    quiet,
    verbose,
    debug: Boolean(flags.debug) || Boolean(io.env.STOREOPS_DEBUG),
    noInput,
    stderrColor,
    // stdout first: stdin is made only when asked for (main.ts defaultIo).
    interactive: !noInput && Boolean(io.stdout.isTTY) && Boolean(io.stdin.isTTY),
    exitCode: EXIT.ok,
    t: (m) => say(m, lang),
    warn(m) {
      const label = lang === 'zh' ? '警告' : 'warning';
      const head = paint(stderrColor).yellow(label);
      const cols = io.stderr.isTTY ? io.stderr.columns : undefined;
      if (!cols) {
        io.stderr.write(`storeops: ${head}: ${say(m, lang)}\n`);
        return;
      }
      // A terminal: fitted to its width (a pipe or a file gets the line unchanged).
      io.stderr.write(paintLabel(wrapWarning(`storeops: ${label}: ${say(m, lang)}`, cols), label, head).join('\n') + '\n');
    },
    info(m) {
      if (quiet) return;
      const cols = io.stderr.isTTY ? io.stderr.columns : undefined;
      // A summary or note on a terminal: broken at the end of a clause where one falls late enough in
      // the line, never between a number and its word (width.ts wrapPhrases); a pipe gets it unchanged.
      io.stderr.write((cols ? wrapWarning(say(m, lang), cols, wrapPhrases).join('\n') : say(m, lang)) + '\n');
    },
    attention() {
      if (ctx.exitCode === EXIT.ok) ctx.exitCode = EXIT.attention;
    },
  };
  for (const note of loaded.notes ?? []) ctx.warn(note);
  checkConfigKeys(ctx, command);
  return ctx;
}

/**
 * A warning (or note, or error and its hint) fitted to a terminal `columns` wide, as the roster check's 说明 column is (io/width.ts
 * wrapText: display columns, a CJK character two; after a space where one falls in the line, else
 * between characters): each line of it at most `columns`, the lines it goes on over indented by two
 * spaces, so one warning is told from the next. Until 2026-12 the terminal folded them at its edge,
 * mid-word and back at column 0.
 */
export function wrapWarning(text: string, columns: number, wrap: (text: string, width: number) => string[] = wrapText): string[] {
  const out: string[] = [];
  for (const part of text.split('\n')) {
    const indent = part.match(/^ */)![0];
    const body = part.slice(indent.length);
    const [first, ...rest] = wrap(body, columns - indent.length);
    out.push(indent + first!);
    if (rest.length === 0) continue;
    // The rest of the text (wrapText's first line is its start, the space it broke at dropped), again.
    const hang = indent + '  ';
    if (columns - hang.length >= 20) for (const l of wrap(body.slice(first!.length).replace(/^ +/, ''), columns - hang.length)) out.push(hang + l);
    else for (const l of rest) out.push(indent + l);
  }
  return out;
}

/**
 * The wrapped lines of `storeops: <label>: …` with the label painted (`head`) where it landed: on the
 * first line, or alone at the start of the second on a terminal too narrow for `storeops: <label>:`
 * (under ~20 columns). The first line was rebuilt as `storeops: <head>: ` + what followed the label
 * there, so a label wrapped onto the second line was printed twice ("warning:" at 12 columns).
 * A label cut in two (a terminal narrower than the label) stays unpainted.
 */
export function paintLabel(lines: string[], label: string, head: string): string[] {
  if (head === label) return lines;
  const out = [...lines];
  for (let i = 0; i < Math.min(2, out.length); i++) {
    const l = out[i]!;
    const at = i === 0 ? 'storeops: '.length : l.length - l.trimStart().length;
    if (i === 1 && out[0] !== 'storeops:') break;
    if (l.startsWith(label, at)) {
      out[i] = l.slice(0, at) + head + l.slice(at + label.length);
      break;
    }
  }
  return out;
}

/** The width a table is fitted to: the terminal's, else COLUMNS (for `-f table` into a pipe). */
export function terminalWidth(io: Pick<Io, 'stdout' | 'env'>): number | undefined {
  if (io.stdout.isTTY && io.stdout.columns && io.stdout.columns > 0) return io.stdout.columns;
  const env = Number.parseInt(io.env.COLUMNS ?? '', 10);
  return Number.isFinite(env) && env > 0 ? env : undefined;
}

const TOP_KEYS = new Set(['lang', 'tz', 'format', 'outEncoding', 'bom', 'textIds', 'state', 'showPii', 'compensate', 'reviews', 'zhenjian', 'roster', 'orders', 'notify']);

/**
 * The keys each section reads. Every command checks the whole file when it starts, whichever
 * sections it uses: a misspelt `reviews.quietHour` would otherwise leave the default quiet hours in
 * force without a word, `zhenjian.comissionRate` a commission of 0, `compensate.shipwithin` the
 * rule set's 48 h, `notify.taregts` no robot at all (said only by the run that posts, if ever).
 */
const SECTION_KEYS: Record<string, readonly string[]> = {
  compensate: ['rules', 'base', 'shipWithin', 'holidays'],
  reviews: ['maxAttempts', 'attemptWindowDays', 'quietHours', 'minGapHours', 'contactWithinHours', 'goodwill', 'highValue', 'midValue', 'serialNegative', 'shopName', 'shopNames', 'safetyContact', 'messageLang', 'keywords', 'forbidden', 'templates', 'minShiftLeftMinutes'],
  zhenjian: ['commissionRate', 'shippingPerSample', 'avgOrder', 'farAboveRatio', 'categories'],
  roster: ['shifts', 'traffic', 'daysOff', 'min', 'aht', 'answerWithin', 'concurrency', 'serviceLevel', 'timeLimit', 'maxHoursSpread'],
  notify: ['targets', 'secret', 'on', 'required', 'lang', 'shop', 'top', 'maxMessages', 'timeout', 'attempts', 'backoff', 'budget'],
};

/** The keys of a notify target written as an object ({"url": …, "kind": …, "secret": …}). */
const TARGET_KEYS = ['url', 'kind', 'secret'] as const;

/**
 * Levenshtein distance, for a did-you-mean on short config keys and agent names; on the characters
 * of `[...text]` when given arrays (小黄 and 小璜 are one apart), else on UTF-16 units.
 */
export function distance(a: ArrayLike<string>, b: ArrayLike<string>): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The known key a misspelt one most likely means: the same letters in another case (shipwithin),
 * else the one nearest by at most 2 edits (maxMessage, taregts), when only one is that near.
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const same = known.filter((k) => k.toLowerCase() === key.toLowerCase());
  if (same.length === 1) return same[0];
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestD = Math.min(2, Math.floor(key.length / 2));
  let tie = false;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestD || (d === bestD && best === undefined)) {
      best = k;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return tie ? undefined : best;
}

/** The warning for an unknown key `k` in `name` (a section, or '' for the top level). */
function unknownKey(where: string, name: string, k: string, known: readonly string[]): Msg {
  const near = closestKey(k, known);
  const zhNear = near ? `; 是否想用 "${near}"?` : '';
  const enNear = near ? `; did you mean "${near}"?` : '';
  if (name === '') return msg(`${where}: 未知的配置项 "${k}", 已忽略${zhNear}`, `${where}: unknown key "${k}" is ignored${enNear}`);
  return msg(
    `${where}: 配置 ${name} 中未知的项 "${k}", 已忽略${zhNear} (可用: ${known.join(', ')})`,
    `${where}: unknown key "${k}" in ${name} is ignored${enNear} (known: ${known.join(', ')})`,
  );
}

/** An unknown key in a section that decides money, for the command that reads it: exit 2. */
function moneyKeyError(where: string, name: string, k: string, known: readonly string[]): UsageError {
  const near = closestKey(k, known);
  return new UsageError(
    msg(
      `${where}: 配置 ${name} 中未知的项 "${k}"${near ? `; 是否想用 "${near}"?` : ''} (可用: ${known.join(', ')}); 这一节的项决定赔付金额, 忽略它运行可能按错误的规则发放`,
      `${where}: unknown key "${k}" in ${name}${near ? `; did you mean "${near}"?` : ''} (known: ${known.join(', ')}); this section's keys decide the amounts paid, and a run with it ignored could pay under rules you did not choose`,
    ),
    msg(
      `改正配置文件中的这一项${near ? ` (写成 "${near}")` : ''}, 或删除它 (以 _ 开头的项是注释); 本次没有读取任何订单。`,
      `correct the key in the config file${near ? ` (write "${near}")` : ''}, or remove it (keys starting with _ are comments); no order was read.`,
    ),
  );
}

/**
 * For compensate, exit 2: a top-level key that is probably a misspelt "compensate", or (with `shape`,
 * what to write) a compensate key outside its section or a compensate section that is no section.
 */
function moneySectionError(where: string, k: string, shape?: string): UsageError {
  const zhWhat = shape === undefined ? `未知的配置项 "${k}"; 是否想用 "compensate"?` : k === 'compensate' ? `"compensate" 不是一个小节 (应写成 ${shape}), 已忽略;` : `"${k}" 是 compensate 小节的项, 写在了小节外面, 已忽略;`;
  const enWhat = shape === undefined ? `unknown key "${k}"; did you mean "compensate"?` : k === 'compensate' ? `"compensate" is not a section (write ${shape}) and is ignored;` : `"${k}" is a key of the compensate section, written outside it, and is ignored;`;
  return new UsageError(
    msg(
      `${where}: ${zhWhat} 这一节的项决定赔付金额, 忽略它运行可能按错误的规则发放`,
      `${where}: ${enWhat} ${shape === undefined ? 'That' : 'that'} section's keys decide the amounts paid, and a run with it ignored could pay under rules you did not choose`,
    ),
    msg(
      `改正配置文件中的这一项 (写成 ${shape ?? '"compensate"'}), 或删除它 (以 _ 开头的项是注释); 本次没有读取任何订单。`,
      `correct the key in the config file (write ${shape ?? '"compensate"'}), or remove it (keys starting with _ are comments); no order was read.`,
    ),
  );
}

/** The warning, for other commands, that the compensate section is no section. */
function notASection(where: string): Msg {
  return msg(`${where}: "compensate" 不是一个小节 (应写成 {"compensate": {"rules": …}}), 已忽略`, `${where}: "compensate" is not a section (write {"compensate": {"rules": …}}) and is ignored`);
}

/** A misspelt key in the config file is ignored by everything: say so instead of staying silent. */
function checkConfigKeys(ctx: Ctx, command?: string): void {
  const where = ctx.configPath ?? 'config';
  const top = [...TOP_KEYS];
  for (const k of Object.keys(ctx.config)) {
    if (k.startsWith('_') || k.startsWith('$')) continue; // comments
    if (TOP_KEYS.has(k)) continue;
    // A misspelt compensate section ({"compensat": {"rules": "tmall-2023"}}) is the whole section
    // ignored, as a misspelt key in it is: compensate stops on it too (exit 2).
    if (command?.split(' ')[0] === 'compensate' && closestKey(k, top) === 'compensate') throw moneySectionError(where, k);
    // {"rules": "tmall-2023"} at the top level: a compensate key outside its section, ignored the same way.
    if (command?.split(' ')[0] === 'compensate' && SECTION_KEYS.compensate!.includes(k)) throw moneySectionError(where, k, `{"compensate": {"${k}": …}}`);
    ctx.warn(unknownKey(where, '', k, top));
  }
  // {"compensate": "tmall-2023"}: not a section at all, so every key of it was ignored without a word.
  const comp = ctx.config.compensate;
  if (comp !== undefined && (typeof comp !== 'object' || comp === null || Array.isArray(comp))) {
    const err = moneySectionError(where, 'compensate', '{"compensate": {"rules": …}}');
    if (command?.split(' ')[0] === 'compensate') throw err;
    ctx.warn(notASection(where));
  }
  for (const [name, known] of Object.entries(SECTION_KEYS)) {
    const sec = ctx.config[name];
    if (typeof sec !== 'object' || sec === null || Array.isArray(sec)) continue;
    for (const k of Object.keys(sec)) {
      if (k.startsWith('_') || known.includes(k)) continue;
      // The compensate section decides money: `{"compensate": {"rule": "tmall-2023"}}` ran a cron job
      // under the rule set in force (50.00 where tmall-2023 owes 500.00) with a warning nobody reads.
      // compensate stops on it (exit 2); other commands only name it.
      if (name === 'compensate' && command?.split(' ')[0] === 'compensate') throw moneyKeyError(where, name, k, known);
      ctx.warn(unknownKey(where, name, k, known));
    }
  }
  const gw = section(ctx.config, 'reviews').goodwill;
  if (typeof gw === 'object' && gw !== null && !Array.isArray(gw)) {
    for (const k of Object.keys(gw)) {
      if (!k.startsWith('_') && k !== 'neutral' && k !== 'negative') ctx.warn(unknownKey(where, 'reviews.goodwill', k, ['neutral', 'negative']));
    }
  }
  const targets = section(ctx.config, 'notify').targets;
  (Array.isArray(targets) ? targets : [targets]).forEach((t, i) => {
    if (typeof t !== 'object' || t === null || Array.isArray(t)) return;
    const name = Array.isArray(targets) ? `notify.targets[${i}]` : 'notify.targets';
    for (const k of Object.keys(t)) {
      if (!k.startsWith('_') && !(TARGET_KEYS as readonly string[]).includes(k)) ctx.warn(unknownKey(where, name, k, TARGET_KEYS));
    }
  });
  const fromEnv = ctx.io.env.STOREOPS_LANG;
  if (fromEnv && !langOf(fromEnv)) {
    ctx.warn(
      msg(
        `环境变量 STOREOPS_LANG="${fromEnv}" 不是 zh 或 en, 已忽略 (按 ${ctx.config.lang !== undefined && langOf(ctx.config.lang) ? '配置文件的 lang' : 'LANG/LC_ALL'} 用${ctx.lang === 'zh' ? '中文' : '英文'}); 中文请设 STOREOPS_LANG=zh`,
        `STOREOPS_LANG="${fromEnv}" is not zh or en and is ignored (${ctx.config.lang !== undefined && langOf(ctx.config.lang) ? "the config's lang" : 'LANG/LC_ALL'} gives ${ctx.lang === 'zh' ? 'Chinese' : 'English'}); set STOREOPS_LANG=zh for Chinese`,
      ),
    );
  }
  const lang = ctx.config.lang;
  if (lang !== undefined && !langOf(lang)) ctx.warn(msg(`${where}: "lang" 只能是 zh 或 en, 收到 ${JSON.stringify(lang)}, 已忽略`, `${where}: "lang" must be zh or en, got ${JSON.stringify(lang)}; ignored`));
}

/**
 * The config's `state`, relative to the config file like every path in it (a cron job naming the
 * config from another folder records into the same database). It was relative to the current
 * folder: a database kept there and not beside the config is not silently swapped for a new, empty
 * one (which would pay every voucher again): the run stops and says to write the path in full.
 */
export function configStatePath(state: string, configPath: string | undefined, cwd: string, exists: (p: string) => boolean): string {
  const base = configPath ? path.dirname(path.resolve(cwd, configPath)) : cwd;
  const beside = path.resolve(base, state);
  const here = path.resolve(cwd, state);
  if (beside !== here && !exists(beside) && exists(here)) {
    throw new UsageError(
      msg(
        `配置文件的 state "${state}" 相对于配置文件所在目录是 ${beside} (不存在), 而当前目录下有 ${here}`,
        `the config's state "${state}" is ${beside} relative to the config file (it does not exist), but ${here} exists in the current folder`,
      ),
      msg(
        `配置文件里的路径都相对于配置文件; 在配置文件中写完整路径 (如 "state": "${here}"), 或用 --state 指定, 以免用一个新的空数据库重复发放红包。`,
        `paths in the config are relative to the config file; write the full path in the config (e.g. "state": "${here}") or pass --state, so that no run records into a new, empty database and pays vouchers again.`,
      ),
    );
  }
  return beside;
}
