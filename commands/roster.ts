// `storeops roster plan | check` (docs/cli.md "roster"): options only; the work is in src/roster.
import { Command } from 'commander';
import { examples } from '../src/cli/help.js';
import { action } from '../src/cli/main.js';
import { addNotifyOptions } from '../src/notify/options.js';

export function register(program: Command): void {
  const roster = program.command('roster').description('customer-service shift rosters (docs/rules.md §4) / 客服排班 (docs/rules.md §4)');

  const plan = roster
    .command('plan')
    .description('build a month\'s shift roster with HiGHS: fair hours, nights and weekends / 用 HiGHS 生成月度排班: 工时、晚班和周末公平')
    .option('--month <YYYY-MM>', 'month to plan / 要排班的月份')
    .option('--template', 'a reusable roster by day number, valid for 28–31-day months (instead of --month) / 按日序号的通用排班, 适用于 28–31 天的月份 (代替 --month)')
    .option('--agents <names|file|count>', 'agent names separated by commas, a csv/xlsx file with an agent column, or a count / 客服名单: 逗号分隔的姓名、带客服列的 csv/xlsx 文件, 或人数')
    .option('--days-off <n>', 'days off per agent, exactly (default 4) / 每人休息天数, 精确 (默认 4)')
    .option('--min <D=1,H=1,N=1>', 'least staff per shift per day (default D=1,H=1,N=1) / 每天每班最少人数 (默认 D=1,H=1,N=1)')
    .option('--demand <file>', 'least staff per shift per date: date,D,H,N (dates not listed use --min / config) / 按日期的每班最少人数: 日期,白班,半白班,晚班 (或 date,D,H,N; 未列出的日期用 --min 或配置)')
    .option('--volume <file>', 'chats per hour (hour,chats[,date]) turned into staff with Erlang C / 每小时咨询量 (小时,咨询量[,日期]), 用 Erlang C 换算成人数')
    .option('--aht <seconds>', 'with --volume: average handling time of a chat (default 120) / 与 --volume 一起: 每次咨询的平均处理时长 (秒, 默认 120)')
    .option('--service-level <share>', 'with --volume: share answered within --answer-within (default 0.9) / 与 --volume 一起: 在 --answer-within 内应答的比例 (默认 0.9)')
    .option('--answer-within <seconds>', 'with --volume: answer target (default 180, the 3-minute response rate) / 与 --volume 一起: 应答目标 (秒, 默认 180, 即 3 分钟响应率)')
    .option('--concurrency <n>', 'with --volume: chats one agent handles at once (default 1) / 与 --volume 一起: 每个客服同时接待的咨询数 (默认 1)')
    .option('--requests <file>', 'requested days off: agent,date / 申请的休息日: 客服,日期 (多个日期用 ; 隔开)')
    .option('--previous <roster>', 'last month\'s roster (grid or long): night-then-day across the boundary, and change as little as possible / 上月排班表 (网格或长表): 跨月的晚班接白班检查, 并尽量少改动')
    .option('--time-limit <seconds>', 'most seconds the solver may run, counted on the clock (wall time), not CPU time (default 30): it bounds how long you wait, and a busy machine gets less done in it; when requested days off cannot all be granted, the month is solved again within the same limit. The summary says proven optimal or the gap left / 求解最多用时 (秒, 默认 30), 按实际经过的时间 (挂钟时间) 计, 不是 CPU 时间: 它限定你要等多久, 机器繁忙时同样的秒数内算得更少; 申请的休息无法全部批准时会再求解一次, 同样以此为限。摘要会说明是否已证明最优或剩余差距')
    .option('--long', 'one row per agent per day: agent,date,shift,start,end,hours / 每人每天一行: 客服,日期,班次,开始,结束,工时');
  addNotifyOptions(plan)
    .action(action(async () => (await import('../src/roster/run.js')).runPlan));

  const check = roster
    .command('check')
    .argument('<file>', 'roster file (grid or long; csv/xlsx; - for stdin) / 排班表 (网格或长表; csv/xlsx; - 为标准输入)')
    .description('check any roster (grid or long; D/H/N/O or 白/半/晚/休) against the rules; exit 1 on violations / 按规则检查任意排班表 (网格或长表; D/H/N/O 或 白/半/晚/休); 有违规时退出码 1')
    .option('--month <YYYY-MM>', 'month of the roster (needed when the columns are day numbers) / 排班表的月份 (列是日序号时需要)')
    .option('--template', 'check a reusable template for every month length 28–31 / 按 28–31 天每种月长检查通用排班')
    .option('--days-off <n>', 'days off per agent, exactly (default 4) / 每人休息天数, 精确 (默认 4)')
    .option('--min <D=1,H=1,N=1>', 'least staff per shift per day (default D=1,H=1,N=1) / 每天每班最少人数 (默认 D=1,H=1,N=1)')
    .option('--demand <file>', 'least staff per shift per date / 按日期的每班最少人数')
    .option('--volume <file>', 'chats per hour turned into staff with Erlang C / 每小时咨询量, 用 Erlang C 换算成人数')
    .option('--aht <seconds>', 'with --volume: average handling time (default 120) / 与 --volume 一起: 平均处理时长 (秒, 默认 120)')
    .option('--service-level <share>', 'with --volume: target share (default 0.9) / 与 --volume 一起: 目标比例 (默认 0.9)')
    .option('--answer-within <seconds>', 'with --volume: answer target (default 180) / 与 --volume 一起: 应答目标 (秒, 默认 180)')
    .option('--concurrency <n>', 'with --volume: chats at once per agent (default 1) / 与 --volume 一起: 每人同时接待数 (默认 1)')
    .option('--requests <file>', 'requested days off that must be honoured / 必须满足的休息申请')
    .option('--agents <file>', 'the agents\' limits: an --agents file with 可上班次 / 每月最多班次 / 每月最多工时 columns / 客服名单文件 (同 plan 的 --agents): 检查其中的可上班次、每月最多班次和工时')
    .option('--previous <roster>', 'last month\'s roster, for the night-then-day rule across the boundary / 上月排班表, 用于跨月的晚班接白班检查')
    .option('--max-hours-spread <hours>', 'most two agents\' monthly paid hours may differ (default: the longest shift, 8.5 for the seed\'s) / 各客服月工时最多相差几小时 (默认: 最长班次的工时, 即 8.5)')
    .action(action(async () => (await import('../src/roster/run.js')).runCheck));

  examples(plan, [
    ['roster plan --month 2026-11 --agents examples/roster/agents.csv', 'grid, per-agent totals and coverage', '排班网格、每人合计和每日覆盖'],
    ['roster plan --month 2026-11 --agents 小王,小李,小张,小赵,小陈 --requests examples/roster/requests.csv -o nov.csv', 'honour requested days off; write a csv', '满足休息申请; 写成 csv'],
    ['roster plan --month 2026-11 --agents 10 --volume examples/roster/volume.csv', 'staff from chats per hour (Erlang C)', '按每小时咨询量排人 (Erlang C)'],
    ['roster plan --month 2026-11 --agents 5 -f ics -o calendars/', 'one calendar file per agent (-f ics)', '每个客服一个日历文件 (-f ics)'],
  ]);
  examples(check, [
    ['roster check examples/roster/roster-2026-11.csv', 'every rule a roster breaks (exit 1 if any)', '列出违反的规则 (有则退出码 1)'],
    ['roster check nov.csv --requests examples/roster/requests.csv --previous oct.csv', 'also requested days off and the month boundary', '同时检查休息申请和跨月衔接'],
  ]);
}
