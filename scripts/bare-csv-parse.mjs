#!/usr/bin/env node
// The benchmark's baseline: csv-parse alone over a file (decoding GBK with the runtime's
// TextDecoder('gb18030'), as storeops does (src/io/gb18030.ts), when the
// file is not UTF-8, with the parsing options storeops uses), counting records and doing nothing else.
//   node scripts/bare-csv-parse.mjs FILE [gbk|utf8]
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';

const [file, enc = 'gbk'] = process.argv.slice(2);
let records = 0;
// info: true as storeops uses it: the line numbers every rejected row and error message must name
// are csv-parse's own work, not storeops' overhead.
const parser = parse({ relax_quotes: true, relax_column_count: true, skip_empty_lines: true, bom: true, info: true });
parser.on('data', () => {
  records++;
});
const source = fs.createReadStream(file, { highWaterMark: 1 << 20 });
async function* gbk(chunks) {
  const dec = new TextDecoder('gb18030');
  for await (const c of chunks) yield dec.decode(c, { stream: true });
  const tail = dec.decode();
  if (tail) yield tail;
}
await (enc === 'gbk' ? pipeline(source, gbk, parser) : pipeline(source, parser));
process.stdout.write(`${records}\n`);
