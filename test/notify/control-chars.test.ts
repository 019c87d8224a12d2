// docs/notify.md "Messages and size limits": shop data in a group message (a product title, a buyer
// nick, an agent's name) is one line with its control characters shown as escapes, as every
// message on the terminal shows them (docs/cli.md "Control characters in what you gave are shown
// escaped"): \n, \t, \r, \x1b, \u202e. Found by host10 (round 30): DingTalk and WeCom turned only
// \r \n \t into spaces and passed ESC and the bidi overrides on; Feishu text and plain webhooks
// passed every control character on, so a title holding "\n• order … " forged an item of its own
// in the Feishu group. A nick starting with a list marker (`1. `, `- `) or an HTML entity
// (`&amp;`) changed the DingTalk/WeCom markdown.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fit, neutralize } from '../../src/notify/message.js';
import type { Kind, Notice } from '../../src/notify/types.js';
import { EXAMPLES, tmpDir } from '../helpers.js';
import { Robots, SECRET, runCliAsync } from './robots.js';

const HOSTILE = 'a\nb\tc\rd\x1b[2J\u202eE';
// each unsafe character as its escape, the rest as written: \n \t \r \x1b \u202e
const SHOWN = 'a\\nb\\tc\\rd\\x1b[2J\\u202eE';

function notice(text: string): Notice {
  return { topic: 'vouchers', lang: 'en', title: `storeops ${HOSTILE}`, summary: `Sum ${HOSTILE}.`, items: [{ key: 'k', text }] };
}

function textOf(kind: Kind, n: Notice): string {
  const body = fit(kind, n, true, { top: 10, maxMessages: 1 }).messages[0]!.body as Record<string, any>;
  return kind === 'feishu' ? body.content.text : kind === 'webhook' ? JSON.stringify([body.title, body.summary, body.items[0].text]) : (body.markdown.text ?? body.markdown.content);
}

describe('control characters in a notification are shown as escapes, on every platform', () => {
  it.each(['dingtalk', 'wecom', 'feishu'] as const)('%s: title, summary and item', (kind) => {
    const t = textOf(kind, notice(HOSTILE));
    // The [ of the ESC sequence is full-width in markdown (neutralize), as before.
    const shown = kind === 'feishu' ? SHOWN : SHOWN.replace('[', '［');
    expect(t).toContain(`storeops ${shown}`);
    expect(t).toContain(`Sum ${shown}.`);
    expect(t.split('\n').filter((l) => l.includes(shown))).toHaveLength(3);
    expect(t).not.toMatch(/[\x00-\x09\x0b-\x1f\u202e]/);
  });

  it('webhook: the title, summary and item text too (the JSON carries \\x1b as text, not U+001B)', () => {
    expect(JSON.parse(textOf('webhook', notice(HOSTILE)))).toEqual([`storeops ${SHOWN}`, `Sum ${SHOWN}.`, SHOWN]);
  });

  it('a forged line: a title holding "\\n• order …" stays inside its item', () => {
    const t = textOf('feishu', notice('order 1 · 围巾\n• order 2 costs 999.00'));
    expect(t.split('\n').filter((l) => l.startsWith('• '))).toEqual(['• order 1 · 围巾\\n• order 2 costs 999.00']);
  });

  it('markdown: a leading list marker and an HTML entity are shown as written (full-width)', () => {
    // 1. → 1． , - → －, + → ＋ at the start only; &amp; → ＆amp; (reads the same, no entity)
    expect(neutralize('1. 小明: 5.00')).toBe('1． 小明: 5.00');
    expect(neutralize('- 小明')).toBe('－ 小明');
    expect(neutralize('+ 小明')).toBe('＋ 小明');
    expect(neutralize('A&amp;B &#42; A & B')).toBe('A＆amp;B ＆＃42; A & B');
    expect(neutralize('小明 1. - +')).toBe('小明 1. - +');
    expect(textOf('dingtalk', notice('1. 小明: 5.00 · orders 1'))).toContain('\n- 1． 小明: 5.00 · orders 1');
  });
});

describe('compensate --at-risk --notify: a product title with a newline and ESC', () => {
  let robots: Robots;
  let dir: string;
  beforeEach(async () => {
    robots = await new Robots().start();
    dir = tmpDir();
  });
  afterEach(async () => {
    await robots.stop();
  });

  it('DingTalk and Feishu show it escaped on the item\'s one line', async () => {
    // The example's at-risk order …701 (围巾礼盒, due 11-19 08:00; at 06:00 2.0 h left, 5.00 if late:
    // test/notify/cli.test.ts) with its title 围巾礼盒⏎- order 9 ESC[2J (GBK has no •).
    const text = iconv.decode(fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv')), 'gbk');
    const orders = path.join(dir, 'orders.csv');
    fs.writeFileSync(orders, iconv.encode(text.replace('围巾礼盒', '"围巾礼盒\n- order 9\x1b[2J"'), 'gbk'));
    const cfg = path.join(dir, 'config.json');
    // One try, 10 s (it was 1 s, which a loaded CI machine could exceed: then nothing reached the robot).
    fs.writeFileSync(cfg, JSON.stringify({ notify: { timeout: 10, attempts: 1 } }));
    fs.chmodSync(cfg, 0o600);
    for (const target of [`dingtalk:${robots.dingtalk}`, `feishu:${robots.feishu}`]) {
      const r = await runCliAsync(['compensate', orders, '--at-risk', '12', '--as-of', '2026-11-19 06:00:00', '-q', '--config', cfg, '--state', path.join(dir, 's.db'), '--notify', target], { env: { STOREOPS_NOTIFY_SECRET: SECRET } });
      expect(r.code).toBe(0);
    }
    const [ding, feishu] = [robots.texts('/robot/send'), robots.texts('/open-apis/')];
    // Feishu is text: its own items start with "• ", and the title's "- order 9" stays inside the one.
    expect(ding[0]).toContain('\n- order 4100000000000000701 due 11-19 08:00 (2.0 h left), costs 5.00 if late · 围巾礼盒\\n- order 9\\x1b［2J');
    expect(feishu[0]!.split('\n').filter((l) => l.startsWith('• ') || l.startsWith('- '))).toEqual(['• order 4100000000000000701 due 11-19 08:00 (2.0 h left), costs 5.00 if late · 围巾礼盒\\n- order 9\\x1b[2J']);
  });
});
