// The ledger's share not mounted, no link involved (guard44 leftover, guard45): /etc/fstab mounts
// `//nas/shop` at /mnt/ledger, the NAS was off at boot (`nofail`), and /mnt/ledger is a plain empty
// folder. `--state /mnt/ledger/state.db` made a new, empty ledger there, listed …903's voucher as
// new to issue again (exit 0), and `ledger list` read it as empty. Now every run refuses (exit 4,
// nothing made there); compensate without --record lists with the unchecked warning (as for a link
// leading nowhere). fstab and /proc/self/mountinfo are read from STOREOPS_FSTAB and
// STOREOPS_MOUNTINFO (test hooks), so no real mount is needed.
//
// By hand (README worked example, tmall-2026, as of 2026-11-20 12:00): one final voucher, …903's
// 2000.00 × 5 % = 100.00 capped at 50.00 (v0c7d9f4ff93c7daa0ab3).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');

function setup(mounted: boolean) {
  const dir = fs.realpathSync(tmpDir());
  const point = path.join(dir, 'mnt', 'ledger');
  fs.mkdirSync(point, { recursive: true });
  const fstab = path.join(dir, 'fstab');
  fs.writeFileSync(fstab, `# <file system> <mount point> <type> <options> <dump> <pass>\nUUID=0a1b / ext4 errors=remount-ro 0 1\n//nas/shop ${point} cifs credentials=/root/.nas,nofail 0 0\nUUID=2c3d none swap sw 0 0\n`);
  const mountinfo = path.join(dir, 'mountinfo');
  fs.writeFileSync(
    mountinfo,
    `22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n` + (mounted ? `95 22 0:52 / ${point} rw,relatime shared:50 - cifs //nas/shop rw,vers=3.0\n` : ''),
  );
  return { dir, point, fstab, env: { STOREOPS_FSTAB: fstab, STOREOPS_MOUNTINFO: mountinfo } };
}

describe('--state under a folder fstab mounts a share at, with nothing mounted there', () => {
  it('compensate --record: refused, exit 4, nothing made in the empty folder (en, zh)', () => {
    const { dir, point, fstab, env } = setup(false);
    const state = path.join(point, 'state.db');
    const out = path.join(dir, 'vouchers.csv');
    const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '-o', out, '--lang', 'en'], { env });
    // Before: exit 0, state.db made in the empty folder, …903 recorded new (50.00 to issue again).
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(
      `storeops: error: cannot use the state database ${state}: ${fstab} mounts //nas/shop (cifs) at ${point}, but nothing is mounted there now (a network share or disk that did not mount at boot, or was unmounted): what is there is the plain folder under it; storeops does not start or read a database there (a new one would not know the vouchers and contacts recorded before and would list them as new again), so nothing was read or recorded\n` +
        `  hint: mount it and run again (mount ${point}; findmnt ${point} shows whether it is); if the ledger no longer lives there, remove or comment out that line of ${fstab}, or give its path now with --state.\n`,
    );
    expect(fs.readdirSync(point)).toEqual([]);
    expect(fs.existsSync(out)).toBe(false);
    const zh = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '-o', out, '--lang', 'zh'], { env });
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain(`storeops: 错误: 无法使用状态数据库 ${state}: ${fstab} 把 //nas/shop (cifs) 挂载在 ${point}, 但那里现在没有挂载任何东西`);
    expect(zh.stderr).toContain(`  提示: 挂载后再运行 (mount ${point};`);
  });

  it('a folder under the mount point, and a ledger an earlier unmounted run left in the plain folder: refused too', () => {
    const { point, env } = setup(false);
    const deeper = path.join(point, 'storeops', 'state.db');
    const r = runCli(['ledger', 'list', '--state', deeper, '-q'], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`but nothing is mounted there now`);
    expect(fs.existsSync(path.join(point, 'storeops'))).toBe(false);
    // A ledger made in the plain folder before (by a run of an older storeops): not the real one.
    const state = path.join(point, 'state.db');
    const made = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '-f', 'csv']);
    expect(made.code).toBe(0);
    const again = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '-f', 'csv'], { env });
    expect(again.code).toBe(4);
    const queue = runCli(['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), '--state', state, '-q'], { env });
    expect(queue.code).toBe(4);
  });

  it('compensate without --record: lists, warning that the ledger could not be checked', () => {
    const { point, env } = setup(false);
    const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--state', path.join(point, 'state.db'), '-q', '-f', 'csv', '--lang', 'en'], { env });
    expect(r.stdout).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,50\.00,no,late,final,/);
    expect(r.stderr).toContain(`cannot be read (${env.STOREOPS_FSTAB} mounts //nas/shop (cifs) at ${point}, but nothing is mounted there now`);
    expect(fs.readdirSync(point)).toEqual([]);
  });

  it('mounted: records as before (exit 0, …903 new at 50.00)', () => {
    const { dir, point, env } = setup(true);
    const out = path.join(dir, 'vouchers.csv');
    const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', path.join(point, 'state.db'), '-q', '-o', out], { env });
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,50\.00,no,late,final,.*,new,/);
  });
});

// Lead (44th round): which fstab lines count. A container or chroot built from a full system image keeps the
// image's fstab (`UUID=… /home ext4 defaults 0 2`) while its /home is a plain folder of the image, not mounted:
// every run with a state under /home was refused, exit 4, every hour. A line without `noauto`/`nofail` that is
// not a network share is mounted at boot or the machine does not come up, so its folder unmounted means the
// fstab is another system's: no refusal. A USB disk (`nofail`) or a share (nfs, cifs, sshfs as fuse.sshfs) is
// the ledger's disk not there: refused as above.
describe('which fstab lines may leave the ledger folder unmounted', () => {
  function at(line: (point: string) => string) {
    const dir = fs.realpathSync(tmpDir());
    const point = path.join(dir, 'home');
    fs.mkdirSync(point, { recursive: true });
    const fstab = path.join(dir, 'fstab');
    fs.writeFileSync(fstab, `UUID=0a1b / ext4 errors=remount-ro 0 1\n${line(point)}\n`);
    const mountinfo = path.join(dir, 'mountinfo');
    fs.writeFileSync(mountinfo, `22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n`);
    return { dir, state: path.join(point, 'shop', 'state.db'), env: { STOREOPS_FSTAB: fstab, STOREOPS_MOUNTINFO: mountinfo } };
  }
  const run = (state: string, env: Record<string, string>) => runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '-f', 'csv', '--lang', 'en'], { env });

  it('an ext4 /home of the image, not mounted (a container): records as usual, exit 0, …903 new at 50.00', () => {
    const { state, env } = at((p) => `UUID=2c3d ${p} ext4 defaults 0 2`);
    const r = run(state, env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,50\.00,no,late,final,.*,new,/);
    expect(fs.existsSync(state)).toBe(true);
  });

  for (const [what, line] of [
    ['a USB disk (nofail)', (p: string) => `UUID=4e5f ${p} ext4 defaults,nofail 0 2`],
    ['a disk mounted by hand (noauto)', (p: string) => `LABEL=ledger ${p} ext4 noauto,user 0 0`],
    ['an NFS share', (p: string) => `nas:/export/shop ${p} nfs defaults 0 0`],
    ['an sshfs share', (p: string) => `shop@nas:/ledger ${p} fuse.sshfs defaults,_netdev 0 0`],
  ] as const) {
    it(`${what}, not mounted: refused, exit 4, nothing made`, () => {
      const { state, env } = at(line);
      const r = run(state, env);
      expect(r.code).toBe(4);
      expect(r.stderr).toContain('but nothing is mounted there now');
      expect(fs.existsSync(path.dirname(state))).toBe(false);
    });
  }
});
