// `storeops help <topic>`: short pages for what is not one command. Each ends by naming the file
// in docs/ that says it in full. Exit codes come from EXIT (one place), formats from FORMATS.
import { doc } from '../paths.js';
import { EXIT, type Lang, type Msg, msg, say, sayLines } from '../errors.js';
import { FORMATS } from '../io/formats.js';

import { TOPICS, type Topic } from './help.js';

export { TOPICS, type Topic };

const ALIASES: Record<string, Topic> = {
  options: 'options',
  option: 'options',
  global: 'options',
  'exit-codes': 'exit-codes',
  'exit codes': 'exit-codes',
  exit: 'exit-codes',
  'exit-code': 'exit-codes',
  codes: 'exit-codes',
  formats: 'formats',
  format: 'formats',
  rules: 'rules',
  config: 'config',
  configuration: 'config',
  cron: 'cron',
  crontab: 'cron',
};

/** The topic a user typed (`exit codes`, `exit-codes`, `exit`), or undefined. */
export function topicOf(words: string[]): Topic | undefined {
  return ALIASES[words.join(' ').toLowerCase()] ?? ALIASES[words.join('-').toLowerCase()];
}

const EXIT_MEANING: Record<number, Msg> = {
  [EXIT.ok]: msg('完成', 'done'),
  [EXIT.attention]: msg('完成, 但有需要关注的: 有被拒绝的行、roster check 发现违规, 或 --fail-on 条件成立', 'done, but something needs attention: rows were rejected, roster check found violations, or a --fail-on condition matched'),
  [EXIT.usage]: msg('用法错误: 未知选项、取值不对、缺少参数, 或需要回答却没有终端', 'usage: unknown option, bad value, missing argument, or an answer needed but no terminal'),
  [EXIT.input]: msg('输入不可用: 文件缺失/不可读、文件类型不对、无法识别的格式、缺少必需的列、无法解码, 或 --strict 下有被拒绝的行; 文件的数据行全部被拒绝; roster 的 --demand/--volume/--requests 文件没有该月的日期; compensate 一次运行中的订单有的写了店铺有的没写, 或店铺Id 与只有店铺名称的订单无法对应', 'input unusable: missing/unreadable file, the wrong kind of file, unknown layout, required column missing, undecodable bytes, or a rejection under --strict; a file whose every data row is rejected; a roster --demand/--volume/--requests file with no date in the month; compensate: one run whose orders name a shop and name none, or name it by 店铺Id and only by 店铺名称 with nothing linking them'),
  [EXIT.state]: msg('状态数据库忙 (另一个运行占用; 稍后重试)、已损坏, 或无法打开/写入 (权限、磁盘已满: 先解决再运行)', 'state database busy (another run holds it; retry), damaged, or not writable (permissions, disk full: fix that, then run again)'),
  [EXIT.output]: msg('输出无法写入', 'output could not be written'),
  [EXIT.notify]: msg('加了 --notify-required 且通知没有送达', '--notify-required and a notification could not be delivered'),
  [EXIT.internal]: msg('内部错误: storeops 的缺陷 (加 --debug 再运行并报告)', 'internal error: a bug in storeops (run again with --debug and report it)'),
  [EXIT.hangup]: msg('终端关闭 (SIGHUP)', 'the terminal went away (SIGHUP)'),
  [EXIT.interrupted]: msg('被中断 (Ctrl-C)', 'interrupted (Ctrl-C)'),
  [EXIT.quit]: msg('退出 (SIGQUIT)', 'quit (SIGQUIT)'),
  [EXIT.terminated]: msg('被终止 (SIGTERM)', 'terminated (SIGTERM)'),
};

function exitCodes(lang: Lang): string {
  const codes = Object.values(EXIT)
    .filter((c, i, all) => all.indexOf(c) === i)
    .sort((a, b) => a - b);
  let out = say(msg('退出码:', 'Exit codes:'), lang) + '\n\n';
  for (const c of codes) {
    const m = EXIT_MEANING[c];
    if (m) out += `  ${String(c).padStart(3)}  ${say(m, lang)}\n`;
  }
  out += '\n' + say(msg(`\`| head\` 等提前关闭管道时安静地以 0 结束。完整说明: ${doc('docs/cli.md')}`, `\`| head\` and other readers that stop early end the run quietly with exit 0. Full reference: ${doc('docs/cli.md')}`), lang) + '\n';
  return out;
}

const PAGES: Record<Exclude<Topic, 'options' | 'exit-codes'>, Msg> = {
  formats: msg(
    `读取: csv (UTF-8、带 BOM 的 UTF-8、GBK/GB18030, 自动识别) 或 xlsx; - 表示标准输入。列按表头名称匹配, 与顺序无关。
  天猫/淘宝 订单报表 (2016–2022+ 各版本) 与 宝贝报表, 抖店订单导出, 拼多多订单导出 (含 2023 版),
  storeops 自己的 orders normalize 输出 (csv/xlsx), 删减过列的导出 (只需订单编号列), 表头前的标题行 (前 15 行内),
  评价表, 揽收扫描 (--shipments), 甄检商品表, 排班表/客服名单/需求/咨询量。
  文件类型不对时 (例如把评价表交给 compensate), 报错会说出这是什么文件、该用哪个命令。
输出 (-f 或 -o 的扩展名): ${FORMATS.join(', ')}; roster plan 还有 ics。
  终端上默认 table (只显示关键列, 适应终端宽度; --wide 显示全部), 管道中默认 csv。
  -o 文件写入带 BOM 的 UTF-8; --out-encoding gbk 给旧版 Excel/WPS。订单编号始终是文本。
完整说明: ${doc('docs/formats.md')} (输入), ${doc('docs/cli.md')} (输出)`,
    `Reads csv (UTF-8, UTF-8 with BOM, GBK/GB18030 — detected) or xlsx; - for standard input. Columns
are found by header name, never by position:
  Taobao/Tmall 订单报表 (every layout 2016–2022+) and 宝贝报表, 抖店 and 拼多多 order exports (2023 too),
  storeops' own orders normalize output (csv/xlsx), reduced exports (only an order-id column is
  needed), title lines before the header (within the first 15 lines),
  review tables, pickup scans (--shipments), 甄检 product tables, rosters, agents, demand, volume.
  Given the wrong kind of file (a review table to compensate), the error says what the file is and
  which command reads it.
Writes (-f, or the -o extension): ${FORMATS.join(', ')}; roster plan also ics.
  On a terminal a table (the main columns fitted to its width; --wide for all), in a pipe csv.
  -o files are UTF-8 with a BOM; --out-encoding gbk for old Excel/WPS. Order ids are always text.
Full reference: ${doc('docs/formats.md')} (input), ${doc('docs/cli.md')} (output)`,
  ),
  rules: msg(
    `storeops 按有出处、有日期的规则集计算, 每个金额都注明所用规则集。
  storeops rules list              内置规则集: 生效日期、名称、由谁赔付、来源 (比例见 rules show)
  storeops rules show tmall-2026   一个规则集的详情
  storeops compensate <订单文件> --rules tmall-2026    指定规则集; 或一个 JSON 规则文件 (templates/rules/*.json 的格式)
规则 (延迟发货赔付 §1, 中差评跟进 §2, 甄检费用 §3, 客服排班 §4) 及其出处与我们的解读: ${doc('docs/rules.md')}`,
    `storeops computes by named, dated rule sets with their sources; every amount names its rule set.
  storeops rules list              the built-in rule sets: dates, title, who pays, source (rates: rules show)
  storeops rules show tmall-2026   one rule set in detail
  storeops compensate F --rules tmall-2026    choose one; or a JSON rule file shaped like templates/rules/*.json
The rules (delayed shipment §1, review follow-up §2, 甄检 costs §3, shift rosters §4), their sources
and our readings: ${doc('docs/rules.md')}`,
  ),
  config: msg(
    `配置文件是 JSON, 查找顺序: --config, STOREOPS_CONFIG, ./storeops.config.json,
$XDG_CONFIG_HOME/storeops/config.json。优先级: 命令行 > 环境变量 > 配置文件 > 默认值。
顶层键: lang, tz, format, outEncoding, bom, textIds, state, showPii; 每个命令一节: compensate,
reviews, zhenjian, roster, orders; 群机器人: notify (${doc('docs/notify.md')})。以 _ 开头的键是注释; 拼错的键会被报告。例如:
  {"lang": "zh", "compensate": {"rules": "auto"}, "reviews": {"maxAttempts": 3}}
storeops init 生成一个带说明的起步配置和可编辑的模板。完整说明: ${doc('docs/cli.md')}`,
    `The config file is JSON, found by --config, STOREOPS_CONFIG, ./storeops.config.json, then
$XDG_CONFIG_HOME/storeops/config.json. Flags win over environment, config file, then defaults.
Top-level keys: lang, tz, format, outEncoding, bom, textIds, state, showPii; a section per command:
compensate, reviews, zhenjian, roster, orders; group robots: notify (${doc('docs/notify.md')}). Keys starting with _ are comments; a misspelt key is
reported. For example:
  {"lang": "zh", "compensate": {"rules": "auto"}, "reviews": {"maxAttempts": 3}}
storeops init writes a starter config with every key explained, and editable templates.
Full reference: ${doc('docs/cli.md')}`,
  ),
  cron: msg(
    `storeops 适合无人值守: 没有终端时从不询问、不输出颜色和进度条, 以退出码表示结果。每小时记录赔付的 crontab
(一整行: crontab 不认行尾的 \\ 续行, 复制时不要断开):
5 * * * * cd /srv/shop && TZ=Asia/Shanghai date '+== \\%F \\%T' >>log/storeops.log && storeops compensate exports/ExportOrderList*.csv --record --fail-on new-vouchers --strict --no-input -q -o out/vouchers-$(TZ=Asia/Shanghai date +\\%Y\\%m\\%d-\\%H).xlsx 2>>log/storeops.log
先建好文件夹: mkdir -p /srv/shop/exports /srv/shop/out /srv/shop/log (没有 log 时 storeops 根本不会运行, cron 每小时报 exit 2)。
--record 每张赔付只记一次; --fail-on new-vouchers 有新赔付时退出码 1; --strict 有被拒绝的行时退出码 3。
每次运行先在日志里写一行北京时间 (== 2026-12-01 09:05:00), 以便分辨各次运行的提示。
每小时一个输出文件, 按北京时间命名 (TZ=Asia/Shanghai date; crontab 里 % 要写成 \\%): 下一次运行会把本次新记录的红包的 记录 列标为 此前已记录 (already_recorded)、待发放 0.00, 覆盖同一个文件就看不到这次该发什么了; storeops ledger list 列出所有已记录的红包。
已赔付的订单后来判为按时发货 (或被 --exclude 排除) 时, 日志里只完整提示一次, 之后每次一行计数 (-q 不显示; -v 重新列出)。
-q 时不再每小时重复"未提供揽收记录"; 无法判断的关闭未发货订单由第一次运行完整列出, 之后只列出新的。
下载存为 xlsx 时 *.csv 不会读取它: 改写为 exports/ExportOrderList*.xlsx (文件夹里留下的另一种类型的下载会被警告)。
cron 里 LANG 通常未设置: 以中文运行 storeops init 写出的配置有 "lang": "zh", 定时任务也用中文; 没有它时在 crontab 设 LANG=zh_CN.UTF-8 或 STOREOPS_LANG=zh。
时间按北京时间处理, 与服务器时区无关; 只有 crontab 的时间表跟随服务器时区。
运行可能超过一小时时, 用 flock -n /tmp/storeops.lock storeops … 包起来 (否则第二次运行遇到忙的数据库以 4 退出)。
拼多多 (或抖店) 店铺另写一行: 报表分开运行, 拼多多的加 --rules 自己的规则文件, 并用自己的 --state (报表不写店铺)。
退出码: storeops help exit-codes。完整说明: ${doc('README.md')} 的 "定时任务" 一节 (标题 "Running from cron / 定时任务")`,
    `storeops is made to run unattended: without a terminal it never prompts, never writes colour or
progress bars, and ends with an exit code a script can act on. An hourly crontab entry
(one line: crontab has no \\ line continuation, so copy it whole):
5 * * * * cd /srv/shop && TZ=Asia/Shanghai date '+== \\%F \\%T' >>log/storeops.log && storeops compensate exports/ExportOrderList*.csv --record --fail-on new-vouchers --strict --no-input -q -o out/vouchers-$(TZ=Asia/Shanghai date +\\%Y\\%m\\%d-\\%H).xlsx 2>>log/storeops.log
Make the folders first: mkdir -p /srv/shop/exports /srv/shop/out /srv/shop/log (without log
storeops never runs, and cron reports exit 2 every hour).
--record keeps each voucher once; --fail-on new-vouchers exits 1 when new ones appear; --strict
exits 3 on a rejected row. Each run first writes a line of the Beijing time (== 2026-12-01 09:05:00) to
the log, so one run's notes can be told from the next's. One output file an hour, named in Beijing time (TZ=Asia/Shanghai date; crontab needs % written \\%): the next run marks
this run's new vouchers already_recorded with toIssue 0.00, so overwriting one file loses what to
issue; storeops ledger list lists every recorded voucher. An order a recorded voucher paid that a later run judges on time (or
--exclude leaves out) is named in full in the log once, then counted in one line (hidden by -q;
-v lists them again). Under -q the log does not repeat the no-pickup-scans note every hour; a closed
order never shipped that cannot be judged is named in full by the first run, then only new ones. A
download saved as xlsx is not read by *.csv: write exports/ExportOrderList*.xlsx instead (one of
another type left in the folder is warned about). cron usually has LANG unset: a config storeops init wrote in Chinese says
"lang": "zh", so cron speaks Chinese; without it, set LANG=zh_CN.UTF-8 or STOREOPS_LANG=zh in the crontab. Times are Beijing time whatever the server's zone; only the crontab
schedule follows the server's zone. If a run can take longer than the hour, wrap it in
flock -n /tmp/storeops.lock storeops … (a second run on a busy database exits 4). A 拼多多 (or 抖店)
shop gets a line of its own: its exports run apart, PDD's with --rules YOUR-RULE-FILE, and with its
own --state (those exports name no shop).
Exit codes: storeops help exit-codes. Full walk-through: ${doc('README.md')} "Running from cron"`,
  ),
};

export function topicText(t: Exclude<Topic, 'options'>, lang: Lang): string {
  if (t === 'exit-codes') return exitCodes(lang);
  return sayLines(PAGES[t], lang) + '\n';
}
