// The command registry: each entry declares a command's options (cheap) and imports its body
// only when it runs. Add a command here when it exists; nothing is listed before it works.
import type { Command } from 'commander';
import { register as ledger } from '../../commands/ledger.js';
import { register as compensate } from '../../commands/compensate.js';
import { register as init } from '../../commands/init.js';
import { register as orders } from '../../commands/orders.js';
import { register as rules } from '../../commands/rules.js';
import { register as zhenjian } from '../../commands/zhenjian.js';
import { register as roster } from '../../commands/roster.js';
import { register as reviews } from '../../commands/reviews.js';

export type Register = (program: Command) => void;

export const COMMANDS: Register[] = [orders, compensate, rules, ledger, zhenjian, roster, reviews, init];
