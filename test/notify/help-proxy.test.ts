// --notify's help names the proxy variables (en and zh), on each command that takes it: an operator
// behind a company proxy read nothing in --help about how the post leaves the machine (until 2026-12,
// alert44; docs/notify.md "Proxies").
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

describe('--notify help names HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY', () => {
  for (const cmd of [['compensate'], ['reviews', 'queue'], ['roster', 'plan']]) {
    it(`${cmd.join(' ')} --help, en and zh`, () => {
      const en = runCli([...cmd, '--help', '--lang', 'en']);
      expect(en.code).toBe(0);
      expect(en.stdout.replace(/\s+/g, ' ')).toContain(
        'signing secret from STOREOPS_NOTIFY_SECRET; sent through the proxy HTTPS_PROXY, HTTP_PROXY or ALL_PROXY names (http://, https:// or socks5://), NO_PROXY hosts and address ranges directly',
      );
      const zh = runCli([...cmd, '--help', '--lang', 'zh']);
      expect(zh.code).toBe(0);
      // Lines wrapped between Chinese characters: compared without white space.
      expect(zh.stdout.replace(/\s+/g, '')).toContain('签名密钥取自STOREOPS_NOTIFY_SECRET;经HTTPS_PROXY、HTTP_PROXY或ALL_PROXY指定的代理(http://、https://或socks5://)发送,NO_PROXY中的主机和地址段直接连接');
    });
  }
});
