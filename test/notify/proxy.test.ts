// Posting through the proxy the environment names (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), as curl does.
// Until 2026-12 (alert43) storeops ignored them (Node does not read them): on a desk whose only way out
// is a proxy, every alert failed with "the robot's server name could not be looked up (no internet
// connection, or DNS not working?)". Here the robot's host, robot.test, resolves nowhere (.test is
// reserved): only a post that goes through the local proxy reaches it. The https robot is a TLS front
// (a certificate made for robot.test, trusted through NODE_EXTRA_CA_CERTS) on the local robots.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../helpers.js';
import { bypassed, proxyFor } from '../../src/notify/proxy.js';
import { DING_TOKEN, SECRET, robotsEachTest, runCliAsync } from './robots.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const env = robotsEachTest();

interface Seen {
  line: string;
  auth: string | undefined;
}

/** A proxy on 127.0.0.1: forwards absolute-form requests and CONNECT tunnels to the local robots, or answers `refuse` / hangs. */
class FakeProxy {
  readonly seen: Seen[] = [];
  private server!: http.Server;
  /** Tunnels: the server no longer tracks a socket once CONNECT hands it over. */
  private readonly sockets: net.Socket[] = [];
  port = 0;
  constructor(
    private readonly robotPort: () => number,
    private readonly tlsPort: () => number,
    private readonly mode: 'ok' | 'hang' | 407 = 'ok',
  ) {}
  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      this.seen.push({ line: `${req.method} ${req.url}`, auth: req.headers['proxy-authorization'] });
      const u = new URL(req.url ?? '/');
      const up = http.request({ host: '127.0.0.1', port: this.robotPort(), method: req.method, path: u.pathname + u.search, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      req.pipe(up);
    });
    this.server.on('connect', (req: http.IncomingMessage, sock: net.Socket) => {
      this.seen.push({ line: `CONNECT ${req.url}`, auth: req.headers['proxy-authorization'] });
      this.sockets.push(sock);
      sock.on('error', () => undefined);
      if (this.mode === 407) {
        sock.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      sock.write('HTTP/1.1 200 Connection established\r\n\r\n');
      if (this.mode === 'hang') return;
      const up = net.connect(this.tlsPort(), '127.0.0.1', () => {
        sock.pipe(up);
        up.pipe(sock);
      });
      this.sockets.push(up);
      up.on('error', () => sock.destroy());
      sock.on('close', () => up.destroy());
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

let cert: string;
let tlsFront: https.Server;
let tlsPort = 0;
const proxies: FakeProxy[] = [];
beforeEach(async () => {
  const dir = env.dir;
  cert = path.join(dir, 'robot-test.pem');
  const key = path.join(dir, 'robot-test.key');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=robot.test', '-addext', 'subjectAltName=DNS:robot.test'], { stdio: 'ignore' });
  // The https robot: TLS for robot.test in front of the local robots (which check the signature).
  tlsFront = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
    const up = http.request({ host: '127.0.0.1', port: env.robots.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => tlsFront.listen(0, '127.0.0.1', r));
  tlsPort = (tlsFront.address() as AddressInfo).port;
});
afterEach(async () => {
  for (const p of proxies.splice(0)) await p.stop();
  tlsFront.closeAllConnections();
  await new Promise<void>((r) => tlsFront.close(() => r()));
});

async function proxy(mode: 'ok' | 'hang' | 407 = 'ok'): Promise<FakeProxy> {
  const p = await new FakeProxy(() => env.robots.port, () => tlsPort, mode).start();
  proxies.push(p);
  return p;
}

function config(notify: Record<string, unknown>): string {
  const file = path.join(env.dir, 'config.json');
  fs.writeFileSync(file, JSON.stringify({ notify: { attempts: 2, backoff: 0.05, ...notify } }));
  fs.chmodSync(file, 0o600);
  return file;
}

// The example's at-risk order (test/notify/cli.test.ts): …701 due 11-19 08:00, as of 06:00 2.0 h left.
const AT_RISK = ['compensate', ORDERS, '--at-risk', '12', '--as-of', '2026-11-19 06:00:00', '--notify-on', 'always'];
const DING_HTTPS = `dingtalk:https://robot.test/robot/send?access_token=${DING_TOKEN}`;

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`--notify through a proxy (TZ=${tz})`, () => {
    it('HTTPS_PROXY: a CONNECT tunnel to the robot, TLS end to end, the proxy user sent and never printed', async () => {
      const p = await proxy();
      // A password holding "@" is written %40 in the URL, as curl takes it.
      const r = await runCliAsync([...AT_RISK, '--config', config({}), '--notify', DING_HTTPS], {
        env: { STOREOPS_NOTIFY_SECRET: SECRET, TZ: tz, HTTPS_PROXY: `http://desk:p%40ss-9f2k@127.0.0.1:${p.port}`, NODE_EXTRA_CA_CERTS: cert },
      });
      expect(r.code).toBe(0);
      expect(p.seen).toEqual([{ line: 'CONNECT robot.test:443', auth: `Basic ${Buffer.from('desk:p@ss-9f2k').toString('base64')}` }]);
      // The robot checked the DingTalk signature and accepted it.
      expect(env.robots.received.map((x) => x.ok)).toEqual([true]);
      expect(env.robots.texts('/robot/send')[0]).toContain('- order 4100000000000000701 due 11-19 08:00 (2.0 h left), costs 5.00 if late');
      expect(r.stderr).toContain('storeops: notified dingtalk https://robot.test/robot/send?access_token=***: 1 message, 1 item');
      for (const s of ['p%40ss', 'p@ss', 'desk:', DING_TOKEN, SECRET]) expect(r.stderr).not.toContain(s);
    }, 60_000);

    it('HTTP_PROXY (lower case wins, as curl): an http robot asked through the proxy by its whole URL; NO_PROXY goes direct', async () => {
      const p = await proxy();
      const r = await runCliAsync([...AT_RISK, '--config', config({}), '--notify', 'webhook:http://robot.test/hooks/storeops'], {
        env: { TZ: tz, http_proxy: `http://127.0.0.1:${p.port}`, HTTP_PROXY: 'http://127.0.0.1:9' },
      });
      expect(r.code).toBe(0);
      expect(p.seen.map((s) => s.line)).toEqual(['POST http://robot.test/hooks/storeops']);
      expect(env.robots.received.map((x) => x.ok)).toEqual([true]);
      // NO_PROXY names the robot's host: straight to it (the proxy, port 9, would refuse).
      const direct = await runCliAsync([...AT_RISK, '--config', config({}), '--notify', `webhook:${env.robots.webhook}`], {
        env: { TZ: tz, HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: 'localhost,127.0.0.1' },
      });
      expect(direct.code).toBe(0);
      expect(env.robots.received.map((x) => x.ok)).toEqual([true, true]);
    }, 60_000);

    it('the proxy asks for a password (407): said as the proxy\'s, with what to do, not retried, zh and en; exit 6 with --notify-required', async () => {
      const p = await proxy(407);
      const r = await runCliAsync([...AT_RISK, '--config', config({}), '--notify', DING_HTTPS, '--notify-required'], {
        env: { STOREOPS_NOTIFY_SECRET: SECRET, TZ: tz, https_proxy: `127.0.0.1:${p.port}` },
      });
      expect(r.code).toBe(6);
      expect(p.seen).toHaveLength(1);
      expect(r.stderr).toContain(
        `storeops: warning: notify dingtalk https://robot.test/robot/send?access_token=*** failed: 1 try: the proxy http://127.0.0.1:${p.port} answered HTTP 407: it asks for a user name and password; put them in the proxy address: HTTPS_PROXY=http://user:password@host:port (an @ : / in them written %40 %3A %2F). `,
      );
      const zh = await runCliAsync([...AT_RISK, '--config', config({}), '--notify', DING_HTTPS, '--lang', 'zh'], {
        env: { STOREOPS_NOTIFY_SECRET: SECRET, TZ: tz, HTTPS_PROXY: `http://127.0.0.1:${p.port}` },
      });
      expect(zh.code).toBe(0);
      expect(zh.stderr).toContain(`失败: 尝试 1 次: 代理 http://127.0.0.1:${p.port} 回复 HTTP 407: 代理要求用户名和密码; 写进代理地址: HTTPS_PROXY=http://用户名:密码@主机:端口`);
    }, 60_000);

    it('a proxy that opens the tunnel and goes silent: the run ends at notify.timeout, it does not hang', async () => {
      const p = await proxy('hang');
      const started = Date.now();
      const r = await runCliAsync([...AT_RISK, '--config', config({ timeout: 0.5, attempts: 1 }), '--notify', DING_HTTPS], {
        env: { STOREOPS_NOTIFY_SECRET: SECRET, TZ: tz, HTTPS_PROXY: `http://127.0.0.1:${p.port}` },
      });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('failed: 1 try: no answer within 500 ms.');
      // Well within the default 10 s a try (the tunnel's socket kept the run alive before it was closed).
      expect(Date.now() - started).toBeLessThan(8_000);
    }, 60_000);

    // socks5:// is spoken since 2026-12 (alert44: test/notify/proxy-socks.test.ts); socks4:// is not.
    it('a proxy storeops cannot speak to (socks4://) is said, with what to write, and the post goes direct as before', async () => {
      const r = await runCliAsync([...AT_RISK, '--config', config({}), '--notify', `webhook:${env.robots.webhook}`], {
        env: { TZ: tz, HTTP_PROXY: 'socks4://127.0.0.1:1080' },
      });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(
        `storeops: warning: notify webhook ${env.robots.webhook}: HTTP_PROXY names a socks4:// proxy; storeops speaks SOCKS5 only: set HTTP_PROXY=socks5h://host:port, or ask its administrator for the http:// proxy address; posting directly instead`,
      );
      expect(env.robots.received.map((x) => x.ok)).toEqual([true]);
    }, 60_000);
  });
}

describe('which proxy (as curl reads the environment)', () => {
  it('NO_PROXY: a name matches itself and its subdomains, with or without the leading dot; a port only that port; * every host', () => {
    expect(bypassed('oapi.dingtalk.com', 443, '.dingtalk.com')).toBe(true);
    expect(bypassed('oapi.dingtalk.com', 443, 'dingtalk.com')).toBe(true);
    expect(bypassed('OAPI.DingTalk.com', 443, 'localhost, dingtalk.com')).toBe(true);
    expect(bypassed('notdingtalk.com', 443, 'dingtalk.com')).toBe(false);
    expect(bypassed('oapi.dingtalk.com', 443, 'oapi.dingtalk.com:8443')).toBe(false);
    expect(bypassed('oapi.dingtalk.com', 443, 'oapi.dingtalk.com:443')).toBe(true);
    expect(bypassed('127.0.0.1', 8080, 'localhost,127.0.0.1')).toBe(true);
    expect(bypassed('[::1]', 80, '[::1]')).toBe(true);
    expect(bypassed('qyapi.weixin.qq.com', 443, '*')).toBe(true);
    expect(bypassed('qyapi.weixin.qq.com', 443, '')).toBe(false);
    // An IPv6 address in brackets with a port (rev50: read as the address ::1:443, never matched).
    expect(bypassed('[::1]', 443, '[::1]:443')).toBe(true);
    expect(bypassed('[::1]', 8443, '[::1]:443')).toBe(false);
    expect(bypassed('::1', 443, '::1')).toBe(true);
  });

  it('a lower-case name set empty counts as not set, as curl reads it: the upper-case one is used (rev50)', () => {
    const ding = 'https://oapi.dingtalk.com/robot/send?access_token=x';
    // It hid HTTPS_PROXY (the post went direct) and NO_PROXY (the post went through the proxy).
    expect(proxyFor(ding, { https_proxy: '', HTTPS_PROXY: 'http://proxy.b:8080' })).toEqual({ host: 'proxy.b', port: 8080, shown: 'http://proxy.b:8080', from: 'HTTPS_PROXY' });
    expect(proxyFor(ding, { HTTPS_PROXY: 'http://proxy.b:8080', no_proxy: ' ', NO_PROXY: '.dingtalk.com' })).toBeUndefined();
  });

  it('a password holding a % that is not an escape (50%off) is itself, as curl takes it; it was "URI malformed", exit 70 (rev50)', () => {
    const ding = 'https://oapi.dingtalk.com/robot/send?access_token=x';
    // "desk:50%off" = 64 65 73 | 6b 3a 35 | 30 25 6f | 66 66 -> ZGVz azo1 MCVv ZmY= (base64 by hand).
    expect(proxyFor(ding, { HTTPS_PROXY: 'http://desk:50%off@proxy.corp:3128' })).toEqual({ host: 'proxy.corp', port: 3128, shown: 'http://proxy.corp:3128', from: 'HTTPS_PROXY', auth: 'Basic ZGVzazo1MCVvZmY=' });
    // An escape beside a bare %: %40 is @, %zz stays: "u:p@ss%zz".
    expect(proxyFor(ding, { HTTPS_PROXY: 'http://u:p%40ss%zz@proxy.corp:3128' })).toMatchObject({ auth: `Basic ${Buffer.from('u:p@ss%zz').toString('base64')}` });
    // A user name alone (no password): "u:" as before.
    expect(proxyFor(ding, { HTTPS_PROXY: 'http://u@proxy.corp:3128' })).toMatchObject({ auth: `Basic ${Buffer.from('u:').toString('base64')}` });
  });

  it('https robots take HTTPS_PROXY, http ones HTTP_PROXY, else ALL_PROXY; the lower-case name first; no scheme is http://', () => {
    const ding = 'https://oapi.dingtalk.com/robot/send?access_token=x';
    expect(proxyFor(ding, {})).toBeUndefined();
    expect(proxyFor(ding, { HTTP_PROXY: 'http://p:1' })).toBeUndefined();
    expect(proxyFor(ding, { HTTPS_PROXY: 'http://u:p%3Aw@proxy.corp:3128' })).toEqual({ host: 'proxy.corp', port: 3128, shown: 'http://proxy.corp:3128', from: 'HTTPS_PROXY', auth: `Basic ${Buffer.from('u:p:w').toString('base64')}` });
    expect(proxyFor(ding, { https_proxy: 'proxy.a:8080', HTTPS_PROXY: 'http://proxy.b:8080' })).toEqual({ host: 'proxy.a', port: 8080, shown: 'http://proxy.a:8080', from: 'https_proxy' });
    expect(proxyFor('http://hooks.example.com/x', { ALL_PROXY: 'http://proxy.corp' })).toEqual({ host: 'proxy.corp', port: 80, shown: 'http://proxy.corp', from: 'ALL_PROXY' });
    expect(proxyFor(ding, { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '.dingtalk.com' })).toBeUndefined();
    // An https:// proxy is spoken to since 2026-12 (alert44; it was refused and the post went direct):
    // test/notify/proxy-https.test.ts. Another scheme still refused, with what to write instead.
    expect(proxyFor(ding, { HTTPS_PROXY: 'https://proxy.corp:3128' })).toEqual({ host: 'proxy.corp', port: 3128, tls: true, shown: 'https://proxy.corp:3128', from: 'HTTPS_PROXY' });
    expect(proxyFor(ding, { HTTPS_PROXY: 'ftp://proxy.corp:21' })).toEqual({
      refused: {
        zh: 'HTTPS_PROXY 的代理是 ftp://, storeops 只支持 http://、https:// 和 socks5:// 代理: 写成 HTTPS_PROXY=http://主机:端口',
        en: 'HTTPS_PROXY names a ftp:// proxy; storeops speaks to http://, https:// and socks5:// proxies only: set HTTPS_PROXY=http://host:port',
      },
    });
  });
});
