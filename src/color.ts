// Colour through chalk, but decided by storeops: chalk alone does not honour NO_COLOR or
// --no-color, and must never colour a pipe or a file. Colour is only ever on for a terminal, so
// chalk (and the tty and os modules it loads) is imported only when stdout or stderr is one
// (loadColor, from main.ts before a command runs): a run into a pipe or a file does without it.
import type { ChalkInstance } from 'chalk';

/** The styles storeops uses. */
export type Paint = Pick<ChalkInstance, 'yellow' | 'red' | 'bold'>;

/** No colour: the text as chalk gives it at level 0. */
const plainText = (...text: unknown[]): string => (text.length === 1 ? '' + String(text[0]) : text.join(' '));
const off: Paint = { yellow: plainText, red: plainText, bold: plainText } as unknown as Paint;
let on: Paint | undefined;

/** Load chalk, for a run that may colour a terminal. */
export async function loadColor(): Promise<void> {
  if (on) return;
  const { Chalk } = await import('chalk');
  on = new Chalk({ level: 1 });
}

export function paint(enabled: boolean): Paint {
  // Enabled only for a terminal, for which main.ts has loaded chalk.
  return enabled && on ? on : off;
}
