// The same file named twice among a command's inputs (`*.csv ExportOrderList*.csv`, `a.csv ./a.csv`,
// a link and its target) is read once. Read twice, every order in it was reported as shared by two
// overlapping downloads, "the newer" one used — the same file on both sides, which misleads.
import fs from 'node:fs';
import { type Msg, UsageError, msg } from '../errors.js';

/**
 * `files` without later namings of a file already named (compared by device and inode), and one
 * note per file named more than once. `-` (standard input) and paths that cannot be looked at are
 * kept as they are: opening them reports what is wrong.
 */
export function distinctFiles(files: readonly string[]): { files: string[]; notes: Msg[] } {
  // `- -`: the second read found standard input used up and said "stdin is empty (0 bytes)".
  if (files.filter((f) => f === '-').length > 1) {
    throw new UsageError(msg('标准输入 (-) 只能用一次', 'standard input (-) can be used only once'), msg('把另一份导出作为文件给出。', 'give the other export as a file.'));
  }
  const out: string[] = [];
  const firstAt = new Map<string, { name: string; again: string[] }>();
  for (const f of files) {
    let key: string | undefined;
    if (f !== '-') {
      try {
        const st = fs.statSync(f);
        if (st.isFile()) key = `${st.dev}:${st.ino}`;
      } catch {
        /* opened later, and refused there with the reason */
      }
    }
    const seen = key === undefined ? undefined : firstAt.get(key);
    if (seen) {
      seen.again.push(f);
      continue;
    }
    if (key !== undefined) firstAt.set(key, { name: f, again: [] });
    out.push(f);
  }
  const notes: Msg[] = [];
  for (const { name, again } of firstAt.values()) {
    if (again.length === 0) continue;
    const others = again.filter((a) => a !== name);
    const also = others.length ? others.join(', ') : '';
    notes.push(
      msg(
        `${name} 被给出了 ${again.length + 1} 次${also ? ` (也作为 ${also})` : ''}, 只读取一次`,
        `${name} is given ${again.length + 1} times${also ? ` (also as ${also})` : ''}; it is read once`,
      ),
    );
  }
  return { files: out, notes };
}
