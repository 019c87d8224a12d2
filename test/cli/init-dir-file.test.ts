// `storeops init --dir X` where X is a file (a typo, or a notes file of that name): exit 5 (nothing
// written) as documented, but the zh message carried the system's English — `EEXIST: file already
// exists, mkdir '…'` — and the hint said to free disk space. Now the reason is said in the run's
// language and the hint says --dir takes a folder.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

describe('init --dir naming a file', () => {
  it('zh: no English system text, the hint names --dir; nothing written, the file untouched', () => {
    const d = tmpDir();
    const f = path.join(d, 'shop');
    fs.writeFileSync(f, 'notes\n');
    const r = runCli(['init', '--dir', f, '--lang', 'zh']);
    expect(r.code).toBe(5);
    expect(r.stderr).toBe(
      `storeops: 错误: 无法写入 ${path.join(f, 'storeops.config.json')}: 同名的文件已存在, 不能在那里建文件夹; 什么也没有写入\n` +
        '  提示: --dir 要给一个文件夹 (或不存在的路径): 路径上有同名的文件; 换一个 --dir 或移走那个文件, 然后再运行 storeops init。\n',
    );
    expect(fs.readFileSync(f, 'utf8')).toBe('notes\n');
    expect(fs.readdirSync(d)).toEqual(['shop']);
  });

  it('en', () => {
    const d = tmpDir();
    const f = path.join(d, 'shop');
    fs.writeFileSync(f, '');
    const r = runCli(['init', '--dir', f, '--lang', 'en']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('a file of that name is in the way: no folder can be made there; nothing was written');
    expect(r.stderr).toContain('hint: --dir takes a folder (or a path not there yet), and a file stands on that path');
    expect(r.stderr).not.toContain('EEXIST');
  });

  it('a file named storeops-templates in the folder: the same (the templates folder cannot be made)', () => {
    const d = tmpDir();
    fs.writeFileSync(path.join(d, 'storeops-templates'), '');
    const r = runCli(['init', '--dir', d, '--lang', 'en']);
    expect(r.code).toBe(5);
    expect(r.stderr).not.toMatch(/EEXIST|ENOTDIR/);
    expect(r.stderr).toContain('hint: --dir takes a folder');
    expect(fs.readdirSync(d)).toEqual(['storeops-templates']);
  });
});
