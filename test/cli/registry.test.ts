// Which command a run names (src/cli/registry.ts commandNamed): a run of one command declares that
// command only, also with the program's own options written before it (`storeops --state s.db
// compensate …`, as the bench and scripts do; issue 21, docs/performance.md, twenty-eighth round).
// Whatever commander might read differently gets the whole tree, as before.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

type Main = { buildProgram: (io: unknown, lang: string, raw: boolean, commands: unknown[]) => Command };
type Registry = { commandNamed: (argv: string[]) => string | undefined; VALUE_OPTIONS: ReadonlySet<string>; FLAG_OPTIONS: ReadonlySet<string> };
const dist = (f: string) => import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'cli', f)).href);
const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: {}, cwd: ROOT, now: Date.now };

describe('the command a run names', async () => {
  const { buildProgram } = (await dist('main.js')) as Main;
  const { commandNamed, VALUE_OPTIONS, FLAG_OPTIONS } = (await dist('registry.js')) as Registry;

  // A program option added without its place in the lists would make `--new-opt value compensate`
  // take "value" for the command (or give up on a flag): the lists must be the program's options,
  // all but --version, whose run never reaches a command.
  it("knows the program's own options, with and without a value", () => {
    const program = buildProgram(io, 'en', true, []);
    const value = new Set<string>();
    const flag = new Set<string>();
    for (const o of program.options) {
      expect(o.optional).toBe(false); // an optional value (`[x]`) would need commander's rule for it
      if (o.long === '--version') continue;
      for (const f of [o.short, o.long]) if (f) (o.required ? value : flag).add(f);
    }
    expect([...VALUE_OPTIONS].sort()).toEqual([...value].sort());
    expect([...FLAG_OPTIONS].sort()).toEqual([...flag].sort());
  });

  it.each([
    [['compensate', 'a.csv'], 'compensate'],
    [['--state', 's.db', 'compensate', 'a.csv'], 'compensate'],
    [['--state=s.db', 'compensate'], 'compensate'],
    [['-q', '-f', 'json', '--lang', 'zh', 'orders', 'inspect'], 'orders'],
    [['--no-color', '--as-of', '2026-12-01 00:00:00', 'reviews', 'queue'], 'reviews'],
    // --state takes the next word whatever it is: the command is the one after it
    [['--state', 'compensate', 'orders', 'inspect'], 'orders'],
    [['-o', '-', 'compensate'], 'compensate'],
    // the whole tree: no command, an unknown or mistyped one, help or version first, `--`, an
    // option the program does not have, short options run together, a flag given a value, a value missing
    [[], undefined],
    [['compensat', 'a.csv'], undefined],
    [['help', 'compensate'], undefined],
    [['--help', 'compensate'], undefined],
    [['-h', 'compensate'], undefined],
    [['-V'], undefined],
    [['--', 'compensate'], undefined],
    [['--bogus', 'compensate'], undefined],
    [['-qv', 'compensate'], undefined],
    [['-fjson', 'compensate'], undefined],
    [['--quiet=1', 'compensate'], undefined],
    [['--state'], undefined],
    [['-', 'compensate'], undefined],
  ] as [string[], string | undefined][])('%j -> %s', (argv, named) => {
    expect(commandNamed(argv)).toBe(named);
  });
});
