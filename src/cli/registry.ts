// The command registry: each entry declares a command's options (cheap) and imports its body
// only when it runs. Add a command here when it exists; nothing is listed before it works.
// A run of one command (`storeops compensate …`) loads and declares only that command: the
// others' modules and options cost start-up time it does not use (issue 21).
import type { Command } from 'commander';

export type Register = (program: Command) => void;

/** Every command, in the order `storeops --help` lists them, with the module that declares it. */
export const COMMANDS: ReadonlyArray<readonly [name: string, load: () => Promise<{ register: Register }>]> = [
  ['orders', () => import('../../commands/orders.js')],
  ['compensate', () => import('../../commands/compensate.js')],
  ['rules', () => import('../../commands/rules.js')],
  ['ledger', () => import('../../commands/ledger.js')],
  ['zhenjian', () => import('../../commands/zhenjian.js')],
  ['roster', () => import('../../commands/roster.js')],
  ['reviews', () => import('../../commands/reviews.js')],
  ['init', () => import('../../commands/init.js')],
];

/** The declarations of every command, in order; or, given a command's name, of that one only. */
export async function loadCommands(name?: string): Promise<Register[]> {
  const list = name === undefined ? COMMANDS : COMMANDS.filter(([n]) => n === name);
  return (await Promise.all(list.map(([, load]) => load()))).map((m) => m.register);
}
