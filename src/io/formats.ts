// Output format names and file extensions: a light module, so the shell can check -f and -o
// before any input is read (a 500 MB export should not be read only to fail on `-f xml`).
import path from 'node:path';
import { UsageError, msg } from '../errors.js';

export const FORMATS = ['table', 'csv', 'tsv', 'json', 'ndjson', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export const EXT_FORMAT: Record<string, Format> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.txt': 'tsv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.xlsx': 'xlsx',
};

/** --format, else the -o extension, else table on a terminal and csv in a pipe (SPEC). */
export function resolveFormat(o: { format?: string; output?: string; stdout: { isTTY?: boolean } }, extra: readonly string[] = []): string {
  if (o.format) {
    const f = o.format.toLowerCase();
    if (!(FORMATS as readonly string[]).includes(f) && !extra.includes(f)) {
      throw new UsageError(
        msg(`未知的输出格式 "${o.format}"`, `unknown output format "${o.format}"`),
        // `ics` is roster plan's only (the shell checks -f before it knows the command): said so,
        // so that `compensate -f xls` is not pointed at a format compensate refuses.
        msg(`可用: ${FORMATS.join(', ')}${extra.length ? `; roster plan 还可用 ${extra.join(', ')}` : ''}`, `choose one of: ${FORMATS.join(', ')}${extra.length ? `; roster plan also ${extra.join(', ')}` : ''}`),
      );
    }
    return f;
  }
  if (o.output && o.output !== '-') {
    const ext = path.extname(o.output).toLowerCase();
    if (EXT_FORMAT[ext]) return EXT_FORMAT[ext]!;
    if (extra.includes(ext.slice(1))) return ext.slice(1);
    if (ext === '' || o.output.endsWith('/')) return 'csv';
    throw new UsageError(
      msg(`无法从扩展名 "${ext}" 判断输出格式`, `cannot tell the output format from the extension "${ext}"`),
      msg(
        `用 .csv .tsv .json .ndjson .xlsx${extra.length ? ` (roster plan 还可用 ${extra.map((e) => `.${e}`).join(' ')})` : ''}, 或加 --format。`,
        `use .csv .tsv .json .ndjson .xlsx${extra.length ? ` (roster plan also ${extra.map((e) => `.${e}`).join(' ')})` : ''}, or add --format.`,
      ),
    );
  }
  return o.stdout.isTTY ? 'table' : 'csv';
}

/**
 * The file name a hint suggests instead of `target` for `flag`: 结果 / result (-o), rejects,
 * duplicates, with the target's own extension (`-o 结果.json` for a .json target: it suggested
 * 结果.csv whatever the target was), .csv when it has none or one no format is named by.
 */
export function exampleName(flag: string, target?: string): { zh: string; en: string } {
  const ext = target && target !== '-' && !/[\\/]$/.test(target) ? path.extname(target).toLowerCase() : '';
  // An extension no format is told by (state.db, notes.md) would not be written as asked: .csv.
  const e = EXT_FORMAT[ext] ? ext : '.csv';
  if (flag === '--duplicates' || flag === '--rejects') return { zh: `${flag.slice(2)}${e}`, en: `${flag.slice(2)}${e}` };
  return { zh: `结果${e}`, en: `result${e}` };
}
