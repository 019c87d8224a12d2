// `-` read from a terminal: a command given `-` by mistake (or a script run by hand that meant a
// pipe) waited without a word for text typed at the terminal, which looks like a hang. Said once
// per run, on stderr (also under -q: the run is waiting on its user), in the run's language.
import type { Readable } from 'node:stream';
import { msg } from '../errors.js';

interface StdinCtx {
  io: { stdin: Readable & { isTTY?: boolean }; stderr: { write(s: string): unknown } };
  t(m: ReturnType<typeof msg>): string;
}

const said = new WeakSet<object>();

/** What a reader of `-` is given: standard input, saying first when it is the terminal. */
export function dataStdin(ctx: StdinCtx): () => Readable {
  return () => {
    const s = ctx.io.stdin;
    if (s.isTTY && !said.has(ctx)) {
      said.add(ctx);
      ctx.io.stderr.write(
        `storeops: ${ctx.t(
          msg(
            '从终端读取标准输入 (-): 粘贴报表内容后按 Ctrl-D 结束; 或按 Ctrl-C 退出, 改为给出导出文件的路径',
            'reading standard input (-) from the terminal: paste the export and end with Ctrl-D; or press Ctrl-C and name the export file instead of -',
          ),
        )}\n`,
      );
    }
    return s;
  };
}
