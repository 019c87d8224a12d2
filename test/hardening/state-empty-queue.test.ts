// reviews queue over a state database cut short to nothing (0 bytes, or the 1 byte `echo > state.db`
// leaves). guard43 (23ed1697) made `ledger list` and `compensate` without --record say an empty file
// is a ledger cut short; `reviews queue`, which reads the contacts from the same file, still read it
// as "no contacts yet" without a word: a buyer who had asked not to be contacted (do_not_contact,
// RULES 2.2; 恶意骚扰, ruleId 11000254: 500 yuan and 4 points per upheld complaint) came back as a new
// item with a time to contact them. Now the queue says the file is empty and that the contacts it
// held (do_not_contact, attempts) are not known.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const REVIEWS = path.join(EXAMPLES, 'reviews.csv');
const ORDER = '3515313147329357901'; // 小明爱购物's 差评 (examples/reviews.csv)
const AS_OF = ['--as-of', '2026-11-21 10:00:00'];

describe('reviews queue over an empty state database', () => {
  for (const [bytes, size] of [['', '0 bytes'], ['\n', '1 byte, which SQLite reads as an empty file']] as const) {
    it(`says so (${JSON.stringify(bytes)}), en and zh; the file left as it was`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const log = runCli(['reviews', 'log', ORDER, '--status', 'do_not_contact', '--state', state, '--as-of', '2026-11-20 10:00:00', '--lang', 'en']);
      expect(log.code).toBe(0);
      const stopped = runCli(['reviews', 'queue', REVIEWS, '--state', state, ...AS_OF, '-f', 'json', '--lang', 'en']);
      expect((JSON.parse(stopped.stdout) as { orderId: string; status: string }[]).find((i) => i.orderId === ORDER)?.status).toBe('do_not_contact');
      fs.writeFileSync(state, bytes);
      for (const f of ['-wal', '-shm']) fs.rmSync(state + f, { force: true });
      const r = runCli(['reviews', 'queue', REVIEWS, '--state', state, ...AS_OF, '-f', 'json', '--lang', 'en']);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(
        `storeops: warning: the state database ${state}: the file is empty (${size}): storeops never leaves its database empty, so if it held vouchers it was cut short: restore it from a backup; the contacts recorded in it (do_not_contact, attempts, last contact) are not known, so every buyer reads as never contacted: restore it before contacting anyone`,
      );
      const zh = runCli(['reviews', 'queue', REVIEWS, '--state', state, ...AS_OF, '-f', 'json', '--lang', 'zh']);
      expect(zh.stderr).toContain(`状态数据库 ${state} 文件是空的`);
      expect(zh.stderr).toContain('其中记录的联系 (勿再联系、联系次数、上次联系) 都不知道, 所有买家都显示为从未联系过: 恢复之前不要联系任何买家');
      expect(fs.readFileSync(state, 'utf8')).toBe(bytes);
    });
  }
});
