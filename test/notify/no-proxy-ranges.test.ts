// NO_PROXY as curl (7.86 and later) reads it: address ranges (`10.0.0.0/8`, `192.168.0.0/16`,
// `fd00::/8`) for a robot URL written with an address; `*` only as the whole value; names with or
// without a leading dot. Until 2026-12 (alert44) a range was compared as a host name and never
// matched: a webhook on the office network (http://10.20.0.15/hooks) went to the company proxy, which
// cannot reach it, although NO_PROXY said 10.0.0.0/8 (as curl, git and the browser on the desk read it).
// A host name is not looked up to compare it with ranges (curl does not either): names match names.
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../helpers.js';
import { bypassed, proxyFor } from '../../src/notify/proxy.js';
import { robotsEachTest, runCliAsync } from './robots.js';

describe('NO_PROXY address ranges (as curl)', () => {
  it('IPv4: the first /n bits of the address equal the range\'s', () => {
    // 10.0.0.0/8: first octet 10. 10.1.2.3 in, 11.0.0.1 out.
    expect(bypassed('10.1.2.3', 443, '10.0.0.0/8')).toBe(true);
    expect(bypassed('11.0.0.1', 443, '10.0.0.0/8')).toBe(false);
    // 192.168.0.0/16: 192.168.x.y. 192.169.0.1 out.
    expect(bypassed('192.168.5.20', 80, 'localhost, 192.168.0.0/16')).toBe(true);
    expect(bypassed('192.169.0.1', 80, '192.168.0.0/16')).toBe(false);
    // 172.16.0.0/12: second octet's top 4 bits 0001, i.e. 16..31 (16 = 0001 0000, 31 = 0001 1111, 32 = 0010 0000).
    expect(bypassed('172.31.255.255', 443, '172.16.0.0/12')).toBe(true);
    expect(bypassed('172.32.0.1', 443, '172.16.0.0/12')).toBe(false);
    expect(bypassed('172.15.255.255', 443, '172.16.0.0/12')).toBe(false);
    // /32 and no prefix: the address itself; /0: every IPv4 address.
    expect(bypassed('10.1.2.3', 443, '10.1.2.3/32')).toBe(true);
    expect(bypassed('10.1.2.30', 443, '10.1.2.3')).toBe(false);
    expect(bypassed('8.8.8.8', 443, '0.0.0.0/0')).toBe(true);
    // A range with a port: that port only.
    expect(bypassed('10.1.2.3', 443, '10.0.0.0/8:443')).toBe(true);
    expect(bypassed('10.1.2.3', 8443, '10.0.0.0/8:443')).toBe(false);
  });

  it('IPv6: bytes compared bit by bit, brackets or not', () => {
    // fd00::/8: first byte fd. fd12:3456::1 and fdff:ffff::1 in; fe80::1 and fc00::1 out.
    expect(bypassed('[fd12:3456::1]', 443, 'fd00::/8')).toBe(true);
    expect(bypassed('[fdff:ffff::1]', 443, 'fd00::/8')).toBe(true);
    expect(bypassed('[fe80::1]', 443, 'fd00::/8')).toBe(false);
    expect(bypassed('[fc00::1]', 443, 'fd00::/8')).toBe(false);
    // fc00::/7: first byte's top 7 bits 1111 110, i.e. fc and fd.
    expect(bypassed('[fc00::1]', 443, 'fc00::/7')).toBe(true);
    expect(bypassed('[fe00::1]', 443, 'fc00::/7')).toBe(false);
    // 2001:db8::/32 against 2001:db8:0:1::5 (in) and 2001:db9::5 (out).
    expect(bypassed('[2001:db8:0:1::5]', 443, '2001:db8::/32')).toBe(true);
    expect(bypassed('[2001:db9::5]', 443, '2001:db8::/32')).toBe(false);
    // The same address written differently (leading zeros, :: expanded).
    expect(bypassed('[::1]', 443, '0:0:0:0:0:0:0:1')).toBe(true);
    // An IPv4 range never matches an IPv6 address, nor the other way.
    expect(bypassed('[::1]', 443, '0.0.0.0/0')).toBe(false);
    expect(bypassed('10.1.2.3', 443, '::/0')).toBe(false);
  });

  it('a host name is not looked up: ranges never match it; names match names only', () => {
    expect(bypassed('oapi.dingtalk.com', 443, '0.0.0.0/0,::/0')).toBe(false);
    expect(bypassed('localhost', 80, '127.0.0.0/8')).toBe(false);
    // And a name entry never matches an address: 127.0.0.1 is not "localhost" here (no lookup).
    expect(bypassed('127.0.0.1', 80, 'localhost')).toBe(false);
    // An address is not a domain: 0.0.1 is no "parent" of 10.0.0.1 (was true: a name's tail match).
    expect(bypassed('10.0.0.1', 443, '0.0.1')).toBe(false);
  });

  it('bad ranges match nothing: a prefix past the family\'s bits, not a number, not an address', () => {
    expect(bypassed('10.1.2.3', 443, '10.0.0.0/33')).toBe(false);
    expect(bypassed('10.1.2.3', 443, '10.0.0.0/x')).toBe(false);
    expect(bypassed('10.1.2.3', 443, '10.0.0/8')).toBe(false);
    expect(bypassed('[fd00::1]', 443, 'fd00::/129')).toBe(false);
  });

  it('`*` is every host as the whole value only, as curl; names with or without a leading dot, or *.', () => {
    expect(bypassed('qyapi.weixin.qq.com', 443, ' * ')).toBe(true);
    // Among other entries `*` is no host (curl): the proxy is used (it was every host: the post went
    // direct while curl on the same desk went through the proxy).
    expect(bypassed('qyapi.weixin.qq.com', 443, 'localhost,*')).toBe(false);
    expect(bypassed('oapi.dingtalk.com', 443, '.dingtalk.com')).toBe(true);
    expect(bypassed('dingtalk.com', 443, '.dingtalk.com')).toBe(true);
    expect(bypassed('oapi.dingtalk.com', 443, '*.dingtalk.com')).toBe(true);
    expect(bypassed('oapi.dingtalk.com.', 443, 'dingtalk.com.')).toBe(true);
    expect(bypassed('notdingtalk.com', 443, '.dingtalk.com')).toBe(false);
    // An entry that is only a dot is no domain.
    expect(bypassed('oapi.dingtalk.com', 443, '.')).toBe(false);
  });

  it('proxyFor: a robot on 10.20.0.15 with NO_PROXY=10.0.0.0/8 goes direct; one on a name goes through the proxy', () => {
    const env = { HTTP_PROXY: 'http://proxy.corp:3128', HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'localhost,10.0.0.0/8,fd00::/8' };
    expect(proxyFor('http://10.20.0.15/hooks/storeops', env)).toBeUndefined();
    expect(proxyFor('https://[fd00::15]/hooks/storeops', env)).toBeUndefined();
    expect(proxyFor('https://oapi.dingtalk.com/robot/send?access_token=x', env)).toEqual({ host: 'proxy.corp', port: 3128, shown: 'http://proxy.corp:3128', from: 'HTTPS_PROXY' });
  });
});

const env = robotsEachTest();
const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AT_RISK = ['compensate', ORDERS, '--at-risk', '12', '--as-of', '2026-11-19 06:00:00', '--notify-on', 'always'];

for (const tz of ['UTC', 'America/Los_Angeles']) {
  it(`end to end (TZ=${tz}): NO_PROXY=127.0.0.0/8 reaches the robot on 127.0.0.1 directly, past a proxy that refuses`, async () => {
    const file = path.join(env.dir, 'config.json');
    fs.writeFileSync(file, JSON.stringify({ notify: { attempts: 1 } }));
    fs.chmodSync(file, 0o600);
    // The proxy named is port 9 (discard, closed here): through it the post fails, "refused the connection".
    const r = await runCliAsync([...AT_RISK, '--config', file, '--notify', `webhook:${env.robots.webhook}`, '--notify-required'], {
      env: { TZ: tz, HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: 'localhost,127.0.0.0/8' },
    });
    expect(r.stderr).toContain(`\nstoreops: notified webhook ${env.robots.webhook}: 1 message, 1 item\n`);
    expect(r.code).toBe(0);
    expect(env.robots.received.map((x) => x.ok)).toEqual([true]);
  }, 60_000);
}
