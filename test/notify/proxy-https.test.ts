// An https:// proxy (HTTPS_PROXY=https://proxy.corp:443): TLS with the proxy first, then the CONNECT
// tunnel (https robots) or the absolute-form request (http robots) inside it. Until 2026-12 (alert44)
// storeops warned "names a https:// proxy; storeops speaks to http:// proxies only" and posted
// directly, which on a desk whose only way out is that proxy failed ("could not be looked up").
// Here the proxy is a local TLS server with a certificate made by openssl for 127.0.0.1, trusted
// through NODE_EXTRA_CA_CERTS (with the robot's, in one file); the robot's host, robot.test,
// resolves nowhere: only a post through the proxy reaches it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../helpers.js';
import { proxyFor } from '../../src/notify/proxy.js';
import { DING_TOKEN, SECRET, robotsEachTest, runCliAsync } from './robots.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const env = robotsEachTest();

function certFor(dir: string, name: string, subject: string, san: string): { key: string; cert: string } {
  const cert = path.join(dir, `${name}.pem`);
  const key = path.join(dir, `${name}.key`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', subject, '-addext', `subjectAltName=${san}`], { stdio: 'ignore' });
  return { key, cert };
}

let robotCert: { key: string; cert: string };
let proxyCert: { key: string; cert: string };
/** Both certificates: what NODE_EXTRA_CA_CERTS names for the runs that trust the proxy. */
let bothCerts: string;
let tlsFront: https.Server;
let tlsPort = 0;
let proxy: https.Server;
let proxyPort = 0;
let seen: { line: string; auth: string | undefined }[] = [];
const sockets: net.Socket[] = [];

beforeEach(async () => {
  robotCert = certFor(env.dir, 'robot', '/CN=robot.test', 'DNS:robot.test');
  proxyCert = certFor(env.dir, 'proxy', '/CN=127.0.0.1', 'IP:127.0.0.1');
  bothCerts = path.join(env.dir, 'both.pem');
  fs.writeFileSync(bothCerts, fs.readFileSync(robotCert.cert, 'utf8') + fs.readFileSync(proxyCert.cert, 'utf8'));
  // The https robot: TLS for robot.test in front of the local robots (which check the signature).
  tlsFront = https.createServer({ key: fs.readFileSync(robotCert.key), cert: fs.readFileSync(robotCert.cert) }, (req, res) => {
    const up = http.request({ host: '127.0.0.1', port: env.robots.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => tlsFront.listen(0, '127.0.0.1', r));
  tlsPort = (tlsFront.address() as AddressInfo).port;
  // The https:// proxy: absolute-form requests to the local robots, CONNECT tunnels to the TLS front.
  seen = [];
  proxy = https.createServer({ key: fs.readFileSync(proxyCert.key), cert: fs.readFileSync(proxyCert.cert) }, (req, res) => {
    seen.push({ line: `${req.method} ${req.url}`, auth: req.headers['proxy-authorization'] });
    const u = new URL(req.url ?? '/');
    const up = http.request({ host: '127.0.0.1', port: env.robots.port, method: req.method, path: u.pathname + u.search, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  proxy.on('connect', (req: http.IncomingMessage, sock: net.Socket) => {
    seen.push({ line: `CONNECT ${req.url}`, auth: req.headers['proxy-authorization'] });
    sockets.push(sock);
    sock.on('error', () => undefined);
    sock.write('HTTP/1.1 200 Connection established\r\n\r\n');
    const up = net.connect(tlsPort, '127.0.0.1', () => {
      sock.pipe(up);
      up.pipe(sock);
    });
    sockets.push(up);
    up.on('error', () => sock.destroy());
    sock.on('close', () => up.destroy());
  });
  proxy.on('tlsClientError', () => undefined);
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyPort = (proxy.address() as AddressInfo).port;
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const s of [proxy, tlsFront]) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

function config(): string {
  const file = path.join(env.dir, 'config.json');
  fs.writeFileSync(file, JSON.stringify({ notify: { attempts: 1 } }));
  fs.chmodSync(file, 0o600);
  return file;
}

// The example's at-risk order (test/notify/cli.test.ts): …701 due 11-19 08:00, as of 06:00 2.0 h left.
const AT_RISK = ['compensate', ORDERS, '--at-risk', '12', '--as-of', '2026-11-19 06:00:00', '--notify-on', 'always'];
const DING_HTTPS = `dingtalk:https://robot.test/robot/send?access_token=${DING_TOKEN}`;

describe('which proxy: https:// is spoken to', () => {
  it('proxyFor: an https:// proxy is TLS, port 443 when none is written, the user never in `shown`', () => {
    const ding = 'https://oapi.dingtalk.com/robot/send?access_token=x';
    expect(proxyFor(ding, { HTTPS_PROXY: 'https://proxy.corp:8443' })).toEqual({ host: 'proxy.corp', port: 8443, tls: true, shown: 'https://proxy.corp:8443', from: 'HTTPS_PROXY' });
    // "u:pw" = 75 3a 70 77 -> dTpw dw== (base64 by hand).
    expect(proxyFor(ding, { HTTPS_PROXY: 'https://u:pw@proxy.corp' })).toEqual({ host: 'proxy.corp', port: 443, tls: true, shown: 'https://proxy.corp', from: 'HTTPS_PROXY', auth: 'Basic dTpwdw==' });
  });
});

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`--notify through an https:// proxy (TZ=${tz})`, () => {
    it('an https robot: TLS to the proxy, CONNECT inside it, TLS with the robot inside that; the user sent, never printed', async () => {
      const r = await runCliAsync([...AT_RISK, '--config', config(), '--notify', DING_HTTPS], {
        env: { STOREOPS_NOTIFY_SECRET: SECRET, TZ: tz, HTTPS_PROXY: `https://desk:9f2k@127.0.0.1:${proxyPort}`, NODE_EXTRA_CA_CERTS: bothCerts },
      });
      expect(r.code).toBe(0);
      // "desk:9f2k" = 64 65 73 | 6b 3a 39 | 66 32 6b -> ZGVz azo5 ZjJr (base64 by hand).
      expect(seen).toEqual([{ line: 'CONNECT robot.test:443', auth: 'Basic ZGVzazo5ZjJr' }]);
      expect(env.robots.received.map((x) => x.ok)).toEqual([true]);
      expect(r.stderr).toContain('storeops: notified dingtalk https://robot.test/robot/send?access_token=***: 1 message, 1 item');
      expect(r.stderr).not.toContain('warning');
      for (const s of ['9f2k', 'desk:', DING_TOKEN, SECRET]) expect(r.stderr).not.toContain(s);
    }, 60_000);

    it('an http robot: its whole URL asked inside TLS with the proxy', async () => {
      const r = await runCliAsync([...AT_RISK, '--config', config(), '--notify', 'webhook:http://robot.test/hooks/storeops'], {
        env: { TZ: tz, HTTP_PROXY: `https://127.0.0.1:${proxyPort}`, NODE_EXTRA_CA_CERTS: bothCerts },
      });
      expect(r.code).toBe(0);
      expect(seen.map((s) => s.line)).toEqual(['POST http://robot.test/hooks/storeops']);
      expect(env.robots.received.map((x) => x.ok)).toEqual([true]);
    }, 60_000);

    it('a proxy certificate not trusted: said as the proxy\'s, with NODE_EXTRA_CA_CERTS to do, zh and en; nothing sent', async () => {
      // Only the robot's certificate is trusted: the proxy's is self-signed and unknown.
      const args = [...AT_RISK, '--config', config(), '--notify', DING_HTTPS];
      const e = { STOREOPS_NOTIFY_SECRET: SECRET, TZ: tz, HTTPS_PROXY: `https://127.0.0.1:${proxyPort}`, NODE_EXTRA_CA_CERTS: robotCert.cert };
      const r = await runCliAsync(args, { env: e });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(
        `storeops: warning: notify dingtalk https://robot.test/robot/send?access_token=*** failed: 1 try: the proxy https://127.0.0.1:${proxyPort} (HTTPS_PROXY): network error: the proxy's certificate could not be checked: name the root certificate file it was issued by (PEM, from the proxy's administrator) in NODE_EXTRA_CA_CERTS=file, and check that the host in the proxy address is the one its certificate names and that this machine's clock is right; not retried (a certificate does not put itself right within seconds) [DEPTH_ZERO_SELF_SIGNED_CERT]. `,
      );
      const zh = await runCliAsync([...args, '--lang', 'zh'], { env: e });
      expect(zh.stderr).toContain(
        `失败: 尝试 1 次: 代理 https://127.0.0.1:${proxyPort} (HTTPS_PROXY): 网络错误: 无法验证代理的证书: 把签发它的根证书文件 (PEM 格式, 向代理的管理员要) 写进 NODE_EXTRA_CA_CERTS=文件, 并检查代理地址里的主机名与证书上的一致、本机时钟正确; 未重试 (证书问题不会在几秒内自己消失) [DEPTH_ZERO_SELF_SIGNED_CERT]。`,
      );
      expect(seen).toEqual([]);
      expect(env.robots.received).toEqual([]);
    }, 60_000);

    it('https:// written for a plain http proxy: the TLS handshake fails, said as the proxy\'s with what to write', async () => {
      const plain = http.createServer((_q, res) => res.end('x'));
      await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
      const port = (plain.address() as AddressInfo).port;
      try {
        const r = await runCliAsync([...AT_RISK, '--config', config(), '--notify', DING_HTTPS, '--lang', 'zh'], {
          env: { STOREOPS_NOTIFY_SECRET: SECRET, TZ: tz, HTTPS_PROXY: `https://127.0.0.1:${port}`, NODE_EXTRA_CA_CERTS: bothCerts },
        });
        expect(r.code).toBe(0);
        // Node 20 says EPROTO for the request (ERR_SSL_WRONG_VERSION_NUMBER on the bare TLS socket).
        expect(r.stderr).toContain(
          `失败: 尝试 1 次: 代理 https://127.0.0.1:${port} (HTTPS_PROXY): 网络错误: 没能与代理建立加密连接 (TLS): 这个代理可能不是 https 代理; 把代理地址写成 http://主机:端口 再试 [EPROTO]。`,
        );
      } finally {
        plain.closeAllConnections();
        await new Promise<void>((r) => plain.close(() => r()));
      }
    }, 60_000);
  });
}
