// `storeops reviews queue|log|message` (docs/cli.md "reviews"; docs/rules.md §2).
import type { Command } from 'commander';
import { examples } from '../src/cli/help.js';
import { action } from '../src/cli/main.js';
import { addNotifyOptions } from '../src/notify/options.js';

// One setting, read the same way by queue, log and message (src/reviews/settings.ts loadReviewsConfig):
// one description. Until text46 log and message said "per review (default 3)" / 每条评价, and "quiet
// hours" / 免打扰时段 without the config keys, where queue said per buyer / 这些时段不联系.
const MAX_ATTEMPTS_HELP =
  'contact attempts allowed per buyer, across their reviews (default: config reviews.maxAttempts, else 3) / 每个买家 (所有评价合计) 允许的联系次数 (默认: 配置 reviews.maxAttempts, 否则 3)';
const QUIET_HOURS_HELP =
  'quiet hours, no contact in them (default: config reviews.quietHours, else 22:00-08:00; none = off) / 免打扰时段, 这些时段不联系 (默认: 配置 reviews.quietHours, 否则 22:00-08:00; none 表示不限)';

export function register(program: Command): void {
  const reviews = program
    .command('reviews')
    .description('neutral/negative review follow-up (docs/rules.md §2) / 中差评跟进 (docs/rules.md §2)')
    .helpCommand(false);

  const queue = reviews
    .command('queue')
    .description('follow-up queue for neutral/negative reviews, most urgent first / 中差评跟进队列, 最紧急的在前')
    .argument('<file...>', 'review files (csv/xlsx; - for stdin) / 评价表 (csv/xlsx; - 为标准输入)')
    .option('--orders <file...>', 'order exports, for order value, payment time and earlier orders by the buyer / 订单报表, 用于订单金额、付款时间和买家此前的订单')
    .option('--roster <file>', 'shift roster (long or grid): items go to agents on shift at --as-of / 排班表 (长表或网格): 把待办分给 --as-of 时在班的客服')
    .option('--all', 'also list resolved items / 也列出已解决的')
    .option('--max-attempts <n>', MAX_ATTEMPTS_HELP)
    .option('--quiet-hours <from-to>', QUIET_HOURS_HELP);
  addNotifyOptions(queue)
    .action(action(async () => (await import('../src/reviews/run.js')).runQueue));

  const log = reviews
    .command('log')
    .description('record a contact attempt or outcome in the state database; several order ids of one buyer talked about in one conversation are one contact / 在状态数据库中记录一次联系或其结果; 一次联系中谈到同一买家的几个订单时, 编号写在一起, 算一次联系')
    .argument('<orderId...>', "order id of the review; several ids (A B) for one conversation with their buyer: one attempt, all recorded or none / 评价对应的订单编号; 与买家一次联系谈到几个订单时写几个编号 (A B): 算一次联系, 全部记录或都不记录")
    // Required, but checked by runLog: missing, it says the values it takes (commander's own
    // "required option '--status <status>' not specified" listed none).
    .option('--status <status>', 'required: contacted, awaiting_reply, resolved, complaint_filed, do_not_contact / 必填: contacted (已联系)、awaiting_reply (等待回复)、resolved (已解决)、complaint_filed (已投诉)、do_not_contact (勿再联系)')
    .option('--note <text>', 'what was said or agreed / 沟通内容或约定')
    .option('--channel <channel>', "the platform's chat (wangwang 旺旺, feige 飞鸽 of 抖店, pdd_chat of 拼多多; chat: the order's own), phone or sms / 平台聊天 (wangwang 旺旺、抖店的 feige 飞鸽、拼多多的 pdd_chat; chat 按订单所在平台)、phone (电话) 或 sms (短信)")
    .option('--who <agent>', 'who made the contact / 进行联系的客服')
    .option('--reviews <file...>', "review files: the buyer's other reviews count towards the contact limits (attempts, gap); warns when the order is in none of them / 评价表: 买家其他评价的联系也计入限制 (次数、间隔); 订单不在其中时提醒")
    .option('--orders <file...>', 'order exports: the buyer of a review file without a buyer column (抖店), as in the queue / 订单报表: 评价表没有买家列时 (抖店) 从订单报表取买家, 与 queue 相同')
    .option('--force', 'record a contact even though it breaks the contact rules (do_not_contact, attempts, minimum gap, quiet hours); the breach is recorded in the note / 即使违反联系规则 (do_not_contact 勿再联系、次数、最短间隔、免打扰时段) 也记录; 违规情况写入备注')
    .option('--max-attempts <n>', MAX_ATTEMPTS_HELP)
    .option('--quiet-hours <from-to>', QUIET_HOURS_HELP)
    .action(action(async () => (await import('../src/reviews/run.js')).runLog));

  const message = reviews
    .command('message')
    .description('render the suggested message for one queue item / 为队列中的一项生成建议的跟进消息')
    .argument('<orderId>', 'order id of the review / 评价对应的订单编号')
    // Checked in runMessage, which says what to give in --lang (commander's "required option
    // '--reviews <file...>' not specified" named no file to give).
    .option('--reviews <file...>', 'required: the review files the order\'s review is in / 必填: 该订单评价所在的评价表')
    .option('--orders <file...>', 'order exports / 订单报表')
    .option('--template <file>', 'your own message text (checked for forbidden wording); placeholders {buyer} {orderId} {title} {goodwill} {issue} {shop} / 自己的消息模板 (检查违规措辞); 占位符 {buyer} {orderId} {title} {goodwill} {issue} {shop}')
    .option('--safety-contact <who>', 'the named person a buyer with a health or safety complaint should call, e.g. "王经理 400-123-4567" (default: config reviews.safetyContact) / 健康或安全投诉的买家应联系的具体负责人, 例如 "王经理 400-123-4567" (默认: 配置 reviews.safetyContact)')
    .option('--message-lang <zh|en>', 'language of the message to the buyer (default: config reviews.messageLang, else zh, whatever LANG says) / 发给买家的消息语言 (默认: 配置 reviews.messageLang, 否则 zh, 与 LANG 无关)')
    .option('--max-attempts <n>', MAX_ATTEMPTS_HELP)
    .option('--quiet-hours <from-to>', QUIET_HOURS_HELP)
    .action(action(async () => (await import('../src/reviews/run.js')).runMessage));

  examples(queue, [
    ['reviews queue examples/reviews.csv --orders examples/ExportOrderList202611.csv', 'who to contact first, with order value and repeat buyers', '先联系谁, 附订单金额和回头客'],
    ['reviews queue reviews.csv --roster examples/roster/roster-2026-11.csv', 'assign items to the agents on shift now', '分给当前在班的客服'],
    ['reviews queue reviews.csv --all -o queue.xlsx', 'everything, resolved items too, into a spreadsheet', '全部 (含已解决), 写入表格'],
  ]);
  examples(log, [
    ['reviews log 3515313147329357901 --status contacted --channel wangwang --note "问了原因"', 'record that the buyer was contacted', '记录已联系买家'],
    ['reviews log 3515313147329357901 3515313147329357902 --status contacted --reviews reviews.csv', "one chat about two of the buyer's orders: one contact", '一次聊天谈了买家的两个订单: 算一次联系'],
    ['reviews log 3515313147329357901 --status resolved', 'the problem is solved: it leaves the queue', '问题已解决: 从队列中移除'],
  ]);
  examples(message, [
    ['reviews message 3515313147329357901 --reviews examples/reviews.csv', 'the suggested text to send', '建议发送的消息'],
    ['reviews message 3515313147329357901 --reviews reviews.csv --template my.txt', 'your own text, checked for forbidden wording', '自己的模板, 检查违规措辞'],
  ]);
}
