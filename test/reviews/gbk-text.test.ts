// Text files an operator edits by hand (a --template, the config, the keyword/message tables) may be
// saved by Notepad as "ANSI", i.e. GBK on a Chinese Windows. Read as UTF-8 regardless, a GBK
// template went out to the buyer as U+FFFD garbage with exit 0, and the wording check never saw
// the words (a GBK "麻烦您把差评改成好评" passed). Found by a user test. Built binary.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const REVIEWS = path.join(EXAMPLES, 'reviews.csv');
const gbk = (s: string) => iconv.encode(s, 'gbk');

describe('hand-edited text files in GBK', () => {
  const dir = tmpDir();
  const msgArgs = (...more: string[]) => ['reviews', 'message', '3515313147329357901', '--reviews', REVIEWS, '--as-of', '2026-11-21 10:00:00', '--lang', 'en', ...more];

  it('a GBK --template is read as GBK: the message is the Chinese text, not U+FFFD', () => {
    const t = path.join(dir, 'gbk.txt');
    fs.writeFileSync(t, gbk('{buyer} 您好, 订单 {orderId} 的问题我们会处理。\r\n'));
    const r = runCli(msgArgs('--template', t));
    expect(r.code).toBe(0);
    // examples/reviews.csv: order …901 is 小明爱购物's
    expect(r.stdout).toBe('小明爱购物 您好, 订单 3515313147329357901 的问题我们会处理。\n');
  });

  it('a GBK --template with forbidden wording is refused (exit 3), as its UTF-8 twin is', () => {
    const t = path.join(dir, 'gbk-bad.txt');
    fs.writeFileSync(t, gbk('{buyer} 您好, 麻烦您把差评改成好评。\n'));
    const r = runCli(msgArgs('--template', t));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`template ${t} contains forbidden wording`);
  });

  it('bytes that are neither UTF-8 nor GBK are refused with what to do, zh and en', () => {
    const t = path.join(dir, 'bad.txt');
    fs.writeFileSync(t, Buffer.from([0x7b, 0x62, 0x75, 0x79, 0x65, 0x72, 0x7d, 0x20, 0xff, 0xfe, 0xff, 0x0a]));
    const r = runCli(msgArgs('--template', t));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`storeops: error: cannot read template ${t}: it is neither UTF-8 nor GBK text (open it in a text editor and save it as UTF-8)`);
    const zh = runCli([...msgArgs('--template', t).slice(0, -4), '--lang', 'zh', '--template', t]);
    expect(zh.stderr).toContain(`storeops: 错误: 无法读取模板 ${t}: 既不是 UTF-8 也不是 GBK 文本 (用记事本等打开, 另存为 UTF-8 编码)`);
  });

  it('a GBK config file: the shop name reaches the message as written', () => {
    const cfg = path.join(dir, 'storeops.config.json');
    fs.writeFileSync(cfg, gbk('{"reviews": {"shopName": "暖暖围巾店"}}\n'));
    fs.chmodSync(cfg, 0o600);
    const t = path.join(dir, 'shop.txt');
    fs.writeFileSync(t, '{shop} 客服: {buyer} 您好。\n');
    const r = runCli(msgArgs('--template', t, '--config', cfg));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('暖暖围巾店 客服: 小明爱购物 您好。\n');
  });
});

describe('a --template file', () => {
  const dir = tmpDir();
  const args = (t: string) => ['reviews', 'message', '3515313147329357901', '--reviews', REVIEWS, '--as-of', '2026-11-21 10:00:00', '--lang', 'en', '--template', t];
  it('its own CRLF line ends and final newline are not part of the message', () => {
    const t = path.join(dir, 'crlf.txt');
    fs.writeFileSync(t, '\uFEFF{buyer} 您好。\r\n订单 {orderId}。\r\n');
    const r = runCli(args(t));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('小明爱购物 您好。\n订单 3515313147329357901。\n');
  });
  it('an empty one is refused (exit 3), not sent as an empty message', () => {
    const t = path.join(dir, 'empty.txt');
    fs.writeFileSync(t, '\r\n');
    const r = runCli(args(t));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`storeops: error: template ${t} is empty: there is nothing to send`);
  });
});
