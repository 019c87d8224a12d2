// A SOCKS5 proxy (RFC 1928; user and password RFC 1929): ALL_PROXY=socks5h://host:1080. Until
// 2026-12 (alert44) storeops warned "names a socks5:// proxy; storeops speaks to http:// proxies
// only" and posted directly, which on a desk whose only way out is that proxy failed. The proxy here
// is a local SOCKS5 server written from the RFCs; it connects robot.test (which resolves nowhere) to
// the local robots: port 80 to the plain robots, 443 to a TLS front with an openssl-made certificate
// trusted through NODE_EXTRA_CA_CERTS.
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

interface Asked {
  methods: number[];
  user?: string;
  password?: string;
  /** ATYP 3 (a name) and the name, or 1/4 and the address; then the port. */
  to?: string;
}

/** A SOCKS5 server: `mode` none (no authentication), userpass (desk / 9f2k), or refuse (REP 2, not allowed). */
class Socks5 {
  readonly asked: Asked[] = [];
  private server!: net.Server;
  private readonly socks: net.Socket[] = [];
  port = 0;
  constructor(
    private readonly mode: 'none' | 'userpass' | 'refuse',
    private readonly upstream: (port: number) => number,
  ) {}
  async start(): Promise<this> {
    this.server = net.createServer((c) => {
      this.socks.push(c);
      c.on('error', () => undefined);
      const a: Asked = { methods: [] };
      this.asked.push(a);
      let buf = Buffer.alloc(0);
      let step = 0;
      const onData = (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        if (step === 0) {
          // VER NMETHODS METHODS
          if (buf.length < 2 || buf.length < 2 + buf[1]!) return;
          a.methods = [...buf.subarray(2, 2 + buf[1]!)];
          buf = buf.subarray(2 + buf[1]!);
          if (this.mode === 'userpass') {
            if (!a.methods.includes(2)) return void c.end(Buffer.from([5, 0xff]));
            c.write(Buffer.from([5, 2]));
            step = 1;
          } else {
            c.write(Buffer.from([5, 0]));
            step = 2;
          }
        }
        if (step === 1) {
          // VER ULEN UNAME PLEN PASSWD
          if (buf.length < 2) return;
          const ul = buf[1]!;
          if (buf.length < 3 + ul || buf.length < 3 + ul + buf[2 + ul]!) return;
          a.user = buf.subarray(2, 2 + ul).toString();
          const pl = buf[2 + ul]!;
          a.password = buf.subarray(3 + ul, 3 + ul + pl).toString();
          buf = buf.subarray(3 + ul + pl);
          const ok = a.user === 'desk' && a.password === 'p@ss 9f2k';
          c.write(Buffer.from([1, ok ? 0 : 1]));
          if (!ok) return void c.end();
          step = 2;
        }
        if (step === 2) {
          // VER CMD RSV ATYP DST.ADDR DST.PORT
          if (buf.length < 5) return;
          const len = buf[3] === 1 ? 4 : buf[3] === 4 ? 16 : 1 + buf[4]!;
          if (buf.length < 4 + len + 2) return;
          const name = buf[3] === 3 ? buf.subarray(5, 5 + buf[4]!).toString() : buf[3] === 1 ? [...buf.subarray(4, 8)].join('.') : 'v6';
          const port = buf.readUInt16BE(4 + len);
          a.to = `${buf[3]} ${name}:${port}`;
          c.removeListener('data', onData);
          if (this.mode === 'refuse') return void c.end(Buffer.from([5, 2, 0, 1, 0, 0, 0, 0, 0, 0]));
          const up = net.connect(this.upstream(port), '127.0.0.1', () => {
            c.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
            c.pipe(up);
            up.pipe(c);
          });
          this.socks.push(up);
          up.on('error', () => c.destroy());
          c.on('close', () => up.destroy());
        }
      };
      c.on('data', onData);
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }
  async stop(): Promise<void> {
    for (const s of this.socks) s.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

let cert: string;
let tlsFront: https.Server;
let tlsPort = 0;
const proxies: Socks5[] = [];
beforeEach(async () => {
  cert = path.join(env.dir, 'robot.pem');
  const key = path.join(env.dir, 'robot.key');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=robot.test', '-addext', 'subjectAltName=DNS:robot.test'], { stdio: 'ignore' });
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

async function socks(mode: 'none' | 'userpass' | 'refuse'): Promise<Socks5> {
  const p = await new Socks5(mode, (port) => (port === 443 ? tlsPort : env.robots.port)).start();
  proxies.push(p);
  return p;
}

function config(): string {
  const file = path.join(env.dir, 'config.json');
  fs.writeFileSync(file, JSON.stringify({ notify: { attempts: 1 } }));
  fs.chmodSync(file, 0o600);
  return file;
}

// The example's at-risk order (test/notify/cli.test.ts): …701 due 11-19 08:00, as of 06:00 2.0 h left.
const AT_RISK = ['compensate', ORDERS, '--at-risk', '12', '--as-of', '2026-11-19 06:00:00', '--notify-on', 'always'];
const DING_HTTPS = `dingtalk:https://robot.test/robot/send?access_token=${DING_TOKEN}`;

describe('which proxy: socks5:// and socks5h://', () => {
  it('proxyFor: port 1080 when none is written; the user and password as bytes (%40 is @), never in `shown`', () => {
    expect(proxyFor('https://oapi.dingtalk.com/x', { ALL_PROXY: 'socks5h://proxy.corp' })).toEqual({ host: 'proxy.corp', port: 1080, socks: true, shown: 'socks5h://proxy.corp', from: 'ALL_PROXY' });
    expect(proxyFor('https://oapi.dingtalk.com/x', { HTTPS_PROXY: 'socks5://u:p%40w@proxy.corp:1081' })).toEqual({
      host: 'proxy.corp',
      port: 1081,
      socks: true,
      shown: 'socks5://proxy.corp:1081',
      from: 'HTTPS_PROXY',
      socksAuth: { user: Buffer.from('u'), password: Buffer.from('p@w') },
    });
    // socks4 is not spoken: said, with what to write.
    expect(proxyFor('https://oapi.dingtalk.com/x', { ALL_PROXY: 'socks4://proxy.corp:1080' })).toEqual({
      refused: {
        zh: 'ALL_PROXY 是 socks4:// 代理, storeops 只支持 SOCKS5: 写成 ALL_PROXY=socks5h://主机:端口, 或向管理员要 http:// 代理的地址',
        en: 'ALL_PROXY names a socks4:// proxy; storeops speaks SOCKS5 only: set ALL_PROXY=socks5h://host:port, or ask its administrator for the http:// proxy address',
      },
    });
  });
});

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`--notify through a SOCKS5 proxy (TZ=${tz})`, () => {
    it('an https robot, no authentication: CONNECT to the name robot.test:443 (the proxy looks it up), TLS with the robot inside', async () => {
      const p = await socks('none');
      const r = await runCliAsync([...AT_RISK, '--config', config(), '--notify', DING_HTTPS], {
        env: { STOREOPS_NOTIFY_SECRET: SECRET, TZ: tz, ALL_PROXY: `socks5h://127.0.0.1:${p.port}`, NODE_EXTRA_CA_CERTS: cert },
      });
      expect(r.stderr).toContain('storeops: notified dingtalk https://robot.test/robot/send?access_token=***: 1 message, 1 item');
      expect(r.code).toBe(0);
      // Offered "no authentication" (0) only; ATYP 3, a domain name.
      expect(p.asked).toEqual([{ methods: [0], to: '3 robot.test:443' }]);
      expect(env.robots.received.map((x) => x.ok)).toEqual([true]);
    }, 60_000);

    it('an http robot with user and password (RFC 1929): the name given to the proxy too, the password never printed', async () => {
      const p = await socks('userpass');
      const r = await runCliAsync([...AT_RISK, '--config', config(), '--notify', 'webhook:http://robot.test/hooks/storeops'], {
        env: { TZ: tz, HTTP_PROXY: `socks5://desk:p%40ss%209f2k@127.0.0.1:${p.port}` },
      });
      expect(r.code).toBe(0);
      expect(p.asked).toEqual([{ methods: [0, 2], user: 'desk', password: 'p@ss 9f2k', to: '3 robot.test:80' }]);
      expect(env.robots.received.map((x) => x.ok)).toEqual([true]);
      for (const s of ['9f2k', 'desk:']) expect(r.stderr).not.toContain(s);
    }, 60_000);

    it('the proxy refuses (REP 2, not allowed by its rules): said as the proxy\'s, with what to do, zh and en, not retried', async () => {
      const p = await socks('refuse');
      const args = [...AT_RISK, '--config', path.join(env.dir, 'c3.json'), '--notify', DING_HTTPS];
      fs.writeFileSync(path.join(env.dir, 'c3.json'), JSON.stringify({ notify: { attempts: 3, backoff: 0.05 } }));
      fs.chmodSync(path.join(env.dir, 'c3.json'), 0o600);
      const e = { STOREOPS_NOTIFY_SECRET: SECRET, TZ: tz, HTTPS_PROXY: `socks5h://127.0.0.1:${p.port}` };
      const r = await runCliAsync(args, { env: e });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(
        `failed: 1 try: the proxy socks5h://127.0.0.1:${p.port}: its rules do not let this machine reach the robot's server: ask its administrator, or list the host in NO_PROXY to connect directly. `,
      );
      const zh = await runCliAsync([...args, '--lang', 'zh'], { env: e });
      expect(zh.stderr).toContain(`失败: 尝试 1 次: 代理 socks5h://127.0.0.1:${p.port}: 代理的规则不允许连到机器人的服务器: 请管理员放行, 或在 NO_PROXY 中列出它以直接连接。`);
      expect(env.robots.received).toEqual([]);
    }, 60_000);

    it('a wrong password: the proxy says no (RFC 1929 status 1), said as the proxy\'s', async () => {
      const p = await socks('userpass');
      const r = await runCliAsync([...AT_RISK, '--config', config(), '--notify', 'webhook:http://robot.test/hooks/storeops', '--lang', 'zh'], {
        env: { TZ: tz, HTTP_PROXY: `socks5://desk:wrong@127.0.0.1:${p.port}` },
      });
      expect(r.stderr).toContain(`失败: 尝试 1 次: 代理 socks5://127.0.0.1:${p.port}: 代理不接受代理地址里的用户名和密码。`);
      expect(r.stderr).not.toContain('wrong');
    }, 60_000);
  });
}
