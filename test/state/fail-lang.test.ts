// An exit-4 message for a state database that cannot be opened said the system's English
// ("EACCES: permission denied, mkdir '…'") inside a Chinese sentence: a cron job run as a user
// whose HOME is not theirs, or a read-only folder. The reason is now told in the run's language,
// with the folder or file the system refused.
import { describe, expect, it } from 'vitest';
import { StateError } from '../../src/errors.js';
import { stateFailure } from '../../src/state/fail.js';

const errno = (code: string, syscall: string, p: string) => Object.assign(new Error(`${code}: permission denied, ${syscall} '${p}'`), { code, syscall, path: p });

describe('state database failures in the run\'s language', () => {
  it('EACCES on mkdir: zh says 没有权限 and names the folder; en the same in English', () => {
    const e = stateFailure(errno('EACCES', 'mkdir', '/nonexistent/.local/share/storeops'), '/nonexistent/.local/share/storeops/state.db', 5000) as StateError;
    expect(e).toBeInstanceOf(StateError);
    expect(e.text.zh).toBe('无法打开或写入状态数据库 /nonexistent/.local/share/storeops/state.db: 没有权限 (创建文件夹 /nonexistent/.local/share/storeops)');
    expect(e.text.en).toBe('cannot open or write the state database /nonexistent/.local/share/storeops/state.db: permission denied (mkdir /nonexistent/.local/share/storeops)');
    expect(e.text.zh).not.toMatch(/EACCES|permission denied/);
  });

  // better-sqlite3 not built (npm 11 installs a global package without running install scripts
  // unless --allow-scripts) or built for another Node.js: exit 70 "a bug in storeops" before.
  it('the SQLite module not built, or built for another Node.js: exit 4 saying so and how to rebuild, not an internal error', () => {
    const missing = Object.assign(new Error('Could not locate the bindings file. Tried:\n → /usr/lib/node_modules/storeops/node_modules/better-sqlite3/build/better_sqlite3.node'), {});
    const otherNode = Object.assign(new Error('The module \'/x/better_sqlite3.node\' was compiled against a different Node.js version using NODE_MODULE_VERSION 108.'), { code: 'ERR_DLOPEN_FAILED' });
    for (const cause of [missing, otherNode]) {
      const e = stateFailure(cause, '/x/state.db', 5000) as StateError;
      expect(e).toBeInstanceOf(StateError);
      expect(e.exitCode).toBe(4);
      expect(e.text.en).toBe(`cannot open the state database /x/state.db: the SQLite module storeops reads and writes it with (better-sqlite3) is not built for this Node.js ${process.version} (npm did not run its build when storeops was installed, or Node.js was upgraded since); the database itself is fine`);
      expect(e.text.zh).toBe(`无法打开状态数据库 /x/state.db: storeops 用来读写它的 SQLite 模块 (better-sqlite3) 没有为当前的 Node.js ${process.version} 编译 (安装时 npm 没有运行它的编译脚本, 或之后升级了 Node.js); 数据库本身没有问题`);
      expect(e.hint!.en).toBe('install again allowing the build: npm install -g --allow-scripts=storeops,better-sqlite3 <the storeops package>; or run npm rebuild better-sqlite3 in the folder storeops is installed in ($(npm root -g)/storeops).');
      expect(e.hint!.zh).toBe('重新安装并允许编译: npm install -g --allow-scripts=storeops,better-sqlite3 <storeops 的安装包>; 或在 storeops 的安装目录 ($(npm root -g)/storeops) 里运行 npm rebuild better-sqlite3。');
    }
    // any other error still passes through (an internal error stays one)
    const other = new TypeError('x is not a function');
    expect(stateFailure(other, '/x/state.db', 5000)).toBe(other);
  });

  // SQLite's English words stayed in the zh message until text47 ("(database or disk is full)"); zh
  // now gives its code instead (test/cli/zh-no-english-sentence.test.ts has the other SQLite codes).
  it('SQLite answers keep their words in English; zh says a full disk in Chinese with the code', () => {
    const full = stateFailure(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), '/x/state.db', 5000) as StateError;
    expect(full.text.zh).toBe('无法打开或写入状态数据库 /x/state.db: 磁盘已满 (或超出配额) (SQLITE_FULL)');
    expect(full.text.en).toBe('cannot open or write the state database /x/state.db: database or disk is full');
  });
});
