// The notify ledger (state migration 4): what each robot was told, per target.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openState } from '../../src/state/ledger.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/state/schema.js';
import { tmpDir } from '../helpers.js';

const T = Date.UTC(2026, 10, 19, 0, 0, 0);

describe('notified items', () => {
  it('remembers keys per target, once each, across opens', async () => {
    const file = path.join(tmpDir(), 'state.db');
    const db = await openState(file);
    expect(db.notifiedKeys('dingtalk:aaa', ['k1', 'k2'])).toEqual(new Set());
    db.recordNotified('dingtalk:aaa', ['k1', 'k1', 'k2'], T);
    db.recordNotified('dingtalk:aaa', ['k2'], T + 1000); // already there: kept once, first time stands
    db.close();
    const again = await openState(file);
    expect(again.notifiedKeys('dingtalk:aaa', ['k1', 'k2', 'k3'])).toEqual(new Set(['k1', 'k2']));
    expect(again.notifiedKeys('wecom:bbb', ['k1', 'k2'])).toEqual(new Set());
    again.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT target, item_key, sent_at FROM notified ORDER BY item_key').all()).toEqual([
      { target: 'dingtalk:aaa', item_key: 'k1', sent_at: T },
      { target: 'dingtalk:aaa', item_key: 'k2', sent_at: T },
    ]);
    raw.close();
  });

  it('is a step of its own after every earlier one (never an edit of an old step)', () => {
    expect(MIGRATIONS.map((m) => m.to)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const step = MIGRATIONS.find((m) => m.what.includes('--notify'));
    expect(step?.to).toBeGreaterThan(2);
    expect(step!.to).toBeLessThanOrEqual(SCHEMA_VERSION);
  });

  it('a database without the file yet, opened read-only, knows nothing and records nothing', async () => {
    const file = path.join(tmpDir(), 'missing.db');
    const db = await openState(file, { create: false });
    expect(db.notifiedKeys('x', ['k'])).toEqual(new Set());
    expect(() => db.recordNotified('x', ['k'], T)).toThrow();
  });
});
