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

/**
 * The program's own options (main.ts buildProgram) that take a value, and those that take none:
 * `storeops --state s.db compensate …` names compensate as plainly as `storeops compensate …`.
 * test/cli/registry.test.ts checks both lists against the program's options.
 */
export const VALUE_OPTIONS: ReadonlySet<string> = new Set(['-f', '--format', '-o', '--output', '--out-encoding', '--lang', '--as-of', '--tz', '--encoding', '--rejects', '--duplicates', '--config', '--state']);
export const FLAG_OPTIONS: ReadonlySet<string> = new Set(['--bom', '--no-bom', '--text-ids', '--no-text-ids', '--no-formula-escape', '--strict', '--show-pii', '--wide', '-q', '--quiet', '-v', '--verbose', '--debug', '--no-color', '--no-input']);

/**
 * The command a run names, when commander will run that command: the first argument that is not an
 * option of the program's own (with its value) before it, if it is a command's name. Anything else
 * (no command, an unknown one, `--`, help or version asked first, an option written in another form —
 * `-qv`, `-fcsv`, `--quiet=…` — or one the program does not have) gives undefined: the whole tree is
 * declared, as commander needs it for help, suggestions and errors. The bench and scripts put
 * `--state` first (issue 21; docs/performance.md, twenty-eighth round).
 */
export function commandNamed(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.length < 2 || a[0] !== '-') return COMMANDS.some(([name]) => name === a) ? a : undefined;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (a.startsWith('--') && a.includes('=') && VALUE_OPTIONS.has(a.slice(0, a.indexOf('=')))) continue;
    else if (!FLAG_OPTIONS.has(a)) return undefined;
  }
  return undefined;
}
