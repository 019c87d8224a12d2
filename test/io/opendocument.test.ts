// A spreadsheet saved by LibreOffice in its own format (.ods) is a zip, as an xlsx is. It was read as
// an xlsx and refused as "a zip archive but not an xlsx workbook (it holds no worksheet) … unzip it
// and pass the csv or xlsx inside", which no .ods holds. Now it is named for what it is, with the
// way out (Save As xlsx or csv), for every reader: orders, roster, zhenjian.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

/** A zip of stored entries, as OpenDocument writes its first one (`mimetype`, uncompressed). */
function storedZip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'latin1');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const ODS = storedZip([
  ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
  ['content.xml', '<?xml version="1.0" encoding="UTF-8"?><office:document-content/>'],
]);

describe('an OpenDocument spreadsheet (.ods)', () => {
  const f = path.join(tmpDir('ods-'), 'roster.ods');
  fs.writeFileSync(f, ODS);

  it.each([
    ['roster', 'check', f],
    ['orders', 'inspect', f],
    ['zhenjian', 'estimate', f],
  ])('%s %s: exit 3, named as an .ods with Save As as the way out', (...args) => {
    const r = runCli([...args, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f} is an OpenDocument spreadsheet (.ods, the format LibreOffice saves in by default); storeops reads csv and xlsx only`);
    expect(r.stderr).toContain('hint: open it in LibreOffice or WPS, use Save As with "Excel 2007-365 (.xlsx)" or CSV, and pass the saved file.');
    expect(r.stderr).not.toContain('unzip');
  });

  it('zh', () => {
    const r = runCli(['roster', 'check', f, '--lang', 'zh']);
    expect(r.stderr).toContain('是 OpenDocument 电子表格 (.ods, LibreOffice 默认的保存格式); storeops 只读 csv 和 xlsx');
  });

  it('a zip that is not OpenDocument keeps its message', () => {
    const g = path.join(tmpDir('ods-'), 'other.xlsx');
    fs.writeFileSync(g, storedZip([['readme.txt', 'hello']]));
    const r = runCli(['roster', 'check', g, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('is a zip archive but not an xlsx workbook');
  });
});
