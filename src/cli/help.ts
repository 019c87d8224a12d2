// Help in the user's language. Every command, argument and option is declared once with its
// description in both languages, written `english / 中文` (the last " / " splits them); localize()
// keeps the half for --lang. Each command carries 2–4 examples (examples()), printed at the end of
// its --help. The global options are listed once, by `storeops help options`, not on every command.
import { doc } from '../paths.js';
import type { Command, Help } from 'commander';
import stringWidth from 'fast-string-width';
import { type Lang, type Msg, msg, say, sayLines } from '../errors.js';

/**
 * The help topics (`storeops help <topic>`, src/cli/topics.ts). Named here, with the help every run
 * loads, so that a run that shows no help never loads the topics' pages (start-up time, issue 21).
 */
export const TOPICS = ['options', 'exit-codes', 'formats', 'rules', 'config', 'cron'] as const;
export type Topic = (typeof TOPICS)[number];

/** Split an `english / 中文` description. A description without a Chinese half is English only. */
export function bilingual(text: string): Msg {
  const i = text.lastIndexOf(' / ');
  if (i < 0) return { en: text, zh: text };
  const zh = text.slice(i + 3).trim();
  if (!/[\u3400-\u9fff]/.test(zh)) return { en: text, zh: text };
  return { en: text.slice(0, i).trim(), zh };
}

/** True when a description has both halves (the test holds every command to this). */
export function hasBothLanguages(text: string): boolean {
  const m = bilingual(text);
  return m.en !== m.zh;
}

export interface Example {
  /** The command line, without the leading `storeops `. */
  cmd: string;
  en: string;
  zh: string;
}

const EXAMPLES = new WeakMap<Command, Example[]>();

/** Attach examples to a command (2–4: the ones an operator would type first). */
export function examples<C extends Command>(cmd: C, list: [cmd: string, en: string, zh: string][]): C {
  EXAMPLES.set(cmd, list.map(([c, en, zh]) => ({ cmd: c, en, zh })));
  return cmd;
}

export function examplesOf(cmd: Command): Example[] {
  return EXAMPLES.get(cmd) ?? [];
}

const ZH_TITLES: Record<string, string> = {
  'Usage:': '用法:',
  'Options:': '选项:',
  'Commands:': '命令:',
  'Arguments:': '参数:',
  'Global Options:': '全局选项:',
};

/** The text after a command's help: examples, and where the global options are. */
export function afterHelp(cmd: Command, lang: Lang, columns?: number): string {
  const list = examplesOf(cmd);
  let out = '';
  if (list.length) {
    const width = Math.max(...list.map((e) => stringWidth(e.cmd))) + 9;
    out += `\n${lang === 'zh' ? '示例:' : 'Examples:'}\n`;
    const rows = list.map((e) => {
      const line = `  storeops ${e.cmd}`;
      return { line, note: `# ${lang === 'zh' ? e.zh : e.en}`, pad: Math.max(2, width + 2 - stringWidth(line)) };
    });
    // Side by side when they fit the terminal; else each comment above its command, so a narrow
    // terminal does not wrap a comment into the next line's command.
    const sideBySide = columns === undefined || rows.every((r) => stringWidth(r.line) + r.pad + stringWidth(r.note) <= columns);
    // A comment wider than the terminal goes on in comment lines of its own, broken at its clause
    // ends (never mid-phrase): the terminal folded it at column 0, the rest no longer a comment.
    const comment = (note: string) => (stringWidth(`  ${note}`) <= columns! ? [`  ${note}`] : wrapText(note.slice(2), Math.max(20, columns! - 4), 0).map((l) => `  # ${l}`));
    for (const r of rows) out += sideBySide ? `${r.line}${' '.repeat(r.pad)}${r.note}\n` : `${comment(r.note).join('\n')}\n${continued(r.line, columns!).join('\n')}\n`;
  }
  const global = say(msg('全局选项 (-f, -o, --lang, -q, -v …) 对所有命令有效: storeops help options', 'Global options (-f, -o, --lang, -q, -v …) work with every command: storeops help options'), lang);
  // Wrapped to the terminal (88 columns in English overran an 80-column one); the examples' commands are not broken.
  // Too wide: the command to type goes on a line of its own, whole.
  const at = global.lastIndexOf(': storeops ');
  const fitted = columns === undefined || stringWidth(global) <= columns || at < 0 ? global : `${wrapText(global.slice(0, at + 1), columns).join('\n')}\n  ${global.slice(at + 2)}`;
  out += `\n${fitted}\n`;
  return out;
}

/**
 * An example command wider than the terminal, broken between its arguments into lines ending in
 * ` \` (the shell's line continuation: pasted, it still runs as one command), the rest indented
 * under it; a quoted argument is never broken, nor an option and its value parted. Before, such a line (123 columns for `roster plan`'s
 * second example) was left for the terminal to fold at column 0.
 */
export function continued(line: string, columns: number): string[] {
  if (stringWidth(line) <= columns) return [line];
  const lead = /^\s*/.exec(line)![0];
  const tokens = line.slice(lead.length).match(/(?:"[^"]*"|'[^']*'|\S)+/g) ?? [];
  // An option stays on the line of its value (`--volume examples/roster/volume.csv`).
  const words: string[] = [];
  for (const t of tokens) {
    const prev = words[words.length - 1];
    if (prev !== undefined && /^-/.test(prev) && !prev.includes(' ') && !/^-/.test(t)) words[words.length - 1] = `${prev} ${t}`;
    else words.push(t);
  }
  const hang = `${lead}    `;
  const out: string[] = [];
  let cur = lead;
  for (const w of words) {
    const next = cur.trim() === '' ? cur + w : `${cur} ${w}`;
    // Room for the " \" that ends every line but the last.
    if (cur.trim() !== '' && stringWidth(next) + 2 > columns) {
      out.push(`${cur} \\`);
      cur = hang + w;
    } else cur = next;
  }
  out.push(cur);
  return out;
}

/** Put every description into one language, translate commander's headings, measure CJK right. */
export function localize(program: Command, lang: Lang, columns?: number): void {
  const walk = (cmd: Command) => {
    cmd.description(sayLines(bilingual(cmd.description()), lang));
    for (const a of cmd.registeredArguments) (a as { description: string }).description = sayLines(bilingual(a.description), lang);
    for (const o of cmd.options) o.description = sayLines(bilingual(o.description ?? ''), lang);
    cmd.helpOption('-h, --help', say(msg('显示帮助', 'show help'), lang));
    cmd.helpCommand(false); // `storeops help <command>` is the one help command
    if (cmd !== program) cmd.addHelpText('after', () => afterHelp(cmd, lang, columns));
    cmd.configureHelp(helpConfig(lang));
    for (const c of cmd.commands) walk(c);
  };
  walk(program);
}

export function helpConfig(lang: Lang): Partial<Help> {
  return {
    sortSubcommands: false,
    showGlobalOptions: false,
    // CJK and emoji take two columns; commander would count one and misalign the descriptions.
    displayWidth: (s: string) => stringWidth(s),
    // Commander breaks lines at spaces only: a Chinese description with few spaces ran past the
    // terminal's edge and the terminal broke it at column 0. wrapText also breaks between Chinese characters.
    boxWrap(this: Help, str: string, width: number): string {
      if (width < this.minWidthToWrap) return str;
      return str
        .split(/\r?\n/)
        .map((l) => wrapText(l, width).join('\n'))
        .join('\n');
    },
    styleTitle: (s: string) => (lang === 'zh' ? (ZH_TITLES[s] ?? s) : s),
    ...(lang === 'zh'
      ? {
          optionDescription(this: Help, option) {
            return zhExtras(Object.getPrototypeOf(this).optionDescription.call(this, option));
          },
          argumentDescription(this: Help, argument) {
            return zhExtras(Object.getPrototypeOf(this).argumentDescription.call(this, argument));
          },
          optionTerm(this: Help, option) {
            return zhFlags(Object.getPrototypeOf(this).optionTerm.call(this, option));
          },
          argumentTerm(this: Help, argument) {
            return zhArgs(Object.getPrototypeOf(this).argumentTerm.call(this, argument));
          },
          commandUsage(this: Help, cmd) {
            return zhUsage(Object.getPrototypeOf(this).commandUsage.call(this, cmd));
          },
          subcommandTerm(this: Help, cmd) {
            return zhUsage(Object.getPrototypeOf(this).subcommandTerm.call(this, cmd));
          },
        }
      : {}),
  } as Partial<Help>;
}

/** Argument names in zh help (`参数: 文件`, `<文件...>`): a name the user never types, so it may be Chinese. */
export const ARG_ZH: Record<string, string> = { file: '文件', orderId: '订单编号', id: '规则集', words: '命令或主题' };

/**
 * The placeholders of option flags in zh help and messages (`--shipments <文件>`, `--ship-within <小时>`):
 * they were English in a page otherwise Chinese, and the zh messages already wrote `--reviews <文件>`
 * (user7). Only placeholders are named here; a value typed as it is (`auto`, `all`, `voucher|order`,
 * `zh|en`, `D=1,H=1,N=1`, `YYYY-MM`) stays. The flags themselves (what completion offers) are unchanged.
 */
const OPT_ZH: Record<string, string> = {
  file: '文件',
  'file...': '文件...',
  names: '客服名',
  count: '人数',
  seconds: '秒数',
  time: '时间',
  hours: '小时',
  amount: '金额',
  rule: '口径',
  channel: '渠道',
  rate: '比例',
  n: '数量',
  folder: '文件夹',
  id: '编号',
  enc: '编码',
  condition: '条件',
  ratio: '倍数',
  lang: '语言',
  text: '文字',
  kind: '类型',
  url: '网址',
  when: '时机',
  orderId: '订单编号',
  orders: '订单编号',
  roster: '排班表',
  'from-to': '开始-结束',
  who: '姓名电话',
  share: '比例',
  shop: '店铺',
  status: '状态',
  what: '记录类型',
  agent: '客服',
  fmt: '格式',
  zone: '时区',
};
/** Per option, where a placeholder means something else there (`--rules <auto|id|file>`: a rule set id). */
const OPT_ZH_OF: Record<string, Record<string, string>> = { '--rules': { id: '规则集' } };

/** `--rules <auto|id|file>` → `--rules <auto|规则集|文件>`; `-o, --output <file>` → `-o, --output <文件>`. */
export function zhFlags(flags: string): string {
  const long = /--[\w-]+/.exec(flags)?.[0] ?? '';
  const names = { ...OPT_ZH, ...(OPT_ZH_OF[long] ?? {}) };
  const name = (w: string) => names[w] ?? w;
  return flags.replace(/<([^>]+)>/g, (_m, inner: string) =>
    `<${inner
      .split('|')
      .map((t) => t.replace(/^\[(\w+):\](\w+)$/, (_k, kind: string, rest: string) => `[${name(kind)}:]${name(rest)}`).replace(/^[\w.-]+$/, name))
      .join('|')}>`,
  );
}

function zhArgs(s: string): string {
  return s.replace(/^([<[]?)(\w+)((?:\.\.\.)?[>\]]?)$/, (m, open: string, name: string, close: string) => (ARG_ZH[name] ? `${open}${ARG_ZH[name]}${close}` : m));
}

function zhUsage(s: string): string {
  return s
    .replace('[options]', '[选项]')
    .replace('[command]', '[命令]')
    .replace(/([<[])(\w+)((?:\.\.\.)?[>\]])/g, (m, open: string, name: string, close: string) => (ARG_ZH[name] ? `${open}${ARG_ZH[name]}${close}` : m));
}

function zhExtras(s: string): string {
  return s.replace(/\(default: /g, '(默认: ').replace(/\(choices: /g, '(可选: ').replace(/, default: /g, ', 默认: ');
}

/** `storeops help options`: the global options, once, in the chosen language. */
/**
 * Text broken into lines of at most `width` columns: between words, or between two Chinese
 * characters (which need no space). A word longer than the line stays whole.
 *
 * Where a line has to break, it breaks at the end of a clause (after ; : , 、 。 and their full-width
 * forms) when one leaves the line at least `clauses` of the width full (60 %, as a run's summary
 * does, io/width.ts wrapPhrases), else where the line is full. The zh help broke mid-phrase, even
 * mid-word: `… 以退出码 1 结` / `束`, `状态数` / `据库`, `来源 (` / `比例见 rules show)`. 0: at a
 * clause end wherever one is (an example's comment: never broken mid-phrase); 1: where the line is full.
 * Without a clause end, a space that leaves the line 60 % full is taken before a break between two
 * Chinese characters (which may be inside a word).
 * No line ends with an opening bracket: it goes down with what it opens.
 */
export function wrapText(text: string, width: number, clauses = 0.6): string[] {
  // Never a break before punctuation (。，、 or ASCII `)` `,` `:` ending a word after Chinese):
  // it stays at the end of the line it closes; nor after an opening bracket.
  const tokens = text.split(/(?<=\s)(?<![(（[「“]\s)|(?<![(（[「“])(?=[\u4e00-\u9fff])|(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])(?<![（「“])(?![\u3000-\u303f\uff00-\uffef]|[)\]},.;:!?]+(?:\s|$))/u).filter((t) => t !== '');
  // How deep in brackets the text is after each token: a clause ends only outside them (`来源 (比例见: …)`).
  const depth: number[] = [];
  let d = 0;
  for (const t of tokens) {
    for (const ch of t) d = Math.max(0, d + (/[(（[]/.test(ch) ? 1 : /[)）\]]/.test(ch) ? -1 : 0));
    depth.push(d);
  }
  const clauseEnd = (i: number) => depth[i] === 0 && /(?:[，。；：、！？]|[,;:.!?](?=\s))\s*$/u.test(tokens[i]!);
  const lines: string[] = [];
  let from = 0; // the line is tokens[from, to)
  const text_ = (a: number, b: number) => tokens.slice(a, b).join('');
  const fits = (a: number, b: number) => stringWidth(text_(a, b).trimEnd()) <= width;
  const full = (a: number, b: number) => stringWidth(text_(a, b).trimEnd());
  for (let i = 0; i < tokens.length; i++) {
    if (i === from || text_(from, i).trim() === '' || fits(from, i + 1)) continue;
    // tokens[i] does not fit: break before it, or earlier. The last clause end that leaves the line
    // full enough; else (not when `clauses` is 1) the last space that leaves it 60 % full (a word's
    // end: `以退出码 1` / `结束`, not `… 1 结` / `束`); an example's comment (`clauses` 0) before the
    // last opening bracket (`或一个 JSON 规则文件` / `(templates/rules/*.json 的格式)`).
    let at = -1;
    for (let j = i; j > from; j--) {
      if (!clauseEnd(j - 1)) continue;
      if (full(from, j) >= width * clauses) at = j;
      break;
    }
    if (at < 0 && clauses === 0) {
      for (let j = i; j > from + 1; j--) if (/^[(（]/.test(tokens[j]!) && /\s$/.test(tokens[j - 1]!)) {
        at = j;
        break;
      }
    }
    if (at < 0 && clauses < 1) {
      for (let j = i; j > from; j--) {
        if (!/\s$/.test(tokens[j - 1]!)) continue;
        if (full(from, j) >= width * Math.max(clauses, 0.6)) at = j;
        break;
      }
    }
    if (at < 0) at = i;
    lines.push(text_(from, at).trimEnd());
    tokens[at] = tokens[at]!.trimStart();
    from = at;
    // What came down may itself leave no room for tokens[i]: the line breaks again before it.
    if (at < i && !fits(from, i + 1)) {
      lines.push(text_(from, i).trimEnd());
      tokens[i] = tokens[i]!.trimStart();
      from = i;
    }
  }
  if (text_(from, tokens.length).trim() !== '') lines.push(text_(from, tokens.length).trimEnd());
  return lines.length ? lines : [''];
}

/**
 * A help page fitted to a terminal `columns` wide. Lines that start at the margin run on into one
 * paragraph, wrapped anew; an indented line wraps under its own start (an exit-code line under its
 * meaning). A command to copy (an indented `storeops …` line, or a crontab entry) is never broken,
 * or it would no longer run when pasted: only its description, after a gap of spaces, wraps under itself.
 */
export function wrapPage(text: string, columns: number | undefined): string {
  if (columns === undefined) return text;
  const isCommand = (line: string) => /^\s+storeops [a-z]/.test(line) || /^[\d*][\d*,/-]* [\d*][\d*,/-]* [\d*][\d*,/-]* /.test(line);
  const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
  const atMargin = (l: string) => l !== '' && !/^\s/.test(l) && !isCommand(l);
  const indent = (l: string) => l.length - l.trimStart().length;
  // A list entry: a term, a gap of two or more spaces, its meaning (`  2  usage: …`). It always
  // starts a line of its own, however the line before it ends.
  const isEntry = (line: string) => /^\s+\S+\s{2,}\S/.test(line);
  // An indented line that stops mid-sentence (on a word) goes on in the next line of the same indent.
  const runsOn = (a: string, b: string) =>
    indent(a) > 0 && indent(a) === indent(b) && !isCommand(a) && !isCommand(b) && !isEntry(b) && /[\p{L}\p{N}-]$/u.test(a);
  // Paragraphs: consecutive lines at the margin (not commands), joined.
  const lines: string[] = [];
  for (let line of text.split('\n')) {
    const prev = lines[lines.length - 1];
    if (prev !== undefined && ((atMargin(prev) && atMargin(line)) || runsOn(prev, line))) {
      if (runsOn(prev, line)) line = line.trimStart();
      lines[lines.length - 1] = prev + (cjk.test(prev.slice(-1)) || cjk.test(line[0]!) ? '' : ' ') + line;
    } else lines.push(line);
  }
  const hanging = (lead: string, rest: string, hang: number, clauses?: number) => {
    const room = columns - hang;
    if (room < 20) return lead + rest;
    return wrapText(rest, room, clauses)
      .map((l, i) => (i === 0 ? lead : ' '.repeat(hang)) + l)
      .join('\n');
  };
  return lines
    .map((line) => {
      if (stringWidth(line) <= columns) return line;
      if (isCommand(line)) {
        const gap = /^(\s*\S.*?\s{3,})(\S.*)$/.exec(line);
        // What the command does, beside it: broken at its clause ends, as an example's comment is.
        return gap ? hanging(gap[1]!, gap[2]!, stringWidth(gap[1]!), 0) : line;
      }
      const hang = /^\s*\d+\s\s/.exec(line)?.[0].length ?? line.length - line.trimStart().length;
      return hanging(line.slice(0, hang), line.slice(hang), hang);
    })
    .join('\n');
}

export function globalOptionsHelp(program: Command, lang: Lang, columns?: number): string {
  const rows = program.options.map((o) => [lang === 'zh' ? zhFlags(o.flags) : o.flags, o.description ?? ''] as const);
  const width = Math.max(...rows.map(([f]) => stringWidth(f)));
  const title = say(msg('全局选项 (对每个命令有效; 优先级: 命令行 > 环境变量 > 配置文件 > 默认值):', 'Global options (they work with every command; flags win over environment, config file and defaults):'), lang);
  let out = (columns === undefined ? title : wrapText(title, columns).join('\n')) + '\n\n';
  // On a terminal, a description wraps under itself (as commander's own help does) instead of
  // running into the next line's flags; 20 columns at least, however narrow the terminal.
  const indent = width + 4;
  const room = columns === undefined ? undefined : Math.max(20, columns - indent);
  for (const [f, d] of rows) {
    const [first, ...rest] = room === undefined ? [d] : wrapText(d, room);
    out += `  ${f}${' '.repeat(width - stringWidth(f) + 2)}${first}\n`;
    for (const l of rest) out += `${' '.repeat(indent)}${l}\n`;
  }
  out += '\n' + say(msg(`完整说明: ${doc('docs/cli.md')}`, `Full reference: ${doc('docs/cli.md')}`), lang) + '\n';
  return out;
}
