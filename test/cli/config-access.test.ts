// A config file storeops looks for by itself (./storeops.config.json, $XDG_CONFIG_HOME or
// $HOME/.config) behind a folder this user cannot enter: `sudo -u shop storeops …` keeping
// HOME=/root, or a cron job whose HOME is another user's. Such a file can never be this user's
// config, yet every command failed with exit 2 and a hint about --config, which was not given.
// Root can enter every folder, so the refusal the system gives is simulated.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { UsageError } from '../../src/errors.js';
import { tmpDir } from '../helpers.js';

const eacces = (p: string) => Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });

afterEach(() => vi.restoreAllMocks());

describe('config candidates the user cannot reach', () => {
  it('an implicit candidate behind a folder this user cannot enter is skipped with a warning, not exit 2', () => {
    const cwd = tmpDir();
    const home = '/root-like-home';
    const hidden = path.join(home, '.config', 'storeops', 'config.json');
    const open = fs.openSync;
    const stat = fs.statSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
      if (String(p) === hidden) throw eacces(hidden);
      return (open as (...a: unknown[]) => number)(p, ...rest);
    }) as typeof fs.openSync);
    vi.spyOn(fs, 'statSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
      if (String(p) === hidden) throw eacces(hidden);
      return (stat as (...a: unknown[]) => unknown)(p, ...rest);
    }) as typeof fs.statSync);
    const loaded = loadConfig(undefined, { HOME: home }, cwd);
    expect(loaded.config).toEqual({});
    expect(loaded.path).toBeUndefined();
    expect(loaded.notes).toHaveLength(1);
    expect(loaded.notes![0]!.en).toContain(hidden);
    expect(loaded.notes![0]!.en).toMatch(/HOME/);
    expect(loaded.notes![0]!.zh).toContain(hidden);
  });

  it('an implicit candidate that exists but cannot be read still fails (it may hold rules), with a hint that fits', () => {
    const cwd = tmpDir();
    const file = path.join(cwd, 'storeops.config.json');
    fs.writeFileSync(file, '{}');
    const open = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
      if (String(p) === file) throw eacces(file);
      return (open as (...a: unknown[]) => number)(p, ...rest);
    }) as typeof fs.openSync);
    let err: unknown;
    try {
      loadConfig(undefined, { HOME: tmpDir() }, cwd);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).hint!.en).toMatch(/chmod 600/);
    expect((err as UsageError).hint!.en).not.toMatch(/given by --config/);
  });
});
