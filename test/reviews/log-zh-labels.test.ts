// zh output shows every code by its zh label (README "Language"). `reviews log` ending a review's
// contacts said `已记录。订单 … 不再联系 (resolved)。`, and `reviews message` for a closed item
// `不再联系买家 (resolved, none)`: the ledger's and the queue's English codes inside zh sentences.
// The labels are the ones the queue's 状态 / 下一步 columns show (src/state/codes.ts REVIEW_STATUS_ZH,
// src/reviews/codes.ts ACTION_ZH); attempts used up (policy.ts blocked `max_attempts`) has its own.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const REVIEWS = path.join(EXAMPLES, 'reviews.csv');
// examples/reviews.csv: 2987650012233445501, 阿花tb, 中评 2026-11-20 09:12:00 (the buyer's other
// review, 2987650012233445502, is 好评 and needs no follow-up).
const ID = '2987650012233445501';

function log(state: string, status: string, at: string, lang: string) {
  return runCli(['reviews', 'log', ID, '--status', status, '--reviews', REVIEWS, '--as-of', at, '--state', state, '--lang', lang]);
}

describe('reviews log: why no further contact, in zh', () => {
  it('resolved: 已解决, not (resolved); en keeps the code', () => {
    const st = path.join(tmpDir(), 'state.db');
    const r = log(st, 'resolved', '2026-11-21 10:00:00', 'zh');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`已记录。订单 ${ID} 不再联系 (已解决)。`);
    expect(r.stderr).not.toMatch(/[a-z]_?[a-z]*\)。/);
    const st2 = path.join(tmpDir(), 'state.db');
    const e = log(st2, 'resolved', '2026-11-21 10:00:00', 'en');
    expect(e.stderr).toContain(`recorded. Order ${ID}: no further contact (resolved).`);
  });

  it('complaint_filed → 已投诉, do_not_contact → 勿再联系', () => {
    const st = path.join(tmpDir(), 'state.db');
    expect(log(st, 'complaint_filed', '2026-11-21 10:00:00', 'zh').stderr).toContain(`不再联系 (已投诉)。`);
    const st2 = path.join(tmpDir(), 'state.db');
    expect(log(st2, 'do_not_contact', '2026-11-21 10:00:00', 'zh').stderr).toContain(`不再联系 (勿再联系)。`);
  });

  it('the third contact uses up maxAttempts (3): 联系次数已用完, not (max_attempts)', () => {
    // 09:00, 13:00, 17:00 on 2026-11-21: each 4 h after the last (minGapHours 4), none in 22:00–08:00.
    const st = path.join(tmpDir(), 'state.db');
    expect(log(st, 'contacted', '2026-11-21 09:00:00', 'zh').stderr).toContain('已联系 1/3 次');
    expect(log(st, 'contacted', '2026-11-21 13:00:00', 'zh').stderr).toContain('已联系 2/3 次');
    const r = log(st, 'contacted', '2026-11-21 17:00:00', 'zh');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`已记录。订单 ${ID} 不再联系 (联系次数已用完)。`);
  });
});

describe('reviews message for an item no longer contacted, in zh', () => {
  it('resolved: (已解决, 无需处理), explainBy 2026-11-20 09:12 + 30 days = 2026-12-20 09:12:00', () => {
    const st = path.join(tmpDir(), 'state.db');
    expect(log(st, 'resolved', '2026-11-21 10:00:00', 'zh').code).toBe(0);
    const r = runCli(['reviews', 'message', ID, '--reviews', REVIEWS, '--as-of', '2026-11-21 10:30:00', '--state', st, '--lang', 'zh']);
    expect(r.stderr).toContain(`订单 ${ID}: 不再联系买家 (已解决, 无需处理); 这是公开解释的文字, 请在 北京时间 2026-12-20 09:12:00 前发布`);
    const e = runCli(['reviews', 'message', ID, '--reviews', REVIEWS, '--as-of', '2026-11-21 10:30:00', '--state', st, '--lang', 'en']);
    expect(e.stderr).toContain(`order ${ID}: no further contact with the buyer (resolved, none)`);
  });
});
