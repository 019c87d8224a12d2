// `storeops roster plan | check` (SPEC "roster"): options only; the work is in src/roster.
import { Command } from 'commander';
import { action } from '../src/cli/main.js';
import { addNotifyOptions } from '../src/notify/options.js';

export function register(program: Command): void {
  const roster = program.command('roster').description('customer-service shift rosters (RULES §4) / 客服排班');

  const plan = roster
    .command('plan')
    .description('build a month\'s shift roster with HiGHS: fair hours, nights and weekends / 生成月度排班')
    .option('--month <YYYY-MM>', 'month to plan')
    .option('--template', 'a reusable roster by day number, valid for 28–31-day months (instead of --month)')
    .option('--agents <names|file|count>', 'agent names separated by commas, a csv/xlsx file with an agent column, or a count')
    .option('--days-off <n>', 'days off per agent, exactly (default 4)')
    .option('--min <D=1,H=1,N=1>', 'least staff per shift per day (default D=1,H=1,N=1)')
    .option('--demand <file>', 'least staff per shift per date: date,D,H,N (dates not listed use --min / config)')
    .option('--volume <file>', 'chats per hour (hour,chats[,date]) turned into staff with Erlang C')
    .option('--aht <seconds>', 'with --volume: average handling time of a chat (default 120)')
    .option('--service-level <share>', 'with --volume: share answered within --answer-within (default 0.9)')
    .option('--answer-within <seconds>', 'with --volume: answer target (default 180, the 3-minute response rate)')
    .option('--concurrency <n>', 'with --volume: chats one agent handles at once (default 1)')
    .option('--requests <file>', 'requested days off: agent,date')
    .option('--previous <roster>', 'last month\'s roster (grid or long): night-then-day across the boundary, and change as little as possible')
    .option('--time-limit <seconds>', 'solver time limit (default 30); the summary says proven optimal or the gap left')
    .option('--long', 'one row per agent per day: agent,date,shift,start,end,hours')
    .addHelpText('after', '\nFormats: the global -f also takes ics (one calendar per agent; -o <folder>/ writes one file per agent).');
  addNotifyOptions(plan)
    .action(action(async () => (await import('../src/roster/run.js')).runPlan));

  roster
    .command('check <file>')
    .description('check any roster (grid or long; D/H/N/O or 白/半/晚/休) against the rules; exit 1 on violations / 检查排班表')
    .option('--month <YYYY-MM>', 'month of the roster (needed when the columns are day numbers)')
    .option('--template', 'check a reusable template for every month length 28–31')
    .option('--days-off <n>', 'days off per agent, exactly (default 4)')
    .option('--min <D=1,H=1,N=1>', 'least staff per shift per day (default D=1,H=1,N=1)')
    .option('--demand <file>', 'least staff per shift per date')
    .option('--volume <file>', 'chats per hour turned into staff with Erlang C')
    .option('--aht <seconds>', 'with --volume: average handling time (default 120)')
    .option('--service-level <share>', 'with --volume: target share (default 0.9)')
    .option('--answer-within <seconds>', 'with --volume: answer target (default 180)')
    .option('--concurrency <n>', 'with --volume: chats at once per agent (default 1)')
    .option('--requests <file>', 'requested days off that must be honoured')
    .option('--previous <roster>', 'last month\'s roster, for the night-then-day rule across the boundary')
    .action(action(async () => (await import('../src/roster/run.js')).runCheck));
}
