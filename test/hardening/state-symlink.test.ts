// The state database through a symbolic link (guard44). A shop keeps its ledger on a disk or a
// network share and links to it: state.db -> /mnt/nas/storeops/state.db. While the share is not
// mounted (or after the file was moved) the link leads nowhere, and storeops took it for "no
// database yet":
// - compensate --record: read the whole export, then SQLite's "unable to open database file" with a
//   hint about permissions and free space (exit 4): the file exists as a link, so the new database
//   made beside it could not be put in place;
// - a folder link on the way leading nowhere (--state nas/state.db, nas -> the share): exit 70,
//   "internal error: EEXIST: file already exists, mkdir";
// - runs that only read took it as empty: compensate without --record listed the 50.00 voucher the
//   ledger holds as to issue, with no warning (paid twice if issued from it); ledger list said
//   "nothing recorded yet"; reviews queue queued buyers as never contacted.
// Now every run refuses it as unreachable (exit 4, en and zh, before reading the export; the
// link and the folder it leads to left as they were), and compensate without --record warns that
// what it lists was not checked, as it does for any ledger it cannot read. A link that leads to the
// database works as the database itself does.
//
// By hand (README worked example, tmall-2026, as of 2026-11-20 12:00): one final voucher to issue,
// …903's 2000.00 × 5 % = 100.00 capped at 50.00 (v0c7d9f4ff93c7daa0ab3): recorded `new` once,
// then `already_recorded` by a second --record run through the link.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const REVIEWS = path.join(EXAMPLES, 'reviews.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];
const record = (state: string, out: string, lang = 'en') => runCli(['compensate', ORDERS, ...AS_OF, '--record', '--state', state, '-q', '--no-input', '-o', out, '--lang', lang]);

const hintEn = (link: string) =>
  `  hint: mount the disk or share and run again, or point the link at the real database (ln -sfn REAL-PATH ${link}), or give its real path with --state; to start a new database on purpose, remove the link.\n`;
const refusedEn = (state: string, what: string) =>
  `storeops: error: cannot open the state database ${state}: ${what}; storeops does not start a new database there (a new one would not know the vouchers and contacts recorded before and would list them as new again), so nothing was read or recorded\n`;

describe('the state database through a symbolic link', () => {
  it('a link to the database is the database: the second --record run through it counts …903 already recorded', () => {
    const dir = tmpDir();
    const real = path.join(dir, 'real.db');
    const link = path.join(dir, 'state.db');
    fs.symlinkSync('real.db', link);
    const first = record(real, path.join(dir, 'first.csv'));
    expect(first.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'first.csv'), 'utf8')).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,50\.00,no,late,final,.*,new,/);
    const second = record(link, path.join(dir, 'second.csv'));
    expect(second.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'second.csv'), 'utf8')).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,50\.00,no,late,final,.*,already_recorded,/);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a link that leads nowhere (the share not mounted) is refused by --record, exit 4, before the export is read; nothing is made', () => {
    const dir = tmpDir();
    const link = path.join(dir, 'state.db');
    fs.symlinkSync('missing.db', link);
    const out = path.join(dir, 'out.csv');
    const r = record(link, out);
    // Before: exit 4 "cannot open or write the state database …: unable to open database file",
    // hint "check permissions and free space", after the export's warnings.
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      refusedEn(link, 'it is a symbolic link to missing.db, where there is nothing (a disk or network share not mounted? the file moved or renamed?)') + hintEn(link),
    );
    expect(fs.readlinkSync(link)).toBe('missing.db');
    expect(fs.existsSync(path.join(dir, 'missing.db'))).toBe(false);
    expect(fs.existsSync(out)).toBe(false);
    const zh = record(link, out, 'zh');
    expect(zh.code).toBe(4);
    expect(zh.stderr).toBe(
      `storeops: 错误: 无法打开状态数据库 ${link}: 它是指向 missing.db 的符号链接, 而那里什么也没有 (磁盘或网络共享没有挂载? 文件被移动或改名?); storeops 不在那里新建数据库 (新数据库不知道以前记录的红包和联系记录, 会把它们重新列为新的), 未读取也未记录任何内容\n` +
        `  提示: 挂载那个磁盘或共享后再运行, 或让链接指向真正的数据库 (ln -sfn 真实路径 ${link}), 或用 --state 直接给出它的真实路径; 确实要从新数据库开始时, 删除这个链接。\n`,
    );
  });

  it('a folder link on the way that leads nowhere: exit 4 naming the link, not exit 70 (internal error: EEXIST mkdir)', () => {
    const dir = tmpDir();
    const nas = path.join(dir, 'nas');
    fs.symlinkSync(path.join(dir, 'share-not-mounted'), nas);
    const state = path.join(nas, 'storeops', 'state.db');
    const r = record(state, path.join(dir, 'out.csv'));
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      refusedEn(state, `${nas} on its way is a symbolic link to ${path.join(dir, 'share-not-mounted')}, where there is nothing (a disk or network share not mounted? the file moved or renamed?)`) + hintEn(nas),
    );
    expect(fs.existsSync(path.join(dir, 'share-not-mounted'))).toBe(false);
  });

  it('a link that goes round in a loop: exit 4, said as a loop', () => {
    const dir = tmpDir();
    const a = path.join(dir, 'a.db');
    fs.symlinkSync('b.db', a);
    fs.symlinkSync('a.db', path.join(dir, 'b.db'));
    const r = record(a, path.join(dir, 'out.csv'));
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      refusedEn(a, 'it is a symbolic link that goes round in a loop (it leads to itself)') +
        `  hint: point the link at the real database (ln -sfn REAL-PATH ${a}), or give its real path with --state; to start a new database on purpose, remove the link.\n`,
    );
  });

  it('runs that only read do not take it for an empty ledger: compensate warns that …903\'s 50.00 is unchecked, ledger list and reviews queue stop (exit 4)', () => {
    const dir = tmpDir();
    const real = path.join(dir, 'real.db');
    expect(record(real, path.join(dir, 'first.csv')).code).toBe(0);
    // The share goes away: the link stays, what it leads to is gone.
    const link = path.join(dir, 'state.db');
    fs.symlinkSync(path.join(dir, 'share', 'state.db'), link);
    const check = runCli(['compensate', ORDERS, ...AS_OF, '--state', link, '-q', '-f', 'csv', '--lang', 'en']);
    // Before: exit 0 and no warning at all; …903's 50.00 listed to issue.
    expect(check.code).toBe(0);
    expect(check.stderr).toContain(
      `storeops: warning: this run has no --record, and the state database ${link} cannot be read (it is a symbolic link to ${path.join(dir, 'share', 'state.db')}, where there is nothing (a disk or network share not mounted? the file moved or renamed?)): the 1 row it lists to issue (50.00 of issueNow) could not be checked`,
    );
    // Before: exit 0, "nothing recorded yet: no state database at …".
    const list = runCli(['ledger', 'list', '--state', link, '--lang', 'en']);
    expect(list.code).toBe(4);
    expect(list.stderr).toContain(`storeops: error: cannot open the state database ${link}: it is a symbolic link to ${path.join(dir, 'share', 'state.db')}, where there is nothing`);
    // Before: exit 0, every flagged review queued as if no buyer had been contacted.
    const queue = runCli(['reviews', 'queue', REVIEWS, '--orders', ORDERS, ...AS_OF, '--state', link, '-q', '--lang', 'en']);
    expect(queue.code).toBe(4);
    expect(queue.stdout).toBe('');
    // Before: exit 4 with "unable to open database file" and the permissions hint.
    const log = runCli(['reviews', 'log', '3515313147329357901', '--status', 'contacted', '--state', link, '--lang', 'en']);
    expect(log.code).toBe(4);
    expect(log.stderr).toContain('is a symbolic link to');
    expect(fs.existsSync(path.join(dir, 'share'))).toBe(false);
  });
});
