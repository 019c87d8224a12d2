// `storeops reviews queue|log|message` (SPEC reviews; RULES §2).
import type { Command } from 'commander';
import { action } from '../src/cli/main.js';
import { addNotifyOptions } from '../src/notify/options.js';

export function register(program: Command): void {
  const reviews = program
    .command('reviews')
    .description('neutral/negative review follow-up (RULES §2) / 中差评跟进')
    .helpCommand(false);

  const queue = reviews
    .command('queue')
    .description('follow-up queue for neutral/negative reviews, most urgent first / 中差评跟进队列')
    .argument('<file...>', 'review files (csv/xlsx; - for stdin)')
    .option('--orders <file...>', 'order exports, for order value, payment time and earlier orders by the buyer')
    .option('--roster <file>', 'shift roster (long or grid): items go to agents on shift at --as-of')
    .option('--all', 'also list resolved items')
    .option('--max-attempts <n>', 'contact attempts allowed per buyer, across their reviews (default: config reviews.maxAttempts, else 3)')
    .option('--quiet-hours <from-to>', 'no contact in these hours (default: config reviews.quietHours, else 22:00-08:00; none = off)');
  addNotifyOptions(queue)
    .action(action(async () => (await import('../src/reviews/run.js')).runQueue));

  reviews
    .command('log')
    .description('record a contact attempt or outcome in the state database / 记录联系结果')
    .argument('<orderId>', 'order id of the review')
    .requiredOption('--status <status>', 'contacted, awaiting_reply, resolved, complaint_filed, do_not_contact')
    .option('--note <text>', 'what was said or agreed')
    .option('--channel <channel>', 'wangwang, phone or sms')
    .option('--who <agent>', 'who made the contact')
    .option('--reviews <file...>', "review files: the buyer's other reviews count towards the contact limits (attempts, gap); warns when the order is in none of them")
    .option('--force', 'record a contact even though it breaks the contact rules (do_not_contact, attempts, minimum gap, quiet hours); the breach is recorded in the note')
    .option('--max-attempts <n>', 'contact attempts allowed per review (default 3)')
    .option('--quiet-hours <from-to>', 'quiet hours (default 22:00-08:00)')
    .action(action(async () => (await import('../src/reviews/run.js')).runLog));

  reviews
    .command('message')
    .description('render the suggested message for one queue item / 生成跟进消息')
    .argument('<orderId>', 'order id of the review')
    .requiredOption('--reviews <file...>', 'review files')
    .option('--orders <file...>', 'order exports')
    .option('--template <file>', 'your own message text (checked for forbidden wording); placeholders {buyer} {orderId} {title} {goodwill} {issue} {shop}')
    .option('--safety-contact <who>', 'the named person a buyer with a health or safety complaint should call, e.g. "王经理 400-123-4567" (default: config reviews.safetyContact)')
    .option('--message-lang <zh|en>', 'language of the message to the buyer (default: config reviews.messageLang, else zh, whatever LANG says)')
    .option('--max-attempts <n>', 'contact attempts allowed per review (default 3)')
    .option('--quiet-hours <from-to>', 'quiet hours (default 22:00-08:00)')
    .action(action(async () => (await import('../src/reviews/run.js')).runMessage));
}
