// -o naming a file another user made (the cron job's user wrote last night's list, 0644), run by the
// operator's own user. It was refused as "the file is read-only (write-protected) … remove the
// protection first (chmod u+w)": the file has a write bit, only not for this user, who cannot chmod
// another user's file. Now it says whose file it is and what to do (exit 5 as before, left as it was).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, tmpDir } from '../helpers.js';

const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)('an -o file that belongs to another user', () => {
  it('says whose it is, not "write-protected … chmod u+w" (exit 5, the file as it was)', () => {
    const dir = tmpDir();
    fs.chmodSync(dir, 0o777);
    const out = path.join(dir, 'orders.csv');
    fs.writeFileSync(out, 'last night\n', { mode: 0o644 });
    fs.chownSync(out, 65534, 65534); // nobody's
    const r = spawnSync(process.execPath, [BIN, 'orders', 'normalize', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '-q', '-o', out], {
      cwd: ROOT,
      uid: 65533,
      gid: 65533,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, TZ: 'UTC', LANG: 'C' },
      encoding: 'utf8',
    });
    expect(r.stderr).toContain(`cannot write output file ${out}: it belongs to another user (uid 65534, mode 644) and this user (uid 65533) may not write it`);
    expect(r.stderr).not.toContain('chmod u+w');
    expect(r.status).toBe(5);
    expect(fs.readFileSync(out, 'utf8')).toBe('last night\n');
  });
});
