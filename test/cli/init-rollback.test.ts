// `storeops init --force` puts each file in place by a rename, the config first. A rename failing
// part-way (here: a folder where categories.json goes, as a mistaken `mkdir` leaves) left the config
// and the tables renamed before it replaced (a *.bak beside each), the rest as they were, and said
// only "cannot write …/categories.json". Now what was put in place is put back (the old file under
// its name again, no .bak, no temporary file): nothing changed, and the message says so (zh and en).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

/** Every file under `dir` (relative paths, sorted) with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('init --force: a rename failing part-way', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`everything put back as it was (${lang})`, () => {
      const dir = tmpDir();
      expect(runCli(['init', '--dir', dir, '-q']).code).toBe(0);
      // The operator's edits, which --force would replace (each kept as a .bak when it succeeds).
      const config = path.join(dir, 'storeops.config.json');
      fs.writeFileSync(config, '{ "tz": "Asia/Shanghai", "state": "/srv/shop/state.db" }\n');
      const keywords = path.join(dir, 'storeops-templates', 'reviews', 'keywords.json');
      fs.writeFileSync(keywords, '{"edited": true}\n');
      // A folder (holding a file) where a table goes: its rename fails.
      const cat = path.join(dir, 'storeops-templates', 'zhenjian', 'categories.json');
      fs.rmSync(cat);
      fs.mkdirSync(cat);
      fs.writeFileSync(path.join(cat, 'note.txt'), 'mine\n');
      const before = snapshot(dir);
      const r = runCli(['init', '--dir', dir, '--force', '--lang', lang]);
      expect(r.code).toBe(5);
      expect(r.stdout).toBe('');
      if (lang === 'en') {
        expect(r.stderr).toContain(`cannot write ${cat}: `);
        expect(r.stderr).toMatch(/; the \d+ files? already put in place (was|were) put back as (it was|they were), so nothing was changed/);
      } else {
        expect(r.stderr).toContain(`无法写入 ${cat}: `);
        expect(r.stderr).toMatch(/; 已经放好的 \d+ 个文件已还原, 没有任何改动/);
      }
      // Byte for byte as before: the edited config and keywords, the folder and its file; no .bak, no .tmp.
      expect(snapshot(dir)).toEqual(before);
      expect(fs.readFileSync(config, 'utf8')).toBe('{ "tz": "Asia/Shanghai", "state": "/srv/shop/state.db" }\n');
    });
  }
});
