// A config file as editors and hands leave it: a UTF-8 BOM (Windows Notepad), CRLF line ends, tabs
// for indents — read as any other; and a key given twice in one object (a section pasted twice, a
// key repeated lower down). JSON.parse keeps the later one without a word, so a "compensate" section
// choosing tmall-2023 followed by another choosing tmall-2026 ran tmall-2026 and said nothing. Now a
// warning names the key and both lines (also under -q; the run and its exit code unchanged).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EXPORT = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

/** The row of the README example's final voucher (…903: 2000.00 paid, 23 h late). */
const row903 = (out: string) => out.split('\n').find((l) => l.includes(',3515313147329357903,'));

describe('config file text', () => {
  it('a BOM, CRLF and tabs: read (tmall-2023 chosen there: …903 gets 30 % = 600.00, capped at 500.00)', () => {
    const dir = tmpDir();
    const cfg = path.join(dir, 'storeops.config.json');
    fs.writeFileSync(cfg, '\uFEFF{\r\n\t"lang": "en",\r\n\t"compensate": {\r\n\t\t"rules": "tmall-2023"\r\n\t}\r\n}\r\n');
    const r = runCli(['compensate', EXPORT, ...AS_OF, '--config', cfg, '-q', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(row903(r.stdout)).toMatch(/^v\w+,小明爱购物,tmall-2023,.*,2000\.00,600\.00,500\.00,yes,late,final/);
  });

  it('a key given twice: warned with both lines, the later one used (tmall-2026: …903 5 % = 100.00, capped at 50.00)', () => {
    const dir = tmpDir();
    const cfg = path.join(dir, 'storeops.config.json');
    fs.writeFileSync(cfg, '{\n  "lang": "en",\n  "compensate": { "rules": "tmall-2023" },\n  "compensate": { "rules": "tmall-2026", "base": "paid", "base": "paid-minus-postage" }\n}\n');
    const r = runCli(['compensate', EXPORT, ...AS_OF, '--config', cfg, '-q', '-f', 'csv']);
    expect(r.stderr).toContain(`config file ${cfg}: "compensate" is given twice (lines 3 and 4): only the later one is used`);
    expect(r.stderr).toContain(`config file ${cfg}: "compensate.base" is given twice (both on line 4)`);
    expect(r.code).toBe(0);
    expect(row903(r.stdout)).toMatch(/^v\w+,小明爱购物,tmall-2026,.*,2000\.00,50\.00,50\.00,no,late,final/);
    // A config without repeats says nothing of the kind.
    fs.writeFileSync(cfg, '{ "lang": "en", "compensate": { "rules": "tmall-2026" }, "orders": { } }\n');
    expect(runCli(['compensate', EXPORT, ...AS_OF, '--config', cfg, '-q', '-f', 'csv']).stderr).not.toContain('given twice');
  });
});
