// `storeops ledger alerts`: the voucher alerts held in the state database (a robot did not accept
// them; docs/notify.md "Only news") listed, and dropped by the operator — one by id, or all (of a
// shop) after a confirmation (`--yes` for cron). Until 2026-12 no command dropped one: an alert held
// for a robot removed for good was kept, and warned of, run after run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openState } from '../../src/state/ledger.js';
import { BIN, EXAMPLES, runCli, tmpDir } from '../helpers.js';

// README worked example as of 2026-11-20 12:00: one voucher recorded, v0c7d9f4ff93c7daa0ab3 (…903,
// 50.00), from an export of shop 100200300.
const KEY = 'voucher:v0c7d9f4ff93c7daa0ab3';
const TEXT = '小明爱购物 50.00 (3515313147329357903)';
const DING = 'dingtalk:0123456789abcdef0123456789abcdef';
const WECOM = 'wecom:fedcba9876543210fedcba9876543210';

/** The example recorded; its alert held for two robots (09:02 and 10:00 Beijing), and one top-up alert of a voucher not recorded here. */
async function heldLedger(): Promise<string> {
  const state = path.join(tmpDir(), 'state.db');
  expect(runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-f', 'csv', '-q']).code).toBe(0);
  const db = await openState(state);
  db.holdNotices(DING, [{ key: KEY, text: TEXT }], Date.UTC(2026, 11, 5, 1, 2, 0)); // 09:02 Beijing
  db.holdNotices(WECOM, [{ key: KEY, text: TEXT }, { key: 'voucher:vother@12.00', text: 'other 12.00' }], Date.UTC(2026, 11, 5, 2, 0, 0)); // 10:00
  db.close();
  return state;
}

const HEADER = 'id,robot,shop,heldSince,text';
const ROWS = [
  `${KEY},dingtalk 01234567…,100200300,2026-12-05 09:02:00,${TEXT}`,
  `${KEY},wecom fedcba98…,100200300,2026-12-05 10:00:00,${TEXT}`,
  'voucher:vother@12.00,wecom fedcba98…,,2026-12-05 10:00:00,other 12.00',
];

describe('storeops ledger alerts', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`lists each held alert per robot, oldest first, times in Beijing time (TZ=${tz})`, async () => {
      const state = await heldLedger();
      const r = runCli(['ledger', 'alerts', '--state', state, '-f', 'csv', '--lang', 'en'], { tz });
      expect(r.code).toBe(0);
      expect(r.stdout.trimEnd().split('\n')).toEqual([HEADER, ...ROWS]);
      // 2 alerts (one held for two robots), 2 robots.
      expect(r.stderr).toBe(`2 held alerts for 2 robots (${state}): the next run notifying a robot posts what is held for it; drop one no longer wanted with storeops ledger alerts --drop <id>\n`);
      const shop = runCli(['ledger', 'alerts', '--state', state, '-f', 'csv', '--shop', '100200300', '-q'], { tz });
      expect(shop.stdout.trimEnd().split('\n')).toEqual([HEADER, ROWS[0], ROWS[1]]);
    });
  }

  it('--drop <id> drops it from every robot holding it (the voucher key alone also names it); an unknown id is exit 2', async () => {
    const state = await heldLedger();
    const r = runCli(['ledger', 'alerts', '--state', state, '--drop', 'v0c7d9f4ff93c7daa0ab3', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`storeops: dropped held alert ${KEY} ("${TEXT}", held since 2026-12-05 09:02 for robots dingtalk 01234567…, wecom fedcba98…): it will not be posted\n`);
    expect(runCli(['ledger', 'alerts', '--state', state, '-f', 'csv', '-q']).stdout.trimEnd().split('\n')).toEqual([HEADER, ROWS[2]]);
    // The robots' own lists: nothing of it left (a later run would have posted it).
    const db = await openState(state, { create: false });
    expect(db.heldNotices(DING)).toEqual([]);
    expect(db.heldNotices(WECOM).map((h) => h.key)).toEqual(['voucher:vother@12.00']);
    db.close();
    const again = runCli(['ledger', 'alerts', '--state', state, '--drop', KEY, '--lang', 'zh']);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`storeops: 错误: ${state} 中没有编号为 "${KEY}" 的保留通知\n  提示: storeops ledger alerts 列出保留的通知 (编号 列)。\n`);
  });

  it('--drop all asks first: with no terminal and no --yes, exit 2 and nothing dropped; --yes drops them (of --shop only)', async () => {
    const state = await heldLedger();
    const no = runCli(['ledger', 'alerts', '--state', state, '--drop', 'all', '--shop', '100200300', '--lang', 'en']);
    expect(no.code).toBe(2);
    expect(no.stderr).toBe(
      `storeops: error: --drop all would drop the 1 held alert of shop 100200300 (${state}), which needs a confirmation, and there is no terminal to ask\n` +
        '  hint: look first with storeops ledger alerts; add --yes to drop them (for cron).\n',
    );
    expect(runCli(['ledger', 'alerts', '--state', state, '-f', 'csv', '-q']).stdout.trimEnd().split('\n')).toHaveLength(4);
    const zh = runCli(['ledger', 'alerts', '--state', state, '--drop', 'all', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`storeops: 错误: --drop all 要删除 ${state} 中保留的全部 2 条通知, 需要确认, 但没有终端可以询问\n  提示: 先用 storeops ledger alerts 查看; 确定要删除时加 --yes (用于定时任务)。\n`);
    const yes = runCli(['ledger', 'alerts', '--state', state, '--drop', 'all', '--shop', '100200300', '--yes', '--lang', 'en']);
    expect(yes.code).toBe(0);
    expect(yes.stderr).toBe(`storeops: dropped the 1 held alert of shop 100200300 (${state}): it will not be posted\n`);
    // The other shop's (no shop recorded) is kept.
    expect(runCli(['ledger', 'alerts', '--state', state, '-f', 'csv', '-q']).stdout.trimEnd().split('\n')).toEqual([HEADER, ROWS[2]]);
  });

  it('usage: --shop with one id, --yes without --drop all, no database (nothing created)', () => {
    const state = path.join(tmpDir(), 'none.db');
    const r = runCli(['ledger', 'alerts', '--state', state, '--drop', KEY, '--shop', '1', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`storeops: error: --shop does not go with --drop ${KEY}: the id names the alert`);
    expect(runCli(['ledger', 'alerts', '--state', state, '--yes', '--lang', 'en']).stderr).toBe('storeops: error: --yes goes only with --drop all\n');
    const none = runCli(['ledger', 'alerts', '--state', state, '-f', 'table', '--lang', 'en']);
    expect(none.code).toBe(0);
    expect(none.stderr).toBe(`no alerts held: no state database at ${state}\n`);
    expect(fs.existsSync(state)).toBe(false);
  });
});

const hasScript = spawnSync('script', ['-V']).status === 0;

/** `ledger alerts --drop all` on a real pseudo-terminal (`script`), answering `answer` when asked. */
function onTerminal(state: string, answer: string): Promise<{ code: number | null; out: string }> {
  const cmd = `'${process.execPath}' '${BIN}' ledger alerts --drop all --state '${state}' --lang en`;
  const p = spawn('script', ['-qfec', cmd, '/dev/null'], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', TERM: 'xterm', HOME: tmpDir(), TZ: 'UTC', NO_COLOR: '1' } });
  let out = '';
  let asked = false;
  const take = (d: Buffer) => {
    out += d.toString();
    if (!asked && out.includes('(y/N)')) {
      asked = true;
      p.stdin.write(`${answer}\r`);
    }
  };
  p.stdout.on('data', take);
  p.stderr.on('data', take);
  return new Promise((resolve) => p.on('exit', (code) => resolve({ code, out: out.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '') })));
}

describe.skipIf(!hasScript)('ledger alerts --drop all on a terminal asks', () => {
  it('n: nothing dropped; y: all 2 dropped', async () => {
    const state = await heldLedger();
    const no = await onTerminal(state, 'n');
    expect(no.code).toBe(0);
    // Asked as zhenjian estimate asks (@inquirer/prompts confirm, default no): the answered question
    // ends ✔ … No (inquirer wraps it at the terminal's width, a space becoming the line break:
    // compared without white space).
    const flat = (t: string) => t.replace(/\s+/g, '');
    expect(flat(no.out)).toContain(flat(`✔ drop all 2 held alerts in ${state}? They will never be posted No\nstoreops: nothing dropped\n`));
    expect(runCli(['ledger', 'alerts', '--state', state, '-f', 'csv', '-q']).stdout.trimEnd().split('\n')).toHaveLength(4);
    const yes = await onTerminal(state, 'y');
    expect(yes.code).toBe(0);
    expect(flat(yes.out)).toContain(flat(`✔ drop all 2 held alerts in ${state}? They will never be posted Yes\nstoreops: dropped all 2 held alerts in ${state}: they will not be posted\n`));
    expect(runCli(['ledger', 'alerts', '--state', state, '-f', 'csv', '-q']).stdout.trimEnd()).toBe(HEADER);
  }, 30_000);
});
