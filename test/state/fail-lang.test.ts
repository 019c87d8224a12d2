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

  it('SQLite answers keep their words, a full disk is said in zh too', () => {
    const full = stateFailure(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), '/x/state.db', 5000) as StateError;
    expect(full.text.zh).toBe('无法打开或写入状态数据库 /x/state.db: 磁盘已满 (或超出配额) (database or disk is full)');
    expect(full.text.en).toBe('cannot open or write the state database /x/state.db: database or disk is full');
  });
});
