// The shell: parses argv with commander, builds the context, runs a command, and maps every
// error to SPEC's exit codes in one place. Commands are imported lazily so start-up stays fast.
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { loadColor, paint } from '../color.js';
import { version } from './entry.js';
import { PipeClosed } from '../errors.js';
import { type Ctx, type GlobalFlags, type Io, buildContext, detectLang, paintLabel, terminalWidth, wrapWarning } from '../context.js';
import { EXIT, type Lang, StoreopsError, UsageError, msg, say } from '../errors.js';
import { oneLine, terminalSafe } from '../io/escape.js';
import { type Register, commandNamed, loadCommands } from './registry.js';
import { ARG_ZH, TOPICS, afterHelp, examples, globalOptionsHelp, localize, wrapPage, zhFlags } from './help.js';
import { guardTargets, pathsIn } from '../io/targets.js';
import { type Config, loadConfig } from '../config.js';


export function defaultIo(): Io {
  return {
    // Made when first asked for: Node makes process.stdin at its first use, and for a file or
    // /dev/null on fd 0 (cron, the bench) that loads its fs stream modules (fs/promises, readline,
    // ~10 in all), which a run reading its export by name never uses (issue 21; docs/performance.md,
    // twenty-ninth round).
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    now: () => Date.now(),
  };
}

/** A command body: receives the resolved context and its own parsed arguments and options. */
export type CommandBody = (ctx: Ctx, args: string[], opts: Record<string, unknown>, cmd: Command) => Promise<void>;

/** Wrap a command body so the shell builds the context and maps errors. */
export function action(body: () => Promise<CommandBody>) {
  return async function (this: Command, ...rest: unknown[]) {
    const cmd = rest[rest.length - 1] as Command;
    const args = rest.slice(0, -2).flatMap((a) => (Array.isArray(a) ? (a as string[]) : a === undefined ? [] : [String(a)]));
    const all = cmd.optsWithGlobals() as GlobalFlags & Record<string, unknown>;
    const io = (cmd as Command & { storeopsIo?: Io }).storeopsIo ?? rootIo(cmd);
    const ctx = buildContext(all, io, commandPath(cmd));
    current.ctx = ctx;
    current.command = commandPath(cmd);
    current.args = args;
    // -o / --rejects / --duplicates onto one of the inputs would destroy it: refused before anything is read.
    const own = cmd.opts();
    guardTargets({
      output: ctx.output,
      rejects: ctx.rejects,
      duplicates: ctx.duplicates,
      stdout: ctx.output === undefined || ctx.output === '-',
      inputs: [
        ...pathsIn(args).map((p) => ({ what: 'input', path: p })),
        ...Object.entries(own).flatMap(([k, v]) => pathsIn([v]).map((p) => ({ what: `--${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`, path: p }))),
        { what: '--state', path: ctx.statePath },
        ...(ctx.configPath ? [{ what: '--config', path: ctx.configPath }] : []),
        ...configFiles(ctx),
      ],
      state: ctx.statePath,
    });
    // A file to be made in a folder that does not exist (or cannot be written) is told before a long run, not after it.
    const files = [ctx.output, ctx.rejects, ctx.duplicates].filter((t): t is string => typeof t === 'string' && t !== '-');
    if (files.length > 0) {
      const { checkTargetFolder, noteTargetAtStart } = await import('../io/sink.js');
      if (typeof ctx.output === 'string' && ctx.output !== '-') noteTargetAtStart(ctx.output);
      // Only roster writes into a folder (-f ics: a calendar per agent); --rejects/--duplicates never.
      for (const t of files) checkTargetFolder(t, t === ctx.output && current.command.startsWith('roster'));
      // An existing platform download the run does not read (an input is refused above): not replaced.
      const { guardExportTarget } = await import('../io/exportguard.js');
      for (const [flag, t] of [['-o', ctx.output], ['--rejects', ctx.rejects], ['--duplicates', ctx.duplicates]] as const) {
        if (typeof t === 'string') await guardExportTarget(flag, t);
      }
    }
    const fn = await body();
    await fn(ctx, args, cmd.opts(), cmd);
    if (ctx.duplicates && !ctx.duplicatesWritten) {
      // A script waiting for the list must not take a missing file for "no duplicates" silently.
      ctx.warn(
        msg(
          `--duplicates ${ctx.duplicates}: ${current.command} 没有读取订单报表, 未写入该文件`,
          `--duplicates ${ctx.duplicates}: ${current.command} read no order export, so the file was not written`,
        ),
      );
    }
  };
}

const current: { ctx?: Ctx; io?: Io; command?: string; args?: string[] } = {};

/**
 * The tables and the rule file the config names (relative to it), which the commands read:
 * `zhenjian estimate -o storeops-templates/zhenjian/categories.json` replaced the category table
 * `init` wrote, and `compensate -o my-rules.json` the shop's own rule set (found by hostile40).
 */
function configFiles(ctx: Ctx): Array<{ what: string; path: string }> {
  if (!ctx.output && !ctx.rejects && !ctx.duplicates) return [];
  const base = ctx.configPath ? path.dirname(path.resolve(ctx.io.cwd, ctx.configPath)) : ctx.io.cwd;
  const out: Array<{ what: string; path: string }> = [];
  const keys: Array<[string, string]> = [
    ['compensate', 'rules'],
    ['reviews', 'keywords'],
    ['reviews', 'forbidden'],
    ['reviews', 'templates'],
    ['zhenjian', 'categories'],
    ['roster', 'traffic'],
  ];
  const config = ctx.config as Record<string, unknown>;
  for (const [section, key] of keys) {
    const v = (config[section] as Record<string, unknown> | undefined)?.[key];
    if (typeof v !== 'string' || v === '') continue;
    // compensate.rules names a file only as a path (request.ts configRules): `auto` or a rule set's
    // id (tmall-2023) is no file, and an output that happens to be called so is not the config's.
    if (key === 'rules' && !(v.endsWith('.json') || v.includes('/') || v.includes(path.sep))) continue;
    out.push({ what: `config ${section}.${key}`, path: path.resolve(base, v) });
  }
  return out;
}

/** The words commander found past a command's arguments (`--agents 小王 小李`: 小李), for its message. */
// expected: 1 when the command reads one file; fileOption: the option a command whose argument is no
// file takes its files through (`reviews message <orderId> --reviews FILE`), with the command's name.
const excess: { args: string[]; expected: number; fileOption?: { flag: string; command: string } } = { args: [], expected: 0 };

/**
 * commander's Command, remembering which words were too many: its message only counted them
 * ("Expected 0 arguments but got 1"), naming neither the word nor how to write a list (user5).
 */
class StoreopsCommand extends Command {
  override createCommand(name?: string): Command {
    return new StoreopsCommand(name);
  }
  /** commander's own check (private there): note the words past the arguments, then let it say so. */
  _excessArguments(received: string[]): void {
    if (!(this as unknown as { _allowExcessArguments?: boolean })._allowExcessArguments) {
      excess.args = received.slice(this.registeredArguments.length);
      // a command whose last argument is one file (zhenjian estimate [file], roster check <file>, rules show)
      excess.expected = this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1]!.name() === 'file' ? 1 : 0;
      const reviews = this.options.find((o) => o.long === '--reviews');
      excess.fileOption = excess.expected === 0 && reviews ? { flag: '--reviews', command: commandPath(this) } : undefined;
    }
    (Command.prototype as unknown as { _excessArguments(r: string[]): void })._excessArguments.call(this, received);
  }
}

/** `roster check`, `compensate`: the command as typed, without `storeops`. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function rootIo(cmd: Command): Io {
  let c: Command | null = cmd;
  while (c?.parent) c = c.parent;
  return (c as Command & { storeopsIo?: Io }).storeopsIo ?? defaultIo();
}

/**
 * The command tree with the commands given (loadCommands(): all of them); `raw` keeps the
 * `english / 中文` descriptions (the help test checks them).
 */
export function buildProgram(io: Io, lang: Lang, raw: boolean, commands: readonly Register[]): Command {
  const program = new StoreopsCommand('storeops');
  (program as Command & { storeopsIo?: Io }).storeopsIo = io;
  program
    .description(
      'Order-export tools for Tmall/Taobao, Douyin and Pinduoduo shops: delayed-shipment vouchers, review follow-up, 甄检 costs, shift rosters' +
        ' / 天猫/淘宝/抖店/拼多多店铺的订单报表工具: 延迟发货赔付、中差评跟进、甄检费用、客服排班',
    )
    .version(version(), '-V, --version', 'print the version / 显示版本')
    .helpOption('-h, --help', 'show help / 显示帮助')
    .addHelpCommand(false)
    .showHelpAfterError(lang === 'zh' ? '(加 --help 查看用法)' : '(add --help for usage)')
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(commanderMessage(argvShown(suggestGlobal(s, program.options.map((o) => o.long ?? '')), (program as Command & { rawArgs?: string[] }).rawArgs ?? []), lang)),
    })
    .exitOverride();

  program
    .addOption(new Option('-f, --format <fmt>', 'table|csv|tsv|json|ndjson|xlsx (default: table on a terminal, else csv) / 输出格式: table|csv|tsv|json|ndjson|xlsx (默认: 终端上 table, 否则 csv)'))
    .option('-o, --output <file>', 'write there instead of stdout (atomically); format from the extension / 写入文件而不是标准输出 (原子写入); 格式由扩展名决定')
    .option('--bom', 'UTF-8 BOM on csv/tsv (default: on with -o, off on stdout) / csv/tsv 加 UTF-8 BOM (默认: -o 时加, 标准输出不加)')
    .option('--no-bom', 'no BOM / 不加 BOM')
    .option('--out-encoding <enc>', 'utf8 (default) or gbk for old Excel/WPS / 输出编码: utf8 (默认) 或 gbk (旧版 Excel/WPS)')
    .option('--text-ids', 'csv/tsv: write ids as ="…" so spreadsheets keep them as text (default: on with a BOM, GBK or standard output redirected to a file, > out.csv; off on a pipe) / csv/tsv: 编号写成 ="…", 表格软件保持为文本 (默认: 有 BOM、GBK 或标准输出重定向到文件 (> out.csv) 时开启, 管道时关闭)')
    .option('--no-text-ids', 'csv/tsv: write ids as bare digits / csv/tsv: 编号写成纯数字')
    .option('--no-formula-escape', "do not prefix cells starting with = + - @ with ' / 不给以 = + - @ 开头的单元格加 '")
    .option('--lang <lang>', 'zh or en (default from STOREOPS_LANG, config, LANG/LC_ALL) / 语言: zh 或 en (默认取 STOREOPS_LANG、配置文件、LANG/LC_ALL)')
    .option('--as-of <time>', 'evaluation time ("now"), e.g. "2026-11-20 14:00:00" or "2026年11月20日14点", always with the year / 以此时间为"现在", 例如 "2026-11-20 14:00:00" 或 "2026年11月20日14点", 必须写年份')
    .option('--tz <zone>', 'zone of the platform timestamps (default Asia/Shanghai) / 平台时间的时区 (默认 Asia/Shanghai)')
    .option('--encoding <enc>', 'input encoding, overriding detection (utf8, gbk, gb18030) / 输入编码, 覆盖自动识别 (utf8、gbk、gb18030)')
    .option('--rejects <file>', 'write every rejected input row with file, line and reason / 把每个被拒绝的输入行 (文件、行号、原因) 写入文件')
    .option('--duplicates <file>', 'write every order found in more than one row or file, with the copy that was used / 把在多行或多个文件中出现的每个订单写入文件, 并注明采用的是哪一份')
    .option('--strict', 'any rejected row fails the run (exit 3) with no result / 有任何被拒绝的行即失败 (退出码 3), 不输出结果')
    .option('--config <file>', 'config file (else STOREOPS_CONFIG, ./storeops.config.json, $XDG_CONFIG_HOME/storeops/config.json) / 配置文件 (否则 STOREOPS_CONFIG、./storeops.config.json、$XDG_CONFIG_HOME/storeops/config.json)')
    .option('--state <file>', 'state database, shops may share one: caps are per shop (else STOREOPS_STATE, the config\'s state, $XDG_DATA_HOME/storeops/state.db) / 状态数据库, 可多个店铺共用, 封顶额按店铺计算 (否则 STOREOPS_STATE、配置文件的 state、$XDG_DATA_HOME/storeops/state.db)')
    .option('--show-pii', 'show buyer phone, address and receiver name unmasked / 不遮蔽买家电话、地址和收货人姓名')
    .option('--wide', 'table: every column at full width (default: the main columns, fitted to the terminal) / 表格显示全部列 (默认只显示关键列并适应终端宽度)')
    .option('-q, --quiet', 'no summary and no progress on stderr / 标准错误上不输出摘要和进度')
    .option('-v, --verbose', 'more detail on stderr / 标准错误上输出更多细节')
    .option('--debug', 'stack traces and timings on stderr (same as STOREOPS_DEBUG=1) / 在标准错误上输出调用栈和耗时 (同 STOREOPS_DEBUG=1)')
    .option('--no-color', 'no colour (also off with NO_COLOR or when not a terminal) / 不用颜色 (设置 NO_COLOR 或不是终端时也不用)')
    .option('--no-input', 'never prompt; fail with exit 2 instead / 从不询问; 需要回答时以退出码 2 失败');

  for (const register of commands) register(program);
  registerHelp(program, io, lang);
  if (raw) return program;
  // The terminal's width (help is for people): examples are laid out to fit it. Into a pipe, COLUMNS
  // (as for -f table): `COLUMNS=80 storeops roster check --help | less` put the examples side by side
  // on 120-column lines.
  const columns = terminalWidth(io);
  localize(program, lang, columns);
  // The global options are listed once, by `storeops help options`; the overview keeps a few.
  const SHOWN = new Set(['--lang', '--version', '--help']);
  for (const o of program.options) if (!SHOWN.has(o.long ?? '')) o.hideHelp();
  program.addHelpText('after', () => afterHelp(program, lang, columns) + '\n' + say(msg(`帮助主题: storeops help ${TOPICS.join('|')}`, `Help topics: storeops help ${TOPICS.join('|')}`), lang) + '\n');
  return program;
}

/**
 * The width a help topic is laid out for when it goes into a pipe or a file and COLUMNS is not set:
 * commander's own for the options it lists (text48: `storeops help formats | head` kept zh lines of
 * 145 columns, `help exit-codes` en 401: the pages were not wrapped at all there).
 */
const HELP_PIPE_COLUMNS = 80;

/** `storeops help [command|topic]` and `storeops completion <shell>`: no context, no input. */
function registerHelp(program: Command, io: Io, lang: Lang): void {
  examples(program, [
    ['orders inspect examples/ExportOrderList202611.csv', 'is this export readable? what is in it?', '这个报表能读吗? 里面有什么?'],
    ['compensate ExportOrderList*.csv -o 赔付.xlsx', 'delayed-shipment vouchers owed, into a spreadsheet', '应发的延迟发货赔付, 写入表格'],
    ['reviews queue reviews.csv --orders ExportOrderList*.csv', 'who to contact about a neutral/negative review', '要联系哪些中差评买家'],
    ['roster plan --month 2026-12 --agents 小王,小李,小张,小赵', "next month's shift roster", '下个月的客服排班'],
  ]);
  const help: Command = program
    .command('help')
    .description('help for a command, or a topic: options, exit-codes, formats, rules, config, cron / 命令或主题的帮助: options、exit-codes、formats、rules、config、cron')
    .argument('[words...]', 'a command (compensate, roster plan …) or a topic / 命令 (compensate、roster plan …) 或主题')
    .action(async (words: string[]) => {
      if (!words.length) return program.outputHelp();
      // A topic wins over the command of the same name (`help rules`; `storeops rules --help` for the command).
      // The topics' pages are loaded only here: no other run shows them (start-up time, issue 21).
      const { topicOf, topicText } = await import('./topics.js');
      const topic = topicOf(words);
      // As --help: the terminal's width, else COLUMNS into a pipe (`COLUMNS=80 storeops help cron | less`),
      // else 80 (a pipe or a file: `storeops help formats | head`).
      const columns = terminalWidth(io) ?? HELP_PIPE_COLUMNS;
      if (topic === 'options') return void io.stdout.write(globalOptionsHelp(program, lang, columns));
      if (topic) return void io.stdout.write(wrapPage(topicText(topic, lang), columns));
      let cmd: Command | undefined = program;
      for (const w of words) cmd = cmd?.commands.find((c) => c.name() === w || c.aliases().includes(w));
      if (cmd && cmd !== program) return cmd.outputHelp();
      const names = program.commands.map((c) => c.name()).join(', ');
      throw new UsageError(
        msg(`没有这个命令或帮助主题: "${words.join(' ')}"`, `no such command or help topic: "${words.join(' ')}"`),
        msg(`命令: ${names}; 主题: ${TOPICS.join(', ')}`, `commands: ${names}; topics: ${TOPICS.join(', ')}`),
      );
    });
  examples(help, [
    ['help compensate', 'the options of compensate, with examples', 'compensate 的选项和示例'],
    ['help options', 'the global options, listed once', '全局选项, 只在这里列一次'],
    ['help exit-codes', 'what each exit code means (for cron)', '每个退出码的含义 (cron 用)'],
  ]);
  const completion = program
    .command('completion')
    .description('print a shell-completion script for bash, zsh or fish / 输出 bash、zsh 或 fish 的命令补全脚本')
    .argument('<shell>', 'bash, zsh or fish / bash、zsh 或 fish')
    .action(async (shell: string) => {
      const { SHELLS, completionScript } = await import('./completion.js');
      if (!(SHELLS as readonly string[]).includes(shell)) {
        throw new UsageError(msg(`不支持的 shell "${shell}"`, `unsupported shell "${shell}"`), msg('可用: bash, zsh, fish', 'choose bash, zsh or fish'));
      }
      io.stdout.write(completionScript(program, shell as 'bash' | 'zsh' | 'fish'));
    });
  examples(completion, [
    ['completion bash > ~/.local/share/bash-completion/completions/storeops', 'bash (first: mkdir -p ~/.local/share/bash-completion/completions)', 'bash (先建文件夹: mkdir -p ~/.local/share/bash-completion/completions)'],
    ['completion zsh > "${fpath[1]}/_storeops"', 'zsh', 'zsh'],
    ['completion fish > ~/.config/fish/completions/storeops.fish', 'fish', 'fish'],
  ]);
}

/** Run the CLI; returns the exit code (also set on process.exitCode by the bin shim). */
export async function run(argv: string[], io: Io = defaultIo(), setProcessExit = true): Promise<number> {
  current.ctx = undefined;
  current.command = undefined;
  current.args = undefined;
  const code = await runInner(argv, io);
  if (setProcessExit) process.exitCode = code;
  return code;
}

const guarded = new WeakSet<object>();

async function runInner(argv: string[], io: Io): Promise<number> {
  const lang = langFor(io, argv);
  // `storeops <command> …` (or with the program's own options before it, `storeops --state s.db
  // compensate …`) declares that command only: parsing its options and arguments, its errors and
  // its --help involve no other command. Anything else (help, --help, no or an unknown command)
  // gets the whole tree.
  const only = commandNamed(argv);
  // Colour is only ever on for a terminal: chalk is loaded for one only.
  const [commands] = await Promise.all([loadCommands(only), io.stdout.isTTY || io.stderr.isTTY ? loadColor() : undefined]);
  const program = buildProgram(io, lang, false, commands);
  // Help and completion scripts are written straight to stdout: a reader that stops early
  // (`storeops help | head`) must end the run quietly, not crash it. Data goes through the sinks,
  // which handle this themselves.
  if (!guarded.has(io.stdout)) {
    guarded.add(io.stdout);
    // Kept for the life of the stream: the error arrives after the write has returned.
    io.stdout.on?.('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
    });
  }
  // A signal ends the run with 128 + its number (SIGHUP 129, SIGINT 130, SIGQUIT 131, SIGTERM 143),
  // after removing every temporary file it started: an -o target is left as it was.
  const handlers = SIGNALS.map(([signal, code]) => {
    const handler = async () => {
      const { removeTempFiles, signalNote } = await import('../io/sink.js');
      removeTempFiles();
      // One line for the log (a cron job's 2>>log, a systemd journal): what ended the run and what to do.
      // After Ctrl-C the terminal's "^C" is on the line: start a new one.
      io.stderr.write(`${signal === 'SIGINT' ? '\n' : ''}storeops: ${signalLine(signal, lang, signalNote())}\n`);
      process.exit(code);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return current.ctx?.exitCode ?? EXIT.ok;
  } catch (e) {
    return report(await explainKind(e), io, argv);
  } finally {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
    // Whatever ended the run, no temporary file it started outlives it (a finished output has
    // already been renamed into place and released).
    const { removeTempFiles } = await import('../io/sink.js');
    removeTempFiles();
  }
}

/**
 * What a signal did, for stderr: the run stopped, nothing half-written stays, run it again. `note`
 * (sink.ts signalNote): the run had recorded its vouchers and was still writing them out; what is
 * incomplete and where the whole list is, said instead.
 */
export function signalLine(signal: NodeJS.Signals, lang: Lang, note?: { zh: string; en: string }): string {
  if (note) {
    const what = lang === 'zh' ? (signal === 'SIGINT' ? '已中断 (SIGINT)' : `被 ${signal} 终止`) : signal === 'SIGINT' ? 'interrupted (SIGINT)' : `stopped by ${signal}`;
    return `${what}: ${note[lang === 'zh' ? 'zh' : 'en']}`;
  }
  if (lang === 'zh') {
    const what = signal === 'SIGINT' ? '已中断 (SIGINT)' : `运行未完成即被 ${signal} 终止`;
    return `${what}: 没有留下写了一半的文件, -o、--rejects、--duplicates 指向的文件保持原样; 请重新运行该命令。`;
  }
  const what = signal === 'SIGINT' ? 'interrupted (SIGINT)' : `stopped by ${signal} before the run finished`;
  return `${what}: nothing half-written was left, and files named by -o, --rejects or --duplicates are as they were; run the command again.`;
}

/** The signals storeops handles, and the exit code each gives (128 + signal number; README "Exit codes"). */
export const SIGNALS: ReadonlyArray<readonly [NodeJS.Signals, number]> = [
  ['SIGHUP', EXIT.hangup],
  ['SIGINT', EXIT.interrupted],
  ['SIGQUIT', EXIT.quit],
  ['SIGTERM', EXIT.terminated],
];

// commander's own messages, in Chinese when that is the language, with what to do next.
const ZH_COMMANDER: [RegExp, string][] = [
  [/^error: unknown option '(.+)'/, "错误: 未知选项 '$1'"],
  [/^error: unknown command '(.+)'/, "错误: 未知命令 '$1'"],
  [/^error: option '(.+)' argument missing/, "错误: 选项 '$1' 缺少取值"],
  [/^error: required option '(.+)' not specified/, "错误: 缺少必需的选项 '$1'"],
  [/^error: command-argument value '(.*)' is invalid for argument '(.+)'\./, "错误: 参数 '$2' 的取值 '$1' 无效。"],
  [/^error: too many arguments for '(.+)'\. Expected (\d+) arguments? but got (\d+)\./, "错误: '$1' 的参数过多: 需要 $2 个, 收到 $3 个。"],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, '错误: 参数过多: 需要 $1 个, 收到 $2 个。'],
  [/^error: (.+) cannot be used with (.+)/, '错误: $1 不能与 $2 同时使用'],
  [/\(Did you mean (.+)\?\)/, '(是否想用 $1?)'],
];

/** `vouchers, contacts` as a sentence lists it: `vouchers or contacts` / `vouchers 或 contacts`. */
function orList(items: string[], lang: Lang): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(lang === 'zh' ? '、' : ', ')}${lang === 'zh' ? ' 或 ' : ' or '}${items.at(-1)}`;
}

/**
 * What a missing argument is, by its name: every one was called "a file name, for example; - for
 * standard input", also `rules show`'s rule set id and `completion`'s shell.
 */
const ARG_WHAT: Record<string, { zh: string; en: string }> = {
  file: { zh: '例如一个文件名; - 表示标准输入', en: 'for example a file name; - for standard input' },
  orderId: { zh: '评价对应的订单编号, 例如 3515313147329357901', en: 'the order id of the review, e.g. 3515313147329357901' },
  id: { zh: '规则集编号 (见 storeops rules list) 或规则文件路径, 例如 tmall-2026', en: 'a rule set id (see storeops rules list) or a rule file, e.g. tmall-2026' },
  shell: { zh: 'bash、zsh 或 fish', en: 'bash, zsh or fish' },
};

/** Edit distance (insert, delete, substitute, swap two neighbours), as commander's suggestions use. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * commander suggests only the options its help shows, and the global options are hidden from each
 * command's help (`storeops help options` lists them): `--asof` got no "(Did you mean --as-of?)"
 * where `--rule` got "--rules". The global options are offered too when commander found nothing.
 */
function suggestGlobal(s: string, globals: string[]): string {
  const m = /^error: unknown option '(--[^']+)'\n?$/.exec(s.replace(/\n$/, ''));
  if (!m || s.includes('Did you mean')) return s;
  const flag = m[1]!.split('=')[0]!;
  let best: string | undefined;
  let bestD = Infinity;
  for (const g of globals) {
    if (!g.startsWith('--')) continue;
    const dist = editDistance(flag.slice(2), g.slice(2));
    // commander's measure: at most 2 edits, and more alike than not (similarity > 0.4).
    if (dist <= 2 && (g.length - 2 - dist) / (g.length - 2) > 0.4 && dist < bestD) {
      best = g;
      bestD = dist;
    }
  }
  return best ? `${s.replace(/\n$/, '')}\n(Did you mean ${best}?)\n` : s;
}

/**
 * Commander's message quotes what was typed (`unknown option '--fo…'`) as it was: an argument
 * holding a newline or ESC sequence would start a line of its own (`storeops: error: …` forged in a
 * cron log) or repaint the terminal. Each such argument (and its `--name` before a `=`) is shown
 * escaped (`\n`, `\x1b`); commander's own line breaks stay; any other control character is escaped.
 */
function argvShown(s: string, argv: readonly string[]): string {
  let t = s;
  for (const a of argv) {
    for (const part of [a, a.split('=')[0]!]) {
      const shown = oneLine(part);
      if (shown !== part && part !== '') t = t.split(part).join(shown);
    }
  }
  return terminalSafe(t);
}

function commanderMessage(s: string, lang: Lang): string {
  let t = s;
  // A value outside an option's choices, in the words of our own checks (--out-encoding takes utf8
  // or gbk, got "x"), not commander's "option '--what <what>' argument 'x' is invalid. Allowed …".
  // A missing argument by the name zh help gives it (参数: 文件).
  if (lang === 'zh') t = t.replace(/^error: missing required argument '(.+)'/, (_m, name: string) => `错误: 缺少必需的参数 '${ARG_ZH[name] ?? name}'${ARG_WHAT[name] ? ` (${ARG_WHAT[name].zh})` : ''}`);
  const choice = /^error: option '(\S+)[^']*' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/m.exec(t);
  if (choice) {
    const list = orList(choice[3]!.split(', '), lang);
    t = t.replace(choice[0], lang === 'zh' ? `错误: ${choice[1]} 只接受 ${list}, 收到 "${choice[2]}"` : `error: ${choice[1]} takes ${list}, got "${choice[2]}"`);
  }
  if (lang === 'zh') for (const [re, zh] of ZH_COMMANDER) t = t.replace(re, zh);
  // The option as zh help writes it (`--ship-within <小时数>`, not `<hours>`).
  if (lang === 'zh') t = t.replace(/^(错误: (?:选项|缺少必需的选项) ')([^']+)'/, (_m, head: string, flags: string) => `${head}${zhFlags(flags)}'`);
  // Too many words: name them, and say how a list and a value holding a space are written.
  if (excess.args.length > 0 && /^(error: too many arguments|错误: .*参数过多)/.test(t)) {
    const words = excess.args.map((w) => `"${oneLine(w)}"`).join(', ');
    t = t.replace(/[.。]\n?$/, '');
    // A second file to a command that reads one (`zhenjian estimate a.csv b.csv`, `roster check`): the
    // list-and-quotes hint (--agents 小王,小李) said nothing about files.
    const fileWords = excess.args.every((w) => /\.(csv|tsv|txt|xlsx|xlsm|xls)$/i.test(w.trim()));
    const files = excess.expected > 0 && fileWords;
    // A review file after the order id (`reviews message 3515… reviews.xlsx`, user16): the list hint
    // said nothing of --reviews, the option the file goes with.
    const via = fileWords ? excess.fileOption : undefined;
    if (via) {
      const given = excess.args.map((w) => (/[\s'"]/.test(w) ? `"${oneLine(w)}"` : oneLine(w))).join(' ');
      t +=
        lang === 'zh'
          ? `: 多出的 ${words} 不应在这里。\n  提示: 评价表用 ${via.flag} 给出 (可以给几个): storeops ${via.command} <订单编号> ${via.flag} ${given}\n`
          : `: ${words} ${excess.args.length > 1 ? 'are' : 'is'} not expected there.\n  hint: review files go with ${via.flag} (one or more): storeops ${via.command} <orderId> ${via.flag} ${given}\n`;
    } else
    t +=
      files
        ? lang === 'zh'
          ? `: 多出的 ${words} 不应在这里。\n  提示: 这个命令只读一个文件: 每个文件分别运行一次, 或把各行放到同一个表头下、存成一个文件。\n`
          : `: ${words} ${excess.args.length > 1 ? 'are' : 'is'} not expected there.\n  hint: this command reads one file: run it once per file, or put the rows under one header in one file.\n`
        : lang === 'zh'
        ? `: 多出的 ${words} 不应在这里。\n  提示: 列表是用逗号连起来的一个值, 中间不加空格 (--agents 小王,小李,小张); 含空格的值要用引号括起来 (--note "问了 原因")。\n`
        : `: ${words} ${excess.args.length > 1 ? 'are' : 'is'} not expected there.\n  hint: a list is one value joined by commas, without spaces (--agents 小王,小李,小张); a value holding a space goes in quotes (--note "问了 原因").\n`;
  }
  else t = t.replace(/^error: missing required argument '(.+)'/, (_m, name: string) => `error: missing required argument '${name}'${ARG_WHAT[name] ? ` (${ARG_WHAT[name].en})` : ''}`);
  return t.startsWith('error:') || t.startsWith('错误:') ? `storeops: ${t}` : t;
}

function langFor(io: Io, argv: string[]): Lang {
  if (current.ctx) return current.ctx.lang;
  const i = argv.indexOf('--lang');
  const flag = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  // The config's lang too, as every other message (README "Language": --lang, STOREOPS_LANG, the
  // config's lang, then LANG): help, and an error found before the run's context is made (an unknown
  // option, an --as-of without its year), were English in a cron job without LANG whose config (made
  // by `storeops init` in Chinese) says "lang": "zh" (user10). A config that cannot be read says nothing here.
  let config: Config = {};
  try {
    const c = argv.indexOf('--config');
    const file = c >= 0 ? argv[c + 1] : argv.find((a) => a.startsWith('--config='))?.slice(9);
    config = loadConfig(file, io.env, io.cwd).config;
  } catch {
    config = {};
  }
  for (const c of [config, {}]) {
    try {
      return detectLang(flag, io.env, c);
    } catch {
      // a lang no language: as without it
    }
  }
  return 'en';
}

/** A file of another kind than the command reads, or one whose header is garbled: say which, and what to do. */
async function explainKind(e: unknown): Promise<unknown> {
  const { file, headers } = e as { file?: string; headers?: readonly string[] };
  if (!(e instanceof StoreopsError) || !file || !headers || !current.command) return e;
  const { wrongKind } = await import('./kinds.js');
  const asArgument = (current.args ?? []).some((a) => a === file || (a === '-' && file === 'stdin'));
  const w = wrongKind(file, headers, current.command, asArgument);
  if (w) return new StoreopsError(e.exitCode, w.text, w.hint);
  // A header garbled by a wrong encoding (¶©µ¥±àºÅ for 订单编号): the column is there, unreadable.
  const { garbledHeader, garbledError, partlyGarbled, semicolonHeader, semicolonError } = await import('./garbled.js');
  // A header of names run together with ";" (订单编号;买家会员名;…): saved with ";" as the delimiter.
  const semi = semicolonHeader(headers);
  if (semi) {
    const said = semicolonError(file, semi);
    return new StoreopsError(e.exitCode, said.text, said.hint);
  }
  const g = garbledHeader(headers);
  if (!g) return e;
  // Only some names damaged, the rest read: the reader's error (which column is missing) stays first.
  if (g.partial) return new StoreopsError(e.exitCode, partlyGarbled(e.text, g), e.hint);
  const said = garbledError(file, g);
  return new StoreopsError(e.exitCode, said.text, said.hint);
}

/**
 * The message of an unexpected exception (exit 70, docs/cli.md). Until 2026-12 zh gave the engine's
 * English reason after 内部错误 ("内部错误: Cannot read properties of undefined (reading 'date')"), a
 * sentence a Chinese operator cannot read; en keeps the reason as it was.
 */
export function internalError(err: unknown, lang: Lang): { text: string; hint: string } {
  const e = err as (Partial<Error> & { code?: unknown }) | undefined;
  if (lang !== 'zh') {
    return {
      text: `internal error: ${oneLine(e?.message ?? String(err))}`,
      hint: '  hint: this is a bug in storeops; please run it again with --debug and report it with the output',
    };
  }
  const kind = [e?.code, e?.name].find((x): x is string => typeof x === 'string' && /^[A-Za-z][A-Za-z0-9_]*$/.test(x));
  return {
    text: `内部错误: storeops 程序意外出错${kind ? ` (${kind})` : ''}, 本次运行没有做完; 这是程序的缺陷, 不是您的文件或设置写错了`,
    hint: '  提示: 请加 --debug 再运行一次, 把命令、全部输出 (--debug 会显示出错的程序文件和行号) 和这次用到的文件一起报告给 storeops 的维护者; 加 --lang en 可看到错误原文',
  };
}

function report(e: unknown, io: Io, argv: string[]): number {
  if (e instanceof PipeClosed) return EXIT.ok;
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
    if (e.code === 'commander.help' || e.code === 'commander.executeSubCommandAsync') return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    // commander has already printed its message.
    return EXIT.usage;
  }
  const lang = (e as { lang?: Lang }).lang ?? langFor(io, argv);
  const color = current.ctx?.stderrColor ?? false;
  const label = lang === 'zh' ? '错误' : 'error';
  const head = paint(color).red(label);
  if (e instanceof StoreopsError) {
    const hint = e.hint ? `  ${lang === 'zh' ? '提示' : 'hint'}: ${say(e.hint, lang)}` : undefined;
    const cols = io.stderr.isTTY ? io.stderr.columns : undefined;
    if (!cols) {
      io.stderr.write(`storeops: ${head}: ${say(e.text, lang)}\n`);
      if (hint) io.stderr.write(hint + '\n');
      return e.exitCode;
    }
    // A terminal: fitted to its width as warnings are (context.ts wrapWarning).
    const lines = paintLabel(wrapWarning(`storeops: ${label}: ${say(e.text, lang)}`, cols), label, head);
    io.stderr.write([...lines, ...(hint ? wrapWarning(hint, cols) : [])].join('\n') + '\n');
    return e.exitCode;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED')) return EXIT.ok;
  // An internal bug: say so plainly, with the stack only when asked for. In Chinese, what happened
  // and what to do in Chinese: the engine's reason ("Cannot read properties of undefined") is English
  // whatever the language, so zh names only its kind (TypeError) and how to see it (--lang en, --debug).
  const said = internalError(err, lang);
  const cols = io.stderr.isTTY ? io.stderr.columns : undefined;
  const first = `storeops: ${label}: ${said.text}`;
  const lines = cols ? [...paintLabel(wrapWarning(first, cols), label, head), ...wrapWarning(said.hint, cols)] : [`storeops: ${head}: ${said.text}`, said.hint];
  io.stderr.write(lines.join('\n') + '\n');
  if (current.ctx?.debug || io.env.STOREOPS_DEBUG || argv.includes('--debug')) io.stderr.write(`${err?.stack ?? ''}\n`);
  return EXIT.internal;
}
