// Two leftovers of the proxy and TLS work (desk56's brief):
// 1. A proxy failure named "(HTTPS_PROXY/HTTP_PROXY)" whichever variable set the proxy: with only
//    ALL_PROXY (or all_proxy, https_proxy …) set, the operator was sent to two variables they never
//    set. It names the variable as the environment spells it (proxy.ts: lower-case first, as curl).
// 2. A certificate error (self-signed, an unknown issuer, expired, for another host name) was retried
//    like a network error: 3 tries, seconds apart, met it alike (a certificate does not put itself
//    right within seconds), spending the run's notify budget. Now 1 try, "not retried", and what to do
//    by its kind: NODE_EXTRA_CA_CERTS for an issuer not trusted, the clock for a date, the robot URL
//    (or a proxy answering for it) for another host name; en and zh (docs/notify.md "Answers and retries").
// Worked by hand: a port nothing listens on refuses (ECONNREFUSED), so the proxy there fails on the first
// try; attempts 1 keeps it to that. A local https server whose certificate no one here trusts (made by
// openssl, self-signed, not in NODE_EXTRA_CA_CERTS) gives DEPTH_ZERO_SELF_SIGNED_CERT: with attempts 3,
// 1 try (was 3).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificateFailure, deliver, networkWhy } from '../../src/notify/post.js';
import { type Proxy, proxyFor } from '../../src/notify/proxy.js';
import { tmpDir } from '../helpers.js';

async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
const once = { timeoutMs: 2000, attempts: 1, backoffMs: 1, now: Date.now };
const HOOK = { kind: 'webhook' as const, url: 'http://robot.test/hooks/storeops', from: 'flag' as const };
const DING = 'https://oapi.dingtalk.com/robot/send?access_token=x';

describe('a proxy failure names the variable that set the proxy', () => {
  it('proxyFor: the variable as written, lower-case first (curl)', () => {
    expect(proxyFor(DING, { ALL_PROXY: 'http://proxy.corp:3128' })).toMatchObject({ shown: 'http://proxy.corp:3128', from: 'ALL_PROXY' });
    expect(proxyFor(DING, { all_proxy: 'http://proxy.corp:3128', ALL_PROXY: 'http://other:1' })).toMatchObject({ shown: 'http://proxy.corp:3128', from: 'all_proxy' });
    expect(proxyFor(DING, { https_proxy: 'socks5h://proxy.corp', ALL_PROXY: 'http://other:1' })).toMatchObject({ from: 'https_proxy' });
    expect(proxyFor('http://hooks.example.com/x', { HTTP_PROXY: 'http://proxy.corp', HTTPS_PROXY: 'http://other:1' })).toMatchObject({ from: 'HTTP_PROXY' });
  });

  for (const variable of ['ALL_PROXY', 'all_proxy', 'http_proxy']) {
    it(`${variable}=http://127.0.0.1:<nothing there>: "(${variable})", not "(HTTPS_PROXY/HTTP_PROXY)"`, async () => {
      const port = await closedPort();
      const proxy = proxyFor(HOOK.url, { [variable]: `http://127.0.0.1:${port}` }) as Proxy;
      const d = await deliver(HOOK, {}, { ...once, deadline: Date.now() + 10_000, proxy });
      expect(d.tries).toBe(1);
      expect(d.failures).toEqual([
        {
          zh: `代理 http://127.0.0.1:${port} (${variable}): 网络错误: 服务器拒绝连接 (地址或端口不对?) [ECONNREFUSED]`,
          en: `the proxy http://127.0.0.1:${port} (${variable}): network error: the server refused the connection (wrong address or port?) [ECONNREFUSED]`,
        },
      ]);
    });
  }

  it('a refused setting names the lower-case variable when that is the one set (a fix to ALL_PROXY would not be read)', () => {
    expect(proxyFor(DING, { all_proxy: 'socks4://proxy.corp:1080' })).toEqual({
      refused: {
        zh: 'all_proxy 是 socks4:// 代理, storeops 只支持 SOCKS5: 写成 all_proxy=socks5h://主机:端口, 或向管理员要 http:// 代理的地址',
        en: 'all_proxy names a socks4:// proxy; storeops speaks SOCKS5 only: set all_proxy=socks5h://host:port, or ask its administrator for the http:// proxy address',
      },
    });
  });
});

describe('a certificate error is not retried, and says what to do', () => {
  const NOT = { zh: '未重试 (证书问题不会在几秒内自己消失)', en: 'not retried (a certificate does not put itself right within seconds)' };
  const err = (code: string) => Object.assign(new Error(`certificate ${code}`), { code });

  it('by kind: an issuer not trusted (self-signed, unknown), expired or not yet valid, another host name', () => {
    for (const code of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']) {
      expect(networkWhy(err(code)), code).toEqual({
        zh: `网络错误: 无法验证服务器的证书: 本机不信任签发它的机构 (自签名的证书, 或公司的代理、安全软件换了证书): 把签发它的根证书文件 (PEM 格式, 向网管要) 写进 NODE_EXTRA_CA_CERTS=文件; 或检查代理设置 (HTTPS_PROXY 等) 和机器人网址; ${NOT.zh} [${code}]`,
        en: `network error: the server's certificate could not be checked: this machine does not trust who issued it (a self-signed certificate, or a company proxy or security software replacing certificates): name the root certificate file it was issued by (PEM, from your IT administrator) in NODE_EXTRA_CA_CERTS=file; or check the proxy setting (HTTPS_PROXY …) and the robot URL; ${NOT.en} [${code}]`,
      });
    }
    for (const code of ['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']) {
      expect(networkWhy(err(code)), code).toEqual({
        zh: `网络错误: 服务器的证书已过期或尚未生效: 检查本机的日期和时间; 时间无误时, 可能是中间的代理出示了旧证书 (检查代理设置 HTTPS_PROXY 等), 或机器人网址不是平台的地址 (从机器人设置中重新复制); ${NOT.zh} [${code}]`,
        en: `network error: the server's certificate has expired or is not valid yet: check this machine's date and time; if they are right, a proxy in between may be showing an old certificate (check the proxy setting, HTTPS_PROXY …), or the robot URL is not the platform's (copy it again from the robot's settings); ${NOT.en} [${code}]`,
      });
    }
    expect(networkWhy(err('ERR_TLS_CERT_ALTNAME_INVALID'))).toEqual({
      zh: `网络错误: 服务器的证书不是机器人网址中的主机名的: 检查机器人网址 (从机器人设置中重新复制), 或中间有代理冒充了它 (检查代理设置 HTTPS_PROXY 等和 NO_PROXY); ${NOT.zh} [ERR_TLS_CERT_ALTNAME_INVALID]`,
      en: `network error: the server's certificate is for another host name than the robot URL's: check the robot URL (copy it again from the robot's settings), or a proxy in between answering for it (check the proxy setting, HTTPS_PROXY …, and NO_PROXY); ${NOT.en} [ERR_TLS_CERT_ALTNAME_INVALID]`,
    });
  });

  it('certificate errors only: a refused connection, a cut one, a TLS handshake are still retried', () => {
    for (const code of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_GET_ISSUER_CERT']) expect(certificateFailure(err(code)), code).toBe(true);
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPROTO', 'ERR_SSL_WRONG_VERSION_NUMBER']) expect(certificateFailure(err(code)), code).toBe(false);
    expect(certificateFailure(new Error('socket hang up'))).toBe(false);
  });

  it('a robot whose certificate is self-signed: 1 try of 3 (it was 3, seconds apart)', async () => {
    const dir = tmpDir('notify-cert-');
    const key = path.join(dir, 'k.pem');
    const cert = path.join(dir, 'c.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    let hits = 0;
    const s = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (_q, res) => {
      hits++;
      res.end('ok');
    });
    s.on('tlsClientError', () => undefined);
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    const waits: number[] = [];
    try {
      const d = await deliver({ kind: 'webhook', url: `https://127.0.0.1:${port}/hook`, from: 'flag' }, {}, {
        ...once,
        attempts: 3,
        deadline: Date.now() + 20_000,
        sleep: async (ms) => void waits.push(ms),
      });
      expect(d.ok).toBe(false);
      expect(d.tries).toBe(1);
      expect(waits).toEqual([]);
      expect(d.failures).toHaveLength(1);
      expect(d.failures[0]!.en).toContain(`NODE_EXTRA_CA_CERTS=file; or check the proxy setting (HTTPS_PROXY …) and the robot URL; ${NOT.en} [DEPTH_ZERO_SELF_SIGNED_CERT]`);
      expect(hits).toBe(0);
    } finally {
      s.closeAllConnections();
      await new Promise<void>((r) => s.close(() => r()));
    }
  });
});
