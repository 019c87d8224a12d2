// Making the folders a path needs, one level at a time.
//
// node 20's fs.mkdirSync(p, { recursive: true }) never returns under /proc (and other file systems
// that answer mkdir with ENOENT for a parent that exists): `storeops init --dir /proc/x` spun at full
// CPU, deaf to SIGTERM, until killed with -9 (text46). Here each missing folder is made on its own,
// from the top, so the system's answer for the first one that cannot be made is the error thrown.
import fs from 'node:fs';
import path from 'node:path';

/**
 * Makes `dir` and every missing folder above it (`mode` for each one made). Returns the folders made,
 * outermost first, so a caller can remove them again. A folder another process makes at the same
 * moment is taken as made (EEXIST on a directory); a file in the way is the system's EEXIST/ENOTDIR.
 * When one cannot be made, those this call made are removed again and the system's error is thrown.
 */
export function makeFolders(dir: string, mode?: number): string[] {
  const missing: string[] = [];
  let d = path.resolve(dir);
  while (!fs.existsSync(d)) {
    missing.push(d);
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  // `dir` itself a file (`init --dir notes.txt`): the system's EEXIST, as a recursive mkdir gave.
  if (missing.length === 0 && !isFolder(d)) fs.mkdirSync(d);
  const made: string[] = [];
  for (const m of missing.reverse()) {
    try {
      fs.mkdirSync(m, mode === undefined ? undefined : { mode });
      made.push(m);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && isFolder(m)) continue;
      for (const r of made.reverse()) {
        try {
          fs.rmdirSync(r);
        } catch {
          // someone put something in it meanwhile: left
        }
      }
      throw e;
    }
  }
  return made;
}

/** Whether `p` is a folder (false when it is missing or cannot be looked at). */
export function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The symbolic link that leaves `p` unreachable: `p` itself, or the nearest part of it there is, is
 * a link that leads nowhere (ENOENT) or round in a loop (ELOOP). Undefined when `p` is there, or
 * simply not there yet (no broken link on its way), or cannot be looked at (told by whoever opens it).
 */
export function brokenLinkOn(p: string): { link: string; to: string | undefined; loop: boolean } | undefined {
  for (let q = path.resolve(p); ; q = path.dirname(q)) {
    let st: fs.Stats | undefined;
    try {
      st = fs.lstatSync(q);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Not there: a folder on its way may be the broken link, met further up.
      if (code !== 'ENOENT' && code !== 'ELOOP') return undefined;
    }
    if (st) {
      if (!st.isSymbolicLink()) return undefined;
      try {
        fs.statSync(q);
        return undefined; // a link that leads somewhere
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ELOOP') return undefined;
        let to: string | undefined;
        try {
          to = fs.readlinkSync(q);
        } catch {
          /* said without it */
        }
        return { link: q, to, loop: code === 'ELOOP' };
      }
    }
    if (path.dirname(q) === q) return undefined;
  }
}
