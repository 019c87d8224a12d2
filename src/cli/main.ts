// The shell: parses argv with commander, builds the context, runs a command, and maps every
// error to SPEC's exit codes in one place. Commands are imported lazily so start-up stays fast.
import { Command, CommanderError, Option } from 'commander';
import { paint } from './color.js';
import { version } from './entry.js';
import { PipeClosed } from './errors.js';
import { type Ctx, type GlobalFlags, type Io, buildContext, detectLang } from './context.js';
import { EXIT, type Lang, StoreopsError, say } from './errors.js';
import { COMMANDS } from './registry.js';
import { guardTargets, pathsIn } from '../io/targets.js';


export function defaultIo(): Io {
  return {
    stdin: process.stdin,
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
    const ctx = buildContext(all, io);
    current.ctx = ctx;
    // -o / --rejects onto one of the inputs would destroy it: refused before anything is read.
    const own = cmd.opts();
    guardTargets({
      output: ctx.output,
      rejects: ctx.rejects,
      inputs: [
        ...pathsIn(args).map((p) => ({ what: 'input', path: p })),
        ...Object.entries(own).flatMap(([k, v]) => pathsIn([v]).map((p) => ({ what: `--${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`, path: p }))),
        { what: '--state', path: ctx.statePath },
        ...(ctx.configPath ? [{ what: '--config', path: ctx.configPath }] : []),
      ],
    });
    const fn = await body();
    await fn(ctx, args, cmd.opts(), cmd);
  };
}

const current: { ctx?: Ctx; io?: Io } = {};

function rootIo(cmd: Command): Io {
  let c: Command | null = cmd;
  while (c?.parent) c = c.parent;
  return (c as Command & { storeopsIo?: Io }).storeopsIo ?? defaultIo();
}

export function buildProgram(io: Io, lang: Lang = 'en'): Command {
  const program = new Command('storeops');
  (program as Command & { storeopsIo?: Io }).storeopsIo = io;
  program
    .description(
      'Order-export tools for Tmall/Taobao, Douyin and Pinduoduo shops: delayed-shipment vouchers, review follow-up, 甄检 costs, shift rosters.\n' +
        '天猫/淘宝/抖店/拼多多店铺的订单报表工具: 延迟发货赔付、中差评跟进、甄检费用、客服排班。',
    )
    .version(version(), '-V, --version', 'print the version / 显示版本')
    .helpOption('-h, --help', 'show help / 显示帮助')
    .addHelpCommand(false)
    .showHelpAfterError('(add --help for usage / 加 --help 查看用法)')
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(commanderMessage(s, lang)),
    })
    .exitOverride();

  program
    .addOption(new Option('-f, --format <fmt>', 'table|csv|tsv|json|ndjson|xlsx (default: table on a terminal, else csv)'))
    .option('-o, --output <file>', 'write there instead of stdout (atomically); format from the extension')
    .option('--bom', 'UTF-8 BOM on csv/tsv (default: on with -o, off on stdout)')
    .option('--no-bom', 'no BOM')
    .option('--out-encoding <enc>', 'utf8 (default) or gbk for old Excel/WPS')
    .option('--text-ids', 'csv/tsv: write ids as ="…" so spreadsheets keep them as text (default: on with a BOM or GBK, off otherwise)')
    .option('--no-text-ids', 'csv/tsv: write ids as bare digits')
    .option('--no-formula-escape', "do not prefix cells starting with = + - @ with '")
    .option('--lang <lang>', 'zh or en (default from LANG/LC_ALL)')
    .option('--as-of <time>', 'evaluation time ("now"), e.g. "2026-11-20 14:00:00"')
    .option('--tz <zone>', 'zone of the platform timestamps (default Asia/Shanghai)')
    .option('--encoding <enc>', 'input encoding, overriding detection (utf8, gbk, gb18030)')
    .option('--rejects <file>', 'write every rejected input row with file, line and reason')
    .option('--duplicates <file>', 'write every order found in more than one row or file, with the copy that was used / 列出所有重复订单及采用的那一份')
    .option('--strict', 'any rejected row fails the run (exit 3) with no result')
    .option('--config <file>', 'config file (else STOREOPS_CONFIG, ./storeops.config.json, $XDG_CONFIG_HOME/storeops/config.json)')
    .option('--state <file>', 'state database (else STOREOPS_STATE, $XDG_DATA_HOME/storeops/state.db)')
    .option('--show-pii', 'show buyer phone, address and receiver name unmasked')
    .option('--wide', 'table: every column at full width (default: the main columns, fitted to the terminal)')
    .option('-q, --quiet', 'no summary and no progress on stderr')
    .option('-v, --verbose', 'more detail on stderr')
    .option('--debug', 'stack traces and timings on stderr (same as STOREOPS_DEBUG=1)')
    .option('--no-color', 'no colour (also off with NO_COLOR or when not a terminal)')
    .option('--no-input', 'never prompt; fail with exit 2 instead');

  for (const register of COMMANDS) register(program);
  return program;
}

/** Run the CLI; returns the exit code (also set on process.exitCode by the bin shim). */
export async function run(argv: string[], io: Io = defaultIo(), setProcessExit = true): Promise<number> {
  current.ctx = undefined;
  const code = await runInner(argv, io);
  if (setProcessExit) process.exitCode = code;
  return code;
}

async function runInner(argv: string[], io: Io): Promise<number> {
  const program = buildProgram(io, langFor(io, argv));
  // A signal ends the run with 128 + its number (SIGHUP 129, SIGINT 130, SIGQUIT 131, SIGTERM 143),
  // after removing every temporary file it started: an -o target is left as it was.
  const handlers = SIGNALS.map(([signal, code]) => {
    const handler = async () => {
      const { removeTempFiles } = await import('../io/sink.js');
      removeTempFiles();
      if (signal === 'SIGINT') io.stderr.write('\nstoreops: interrupted\n');
      process.exit(code);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return current.ctx?.exitCode ?? EXIT.ok;
  } catch (e) {
    return report(e, io, argv);
  } finally {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
    // Whatever ended the run, no temporary file it started outlives it (a finished output has
    // already been renamed into place and released).
    const { removeTempFiles } = await import('../io/sink.js');
    removeTempFiles();
  }
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
  [/^error: missing required argument '(.+)'/, "错误: 缺少必需的参数 '$1' (例如一个文件名; - 表示标准输入)"],
  [/^error: option '(.+)' argument missing/, "错误: 选项 '$1' 缺少取值"],
  [/^error: too many arguments(.*)/, '错误: 参数过多$1'],
  [/\(Did you mean (.+)\?\)/, '(是否想用 $1?)'],
];

function commanderMessage(s: string, lang: Lang): string {
  let t = s;
  if (lang === 'zh') for (const [re, zh] of ZH_COMMANDER) t = t.replace(re, zh);
  else t = t.replace(/^error: missing required argument '(.+)'/, "error: missing required argument '$1' (a file name, for example; - for standard input)");
  return t.startsWith('error:') || t.startsWith('错误:') ? `storeops: ${t}` : t;
}

function langFor(io: Io, argv: string[]): Lang {
  if (current.ctx) return current.ctx.lang;
  const i = argv.indexOf('--lang');
  const flag = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  try {
    return detectLang(flag, io.env, {});
  } catch {
    return 'en';
  }
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
    io.stderr.write(`storeops: ${head}: ${say(e.text, lang)}\n`);
    if (e.hint) io.stderr.write(`  ${lang === 'zh' ? '提示' : 'hint'}: ${say(e.hint, lang)}\n`);
    return e.exitCode;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED')) return EXIT.ok;
  // An internal bug: say so plainly, with the stack only when asked for.
  io.stderr.write(
    `storeops: ${head}: ${lang === 'zh' ? '内部错误' : 'internal error'}: ${err?.message ?? String(e)}\n` +
      `  ${lang === 'zh' ? '提示' : 'hint'}: ${lang === 'zh' ? '这是 storeops 的缺陷, 请加 --debug 再运行一次, 附上命令和输出报告' : 'this is a bug in storeops; please run it again with --debug and report it with the output'}\n`,
  );
  if (current.ctx?.debug || io.env.STOREOPS_DEBUG || argv.includes('--debug')) io.stderr.write(`${err?.stack ?? ''}\n`);
  return EXIT.internal;
}
