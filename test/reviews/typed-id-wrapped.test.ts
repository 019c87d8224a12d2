// An order id copied from the seller centre's csv opened as text is `="3515313147329357901"`
// (docs/formats.md "Cleaning cells": the form every reader undoes); pasted unquoted into a shell it
// arrives as `=3515313147329357901` (the shell removes the quotes). `reviews log`, `reviews message`
// and `ledger list --order` refused both, exit 2: `"="3515…"" is not an order id`. All 19 digits are
// there, so it is that id (nothing guessed), as a full-width id is. Text that is not an id stays refused.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const REVIEWS = path.join(EXAMPLES, 'reviews.csv');
const st = () => ['--state', path.join(tmpDir(), 'state.db')];

describe('reviews log with the seller centre\'s ="…" id', () => {
  // examples/reviews.csv: 2987650012233445501 中评 2026-11-20 09:12:00; first contact at 10:00 the next day:
  // attempts 1, next contact 4 h later (minGapHours 4) = 2026-11-21 14:00:00.
  for (const typed of ['="2987650012233445501"', '=2987650012233445501', "'2987650012233445501"]) {
    it(`${typed}: recorded under 2987650012233445501`, () => {
      const r = runCli(['reviews', 'log', typed, '--status', 'contacted', '--reviews', REVIEWS, '--as-of', '2026-11-21 10:00:00', ...st(), '--lang', 'en', '-f', 'csv']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('orderId,at,status,channel,attempts,nextContactAt,note\n2987650012233445501,2026-11-21 10:00:00,contacted,,1,2026-11-21 14:00:00,\n');
    });
  }

  it('="123": still not an order id, shown without the wrapping (exit 2)', () => {
    const r = runCli(['reviews', 'log', '="123"', '--status', 'contacted', ...st(), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('storeops: error: "123" is not an order id (expected 10–20 digits, or PDD\'s yymmdd-digits)');
  });

  it('=abc: not an order id (exit 2)', () => {
    const r = runCli(['reviews', 'log', '=abc', '--status', 'contacted', ...st(), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"=abc" is not an order id');
  });
});

describe('reviews message and ledger list --order', () => {
  it('reviews message ="3515313147329357901": the message for that order', () => {
    const r = runCli(['reviews', 'message', '="3515313147329357901"', '--reviews', REVIEWS, '--as-of', '2026-11-21 10:00:00']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('订单 3515313147329357901 的「加厚羊毛围巾 灰色」');
  });

  it('ledger list --order =3515313147329357901 on an empty state: "no voucher recorded for order 3515313147329357901", exit 0', () => {
    const r = runCli(['ledger', 'list', '--order', '=3515313147329357901', ...st(), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('3515313147329357901');
    expect(r.stderr).not.toContain('not an order id');
  });
});
