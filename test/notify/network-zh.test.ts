// Every alert failure said under --lang zh is Chinese (test/cli/zh-no-english-sentence: a Chinese
// reader meets no English sentence). A network error with no code, or with a code no case names,
// was printed with the system's words: "网络错误 socket hang up", "网络错误 HPE_INVALID_CONSTANT"
// (a code alone: nothing to understand or do). Until 2026-12 (alert44).
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../helpers.js';
import { networkWhy } from '../../src/notify/post.js';
import { robotsEachTest, runCliAsync } from './robots.js';

// As test/cli/zh-no-english-sentence: 3+ ASCII words in a row not part of a name.
const SENTENCE = /(?<![\w\-/.$<=@'"`])[A-Za-z][a-z']*(?:[ ,]+[A-Za-z][a-z']*){2,}(?![\w/.])/g;
const LIST = /^[A-Za-z']+(?:, ?[A-Za-z']+)+$/;
const englishIn = (text: string) => [...text.matchAll(SENTENCE)].map((m) => m[0]).filter((s) => !s.startsWith('storeops ') && !LIST.test(s));

describe('networkWhy: zh is Chinese, en keeps the system\'s words', () => {
  it('an error with no code', () => {
    expect(networkWhy(new Error('socket hang up'))).toEqual({
      zh: '网络错误 (没有错误代码): 检查网络连接和代理设置; 加 --lang en 再运行可看到系统的原文',
      en: 'network error socket hang up',
    });
    // Not even an Error.
    expect(networkWhy('stream ended early').zh).toBe('网络错误 (没有错误代码): 检查网络连接和代理设置; 加 --lang en 再运行可看到系统的原文');
  });

  it('a code no case names: the code in brackets, and in English the system\'s sentence too', () => {
    const e = Object.assign(new Error('write ENOBUFS'), { code: 'ENOBUFS' });
    expect(networkWhy(e)).toEqual({ zh: '网络错误 [ENOBUFS]: 检查网络连接和代理设置; 加 --lang en 再运行可看到系统的原文', en: 'network error [ENOBUFS]: write ENOBUFS' });
  });

  it('codes now named: a reply that is not HTTP, a TLS handshake that fails, a pipe cut', () => {
    expect(networkWhy(Object.assign(new Error('Parse Error: Expected HTTP/'), { code: 'HPE_INVALID_CONSTANT' }))).toEqual({
      zh: '网络错误: 回复不是 HTTP (地址或端口不对?) [HPE_INVALID_CONSTANT]',
      en: 'network error: the answer is not HTTP (wrong address or port?) [HPE_INVALID_CONSTANT]',
    });
    expect(networkWhy(Object.assign(new Error('ssl3_get_record:wrong version number'), { code: 'ERR_SSL_WRONG_VERSION_NUMBER' })).zh).toBe(
      '网络错误: 没能建立加密连接 (TLS): 对方在这个端口可能不用 https (地址或端口不对?) [ERR_SSL_WRONG_VERSION_NUMBER]',
    );
    expect(networkWhy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })).zh).toBe('网络错误: 连接被中断 [EPIPE]');
  });
});

const env = robotsEachTest();
const servers: net.Server[] = [];
const conns: net.Socket[] = [];
afterEach(async () => {
  for (const c of conns.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await new Promise<void>((r) => s.close(() => r()));
});
const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AT_RISK = ['compensate', ORDERS, '--at-risk', '12', '--as-of', '2026-11-19 06:00:00', '--notify-on', 'always'];

for (const tz of ['UTC', 'America/Los_Angeles']) {
  it(`end to end (TZ=${tz}): a "robot" that does not answer in HTTP, under --lang zh: Chinese throughout`, async () => {
    // A server that answers every connection with a line that is not HTTP (a mail or database port).
    const s = net.createServer((c) => {
      conns.push(c);
      c.on('error', () => undefined);
      c.end('220 mail.corp ESMTP ready\r\n');
    });
    servers.push(s);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    const file = path.join(env.dir, 'config.json');
    fs.writeFileSync(file, JSON.stringify({ notify: { attempts: 1 } }));
    fs.chmodSync(file, 0o600);
    const r = await runCliAsync([...AT_RISK, '--config', file, '--notify', `webhook:http://127.0.0.1:${port}/hook`, '--lang', 'zh'], { env: { TZ: tz } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`storeops: 警告: 通知 webhook http://127.0.0.1:${port}/hook 失败: 尝试 1 次: 网络错误: 回复不是 HTTP (地址或端口不对?) [HPE_INVALID_CONSTANT]`);
    expect(englishIn(r.stderr)).toEqual([]);
  }, 60_000);
}
