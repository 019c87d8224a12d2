// One state database shared by two logins (guard44): 王会计's two staff (user14's month) each run
// `compensate --record` as their own user. storeops makes a new database owner-only (0600, whatever
// the umask), so the second user was told "cannot open or write the state database …: permission
// denied" and "check permissions and free space for the file and its folder" (exit 4): nothing on
// whose the file is, nor how a group shares it. Now the message names the owner, group and mode (of
// the file, or of the folder SQLite makes the -wal and -shm files in) and says what the owner runs;
// done so, the second user's run records into the shared ledger.
//
// By hand (README worked example, tmall-2026, as of 2026-11-20 12:00): …903's 2000.00 × 5 % = 100.00
// capped at 50.00 (v0c7d9f4ff93c7daa0ab3), recorded `new` by the first user, `already_recorded`
// (toIssue 0.00) in the second user's run once the group may write the database and its folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, tmpDir } from '../helpers.js';

const isRoot = process.getuid?.() === 0;
const GROUP = 65530;
const A = 65531;
const B = 65532;

describe.skipIf(!isRoot)('a state database two users of one group record into', () => {
  it("the second user is told whose it is and how to share it (exit 4, en and zh); shared so, its run records into it", () => {
    const dir = tmpDir();
    fs.chmodSync(dir, 0o755);
    const shop = path.join(dir, 'shop');
    fs.mkdirSync(shop, { mode: 0o755 });
    fs.chownSync(shop, A, GROUP);
    const csv = path.join(dir, 'export.csv');
    fs.copyFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'), csv);
    fs.chmodSync(csv, 0o644);
    const outs = path.join(dir, 'out');
    fs.mkdirSync(outs, { mode: 0o777 });
    fs.chmodSync(outs, 0o777);
    const state = path.join(shop, 'state.db');
    const as = (uid: number, out: string, lang = 'en') =>
      spawnSync(process.execPath, [BIN, 'compensate', csv, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '-o', path.join(outs, out), '--lang', lang], {
        uid,
        gid: GROUP,
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: outs, TZ: 'UTC', LANG: 'C', NO_COLOR: '1' },
        encoding: 'utf8',
      });
    const first = as(A, 'a.csv');
    expect(first.status).toBe(0);
    expect(fs.readFileSync(path.join(outs, 'a.csv'), 'utf8')).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,50\.00,no,late,final,.*,new,/);
    expect(fs.statSync(state).mode & 0o777).toBe(0o600);

    // Before: "…: permission denied" and "check permissions and free space …".
    const second = as(B, 'b.csv');
    expect(second.status).toBe(4);
    expect(second.stderr).toBe(
      `storeops: error: cannot open or write the state database ${state}: permission denied: it belongs to another user (uid ${A}, gid ${GROUP}, mode 0600) and this user (uid ${B}) may not read and write it; nothing was recorded\n` +
        `  hint: run as the user who owns it (the cron job's, say); for several users of one group (gid ${GROUP}) to share this database, its owner runs chmod g+rw ${state} and chmod g+rwx ${shop} (storeops makes a new database readable by its owner only).\n`,
    );
    expect(fs.existsSync(path.join(outs, 'b.csv'))).toBe(false);
    const zh = as(B, 'b.csv', 'zh');
    expect(zh.stderr).toBe(
      `storeops: 错误: 无法打开或写入状态数据库 ${state}: 没有权限: 它属于另一个用户 (uid ${A}, 组 gid ${GROUP}, 权限 0600), 当前用户 (uid ${B}) 不能读写它; 未记录任何内容\n` +
        `  提示: 用拥有它的用户运行 (如定时任务的用户); 要让同一组 (gid ${GROUP}) 的几个用户共用这个数据库, 由其所有者运行 chmod g+rw ${state} 和 chmod g+rwx ${shop} (storeops 新建的数据库只有所有者能读写)。\n`,
    );

    // The file shared, its folder not yet: the folder is named (SQLite makes the -wal file there).
    fs.chmodSync(state, 0o660);
    const folder = as(B, 'b.csv');
    expect(folder.status).toBe(4);
    expect(folder.stderr).toContain(
      `storeops: error: cannot open or write the state database ${state}: permission denied: this user (uid ${B}) may not make files in its folder ${shop} (uid ${A}, gid ${GROUP}, mode 0755), where SQLite makes the database's -wal and -shm files while it writes; nothing was recorded\n`,
    );

    // What the hint says, done: the second user's run reads the first one's recording.
    fs.chmodSync(shop, 0o770);
    const shared = as(B, 'b.csv');
    expect(shared.status).toBe(0);
    expect(fs.readFileSync(path.join(outs, 'b.csv'), 'utf8')).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,50\.00,no,late,final,.*,already_recorded,.*,0\.00,/);
    expect(fs.statSync(state).uid).toBe(A);
  });
});
