// `ledger alerts` lists held alerts for `--drop <id>` (docs/cli.md). At 80 columns (a tmux pane) the
// terminal table cut the id, `voucher:v0c7d…`, which --drop cannot take, though README "Output" says
// what one types next is never cut. The id and the shop (`--shop <shop>`) are now whole; the alert's
// text is still cut. Checked against the csv listing of the same database (every column whole).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/io/width.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe('ledger alerts terminal table at 80 columns', () => {
  it('the id and the shop are whole; --drop takes the id shown', () => {
    const dir = tmpDir();
    const st = path.join(dir, 'state.db');
    const cfg = path.join(dir, 'c.json');
    fs.writeFileSync(cfg, JSON.stringify({ notify: { attempts: 1 } }));
    // Nothing listens on port 9 of 127.0.0.1 (discard; closed here): the post fails, the voucher's alert is held.
    const rec = runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--as-of', '2026-11-20 12:00:00', '--record', '--state', st, '--config', cfg, '--notify', 'dingtalk:http://127.0.0.1:9/robot/send?access_token=x', '-o', path.join(dir, 'v.csv')]);
    expect(rec.code).toBe(0);
    const csv = runCli(['ledger', 'alerts', '--state', st, '-f', 'csv']);
    const rows = csv.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(0);
    for (const lang of ['en', 'zh']) {
      const t = runCli(['ledger', 'alerts', '--state', st, '-f', 'table', '--lang', lang], { env: { COLUMNS: '80' } });
      expect(t.code).toBe(0);
      for (const l of t.stdout.trimEnd().split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(80);
      for (const [id, , shop] of rows) {
        const line = t.stdout.split('\n').find((l) => l.startsWith(`${id!} `));
        expect(line, `${id} whole in the ${lang} table:\n${t.stdout}`).toBeDefined();
        expect(line).toMatch(new RegExp(` ${shop!}( |$)`));
      }
    }
    const id = rows[0]![0]!;
    const drop = runCli(['ledger', 'alerts', '--state', st, '--drop', id, '--lang', 'en']);
    expect(drop.code).toBe(0);
  });
});
