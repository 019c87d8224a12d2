// The proxy a robot's post goes through, from the environment as curl and most tools read it:
// `https_proxy`/`HTTPS_PROXY` for https robots, `http_proxy`/`HTTP_PROXY` for http ones, else
// `all_proxy`/`ALL_PROXY`; `no_proxy`/`NO_PROXY` lists hosts to reach directly (a name matches itself
// and its subdomains, `.example.com` the same, an address range `10.0.0.0/8` the robot URLs written
// with an address in it, `*` as the whole value every host, `host:port` that port only). Until
// 2026-12 (alert43) storeops ignored them (Node does not read them): on a desk whose only way out is
// a proxy every post failed, said as "the robot's server name could not be looked up (no internet
// connection, or DNS not working?)" while the browser on the same desk reached DingTalk.
//
// http:// and https:// proxies are spoken to (an https robot goes through a CONNECT tunnel, its TLS
// end to end with the robot; with an https:// proxy that tunnel runs inside TLS with the proxy, so the
// proxy is checked against the machine's trusted certificates and NODE_EXTRA_CA_CERTS, and even the
// robot's host name and the proxy password travel encrypted), and SOCKS5 ones, socks5:// and
// socks5h:// (socks.ts). Until 2026-12 (alert44) an https:// or socks5:// proxy was warned about and
// the post went directly. The proxy's user and password are sent as Proxy-Authorization: Basic (as
// RFC 1929's for SOCKS5) and are never printed: messages name the proxy as `http://host:port`.
import { type Msg, msg } from '../errors.js';

export interface Proxy {
  host: string;
  port: number;
  /** An https:// proxy: TLS with the proxy itself first, then the request or CONNECT inside it. */
  tls?: true;
  /** A SOCKS5 proxy (socks5://, socks5h://): socks.ts. */
  socks?: true;
  /** Its user and password (RFC 1929), as bytes. */
  socksAuth?: { user: Buffer; password: Buffer };
  /** `Basic …` when the proxy URL carries a user (and password). */
  auth?: string;
  /** `http://host:port` (or `https://`), for messages: never the user or password. */
  shown: string;
  /**
   * The variable it came from, as written (`HTTPS_PROXY`, `all_proxy` …), for messages: until 2026-12
   * a proxy failure named "(HTTPS_PROXY/HTTP_PROXY)" whichever variable had set it (desk56).
   */
  from: string;
}

/** A proxy setting storeops cannot use (another scheme, not a URL): what to say. */
export interface ProxyRefusal {
  refused: Msg;
}

function envOf(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return envSet(env, name)?.value;
}

/** The variable that sets `name` (`https_proxy` or `HTTPS_PROXY`, as written in the environment) and its value. */
function envSet(env: NodeJS.ProcessEnv, name: string): { key: string; value: string } | undefined {
  // The lower-case name first; one set empty counts as not set, as curl reads it (an `https_proxy=`
  // left empty hid HTTPS_PROXY, so the post went direct: rev50).
  for (const key of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[key]?.trim();
    if (value) return { key, value };
  }
  return undefined;
}

/**
 * Whether `no_proxy` says to reach `host` (port `port`) directly, as curl (7.86 and later) reads it:
 * - `*` as the whole value: every host. A `*` among other entries (`localhost,*`) is no host (curl).
 * - a name: that host and its subdomains (`dingtalk.com` and `.dingtalk.com` alike; `*.dingtalk.com`
 *   too, which curl never matches); not `notdingtalk.com`; a trailing dot ignored on both sides.
 * - an address or a range (`10.0.0.0/8`, `192.168.0.0/16`, `fd00::/8`): a robot URL written with an
 *   address in it. A host name is never looked up to compare it with addresses (curl does not
 *   either): `oapi.dingtalk.com` is matched by names only, whatever address it has. `/0` is the
 *   whole family (curl takes `/0` as the one address: nobody writes it meaning that).
 * - `host:port` or `[v6]:port`: that port only (storeops' addition: curl ignores such an entry).
 */
export function bypassed(host: string, port: number, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  if (noProxy.trim() === '*') return true;
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  const ip = ipv4Bytes(h) ?? ipv6Bytes(h);
  const name = h.replace(/\.$/, '');
  for (const raw of noProxy.split(/[\s,]+/)) {
    let e = raw.trim().toLowerCase();
    if (e === '') continue;
    let p: number | undefined;
    // `[::1]:443`: an IPv6 address in brackets, then its port (the brackets were taken off first,
    // and `::1:443` was read as one address: rev50).
    const b = /^\[([^\]]*)\](?::(\d+))?$/.exec(e);
    const m = b ? undefined : /^(.*?)(?::(\d+))?$/.exec(e);
    if (b) {
      e = b[1]!;
      if (b[2] !== undefined) p = Number(b[2]);
    } else if (m && m[2] !== undefined && !m[1]!.includes(':')) {
      e = m[1]!;
      p = Number(m[2]);
    }
    if (p !== undefined && p !== port) continue;
    if (ip) {
      if (inRange(ip, e)) return true;
      continue;
    }
    e = e.replace(/^\*?\./, '').replace(/\.$/, '');
    if (e !== '' && (name === e || name.endsWith(`.${e}`))) return true;
  }
  return false;
}

/** Whether the address `ip` (4 or 16 bytes) is `entry`: an address of its family, or a range `addr/bits`. */
function inRange(ip: number[], entry: string): boolean {
  const slash = entry.indexOf('/');
  const addr = slash < 0 ? entry : entry.slice(0, slash);
  const net = ip.length === 4 ? ipv4Bytes(addr) : ipv6Bytes(addr);
  if (!net) return false;
  let bits = ip.length * 8;
  if (slash >= 0) {
    const s = entry.slice(slash + 1);
    if (!/^\d{1,3}$/.test(s) || Number(s) > bits) return false;
    bits = Number(s);
  }
  for (let i = 0; i < ip.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((ip[i]! & mask) !== (net[i]! & mask)) return false;
  }
  return true;
}

/** `10.1.2.3` as its 4 bytes; anything else (a name, `10.1`, `010.1.2.3`) undefined. */
function ipv4Bytes(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((x) => /^(0|[1-9]\d{0,2})$/.test(x) && Number(x) <= 255)) return undefined;
  return parts.map(Number);
}

/** `fd00::1` (and `::ffff:10.1.2.3`) as its 16 bytes; anything else undefined. */
function ipv6Bytes(s: string): number[] | undefined {
  if (!s.includes(':')) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const words = part.split(':');
    for (const [i, w] of words.entries()) {
      if (i === words.length - 1 && w.includes('.')) {
        const v4 = ipv4Bytes(w);
        if (!v4) return undefined;
        out.push(...v4);
      } else if (/^[0-9a-f]{1,4}$/.test(w)) {
        const n = parseInt(w, 16);
        out.push(n >> 8, n & 0xff);
      } else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 16 ? head : undefined;
  if (head.length + tail.length > 14) return undefined;
  return [...head, ...new Array<number>(16 - head.length - tail.length).fill(0), ...tail];
}

/**
 * A URL's user or password as the bytes it stands for: `%40` is `@`, and a `%` not followed by two
 * hex digits is itself, as curl takes it (a password written as typed, `50%off`). decodeURIComponent
 * threw "URI malformed" on it, and the whole run ended as an internal error, exit 70 (rev50).
 */
function urlBytes(s: string): Buffer {
  const out: Buffer[] = [];
  let from = 0;
  for (const m of s.matchAll(/%([0-9a-fA-F]{2})/g)) {
    out.push(Buffer.from(s.slice(from, m.index), 'utf8'), Buffer.from([parseInt(m[1]!, 16)]));
    from = m.index! + 3;
  }
  out.push(Buffer.from(s.slice(from), 'utf8'));
  return Buffer.concat(out);
}

/** The proxy for a robot URL, none, or a setting storeops cannot use. */
export function proxyFor(url: string, env: NodeJS.ProcessEnv): Proxy | ProxyRefusal | undefined {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  const name = u.protocol === 'https:' ? 'https_proxy' : 'http_proxy';
  const set = envSet(env, name) ?? envSet(env, 'all_proxy');
  if (set === undefined) return undefined;
  if (bypassed(u.hostname, port, envOf(env, 'no_proxy'))) return undefined;
  // The variable as the environment spells it: a fix written to ALL_PROXY would not be read while a
  // lower-case all_proxy is set (it comes first).
  const { key: which, value: setting } = set;
  let p: URL;
  try {
    // "proxy.corp:3128" without a scheme is taken as http://, as curl does.
    p = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(setting) ? setting : `http://${setting}`);
  } catch {
    return { refused: msg(`${which} 不是有效的代理地址`, `${which} is not a proxy address storeops can read`) };
  }
  if (p.protocol === 'socks5:' || p.protocol === 'socks5h:') {
    const user = urlBytes(p.username);
    const password = urlBytes(p.password);
    if (user.length > 255 || password.length > 255) {
      return { refused: msg(`${which} 里的用户名或密码超过 255 字节, SOCKS5 不能发送`, `${which} holds a user name or password longer than 255 bytes, which SOCKS5 cannot send`) };
    }
    const shownSocks = `${p.protocol}//${p.host}`;
    return { host: p.hostname.replace(/^\[|\]$/g, ''), port: Number(p.port || 1080), socks: true, shown: shownSocks, from: which, ...(p.username !== '' ? { socksAuth: { user, password } } : {}) };
  }
  if (p.protocol !== 'http:' && p.protocol !== 'https:') {
    const scheme = p.protocol.replace(/:$/, '');
    return {
      refused: /^socks/.test(scheme)
        ? msg(
            `${which} 是 ${scheme}:// 代理, storeops 只支持 SOCKS5: 写成 ${which}=socks5h://主机:端口, 或向管理员要 http:// 代理的地址`,
            `${which} names a ${scheme}:// proxy; storeops speaks SOCKS5 only: set ${which}=socks5h://host:port, or ask its administrator for the http:// proxy address`,
          )
        : msg(
            `${which} 的代理是 ${scheme}://, storeops 只支持 http://、https:// 和 socks5:// 代理: 写成 ${which}=http://主机:端口`,
            `${which} names a ${scheme}:// proxy; storeops speaks to http://, https:// and socks5:// proxies only: set ${which}=http://host:port`,
          ),
    };
  }
  const tls = p.protocol === 'https:';
  const shown = `${p.protocol}//${p.host}`;
  const auth = p.username !== '' ? `Basic ${Buffer.concat([urlBytes(p.username), Buffer.from(':'), urlBytes(p.password)]).toString('base64')}` : undefined;
  // No port: 80 for http://, 443 for https:// (curl's default for an https proxy).
  return { host: p.hostname.replace(/^\[|\]$/g, ''), port: Number(p.port || (tls ? 443 : 80)), ...(tls ? { tls: true as const } : {}), shown, from: which, ...(auth ? { auth } : {}) };
}
