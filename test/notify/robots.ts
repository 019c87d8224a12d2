// A local stand-in for the group robots, listening on 127.0.0.1 only. Each path plays one
// platform: it checks the request the way the platform documents it (signature, key, size) and
// answers in that platform's own shapes. Written from the platforms' documents, not from
// src/notify, so a test fails if storeops signs differently from what the platform checks.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { BIN, type CliResult, tmpDir } from '../helpers.js';

export const DING_TOKEN = 'dt0123456789abcdef';
export const WECOM_KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
export const FEISHU_HOOK = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';
export const SECRET = 'SECb1e2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';

export interface Received {
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
  /** What the robot answered. */
  answer: unknown;
  status: number;
  /** Did the robot accept it (errcode 0 / code 0 / 2xx)? */
  ok: boolean;
}

/** A forced answer for the next request to a path prefix: an HTTP status and body, or a hang (no answer). */
export type Forced = { status: number; body: unknown; until?: Promise<void> } | 'hang';

export class Robots {
  readonly received: Received[] = [];
  private readonly forced = new Map<string, Forced[]>();
  private server!: http.Server;
  port = 0;
  /** The robot's clock (ms); the platforms allow one hour of difference. */
  now: () => number = () => Date.now();

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  force(prefix: string, ...answers: Forced[]): void {
    this.forced.set(prefix, [...(this.forced.get(prefix) ?? []), ...answers]);
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get dingtalk(): string {
    return `${this.base}/robot/send?access_token=${DING_TOKEN}`;
  }
  get wecom(): string {
    return `${this.base}/cgi-bin/webhook/send?key=${WECOM_KEY}`;
  }
  get feishu(): string {
    return `${this.base}/open-apis/bot/v2/hook/${FEISHU_HOOK}`;
  }
  get webhook(): string {
    return `${this.base}/hooks/storeops`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string): void {
    const u = new URL(req.url ?? '/', this.base);
    const prefix = [...this.forced.keys()].find((p) => u.pathname.startsWith(p));
    const queue = prefix ? this.forced.get(prefix)! : [];
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      body = {};
    }
    const rec: Received = { path: u.pathname, query: u.searchParams, headers: req.headers, raw, body, answer: undefined, status: 0, ok: false };
    this.received.push(rec);
    const f = queue.shift();
    if (f === 'hang') return; // never answer: the client must time out
    const [status, answer] = f ? [f.status, f.body] : this.answer(u, req, raw, body);
    const reply = () => {
      rec.status = status;
      rec.answer = answer;
      const a = answer as { errcode?: number; code?: number };
      rec.ok = status >= 200 && status < 300 && (a.errcode ?? a.code ?? 0) === 0;
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer));
    };
    // A forced answer may wait for the test (a slow robot, while another run goes on).
    if (f?.until) void f.until.then(reply);
    else reply();
  }

  private answer(u: URL, req: http.IncomingMessage, raw: string, body: Record<string, unknown>): [number, unknown] {
    const now = this.now();
    if (u.pathname === '/robot/send') {
      // DingTalk custom robot, 加签: timestamp (ms) within one hour; sign = urlEncode(base64(HmacSHA256(secret, timestamp+"\n"+secret))).
      if (u.searchParams.get('access_token') !== DING_TOKEN) return [200, { errcode: 300001, errmsg: 'token is not exist' }];
      const ts = u.searchParams.get('timestamp');
      const sign = u.searchParams.get('sign');
      if (!ts || !sign || Math.abs(now - Number(ts)) > 3_600_000) return [200, { errcode: 310000, errmsg: 'invalid timestamp, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' }];
      const want = crypto.createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64');
      // The raw query must carry the url-encoded form; URLSearchParams decodes it once.
      const rawSign = /[?&]sign=([^&]*)/.exec(req.url ?? '')?.[1] ?? '';
      if (sign !== want || rawSign !== encodeURIComponent(want)) return [200, { errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' }];
      if (body.msgtype !== 'markdown' || typeof (body.markdown as { text?: unknown })?.text !== 'string') return [200, { errcode: 40035, errmsg: '缺少参数 json' }];
      if (Buffer.byteLength(raw) > 20_000) return [200, { errcode: 460101, errmsg: 'message too long, exceed 20000 bytes' }];
      return [200, { errcode: 0, errmsg: 'ok' }];
    }
    if (u.pathname === '/cgi-bin/webhook/send') {
      // WeCom group robot: the key is the credential; markdown.content at most 4096 bytes.
      if (u.searchParams.get('key') !== WECOM_KEY) return [200, { errcode: 93000, errmsg: 'invalid webhook url, hint: [1700000000000000000000000], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=93000' }];
      const content = (body.markdown as { content?: unknown })?.content;
      if (body.msgtype !== 'markdown' || typeof content !== 'string') return [200, { errcode: 40008, errmsg: 'invalid message type' }];
      if (Buffer.byteLength(content) > 4096) return [200, { errcode: 40058, errmsg: 'markdown.content exceed max length 4096. invalid Request Parameter' }];
      return [200, { errcode: 0, errmsg: 'ok' }];
    }
    if (u.pathname.startsWith('/open-apis/bot/v2/hook/')) {
      // Feishu custom bot, 签名校验: timestamp (s) within one hour; sign = base64(HmacSHA256(key = timestamp+"\n"+secret, message = empty)).
      if (u.pathname !== `/open-apis/bot/v2/hook/${FEISHU_HOOK}`) return [404, { code: 19001, msg: 'param invalid: incoming webhook access token invalid', data: {} }];
      if (Buffer.byteLength(raw) > 20 * 1024) return [400, { code: 9499, msg: 'Bad Request', data: {} }];
      const ts = String(body.timestamp ?? '');
      const want = crypto.createHmac('sha256', `${ts}\n${SECRET}`).update('').digest('base64');
      if (!ts || Math.abs(now / 1000 - Number(ts)) > 3600 || body.sign !== want) {
        return [200, { code: 19021, data: {}, msg: 'sign match fail or timestamp is not within one hour from current time' }];
      }
      if (body.msg_type !== 'text' || typeof (body.content as { text?: unknown })?.text !== 'string') return [400, { code: 9499, msg: 'Bad Request', data: {} }];
      return [200, { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' }];
    }
    if (u.pathname === '/hooks/storeops') {
      const ts = String(req.headers['x-storeops-timestamp'] ?? '');
      const sig = String(req.headers['x-storeops-signature'] ?? '');
      if (sig && sig !== `sha256=${crypto.createHmac('sha256', SECRET).update(`${ts}.${raw}`).digest('hex')}`) return [401, { error: 'bad signature' }];
      return [200, { ok: true }];
    }
    return [404, { error: 'no such robot' }];
  }

  /** Markdown/text of each message received on a path, in order. */
  texts(pathStart: string): string[] {
    return this.received
      .filter((r) => r.path.startsWith(pathStart) && r.ok)
      .map((r) => {
        const b = r.body as { markdown?: { text?: string; content?: string }; content?: { text?: string } };
        return b.markdown?.text ?? b.markdown?.content ?? b.content?.text ?? '';
      });
  }
}

/** Run the built binary without blocking this process (the robots answer from here meanwhile). */
export function runCliAsync(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  const home = opts.env?.HOME ?? tmpDir('storeops-home-');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    NO_COLOR: '1',
    TZ: 'UTC',
    LANG: 'C',
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    ...opts.env,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdoutBytes = Buffer.concat(out);
      resolve({ code, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes });
    });
  });
}

/**
 * A robot server for each test of the calling file, started before the test and stopped after it, and
 * a fresh folder beside it: `env.robots` and `env.dir` inside a test.
 */
export function robotsEachTest(): { readonly robots: Robots; readonly dir: string } {
  const env = {} as { robots: Robots; dir: string };
  beforeEach(async () => {
    env.robots = await new Robots().start();
    env.dir = tmpDir();
  });
  afterEach(async () => {
    await env.robots.stop();
  });
  return env;
}
