// The exit-code table of docs/cli.md, in one place.
// Domain code throws these; only the shell (src/cli/main.ts) turns them into an exit code.
import { oneLine, terminalSafe } from './io/escape.js';

/** A message in both languages; the shell picks one with --lang. */
export interface Msg {
  zh: string;
  en: string;
}

export const msg = (zh: string, en: string): Msg => ({ zh, en });

/** "1 voucher", "2 vouchers": English messages read as sentences (Chinese has no plural). */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export const EXIT = {
  ok: 0,
  attention: 1,
  usage: 2,
  input: 3,
  state: 4,
  output: 5,
  /** --notify-required and a notification could not be delivered (src/notify). */
  notify: 6,
  /** An internal error (a bug in storeops). */
  internal: 70,
  /** Signals: 128 + the signal number. */
  hangup: 129,
  interrupted: 130,
  quit: 131,
  terminated: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class StoreopsError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    readonly text: Msg,
    readonly hint?: Msg,
  ) {
    super(text.en);
    this.name = new.target.name;
  }
}

/** Exit 2: unknown option, bad value, missing argument, an answer needed but no terminal. */
export class UsageError extends StoreopsError {
  constructor(text: Msg, hint?: Msg) {
    super(EXIT.usage, text, hint);
  }
}

/** Exit 3: missing/unreadable file, unknown layout, required column missing, undecodable bytes. */
export class InputError extends StoreopsError {
  constructor(text: Msg, hint?: Msg) {
    super(EXIT.input, text, hint);
  }
}

/** Exit 4: state database busy or damaged. */
export class StateError extends StoreopsError {
  constructor(text: Msg, hint?: Msg) {
    super(EXIT.state, text, hint);
  }
}

/** Exit 5: output could not be written. */
export class OutputError extends StoreopsError {
  constructor(text: Msg, hint?: Msg) {
    super(EXIT.output, text, hint);
  }
}

export type Lang = 'zh' | 'en';

/**
 * The message in one language, as one line: control characters (newline and tab included) from
 * quoted input -- a file name, a cell, a shop name -- shown as escapes (`\n`, `\x1b`), so they can
 * neither forge a line of their own in a log nor repaint the terminal.
 */
export function say(m: Msg, lang: Lang): string {
  return oneLine(lang === 'zh' ? m.zh : m.en);
}

/**
 * A note on stderr (what was read, skipped or done; not the run's closing summary): `storeops: ` first,
 * as warnings and errors are, so it reads as storeops talking among the lines a pipe or cron mail
 * gathers. The closing summary line is left bare (SPEC: "the stderr summary").
 */
export function noteLine(m: Msg): Msg {
  return { zh: `storeops: ${m.zh}`, en: `storeops: ${m.en}` };
}

/** A text of several lines written by storeops itself (help pages): its line breaks kept, other control characters escaped. */
export function sayLines(m: Msg, lang: Lang): string {
  return terminalSafe(lang === 'zh' ? m.zh : m.en);
}

/** "file:line:column" prefix for messages about one place in an input file. */
export function where(file: string, line?: number, column?: string): string {
  let s = file;
  if (line !== undefined) s += `:${line}`;
  if (column) s += ` [${column}]`;
  return s;
}

/** Thrown when the reader of stdout went away (`| head`): the shell ends with exit 0. */
export class PipeClosed extends Error {
  constructor() {
    super('EPIPE');
  }
}
