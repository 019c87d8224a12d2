// Colour through chalk, but decided by storeops: chalk alone does not honour NO_COLOR or
// --no-color, and must never colour a pipe or a file.
import { Chalk, type ChalkInstance } from 'chalk';

const off = new Chalk({ level: 0 });
const on = new Chalk({ level: 1 });

export function paint(enabled: boolean): ChalkInstance {
  return enabled ? on : off;
}
