// Yes/no questions on the terminal, asked the one way (@inquirer/prompts confirm): zhenjian
// estimate's "append this product?" and its yes/no fields, ledger alerts --drop all. Asked only when
// the caller has checked ctx.interactive (stdin and stdout terminals, no --no-input); with no
// terminal the caller fails with exit 2 naming the flag (--yes) instead (SPEC: never a silent default).
import { Writable } from 'node:stream';
import { EXIT, type Lang, type Msg, StoreopsError, msg, say } from '../errors.js';

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/**
 * Inquirer ends the output it is given after each prompt; hand it a wrapper that never ends ours.
 * Each chunk goes out at once: waiting for the terminal's write callback held the last prompt's
 * final render (its ✔ line and newline) in the wrapper while the run went on, so the answer to
 * "file to append to" stayed `? …` and stderr's `appended to …` ran on from it on the same line.
 */
export function keepOpen(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk, _enc, cb) {
      out.write(chunk as Buffer);
      cb();
    },
    final(cb) {
      cb();
    },
  });
}

/** zh answers 是 / 否 (y and n still work); en keeps inquirer's Yes / No. */
export function yesNo(lang: Lang) {
  return lang === 'zh'
    ? { keywords: { yes: '是', no: '否', error: () => '请回答 "是" 或 "否" (也可以输入 y 或 n)' } }
    : undefined;
}

/** Ctrl-C (or the terminal closing) while asked: exit 130, as any interrupted run. */
export function interrupted(e: unknown): never {
  const name = (e as Error | undefined)?.name;
  if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new StoreopsError(EXIT.interrupted, msg('已中断', 'interrupted'));
  throw e;
}

/** Ask `q` (default no: Enter alone answers no). The question and its answer go to `streams.output` (stderr: stdout is data). */
export async function confirmYes(streams: PromptStreams, q: Msg, lang: Lang): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  try {
    return await confirm({ message: say(q, lang), default: false, theme: yesNo(lang) }, { input: streams.input, output: keepOpen(streams.output) });
  } catch (e) {
    interrupted(e);
  }
}
