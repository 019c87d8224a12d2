// `--notify [KIND:]URL` and config targets: the kind, and a form of the URL safe to print.
import crypto from 'node:crypto';
import { UsageError, msg } from '../errors.js';
import { KINDS, type Kind, type Target } from './types.js';

/** The platforms' own hosts: a URL on one of them is that kind without saying so. */
const HOST_KINDS: ReadonlyArray<[string, Kind]> = [
  ['oapi.dingtalk.com', 'dingtalk'],
  ['qyapi.weixin.qq.com', 'wecom'],
  ['open.feishu.cn', 'feishu'],
  ['open.larksuite.com', 'feishu'],
];

export function kindOfHost(host: string): Kind {
  const h = host.toLowerCase();
  return HOST_KINDS.find(([k]) => h === k)?.[1] ?? 'webhook';
}

/** Parse `[KIND:]URL`. "dingtalk:http://…" names the kind; "https://…" alone is inferred from the host. */
export function parseTarget(spec: string, from: Target['from'], secret?: string): Target {
  const text = spec.trim();
  const m = /^([a-z]+):(?!\/\/)(.+)$/i.exec(text);
  let kind: Kind | undefined;
  let rest = text;
  if (m && !/^https?$/i.test(m[1]!)) {
    const k = m[1]!.toLowerCase();
    if (!(KINDS as readonly string[]).includes(k)) {
      throw new UsageError(
        msg(`--notify: 未知的类型 "${m[1]}"`, `--notify: unknown kind "${m[1]}"`),
        msg(`可用: ${KINDS.join(', ')}; 或只给 URL, 由主机名判断。`, `use one of ${KINDS.join(', ')}, or give the URL alone and the kind is taken from its host.`),
      );
    }
    kind = k as Kind;
    rest = m[2]!;
  }
  let u: URL;
  try {
    u = new URL(rest);
  } catch {
    u = undefined as unknown as URL;
  }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) {
    throw new UsageError(
      msg(`--notify 需要 http(s) 地址, 收到 "${redactText(rest)}"`, `--notify takes an http(s) URL, got "${redactText(rest)}"`),
      msg('例如 --notify https://oapi.dingtalk.com/robot/send?access_token=… 或 --notify webhook:https://example.com/hook', 'e.g. --notify https://oapi.dingtalk.com/robot/send?access_token=… or --notify webhook:https://example.com/hook'),
    );
  }
  const t: Target = { kind: kind ?? kindOfHost(u.hostname), url: u.toString(), from };
  if (secret) t.secret = secret;
  return t;
}

/** A segment or value that looks like a token (long run of letters, digits, - and _). */
const TOKENISH = /^[A-Za-z0-9_-]{12,}$/;

/**
 * The URL with every query value and every token-like path segment replaced by `***`, so errors
 * can say which robot failed without handing its token to a log: `https://oapi.dingtalk.com/robot/send?access_token=***`.
 */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return redactText(url);
  }
  const path = u.pathname
    .split('/')
    .map((s) => (TOKENISH.test(s) ? '***' : s))
    .join('/');
  const query = [...u.searchParams.keys()].map((k) => `${k}=***`).join('&');
  return `${u.protocol}//${u.host}${path}${query ? `?${query}` : ''}`;
}

function redactText(s: string): string {
  return s.replace(/[?#].*$/, '?***').replace(/[A-Za-z0-9_-]{12,}/g, '***');
}

/** A ledger target id as messages name the robot: its kind and the first 8 hex of its id (`dingtalk 1a2b3c4d…`). */
export function robotShown(id: string): string {
  return id.replace(/^([a-z]+):([0-9a-f]{8})[0-9a-f]*$/, '$1 $2…');
}

/**
 * What the ledger remembers a target by: a hash of its URL, never the URL (it is a credential).
 * The same robot given by flag or config is the same target.
 */
export function targetId(t: Target): string {
  return `${t.kind}:${crypto.createHash('sha256').update(t.url).digest('hex').slice(0, 24)}`;
}
