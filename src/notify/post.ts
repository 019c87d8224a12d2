// Posting one message to one robot: sign it as the platform wants, send it with a timeout, read
// the platform's answer, and retry with backoff while the time allowed lasts. The clock and the
// sleep are passed in (tests), and no URL is ever put in a message whole (it holds the token).
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { type Msg, msg } from '../errors.js';
import { dingtalkSignedUrl, feishuSign, webhookSign } from './sign.js';
import type { Proxy } from './proxy.js';
import { SocksRefused, socksConnect } from './socks.js';
import type { Kind, Target } from './types.js';

export interface PostPolicy {
  /** Per request, ms. */
  timeoutMs: number;
  /** Tries at most, the first included. */
  attempts: number;
  /** Wait before the second try, ms; doubled for each further try. */
  backoffMs: number;
  /** Epoch ms after which no request is started or waited for (the run's notify budget). */
  deadline: number;
  /** The real clock (signatures need real time, never --as-of). */
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The proxy to post through (HTTPS_PROXY …, proxy.ts), if any. */
  proxy?: Proxy;
}

export type Answer = { ok: true } | { ok: false; retry: boolean; why: Msg };

/**
 * What to do about a refusal, in plain words (an operator reads "errcode 300001 token is not exist"
 * in the cron mail): a wrong or removed robot address, a wrong signing secret or clock, the robot's
 * keyword or IP security setting. Undefined when the code says nothing an operator can act on.
 */
function advice(kind: Kind, code: number, said: string): Msg | undefined {
  const t = said.toLowerCase();
  if ((kind === 'dingtalk' && code === 130101) || (kind === 'wecom' && code === 45009) || (kind === 'feishu' && code === 11232)) return rateAdvice(kind);
  if ((kind === 'dingtalk' && (code === 300001 || code === 300005)) || (kind === 'wecom' && code === 93000) || (kind === 'feishu' && code === 19001)) {
    return msg('机器人地址不对或机器人已被移除: 从群设置的机器人里重新复制 webhook 地址', "the robot address is wrong or the robot was removed: copy the webhook address from the group's robot settings again");
  }
  if ((kind === 'dingtalk' && code === 310000 && /keyword/.test(t)) || (kind === 'feishu' && code === 19024)) {
    return msg('机器人的安全设置要求关键词: 在机器人设置里把 storeops 加为关键词', "the robot's security setting requires a keyword: add storeops as a keyword in the robot's settings");
  }
  if ((kind === 'dingtalk' && code === 310000 && /\bip\b|whitelist/.test(t)) || (kind === 'feishu' && code === 19022)) {
    return msg('本机的 IP 不在机器人的 IP 白名单里: 在机器人设置里加上它', "this machine's IP is not in the robot's IP allow-list: add it in the robot's settings");
  }
  if ((kind === 'dingtalk' && code === 310000) || (kind === 'feishu' && code === 19021)) {
    return msg(
      '签名不对: 检查加签/签名校验的密钥 (STOREOPS_NOTIFY_SECRET 或配置 notify.secret) 与机器人设置里的一致, 以及本机时钟 (误差不能超过 1 小时)',
      "the signature was refused: check that the signing secret (STOREOPS_NOTIFY_SECRET or config notify.secret) is the one in the robot's settings, and that this machine's clock is right (within an hour)",
    );
  }
  return undefined;
}

/**
 * A rate limit (DingTalk 130101, WeCom 45009, Feishu 11232, HTTP 429): what happened and what to do.
 * The tries come seconds apart (notify.backoff), the platforms count per minute: the retries of the
 * same run meet the same limit. Until 2026-12 a 130101 said only the platform's words.
 */
function rateAdvice(kind: Kind): Msg {
  if (kind === 'webhook') {
    return msg(
      '发送太频繁, 服务器要求稍后再发: 减少发往该地址的其他发送, 或把 notify.backoff 调大 (例如 30), 让重试多等一会',
      'too many messages: the server asks to wait before sending again: post to it less often from elsewhere, or set notify.backoff higher (e.g. 30) so that the retries wait longer',
    );
  }
  const limit = kind === 'feishu' ? msg('每分钟最多 100 条、每秒最多 5 条', 'at most 100 messages a minute and 5 a second') : msg('每分钟最多 20 条', 'at most 20 messages a minute');
  return msg(
    `发送太频繁: 这个机器人${limit.zh}, 同一机器人上的其他发送 (另一个定时任务或其他工具) 已用完这一分钟的额度, 几秒后的重试也被拒绝。让发往同一机器人的各个定时任务错开分钟, 或每个任务用各自的机器人; 也可把配置 notify.backoff 设为 30, 让重试等过这一分钟`,
    `too many messages: the robot takes ${limit.en}, and other posts to it (another cron job or tool on the same robot) used up this minute's, so the retries seconds later were refused too. Run the cron jobs posting to the same robot at different minutes, or give each its own robot; or set notify.backoff to 30 in the config so that a retry waits past the minute`,
  );
}

function refused(kind: Kind, code: number, text: string, retry: boolean): Answer {
  const a = advice(kind, code, text);
  const label = kind === 'feishu' ? 'code' : 'errcode';
  return {
    ok: false,
    retry,
    why: msg(`平台回复 ${label} ${text}${a ? `: ${a.zh}` : ''}`, `the platform answered ${label} ${text}${a ? `: ${a.en}` : ''}`),
  };
}

/**
 * An HTTP status as the cron log says it: what it means for the operator where there is something
 * to know or do ("HTTP 500" alone said neither).
 */
function httpWhy(status: number, kind: Kind): Msg {
  const said = (zh: string, en: string) => msg(`HTTP ${status}: ${zh}`, `HTTP ${status}: ${en}`);
  if (status >= 500) return said('机器人的服务器出错 (平台或中间的代理临时故障)', "the robot's server failed (the platform, or a proxy in between, is having trouble)");
  if (status === 404 || status === 410) return said('没有这个机器人地址: 从群设置的机器人里重新复制 webhook 地址', "no robot at this address: copy the webhook address from the group's robot settings again");
  if (status === 401 || status === 403) return said('服务器拒绝了请求: 检查 webhook 地址里的 token 和签名密钥', 'the server refused the request: check the token in the webhook address and the signing secret');
  if (status === 429) {
    const a = rateAdvice(kind);
    return msg(`HTTP ${status}: ${a.zh}`, `HTTP ${status}: ${a.en}`);
  }
  if (status === 408) return said('服务器等待请求超时', 'the server timed out waiting for the request');
  if (status === 407) return said('代理要求用户名和密码: 写进代理地址 HTTP_PROXY=http://用户名:密码@主机:端口', 'the proxy asks for a user name and password: put them in the proxy address, HTTP_PROXY=http://user:password@host:port');
  return msg(`HTTP ${status}`, `HTTP ${status}`);
}

const ROBOT_NAME: Record<Kind, Msg> = {
  dingtalk: msg('钉钉', 'DingTalk'),
  wecom: msg('企业微信', 'WeCom'),
  feishu: msg('飞书', 'Feishu'),
  webhook: msg('webhook', 'webhook'),
};

/**
 * A 2xx answer that is not the platform's JSON: the address is not that platform's robot (a web
 * page, a proxy's login page, a `dingtalk:` prefix on another service's URL). It said only
 * "the answer is not the expected JSON".
 */
function notRobot(kind: Kind): Msg {
  const n = ROBOT_NAME[kind];
  return msg(
    `回复不是预期的 JSON: 这个地址可能不是${n.zh}机器人的 webhook 地址 (从群设置的机器人里重新复制; 不是${n.zh}机器人时改用 webhook: 前缀)`,
    `the answer is not the expected JSON: this address may not be a ${n.en} robot's webhook (copy it again from the group's robot settings; for another service use the webhook: prefix)`,
  );
}

/** What the platform's reply means. Platforms answer most errors with HTTP 200 and a code in the body. */
export function readAnswer(kind: Kind, status: number, text: string): Answer {
  const transientHttp = status >= 500 || status === 429 || status === 408;
  let body: Record<string, unknown> | undefined;
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) body = v as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  const said = (code: unknown, m: unknown) => `${String(code)} ${String(m ?? '').slice(0, 160)}`.trim();
  const httpFail = (): Answer =>
    status >= 300 && status < 400
      ? {
          // A robot URL that redirects is mistyped, outdated or behind a proxy: a POST is not re-sent
          // elsewhere (the token would go with it), and the next try would meet the same redirect.
          ok: false,
          retry: false,
          why: msg(
            `HTTP ${status}: 机器人地址被重定向到别处, storeops 不跟随: 从机器人设置里重新复制 webhook 地址`,
            `HTTP ${status}: the robot URL redirects elsewhere; storeops does not follow it: copy the webhook address from the robot's settings again`,
          ),
        }
      : { ok: false, retry: transientHttp, why: httpWhy(status, kind) };

  switch (kind) {
    case 'dingtalk':
    case 'wecom': {
      // {"errcode":0,"errmsg":"ok"} on success for both.
      if (!body || typeof body.errcode !== 'number') return status >= 200 && status < 300 ? { ok: false, retry: false, why: notRobot(kind) } : httpFail();
      if (body.errcode === 0) return { ok: true };
      // DingTalk: 130101 more than 20 messages a minute, 310000 sign not match / invalid timestamp.
      // WeCom: 45009 frequency limit, -1 system busy.
      const retryCodes = kind === 'dingtalk' ? [130101, 310000] : [45009, -1];
      // 310000 is also the robot's keyword and IP settings ("keywords not in content", "ip … not in
      // whitelist"): the next try sends the same text from the same machine, refused alike, and used 2 of
      // the robot's 20 messages a minute (Feishu's 19024/19022 were never retried). Only a signature or
      // timestamp refusal can heal (signed afresh).
      const settingRefused = kind === 'dingtalk' && body.errcode === 310000 && /keyword|\bip\b|whitelist/i.test(String(body.errmsg ?? ''));
      return refused(kind, body.errcode, said(body.errcode, body.errmsg), transientHttp || (retryCodes.includes(body.errcode) && !settingRefused));
    }
    case 'feishu': {
      // {"code":0,"msg":"success","data":{}}; older hooks answer {"StatusCode":0,"StatusMessage":"success"}.
      const code = body ? (body.code ?? body.StatusCode) : undefined;
      if (typeof code !== 'number') return status >= 200 && status < 300 ? { ok: false, retry: false, why: notRobot(kind) } : httpFail();
      if (code === 0) return { ok: true };
      // 11232 frequency limit; 19021 sign match fail or timestamp not within one hour.
      return refused(kind, code, said(code, body!.msg ?? body!.StatusMessage), transientHttp || code === 11232 || code === 19021);
    }
    case 'webhook':
      return status >= 200 && status < 300 ? { ok: true } : httpFail();
  }
}

interface Reply {
  status: number;
  text: string;
}

/** One POST of a JSON body; rejects on network errors and after `timeoutMs` (the whole exchange, the proxy's part included). */
export function postOnce(url: string, body: string, headers: Record<string, string>, timeoutMs: number, proxy?: Proxy): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    let current: http.ClientRequest | undefined;
    // A CONNECT tunnel's socket: closed with the exchange, whatever its end (a TLS socket laid over it
    // does not close it, and an open one kept the run from exiting).
    let tunnel: net.Socket | undefined;
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      tunnel?.destroy();
      reject(e);
    };
    const timer = setTimeout(() => {
      const e = new TimeoutError(timeoutMs);
      current?.destroy(e);
      fail(e);
    }, timeoutMs);
    const onResponse = (res: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        tunnel?.destroy();
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      };
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= 65_536) {
          chunks.push(c);
          return;
        }
        // No platform answers with more than a few hundred bytes: what is past 64 KiB is not an
        // answer to read (a proxy's page, an endless stream), so stop here rather than wait it out.
        finish();
        current?.destroy();
      });
      res.on('end', finish);
      res.on('error', fail);
    };
    const own = { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), 'User-Agent': 'storeops', ...headers };
    // agent: false — no keep-alive: a cron run ends as soon as its work is done.
    const send = (req: http.ClientRequest) => {
      current = req;
      req.on('error', fail); // after finish() a promise already settled: no effect
      req.end(body);
    };
    if (!proxy) {
      send((u.protocol === 'https:' ? https : http).request(u, { method: 'POST', agent: false, headers: own }, onResponse));
      return;
    }
    if (proxy.socks) {
      // A SOCKS5 proxy connects a socket to the robot's host; TLS (https) or HTTP over it as if direct.
      socksConnect(proxy, u.hostname, Number(u.port || (u.protocol === 'https:' ? 443 : 80)), (s) => {
        tunnel = s;
      }).then(
        (socket) => {
          if (settled) {
            socket.destroy();
            return;
          }
          const servername = u.hostname.replace(/^\[|\]$/g, '');
          const createConnection = () => (u.protocol === 'https:' ? tls.connect({ socket, servername: net.isIP(servername) ? undefined : servername }) : socket);
          send((u.protocol === 'https:' ? https : http).request(u, { method: 'POST', headers: own, createConnection }, onResponse));
        },
        (e: unknown) => fail(e instanceof SocksRefused ? e : new ProxyError(proxy, e)),
      );
      return;
    }
    const auth: Record<string, string> = proxy.auth ? { 'Proxy-Authorization': proxy.auth } : {};
    // To the proxy itself: TCP for an http:// proxy, TLS for an https:// one (checked like any https
    // server: the machine's trusted certificates and NODE_EXTRA_CA_CERTS, the name in the proxy
    // address). No agent with createConnection (agent: false would make a fresh one and ignore it).
    const toProxy: http.RequestOptions = proxy.tls
      ? { host: proxy.host, port: proxy.port, createConnection: () => tls.connect({ host: proxy.host, port: proxy.port, servername: net.isIP(proxy.host) ? undefined : proxy.host, ALPNProtocols: ['http/1.1'] }) }
      : { host: proxy.host, port: proxy.port, agent: false };
    if (u.protocol === 'http:') {
      // An http robot through the proxy: the whole URL as the request target (RFC 9112 absolute-form).
      const req = http.request({ ...toProxy, method: 'POST', path: u.href, headers: { Host: u.host, ...own, ...auth } }, onResponse);
      req.on('error', (e) => fail(new ProxyError(proxy, e)));
      current = req;
      req.end(body);
      return;
    }
    // An https robot: a CONNECT tunnel to its host, then TLS with the robot itself through it.
    const port = Number(u.port || 443);
    const authority = `${u.hostname.includes(':') ? `[${u.hostname}]` : u.hostname}:${port}`;
    const connect = http.request({ ...toProxy, method: 'CONNECT', path: authority, headers: { Host: authority, 'User-Agent': 'storeops', ...auth } });
    current = connect;
    connect.on('error', (e) => fail(new ProxyError(proxy, e)));
    connect.on('connect', (res, socket) => {
      tunnel = socket;
      if (res.statusCode !== 200) {
        socket.destroy();
        fail(new ProxyRefused(proxy, res.statusCode ?? 0));
        return;
      }
      if (settled) {
        socket.destroy();
        return;
      }
      const servername = u.hostname.replace(/^\[|\]$/g, '');
      // No agent (not agent: false, which makes a fresh one and ignores createConnection: the post went direct).
      send(https.request(u, { method: 'POST', headers: own, createConnection: () => tls.connect({ socket, servername: net.isIP(servername) ? undefined : servername }) }, onResponse));
    });
    connect.end();
  });
}

/** A failure reaching or speaking to the proxy (not the robot): said as the proxy's. */
class ProxyError extends Error {
  constructor(
    readonly proxy: Proxy,
    override readonly cause: unknown,
  ) {
    super(`proxy ${proxy.shown}: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

/** The proxy answered the CONNECT with another status than 200. */
class ProxyRefused extends Error {
  constructor(
    readonly proxy: Proxy,
    readonly status: number,
  ) {
    super(`proxy ${proxy.shown} answered HTTP ${status}`);
  }
}

function proxyRefusedWhy(e: ProxyRefused): Answer {
  const p = e.proxy.shown;
  const s = e.status;
  if (s === 407) {
    return {
      ok: false,
      retry: false,
      why: msg(
        `代理 ${p} 回复 HTTP 407: 代理要求用户名和密码; 写进代理地址: HTTPS_PROXY=http://用户名:密码@主机:端口 (用户名或密码中的 @ : / 写成 %40 %3A %2F)`,
        `the proxy ${p} answered HTTP 407: it asks for a user name and password; put them in the proxy address: HTTPS_PROXY=http://user:password@host:port (an @ : / in them written %40 %3A %2F)`,
      ),
    };
  }
  if (s === 403 || s === 405) {
    return {
      ok: false,
      retry: false,
      why: msg(
        `代理 ${p} 回复 HTTP ${s}: 代理不允许连到机器人的服务器; 请管理员放行该主机的 443 端口, 或在 NO_PROXY 中列出它以直接连接`,
        `the proxy ${p} answered HTTP ${s}: it does not let this machine reach the robot's server; ask its administrator to allow that host on port 443, or list it in NO_PROXY to connect directly`,
      ),
    };
  }
  return { ok: false, retry: s >= 500 || s === 429 || s === 408, why: msg(`代理 ${p} 回复 HTTP ${s}`, `the proxy ${p} answered HTTP ${s}`) };
}

class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** The request as sent at `nowMs`: URL, body and headers, signed when the target has a secret. */
export function signedRequest(target: Target, payload: Record<string, unknown>, nowMs: number): { url: string; body: string; headers: Record<string, string> } {
  const secret = target.secret;
  switch (target.kind) {
    case 'dingtalk':
      return { url: secret ? dingtalkSignedUrl(target.url, secret, nowMs) : target.url, body: JSON.stringify(payload), headers: {} };
    case 'feishu': {
      const signed = secret ? { ...feishuSign(secret, Math.floor(nowMs / 1000)), ...payload } : payload;
      return { url: target.url, body: JSON.stringify(signed), headers: {} };
    }
    case 'wecom':
      return { url: target.url, body: JSON.stringify(payload), headers: {} };
    case 'webhook': {
      const body = JSON.stringify(payload);
      if (!secret) return { url: target.url, body, headers: {} };
      const s = webhookSign(secret, Math.floor(nowMs / 1000), body);
      return { url: target.url, body, headers: { 'X-Storeops-Timestamp': s.timestamp, 'X-Storeops-Signature': s.signature } };
    }
  }
}

export interface Delivery {
  ok: boolean;
  tries: number;
  /** Why each failed try failed, in order. */
  failures: Msg[];
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Post with retries: a transient failure is tried again after 1×, 2×, 4× … backoff, never past the deadline. */
export async function deliver(target: Target, payload: Record<string, unknown>, policy: PostPolicy): Promise<Delivery> {
  const sleep = policy.sleep ?? realSleep;
  const failures: Msg[] = [];
  let wait = policy.backoffMs;
  for (let tryNo = 1; tryNo <= Math.max(1, policy.attempts); tryNo++) {
    const left = policy.deadline - policy.now();
    if (left <= 0) {
      failures.push(msg('通知的时间用完了, 不再重试', 'the time allowed for notifications ran out; no more tries'));
      return { ok: false, tries: tryNo - 1, failures };
    }
    const req = signedRequest(target, payload, policy.now());
    let answer: Answer;
    try {
      const reply = await postOnce(req.url, req.body, req.headers, Math.min(policy.timeoutMs, left), policy.proxy);
      answer = readAnswer(target.kind, reply.status, reply.text);
    } catch (e) {
      answer =
        e instanceof ProxyRefused
          ? proxyRefusedWhy(e)
          : e instanceof SocksRefused
            ? { ok: false, retry: e.retry, why: msg(`代理 ${e.proxy.shown}: ${e.why.zh}`, `the proxy ${e.proxy.shown}: ${e.why.en}`) }
            : { ok: false, retry: !certificateFailure(e), why: networkWhy(e) };
    }
    if (answer.ok) return { ok: true, tries: tryNo, failures };
    failures.push(answer.why);
    if (!answer.retry || tryNo >= policy.attempts) return { ok: false, tries: tryNo, failures };
    if (policy.now() + wait >= policy.deadline) {
      failures.push(msg('通知的时间用完了, 不再重试', 'the time allowed for notifications ran out; no more tries'));
      return { ok: false, tries: tryNo, failures };
    }
    await sleep(wait);
    wait *= 2;
  }
  return { ok: false, tries: policy.attempts, failures };
}

/**
 * A failed exchange said for the operator: what it means and what to do, the system's code in
 * brackets for whoever helps them. Every zh text is Chinese: a code no case names, or an error with
 * no code, said "网络错误 EPIPE" / the system's English sentence ("网络错误 socket hang up") under
 * --lang zh until 2026-12 (alert44); the zh text now says where to read the system's words (--lang en).
 */
export function networkWhy(e: unknown): Msg {
  if (e instanceof TimeoutError) return msg(`${e.ms} 毫秒内没有回复`, `no answer within ${e.ms} ms`);
  if (e instanceof ProxyError) {
    // The proxy's own failure, said as the proxy's: "connection refused" was read as the robot's.
    const code = (e.cause as NodeJS.ErrnoException)?.code ?? '';
    let w: Msg;
    if (isCertificate(code)) w = msg(`网络错误: ${PROXY_CERTIFICATE.zh}; ${NOT_RETRIED.zh} [${code}]`, `network error: ${PROXY_CERTIFICATE.en}; ${NOT_RETRIED.en} [${code}]`);
    else if (e.proxy.tls && isTls(code)) w = msg(`网络错误: ${PROXY_NOT_TLS.zh} [${code}]`, `network error: ${PROXY_NOT_TLS.en} [${code}]`);
    else w = networkWhy(e.cause);
    return msg(`代理 ${e.proxy.shown} (${e.proxy.from}): ${w.zh}`, `the proxy ${e.proxy.shown} (${e.proxy.from}): ${w.en}`);
  }
  const err = e as NodeJS.ErrnoException;
  // Node's messages name the host and port at most, never the path or query.
  const code = typeof err?.code === 'string' ? err.code : '';
  const said = String(err?.message ?? e).slice(0, 200);
  // What the code means for an operator reading the cron log ("network error ENOTFOUND" said
  // nothing to do); the code stays in brackets for whoever helps them.
  if (isCertificate(code)) {
    const c = serverCertificate(code);
    return msg(`网络错误: ${c.zh}; ${NOT_RETRIED.zh} [${code}]`, `network error: ${c.en}; ${NOT_RETRIED.en} [${code}]`);
  }
  const plain = code ? NETWORK_CODES[code] ?? (isTls(code) ? TLS_FAILED : /^HPE_/.test(code) ? NOT_HTTP : undefined) : undefined;
  if (plain) return msg(`网络错误: ${plain.zh} [${code}]`, `network error: ${plain.en} [${code}]`);
  const zhAfter = '检查网络连接和代理设置; 加 --lang en 再运行可看到系统的原文';
  if (code) return msg(`网络错误 [${code}]: ${zhAfter}`, `network error [${code}]: ${said}`);
  return msg(`网络错误 (没有错误代码): ${zhAfter}`, `network error ${said}`);
}

const isCertificate = (code: string) => /^(CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_TLS_CERT)/.test(code);

/**
 * A certificate the robot's server or the proxy showed and this machine refused (self-signed, issued by
 * an unknown authority, expired, for another host name). Not retried (docs/notify.md "Answers and
 * retries"): it does not put itself right within the seconds between tries, and until 2026-12 each of
 * the 3 tries met it alike, spending notify.budget for nothing.
 */
export function certificateFailure(e: unknown): boolean {
  const cause = e instanceof ProxyError ? e.cause : e;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && isCertificate(code);
}

const NOT_RETRIED = msg('未重试 (证书问题不会在几秒内自己消失)', 'not retried (a certificate does not put itself right within seconds)');

/** What the robot's server's certificate failing means, by its kind, and what to do. */
function serverCertificate(code: string): Msg {
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return CERTIFICATE_NAME;
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return CERTIFICATE_DATE;
  return CERTIFICATE;
}
const isTls = (code: string) => /^ERR_SSL_/.test(code) || code === 'EPROTO';

const UNREACHABLE = msg('连不上机器人的服务器 (网络断了, 或被防火墙挡住?)', "the robot's server could not be reached (network down, or a firewall in the way?)");
const CERTIFICATE = msg(
  '无法验证服务器的证书: 本机不信任签发它的机构 (自签名的证书, 或公司的代理、安全软件换了证书): 把签发它的根证书文件 (PEM 格式, 向网管要) 写进 NODE_EXTRA_CA_CERTS=文件; 或检查代理设置 (HTTPS_PROXY 等) 和机器人网址',
  "the server's certificate could not be checked: this machine does not trust who issued it (a self-signed certificate, or a company proxy or security software replacing certificates): name the root certificate file it was issued by (PEM, from your IT administrator) in NODE_EXTRA_CA_CERTS=file; or check the proxy setting (HTTPS_PROXY …) and the robot URL",
);
const CERTIFICATE_DATE = msg(
  '服务器的证书已过期或尚未生效: 检查本机的日期和时间; 时间无误时, 可能是中间的代理出示了旧证书 (检查代理设置 HTTPS_PROXY 等), 或机器人网址不是平台的地址 (从机器人设置中重新复制)',
  "the server's certificate has expired or is not valid yet: check this machine's date and time; if they are right, a proxy in between may be showing an old certificate (check the proxy setting, HTTPS_PROXY …), or the robot URL is not the platform's (copy it again from the robot's settings)",
);
const CERTIFICATE_NAME = msg(
  '服务器的证书不是机器人网址中的主机名的: 检查机器人网址 (从机器人设置中重新复制), 或中间有代理冒充了它 (检查代理设置 HTTPS_PROXY 等和 NO_PROXY)',
  "the server's certificate is for another host name than the robot URL's: check the robot URL (copy it again from the robot's settings), or a proxy in between answering for it (check the proxy setting, HTTPS_PROXY …, and NO_PROXY)",
);
const PROXY_CERTIFICATE = msg(
  '无法验证代理的证书: 把签发它的根证书文件 (PEM 格式, 向代理的管理员要) 写进 NODE_EXTRA_CA_CERTS=文件, 并检查代理地址里的主机名与证书上的一致、本机时钟正确',
  "the proxy's certificate could not be checked: name the root certificate file it was issued by (PEM, from the proxy's administrator) in NODE_EXTRA_CA_CERTS=file, and check that the host in the proxy address is the one its certificate names and that this machine's clock is right",
);
const PROXY_NOT_TLS = msg(
  '没能与代理建立加密连接 (TLS): 这个代理可能不是 https 代理; 把代理地址写成 http://主机:端口 再试',
  'no encrypted (TLS) connection could be set up with the proxy: it may not be an https proxy; write its address as http://host:port and try again',
);
const TLS_FAILED = msg('没能建立加密连接 (TLS): 对方在这个端口可能不用 https (地址或端口不对?)', 'no encrypted (TLS) connection could be set up: the other end may not speak https on that port (wrong address or port?)');
const NOT_HTTP = msg('回复不是 HTTP (地址或端口不对?)', 'the answer is not HTTP (wrong address or port?)');
const CUT = msg('连接被中断', 'the connection was cut off');
const NETWORK_CODES: Record<string, Msg> = {
  ENOTFOUND: msg('查不到机器人服务器的地址 (没有联网, 或 DNS 不可用?)', "the robot's server name could not be looked up (no internet connection, or DNS not working?)"),
  EAI_AGAIN: msg('查不到机器人服务器的地址 (没有联网, 或 DNS 不可用?)', "the robot's server name could not be looked up (no internet connection, or DNS not working?)"),
  ECONNREFUSED: msg('服务器拒绝连接 (地址或端口不对?)', 'the server refused the connection (wrong address or port?)'),
  ECONNRESET: CUT,
  EPIPE: CUT,
  ECONNABORTED: CUT,
  ETIMEDOUT: UNREACHABLE,
  ENETUNREACH: UNREACHABLE,
  EHOSTUNREACH: UNREACHABLE,
  ENETDOWN: UNREACHABLE,
  EHOSTDOWN: UNREACHABLE,
};
