// Runs in every test file: the temporary folders its tests made are removed when it ends, and so
// are the files exceljs's streaming reader spooled a sheet to (`tmp` package, /tmp/tmp-<pid>-…): it
// removes them at process exit, which a test worker reused for the next file does not reach before
// it is killed (a run left 139 such files, sheets of test exports, in /tmp).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { removeTmpDirs } from './helpers.js';

afterAll(() => {
  removeTmpDirs();
  if (process.env.STOREOPS_KEEP_TMP === '1') return;
  const mine = `tmp-${process.pid}-`;
  for (const f of fs.readdirSync(os.tmpdir())) {
    if (f.startsWith(mine)) fs.rmSync(path.join(os.tmpdir(), f), { force: true, recursive: true });
  }
});
