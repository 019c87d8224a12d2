// roster plan --agents naming no agent said only "the agent list is empty": neither the file nor
// what to write in it, and exit 3 also for names typed as ",," (a bad value: exit 2, SPEC).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

describe('roster plan --agents with no agent in it', () => {
  it('a file with the 客服 header and no names: exit 3, the file named, what to write (en)', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'agents.csv');
    fs.writeFileSync(f, '客服,备注\n');
    const r = runCli(['roster', 'plan', '--month', '2026-11', '--agents', f, '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `storeops: error: the agent file ${f} names no agent\n` +
        '  hint: put one agent name a line under the 客服 (or agent) column, or give the names: --agents Ann,Bo,Cy,Di\n',
    );
  });

  it('--agents ",," (zh): exit 2, a bad value', () => {
    const r = runCli(['roster', 'plan', '--month', '2026-11', '--agents', ',,', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('storeops: 错误: --agents ",," 里没有客服名字\n  提示: 在 客服 (或 agent) 列下每行写一个客服名字, 或直接写名字: --agents 小王,小李,小张,小赵\n');
  });
});
