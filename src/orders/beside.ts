// Downloads of another kind left beside the order exports a run was given (desk46): the README's cron
// line globs `exports/ExportOrderList*.csv`, so an hour downloaded as xlsx into the same folder was
// skipped without a word, its orders not judged. Said as a warning (also under -q: rows not read),
// naming the files and the pattern that takes them; the exit code is unchanged (they may hold nothing
// the csv downloads do not). Only where several files of that family were given (a pattern), and not
// for the same download saved as another type (the same name but its type).
import fs from 'node:fs';
import path from 'node:path';
import { type Msg, msg } from '../errors.js';
import { shown } from '../io/rejects.js';

const KINDS = /\.(csv|xlsx|xls)$/i;
const SHOWN = 5;

/** A download's family: its name up to the first digit (`ExportOrderList`, `orders_export`), if at least 4 characters with a letter. */
function familyOf(base: string): string | undefined {
  const m = /^(\D{4,}?)\d/.exec(base);
  return m && /[A-Za-z]/.test(m[1]!) ? m[1]! : undefined;
}

/**
 * For each folder of the given files: files there of a family given (same name up to its first digit)
 * in a kind (csv, xlsx, xls) none of that family's given files has, and not given themselves.
 */
export function exportsLeftBeside(files: readonly string[]): Msg[] {
  const byDir = new Map<string, { kinds: Map<string, Set<string>>; count: Map<string, number>; given: Set<string>; stems: Set<string> }>();
  for (const f of files) {
    if (f === '-') continue;
    const base = path.basename(f);
    const kind = KINDS.exec(base)?.[1]?.toLowerCase();
    const family = familyOf(base);
    if (kind === undefined || family === undefined) continue;
    const dir = path.dirname(f);
    let d = byDir.get(dir);
    if (!d) byDir.set(dir, (d = { kinds: new Map(), count: new Map(), given: new Set(), stems: new Set() }));
    d.count.set(family, (d.count.get(family) ?? 0) + 1);
    d.stems.add(base.slice(0, base.length - kind.length - 1));
    let k = d.kinds.get(family);
    if (!k) d.kinds.set(family, (k = new Set()));
    k.add(kind);
    d.given.add(base);
  }
  const out: Msg[] = [];
  for (const [dir, d] of byDir) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    const left = new Map<string, string[]>();
    for (const base of names.sort()) {
      const kind = KINDS.exec(base)?.[1]?.toLowerCase();
      const family = kind === undefined ? undefined : familyOf(base);
      if (kind === undefined || family === undefined || d.given.has(base)) continue;
      // The same download saved as another type (examples/ExportOrderList202611.csv and .xlsx) is not another download.
      if (d.stems.has(base.slice(0, base.length - kind.length - 1))) continue;
      const kinds = d.kinds.get(family);
      // Only where several files of the family were given (a pattern: `ExportOrderList*.csv`), not one file named by hand.
      if (!kinds || kinds.has(kind) || (d.count.get(family) ?? 0) < 2) continue;
      try {
        if (!fs.statSync(path.join(dir, base)).isFile()) continue;
      } catch {
        continue;
      }
      const key = `${family}*.${kind}`;
      left.set(key, [...(left.get(key) ?? []), base]);
    }
    for (const [pattern, list] of left) {
      const where = shown(dir);
      const some = list.slice(0, SHOWN).map((b) => shown(b)).join(', ') + (list.length > SHOWN ? ', …' : '');
      const glob = `${where}${path.sep}${pattern}`;
      const family = pattern.slice(0, pattern.indexOf('*'));
      const given = [...d.kinds.get(family)!].map((k) => `${family}*.${k}`).join(' ');
      const one = list.length === 1;
      out.push(
        msg(
          `${where} 中有 ${list.length} 个 ${family}… 下载本次没有读取, 类型与给出的 ${given} 不同: ${some}; 其中的行没有读取。按类型的通配 (${given}) 只读一种类型: 把 ${glob} 也加到命令里, 或把${one ? '它' : '它们'}移出该文件夹`,
          `${where} holds ${one ? '1' : list.length} ${family}… ${one ? 'download' : 'downloads'} this run did not read, of another type than the ${given} given: ${some}; ${one ? 'its' : 'their'} rows were not read. A pattern by type (${given}) takes one type only: add ${glob} to the command, or move ${one ? 'it' : 'them'} out of the folder`,
        ),
      );
    }
  }
  return out;
}
