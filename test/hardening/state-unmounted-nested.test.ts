// The ledger on a disk or share mounted inside a folder of an fstab line not mounted now (rev48,
// review of guard45's 2c613dfe): fstab names a USB backup disk at <dir>/mnt/usb (noauto: plugged in
// by hand, not now), and the shop's ledger share is mounted at <dir>/mnt/usb/ledger (a mount of its
// own, in mountinfo). The file lives on the nearest mount on its way up, the ledger share, which is
// there; the check went on up past it to <dir>/mnt/usb and refused every run (exit 4).
//
// By hand (README worked example, tmall-2026, as of 2026-11-20 12:00): one final voucher, …903's
// 2000.00 × 5 % = 100.00 capped at 50.00, recorded new, exit 0.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe('--state on a mount inside an fstab mount point not mounted now', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`is used: the nearest mount on the way up is the file's (TZ=${tz})`, () => {
      const dir = fs.realpathSync(tmpDir());
      const usb = path.join(dir, 'mnt', 'usb');
      const ledger = path.join(usb, 'ledger');
      fs.mkdirSync(ledger, { recursive: true });
      const fstab = path.join(dir, 'fstab');
      fs.writeFileSync(fstab, `UUID=0a1b / ext4 errors=remount-ro 0 1\nUUID=7e8f ${usb} ext4 noauto,user 0 0\n`);
      const mountinfo = path.join(dir, 'mountinfo');
      fs.writeFileSync(mountinfo, `22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n95 22 0:52 / ${ledger} rw,relatime shared:50 - nfs4 nas:/shop rw\n`);
      const env = { STOREOPS_FSTAB: fstab, STOREOPS_MOUNTINFO: mountinfo };
      const state = path.join(ledger, 'state.db');
      const out = path.join(dir, 'vouchers.json');
      const r = runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '-o', out], { env, tz });
      // Before: exit 4, "… mounts UUID=7e8f (ext4) at <dir>/mnt/usb, but nothing is mounted there now".
      expect(r.stderr).not.toContain('nothing is mounted there now');
      expect(r.code).toBe(0);
      const rows = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>[];
      expect(rows.filter((v) => v.recorded === 'new').map((v) => [v.orderIds, v.toIssue])).toEqual([[['3515313147329357903'], '50.00']]);
      const l = runCli(['ledger', 'list', '--state', state, '-q', '-f', 'json'], { env, tz });
      expect(l.code).toBe(0);
      expect((JSON.parse(l.stdout) as Record<string, unknown>[]).map((v) => v.amount)).toEqual(['50.00']);
    });
  }
});
