// The binary's entry: `--version` answers without loading commander or any command (start-up
// cost matters in cron and scripts); everything else goes to the full shell in main.ts.
import fs from 'node:fs';

export function version(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function run(argv: string[]): Promise<void> {
  // A closed stderr (2>&-, or a log reader that went away) must not turn a good run into a crash:
  // messages that cannot be shown are dropped, the result and the exit code stand.
  process.stderr.on('error', () => undefined);
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${version()}\n`);
    return;
  }
  const main = await import('./main.js');
  await main.run(argv);
}
