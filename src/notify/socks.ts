// A SOCKS5 proxy (RFC 1928), for ALL_PROXY=socks5h://host:1080 and the like: a greeting offering "no
// authentication" (and "user name and password", RFC 1929, when the proxy URL carries a user), then a
// CONNECT to the robot's host by name. The name goes to the proxy for socks5:// too (curl looks it up on
// the desk for socks5://): a desk whose only way out is a proxy often cannot look names up itself.
// Until 2026-12 (alert44) a SOCKS proxy was warned about and the post went directly.
import net from 'node:net';
import { type Msg, msg } from '../errors.js';
import type { Proxy } from './proxy.js';

/** The proxy answered the SOCKS handshake with a refusal: what it said, as the operator reads it. */
export class SocksRefused extends Error {
  constructor(
    readonly proxy: Proxy,
    readonly why: Msg,
    readonly retry: boolean,
  ) {
    super(`proxy ${proxy.shown}: ${why.en}`);
  }
}

// RFC 1928 §6: the CONNECT reply's REP field.
const REPLIES: Record<number, [Msg, boolean]> = {
  1: [msg('代理内部出错', 'the proxy failed (general SOCKS server failure)'), true],
  2: [msg('代理的规则不允许连到机器人的服务器: 请管理员放行, 或在 NO_PROXY 中列出它以直接连接', "its rules do not let this machine reach the robot's server: ask its administrator, or list the host in NO_PROXY to connect directly"), false],
  3: [msg('代理连不上网络', 'the proxy cannot reach the network'), true],
  4: [msg('代理连不上机器人的服务器', "the proxy cannot reach the robot's server"), true],
  5: [msg('机器人的服务器拒绝了代理的连接', "the robot's server refused the proxy's connection"), true],
  6: [msg('代理等待连接超时', 'the proxy timed out connecting'), true],
  7: [msg('代理不支持这个请求 (CONNECT)', 'the proxy does not take the request (CONNECT)'), false],
  8: [msg('代理不支持这种地址', 'the proxy does not take this kind of address'), false],
};

/**
 * A TCP connection to `host:port` through the SOCKS5 proxy: resolves with the socket once the proxy
 * has connected it (the caller then speaks TLS or HTTP over it); rejects with SocksRefused for the
 * proxy's refusals, or the socket's own error (said as the proxy's by the caller).
 */
export function socksConnect(proxy: Proxy, host: string, port: number, onSocket: (s: net.Socket) => void): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(proxy.port, proxy.host);
    onSocket(sock);
    let buf = Buffer.alloc(0);
    let step: 'method' | 'auth' | 'reply' = 'method';
    const refuse = (why: Msg, retry: boolean) => {
      sock.destroy();
      reject(new SocksRefused(proxy, why, retry));
    };
    const request = () => {
      const h = host.replace(/^\[|\]$/g, '');
      let addr: Buffer;
      if (net.isIPv4(h)) addr = Buffer.from([1, ...h.split('.').map(Number)]);
      else if (net.isIPv6(h)) addr = Buffer.concat([Buffer.from([4]), ipv6(h)]);
      else addr = Buffer.concat([Buffer.from([3, Buffer.byteLength(h)]), Buffer.from(h)]);
      sock.write(Buffer.concat([Buffer.from([5, 1, 0]), addr, Buffer.from([port >> 8, port & 0xff])]));
      step = 'reply';
    };
    // Closed before the handshake ended: said as a cut connection (ECONNRESET) by the caller.
    const closed = () => reject(Object.assign(new Error('the proxy closed the connection during the SOCKS handshake'), { code: 'ECONNRESET' }));
    sock.on('error', reject);
    sock.on('close', closed);
    sock.on('connect', () => {
      sock.write(Buffer.from(proxy.socksAuth ? [5, 2, 0, 2] : [5, 1, 0]));
    });
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (step === 'method') {
        if (buf.length < 2) return;
        const [ver, method] = [buf[0], buf[1]];
        buf = buf.subarray(2);
        if (ver !== 5) return refuse(NOT_SOCKS5, false);
        if (method === 0) return request();
        if (method === 2 && proxy.socksAuth) {
          const { user, password } = proxy.socksAuth;
          sock.write(Buffer.concat([Buffer.from([1, user.length]), user, Buffer.from([password.length]), password]));
          step = 'auth';
          return;
        }
        return refuse(
          msg('代理要求用户名和密码: 写进代理地址: ALL_PROXY=socks5h://用户名:密码@主机:端口', 'the proxy asks for a user name and password: put them in the proxy address: ALL_PROXY=socks5h://user:password@host:port'),
          false,
        );
      }
      if (step === 'auth') {
        if (buf.length < 2) return;
        const ok = buf[1] === 0;
        buf = buf.subarray(2);
        if (!ok) return refuse(msg('代理不接受代理地址里的用户名和密码', 'the proxy did not accept the user name and password in the proxy address'), false);
        return request();
      }
      // The reply: VER REP RSV ATYP BND.ADDR BND.PORT; its length hangs on ATYP.
      if (buf.length < 5) return;
      if (buf[0] !== 5) return refuse(NOT_SOCKS5, false);
      const rep = buf[1]!;
      if (rep !== 0) {
        const [why, retry] = REPLIES[rep] ?? [msg(`代理拒绝了连接 (代码 ${rep})`, `the proxy refused the connection (code ${rep})`), false];
        return refuse(why, retry);
      }
      const len = buf[3] === 1 ? 4 : buf[3] === 4 ? 16 : buf[3] === 3 ? 1 + buf[4]! : -1;
      if (len < 0) return refuse(NOT_SOCKS5, false);
      if (buf.length < 4 + len + 2) return;
      const rest = buf.subarray(4 + len + 2);
      sock.removeListener('data', onData);
      sock.removeListener('close', closed);
      sock.removeListener('error', reject);
      if (rest.length) sock.unshift(rest);
      resolve(sock);
    };
    sock.on('data', onData);
  });
}

const NOT_SOCKS5 = msg('对方不是 SOCKS5 代理 (地址或端口不对? 或它是 http 代理: 写成 http://主机:端口)', 'the other end is not a SOCKS5 proxy (wrong address or port? or it is an http proxy: write http://host:port)');

function ipv6(h: string): Buffer {
  const [a, b] = h.split('::') as [string, string | undefined];
  const words = (s: string | undefined) => (s ? s.split(':').map((w) => parseInt(w, 16)) : []);
  const head = words(a);
  const tail = words(b);
  const all = b === undefined ? head : [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  const out = Buffer.alloc(16);
  all.forEach((w, i) => out.writeUInt16BE(w, i * 2));
  return out;
}
