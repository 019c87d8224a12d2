// Every statement the ledger prepares that looks a voucher up by its key (`voucher_key = ?`) must
// find it through the key's index, never by reading the whole vouchers table: such statements run
// once per voucher of a run, so a table scan makes a --record run's time grow with the square of
// the ledger (the second hourly run on a 100k-row export, ~8,900 vouchers recorded: 18.6 s, 3.8 s
// for the first, when the shop/window back-fill updates matched `voucher_key LIKE 'key+%'`, which
// SQLite cannot serve from the index; at 1M rows, ~200k vouchers, about an hour).
// The statements are read from src/state/ledger.ts itself, so a new one is checked too.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/state/schema.js';

const source = fs.readFileSync(new URL('../../src/state/ledger.ts', import.meta.url), 'utf8');

/** The SQL text of each `prepare('…')` in the ledger (quoted strings without `${…}`). */
function statements(): string[] {
  const out: string[] = [];
  const re = /prepare\(\s*(['"`])((?:(?!\1)[^\\]|\\.)*)\1/g;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) if (!m[2]!.includes('${')) out.push(m[2]!);
  return out;
}

describe('ledger statements', () => {
  it('a lookup by voucher key uses the key index (no scan of the vouchers table)', () => {
    const db = new Database(':memory:');
    for (const m of MIGRATIONS) m.up(db);
    const byKey = statements().filter((sql) => /\bvoucher_key\s*=\s*\?/.test(sql) && /\bvouchers\b/.test(sql));
    // The lookups the ledger has today: a regex change that found none would pass anything.
    expect(byKey.length).toBeGreaterThanOrEqual(10);
    const scans = byKey
      .map((sql) => ({ sql, plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array((sql.match(/\?/g) ?? []).length).fill(null)) as { detail: string }[]).map((r) => r.detail) }))
      .filter(({ plan }) => plan.some((d) => /^SCAN vouchers$/.test(d)));
    expect(scans).toEqual([]);
    db.close();
  });
});
