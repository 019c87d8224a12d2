// Append one interactively answered product to a csv product file, matching the file's own
// header (either language) and encoding; a new file gets every field's header and a BOM.
// The file is rewritten through a temporary file and renamed, so a failure never leaves half a row.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { Ctx } from '../context.js';
import { InputError, msg } from '../errors.js';
import { escapeFormula } from '../io/escape.js';
import { fileSink } from '../io/sink.js';
import { isUtf8Prefix } from '../io/source.js';
import { mapHeader } from '../io/table.js';
import { type FieldKey, PRODUCT_FIELDS, fieldHeader } from './fields.js';
import { NOT_A_FILE, fileProblem } from '../io/fsproblem.js';
import { openRegularSync } from '../io/textfile.js';

const TEXT_FIELDS: FieldKey[] = ['title', 'category', 'industry', 'itemId'];

function quote(t: string): string {
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export async function appendProduct(ctx: Ctx, file: string, answers: Partial<Record<FieldKey, string>>, defaulted: ReadonlySet<FieldKey> = new Set()): Promise<string> {
  const target = path.resolve(ctx.io.cwd, file);
  // A yes/no answer is written in the words of the file's own header: 是/否 under 自动续费, so the
  // appended row reads like the rows above it (it wrote "no" among 是/否).
  let chineseFile = ctx.lang === 'zh';
  const value = (k: FieldKey) => {
    let v = answers[k] ?? '';
    if (k === 'autoRenew' && chineseFile) v = /^(?:yes|y|true)$/i.test(v) ? '是' : /^(?:no|n|false)$/i.test(v) ? '否' : v;
    return ctx.formulaEscape && TEXT_FIELDS.includes(k) ? escapeFormula(v) : v;
  };
  // A named pipe, socket or device as the target (zhenjian-products.csv made a FIFO by a script,
  // /dev/stdout typed at the prompt): read with a plain open(2), a FIFO no program wrote to hung the
  // run for ever, and the answers with it; and the rewrite would have renamed a regular file over it.
  // Opened without waiting (openRegularSync: O_NONBLOCK) and refused at once, exit 3, as a config or
  // template of that kind is (desk45); the file is never written.
  let existing: Buffer | undefined;
  try {
    const fd = openRegularSync(target);
    try {
      existing = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') {
      const why = code === 'ENOTREG' ? NOT_A_FILE : fileProblem(e);
      throw new InputError(
        msg(`无法追加到 ${target}: ${why.zh}; 未写入任何内容`, `cannot append to ${target}: ${why.en}; nothing was written`),
        code === 'ENOTREG' || code === 'EISDIR'
          ? msg('换一个 .csv 文件名 (新文件会自动创建)。', 'give a .csv file name (a new file is created).')
          : msg('检查路径和权限。', 'check the path and permissions.'),
      );
    }
  }
  if (!existing || existing.length === 0) {
    const keys = PRODUCT_FIELDS.map((f) => f.key);
    const text = '\uFEFF' + keys.map((k) => quote(fieldHeader(k, ctx.lang))).join(',') + '\n' + keys.map((k) => quote(value(k))).join(',') + '\n';
    const sink = fileSink(target, 'utf8');
    await sink.write(text);
    await sink.end();
    return target;
  }
  // The file is rewritten whole, so it must be one this code can write back byte for byte: a
  // workbook or UTF-16 text named .csv, or bytes that are neither UTF-8 nor GBK, would come back
  // mangled (an xlsx named .csv was decoded as GBK and rewritten, destroyed), and a file that is
  // not a product list (an order export picked by mistake) would get a row of empty cells.
  const refuse = (zh: string, en: string) =>
    new InputError(
      msg(`无法追加到 ${target}: ${zh}; 文件保持不变`, `cannot append to ${target}: ${en}; the file was left as it was`),
      msg('换一个 .csv 文件名 (新文件会自动创建), 或把该文件另存为 UTF-8 CSV 商品表后再追加。', 'give another .csv name (a new file is created), or save that file as a UTF-8 CSV product list and append again.'),
    );
  // A zip's own signature (PK\x03\x04, or PK\x05\x06 for an empty one), not "PK" alone: a product
  // list whose title line starts with PK (PK赛商品清单) is text.
  if (existing[0] === 0x50 && existing[1] === 0x4b && ((existing[2] === 0x03 && existing[3] === 0x04) || (existing[2] === 0x05 && existing[3] === 0x06))) throw refuse('它是 xlsx 工作簿或压缩包, 不是 csv 文本', 'it is an xlsx workbook or a zip archive, not csv text');
  if ((existing[0] === 0xff && existing[1] === 0xfe) || (existing[0] === 0xfe && existing[1] === 0xff) || existing.subarray(0, 8192).includes(0)) {
    throw refuse('它是 UTF-16 文本或二进制文件', 'it is UTF-16 text or a binary file');
  }
  const utf8 = isUtf8Prefix(existing, true);
  const text = utf8 ? existing.toString('utf8') : iconv.decode(existing, 'gb18030');
  if (!utf8 && !iconv.encode(text, 'gb18030').equals(existing)) throw refuse('其中有既不是 UTF-8 也不是 GBK 的字节', 'it holds bytes that are neither UTF-8 nor GBK');
  // The header is the first line naming the required columns (title lines above it are skipped,
  // as the file reader skips them).
  let headers: string[] = [];
  let map: ReturnType<typeof mapHeader> | undefined;
  const required = PRODUCT_FIELDS.filter((f) => f.required).map((f) => f.key);
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 20)) {
    if (line.trim() === '') continue;
    let cells: string[];
    try {
      cells = (parse(line, { relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? [];
    } catch {
      continue;
    }
    const m = mapHeader(cells, PRODUCT_FIELDS);
    if (required.every((k) => m.index.has(k))) {
      headers = cells;
      map = m;
      break;
    }
  }
  if (!map) {
    const names = required.map((k) => fieldHeader(k, ctx.lang)).join(', ');
    throw refuse(`它不是甄检商品表 (前 20 行里没有含 ${names} 的表头)`, `it is not a 甄检 product list (no header naming ${names} in its first 20 lines)`);
  }
  const byIndex = new Map<number, FieldKey>();
  for (const [k, i] of map.index) byIndex.set(i, k as FieldKey);
  const renewAt = map.index.get('autoRenew');
  chineseFile = renewAt !== undefined && /[\u4e00-\u9fa5]/.test(headers[renewAt] ?? '');
  const lost = PRODUCT_FIELDS.filter((f) => !map.index.has(f.key) && !defaulted.has(f.key) && (answers[f.key] ?? '') !== '').map((f) => f.key);
  if (lost.length) {
    ctx.warn(msg(`${target} 没有这些列, 其值未保存: ${lost.join(', ')}`, `${target} has no column for ${lost.join(', ')}; those answers were not saved`));
  }
  const row = headers.map((_, i) => {
    const k = byIndex.get(i);
    return k ? quote(value(k)) : '';
  });
  // The file's own line end: CRLF, LF, or a bare CR (an old Mac file, desk40: it got an LF, and a
  // CR-only file with no final line end had its last row and the new one joined by it).
  const eol = text.includes('\r\n') ? '\r\n' : text.includes('\n') ? '\n' : text.includes('\r') ? '\r' : '\n';
  const out = (text.endsWith('\n') || text.endsWith('\r') || text === '' ? text : text + eol) + row.join(',') + eol;
  const sink = fileSink(target, utf8 ? 'utf8' : 'gbk');
  await sink.write(utf8 ? out : out.replace(/^\uFEFF/, ''));
  await sink.end();
  return target;
}
