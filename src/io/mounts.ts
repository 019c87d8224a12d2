// Where the state database's disk or network share is mounted, and whether it is now (guard45).
// A ledger kept on a share (/etc/fstab: `//nas/shop /mnt/ledger cifs …`) that did not mount at boot
// (the NAS was off, `nofail`), or was unmounted, leaves /mnt/ledger a plain empty folder: with no
// link involved (brokenLinkOn), a --record run made a new, empty ledger there and listed every
// voucher recorded before as new to issue again; `ledger list` read it as empty.
import fs from 'node:fs';
import path from 'node:path';

export interface Unmounted {
  /** The folder /etc/fstab mounts something at, which has nothing mounted now. */
  mountPoint: string;
  /** What fstab mounts there (`//nas/shop`, `UUID=…`) and its type (`cifs`, `nfs`, `ext4` …). */
  source: string;
  type: string;
  /** The fstab file read (`/etc/fstab`; STOREOPS_FSTAB, a test hook). */
  fstab: string;
}

/** fstab and mountinfo write a space, tab, newline or backslash in a path as \040, \011, \012, \134. */
function unescape(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

function readLines(file: string): string[] | undefined {
  try {
    return fs.readFileSync(file, 'utf8').split('\n');
  } catch {
    return undefined;
  }
}

/** `p` with the links of the part of it that exists resolved (fstab names real folders). */
function realPathOf(p: string): string {
  const rest: string[] = [];
  for (let q = path.resolve(p); ; q = path.dirname(q)) {
    try {
      return path.join(fs.realpathSync(q), ...rest.reverse());
    } catch {
      if (path.dirname(q) === q) return path.resolve(p);
      rest.push(path.basename(q));
    }
  }
}

/** Network and FUSE file systems: a share that may be down when the machine boots. */
const NETWORK = new Set(['cifs', 'smb3', 'smbfs', 'nfs', 'nfs4', 'sshfs', 'davfs', 'glusterfs', 'ceph', 'fuse', '9p', 'virtiofs']);

/**
 * Whether an fstab line mounts something a running system may lack: a network share (cifs, nfs …,
 * any fuse.*), or a disk the line itself lets be absent (`noauto`, `nofail`: a USB disk). Any other
 * line (an ext4 /home) is mounted at boot or the machine does not come up; when it is not mounted
 * the fstab belongs to another system (a container or chroot built from a full image, whose /home is
 * a plain folder of the image): no refusal there (lead, 44th round: every run under /home was refused).
 */
function mayBeAbsent(type: string, options: string): boolean {
  if (NETWORK.has(type) || type.startsWith('fuse.')) return true;
  return options.split(',').some((o) => o === 'noauto' || o === 'nofail');
}

/**
 * The fstab mount point on the way to `p` (the file or a folder above it, `/` aside) that has
 * nothing mounted on it now, per /proc/self/mountinfo. Undefined when every such folder is mounted,
 * none is in fstab, or either file cannot be read (not Linux: nothing is said). A `swap` line, or
 * one whose mount point is not a path, is no folder; only lines that may be absent count (mayBeAbsent). A systemd automount shows as mounted (autofs).
 */
export function unmountedOn(p: string, env: NodeJS.ProcessEnv = process.env): Unmounted | undefined {
  const fstab = env.STOREOPS_FSTAB || '/etc/fstab';
  const tab = readLines(fstab);
  if (!tab) return undefined;
  const wanted = new Map<string, { source: string; type: string }>();
  for (const line of tab) {
    const f = line.trim().split(/\s+/);
    if (f.length < 3 || f[0]!.startsWith('#')) continue;
    const point = unescape(f[1]!);
    if (!point.startsWith('/') || f[2] === 'swap' || point === '/') continue;
    if (!mayBeAbsent(f[2]!, f[3] ?? '')) continue;
    wanted.set(path.resolve(point), { source: unescape(f[0]!), type: f[2]! });
  }
  if (wanted.size === 0) return undefined;
  const info = readLines(env.STOREOPS_MOUNTINFO || '/proc/self/mountinfo');
  if (!info) return undefined;
  const mounted = new Set<string>();
  for (const line of info) {
    const f = line.split(' ');
    if (f.length > 4) mounted.add(unescape(f[4]!));
  }
  const real = realPathOf(p);
  for (let q = real; path.dirname(q) !== q; q = path.dirname(q)) {
    // The file lives on the nearest mount on its way up: one mounted here (a share mounted inside an
    // fstab disk's folder not mounted now) is where it is, whatever fstab says of the folders above
    // (rev48: every run under it was refused, exit 4).
    if (mounted.has(q)) return undefined;
    const w = wanted.get(q);
    if (w && !mounted.has(q)) return { mountPoint: q, source: w.source, type: w.type, fstab };
  }
  return undefined;
}
