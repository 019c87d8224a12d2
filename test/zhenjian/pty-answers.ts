// Typing answers into the interactive zhenjian flow under `script` (a real pseudo-terminal): each
// answer is typed once its question (a piece of its text) appears on the screen after the last one.
import { spawnSync, type ChildProcess } from 'node:child_process';

export const hasScript = spawnSync('script', ['-V']).status === 0;
export const strip = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

/** Answer each [question text, reply] in order; throws, showing the screen, when a question never comes. */
export async function answerAll(p: ChildProcess, screen: () => string, steps: readonly (readonly [string, string])[]): Promise<void> {
  let pos = 0;
  for (const [wait, reply] of steps) {
    for (let i = 0; ; i++) {
      const at = strip(screen()).indexOf(wait, pos);
      if (at >= 0) {
        pos = at + wait.length;
        break;
      }
      if (i > 1000) throw new Error(`no prompt "${wait}"; screen:\n${strip(screen())}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    p.stdin!.write(reply + '\r');
  }
}
