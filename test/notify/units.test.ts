// The pure parts of src/notify: signing, targets, fitting a notice to each platform's limits,
// reading the platforms' answers, and the retry policy (with a fake clock).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { LIMITS, fit, neutralize, sizeOf } from '../../src/notify/message.js';
import { deliver, readAnswer } from '../../src/notify/post.js';
import { dingtalkSign, dingtalkSignedUrl, feishuSign, webhookSign } from '../../src/notify/sign.js';
import { kindOfHost, parseTarget, redactUrl, targetId } from '../../src/notify/target.js';

// HTTP 5xx as the cron log says it (src/notify/post.ts httpWhy).
const H5 = (n: number) => ({ zh: `HTTP ${n}: 机器人的服务器出错 (平台或中间的代理临时故障)`, en: `HTTP ${n}: the robot's server failed (the platform, or a proxy in between, is having trouble)` });
const H500 = H5(500);
const H502 = H5(502);
const H503 = H5(503);
const whyOf = (a: ReturnType<typeof readAnswer>) => ('why' in a ? a.why : undefined);
import type { Notice } from '../../src/notify/types.js';

describe('signing', () => {
  // Expected values computed independently with Python's hmac/base64/urllib (the platforms' own
  // sample language): hmac.new(secret, f"{ts}\n{secret}", sha256) for DingTalk,
  // hmac.new(f"{ts}\n{secret}", b"", sha256) for Feishu.
  it('DingTalk: base64(HmacSHA256(secret, timestamp\\nsecret)), url-encoded in the query', () => {
    expect(dingtalkSign('this is secret', 1577262236757)).toEqual({ timestamp: '1577262236757', sign: 'hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=' });
    const url = dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=T', 'this is secret', 1577262236757);
    expect(url).toBe('https://oapi.dingtalk.com/robot/send?access_token=T&timestamp=1577262236757&sign=hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D');
  });
  it('Feishu: HmacSHA256 keyed with timestamp\\nsecret over an empty message, seconds', () => {
    expect(feishuSign('this is secret', 1599360473)).toEqual({ timestamp: '1599360473', sign: '/eYKrXQBzTjUZJ3s6NX16VxGbTwmK7AEs8/FnvC1CSw=' });
  });
  it('plain webhook: hex HmacSHA256(secret, timestamp.body)', () => {
    expect(webhookSign('this is secret', 1599360473, '{"a":1}')).toEqual({ timestamp: '1599360473', signature: 'sha256=90d5e38ebfc52949619d95ece8c817f03e52ca6fdffa95edfb3a98748cd20216' });
  });
});

describe('targets', () => {
  it('kind from KIND: or from the host, else webhook', () => {
    expect(kindOfHost('oapi.dingtalk.com')).toBe('dingtalk');
    expect(kindOfHost('qyapi.weixin.qq.com')).toBe('wecom');
    expect(kindOfHost('open.feishu.cn')).toBe('feishu');
    expect(kindOfHost('open.larksuite.com')).toBe('feishu');
    expect(kindOfHost('example.com')).toBe('webhook');
    expect(parseTarget('https://oapi.dingtalk.com/robot/send?access_token=T', 'flag').kind).toBe('dingtalk');
    expect(parseTarget('dingtalk:http://127.0.0.1:8080/robot/send?access_token=T', 'flag')).toEqual({ kind: 'dingtalk', url: 'http://127.0.0.1:8080/robot/send?access_token=T', from: 'flag' });
    expect(parseTarget('FEISHU:http://127.0.0.1/x', 'flag').kind).toBe('feishu');
    expect(parseTarget('http://127.0.0.1/hook', 'flag').kind).toBe('webhook');
  });
  it('refuses unknown kinds and non-http URLs, without echoing tokens', () => {
    expect(() => parseTarget('slack:https://hooks.example/x', 'flag')).toThrow(/unknown kind "slack"/);
    let err: Error | undefined;
    try {
      parseTarget('ftp://example.com/send?key=abcdefghijklmnop', 'flag');
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message).toBe('--notify takes an http(s) URL, got "ftp://example.com/send?***"');
  });
  it('a printable form hides query values and token-like path segments', () => {
    expect(redactUrl('https://oapi.dingtalk.com/robot/send?access_token=abc123')).toBe('https://oapi.dingtalk.com/robot/send?access_token=***');
    expect(redactUrl('https://open.feishu.cn/open-apis/bot/v2/hook/f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b')).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/***');
  });
  it('the ledger knows a target by a hash, never by its URL', () => {
    const t = parseTarget('https://oapi.dingtalk.com/robot/send?access_token=secret-token-123', 'flag');
    const id = targetId(t);
    expect(id).toMatch(/^dingtalk:[0-9a-f]{24}$/);
    expect(id).not.toContain('secret-token');
    expect(targetId(parseTarget('https://oapi.dingtalk.com/robot/send?access_token=secret-token-123', 'config'))).toBe(id);
  });
});

function notice(n: number, textOf: (i: number) => string, amount?: string): Notice {
  return {
    topic: 'at_risk',
    lang: 'en',
    title: 'storeops test',
    summary: 'Summary.',
    items: Array.from({ length: n }, (_, i) => ({ key: `k${i}`, text: textOf(i), ...(amount ? { amount } : {}) })),
  };
}

describe('fitting a notice to a platform', () => {
  it('DingTalk markdown: title, summary, the count and total, then the items', () => {
    const { messages, cut } = fit('dingtalk', notice(2, (i) => `order ${i + 1}`, '15.00'), true, { top: 10, maxMessages: 3 });
    expect(cut).toBe(0);
    // 2 × 15.00 = 30.00
    expect(messages.map((m) => m.body)).toEqual([
      { msgtype: 'markdown', markdown: { title: 'storeops test', text: '### storeops test\n\nSummary.\n\n2 new (total 30.00):\n\n- order 1\n- order 2' } },
    ]);
    expect(messages[0]!.items.map((i) => i.key)).toEqual(['k0', 'k1']);
  });

  it('more items than --top: the rest are counted in "… and N more" and not shown', () => {
    const { messages, cut } = fit('feishu', notice(13, (i) => `o${i}`), false, { top: 10, maxMessages: 3 });
    expect(cut).toBe(3);
    expect(messages).toHaveLength(1);
    expect((messages[0]!.body.content as { text: string }).text).toBe(
      ['storeops test', 'Summary.', '13 in all:', ['o0', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9'].map((x) => `• ${x}`).join('\n'), '… and 3 more'].join('\n'),
    );
  });

  it('WeCom: 4096 bytes of markdown.content; long items are split over messages, then cut', () => {
    // Each item is clipped to 199 × "订" + "…" = 199 × 3 + 3 = 600 bytes, plus "- " and a newline = 603.
    // First message: "### storeops test\nSummary.\n30 new:\n" (35 bytes) + room for "\n… and 30 more" (18):
    // (4096 − 53) / 603 = 6.7 → 6 items. Later ones: "### storeops test (cont. 2)\n" (28) + 18: 6 items too.
    // 3 messages × 6 = 18 shown, 12 cut.
    const { messages, cut } = fit('wecom', notice(30, () => '订'.repeat(300)), true, { top: 30, maxMessages: 3 });
    for (const m of messages) expect(sizeOf('wecom', m.body)).toBeLessThanOrEqual(LIMITS.wecom.bytes);
    expect(messages).toHaveLength(3);
    expect(messages.map((m) => m.items.length)).toEqual([6, 6, 6]);
    expect(cut).toBe(12);
    const last = (messages[2]!.body.markdown as { content: string }).content;
    expect(last.endsWith(`… and ${cut} more`)).toBe(true);
    expect((messages[1]!.body.markdown as { content: string }).content.startsWith('### storeops test (cont. 2)\n')).toBe(true);
    // Items are clipped to 200 characters: 199 + "…".
    expect((messages[0]!.body.markdown as { content: string }).content).toContain(`- ${'订'.repeat(199)}…`);
  });

  it('a long item is cut between characters as the reader sees them: never inside a flag or an emoji sequence', () => {
    // 198 "x" + 🇨🇳 (two code points: U+1F1E8 U+1F1F3) + more. The cut keeps 199 code points: the 199th
    // is U+1F1E8, half the flag, which shows as a lone letter 🇨. The whole flag does not fit in the
    // 199, so it goes and the item is 198 "x" + "…".
    const flag = fit('feishu', notice(1, () => `${'x'.repeat(198)}🇨🇳🇨🇳 tail`), true, { top: 10, maxMessages: 1 });
    expect((flag.messages[0]!.body.content as { text: string }).text).toContain(`• ${'x'.repeat(198)}…`);
    // A family emoji is 5 code points (man ZWJ woman ZWJ girl): after 196 "x" only 3 fit; the sequence goes whole.
    const family = fit('wecom', notice(1, () => `${'x'.repeat(196)}👨‍👩‍👧 tail`), true, { top: 10, maxMessages: 1 });
    expect((family.messages[0]!.body.markdown as { content: string }).content).toContain(`- ${'x'.repeat(196)}…`);
    // What fits whole stays: 190 "x" + the flag (2 code points) + "…" — and a short text is untouched.
    const fits = fit('feishu', notice(1, () => `${'x'.repeat(190)}🇨🇳${'y'.repeat(20)}`), true, { top: 10, maxMessages: 1 });
    expect((fits.messages[0]!.body.content as { text: string }).text).toContain(`• ${'x'.repeat(190)}🇨🇳${'y'.repeat(7)}…`);
  });

  it('markdown and mentions in shop data are neutralised', () => {
    expect(neutralize('**毛衣** [链接](x) <@all> #1_a`b')).toBe('＊＊毛衣＊＊ ［链接］(x) ＜@all＞ ＃1＿a｀b');
    const { messages } = fit('feishu', notice(1, () => '<at user_id="all">所有人</at>'), true, { top: 10, maxMessages: 1 });
    expect((messages[0]!.body.content as { text: string }).text).toContain('＜at user_id="all">所有人＜/at>');
  });

  it('an empty notice (--notify-on always) is one message with the summary', () => {
    const { messages } = fit('webhook', notice(0, () => ''), false, { top: 10, maxMessages: 3 });
    expect(messages.map((m) => m.body)).toEqual([{ source: 'storeops', topic: 'at_risk', lang: 'en', title: 'storeops test', summary: 'Summary.', part: 1, items: [], more: 0 }]);
  });
});

describe("reading the platforms' answers", () => {
  it('a refusal says what to do in plain words (it gave only "errcode 300001 token is not exist")', () => {
    const why = (kind: 'dingtalk' | 'wecom' | 'feishu', text: string) => {
      const a = readAnswer(kind, 200, text);
      return a.ok ? undefined : a.why;
    };
    const addr = 'copy the webhook address from the group\'s robot settings again';
    expect(why('dingtalk', '{"errcode":300001,"errmsg":"token is not exist"}')!.en).toBe(`the platform answered errcode 300001 token is not exist: the robot address is wrong or the robot was removed: ${addr}`);
    expect(why('dingtalk', '{"errcode":300001,"errmsg":"token is not exist"}')!.zh).toBe('平台回复 errcode 300001 token is not exist: 机器人地址不对或机器人已被移除: 从群设置的机器人里重新复制 webhook 地址');
    expect(why('wecom', '{"errcode":93000,"errmsg":"invalid webhook url"}')!.en).toContain(addr);
    expect(why('feishu', '{"code":19001,"msg":"param invalid: incoming webhook access token invalid"}')!.en).toContain(addr);
    expect(why('dingtalk', '{"errcode":310000,"errmsg":"sign not match"}')!.en).toContain('check that the signing secret (STOREOPS_NOTIFY_SECRET or config notify.secret)');
    expect(why('feishu', '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}')!.zh).toContain('检查加签/签名校验的密钥');
    expect(why('dingtalk', '{"errcode":310000,"errmsg":"keywords not in content"}')!.en).toContain('add storeops as a keyword');
    expect(why('feishu', '{"code":19024,"msg":"Key Words Not Found"}')!.en).toContain('add storeops as a keyword');
    expect(why('dingtalk', '{"errcode":310000,"errmsg":"ip 1.2.3.4 not in whitelist"}')!.en).toContain("IP allow-list");
    // a rate limit says what happened and what to do (desk44; it said the platform's words only)
    expect(why('wecom', '{"errcode":45009,"errmsg":"api freq out of limit"}')!.en).toBe(
      "the platform answered errcode 45009 api freq out of limit: too many messages: the robot takes at most 20 messages a minute, and other posts to it (another cron job or tool on the same robot) used up this minute's, so the retries seconds later were refused too. Run the cron jobs posting to the same robot at different minutes, or give each its own robot; or set notify.backoff to 30 in the config so that a retry waits past the minute",
    );
    expect(why('feishu', '{"code":11232,"msg":"frequency limited psm"}')!.en).toContain('the robot takes at most 100 messages a minute and 5 a second');
    expect(why('dingtalk', '{"errcode":130101,"errmsg":"send too fast"}')!.zh).toContain('发送太频繁: 这个机器人每分钟最多 20 条');
    // a code with nothing to act on stays as the platform said it
    expect(why('wecom', '{"errcode":40058,"errmsg":"markdown.content exceed max length 4096"}')!.en).toBe('the platform answered errcode 40058 markdown.content exceed max length 4096');
  });

  it('errcode/code 0 is success; rate limits and signature answers are retried; others are final', () => {
    expect(readAnswer('dingtalk', 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(readAnswer('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toMatchObject({ ok: false, retry: true });
    // The keyword and IP settings answer 310000 too: the same text from the same machine is refused
    // alike, so not retried (alert43: they were, 3 tries of the robot's 20 a minute), as Feishu's 19024/19022.
    expect(readAnswer('dingtalk', 200, '{"errcode":310000,"errmsg":"keywords not in content, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"}')).toMatchObject({ ok: false, retry: false });
    expect(readAnswer('dingtalk', 200, '{"errcode":310000,"errmsg":"ip 1.2.3.4 not in whitelist"}')).toMatchObject({ ok: false, retry: false });
    expect(readAnswer('dingtalk', 200, '{"errcode":310000,"errmsg":"invalid timestamp"}')).toMatchObject({ ok: false, retry: true });
    expect(readAnswer('dingtalk', 200, '{"errcode":130101,"errmsg":"send too fast, exceed 20 times per minute"}')).toMatchObject({ ok: false, retry: true });
    expect(readAnswer('dingtalk', 200, '{"errcode":300001,"errmsg":"token is not exist"}')).toMatchObject({ ok: false, retry: false });
    expect(readAnswer('wecom', 200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toMatchObject({ ok: false, retry: false });
    expect(readAnswer('wecom', 200, '{"errcode":45009,"errmsg":"api freq out of limit"}')).toMatchObject({ ok: false, retry: true });
    expect(readAnswer('feishu', 200, '{"StatusCode":0,"StatusMessage":"success","code":0,"data":{},"msg":"success"}')).toEqual({ ok: true });
    expect(readAnswer('feishu', 200, '{"code":19021,"data":{},"msg":"sign match fail or timestamp is not within one hour from current time"}')).toMatchObject({ ok: false, retry: true });
    expect(readAnswer('feishu', 400, '{"code":9499,"msg":"Bad Request","data":{}}')).toMatchObject({ ok: false, retry: false });
    expect(readAnswer('webhook', 204, '')).toEqual({ ok: true });
    expect(readAnswer('webhook', 503, 'busy')).toMatchObject({ ok: false, retry: true });
    expect(readAnswer('webhook', 404, 'no')).toMatchObject({ ok: false, retry: false });
    expect(readAnswer('dingtalk', 502, '<html>bad gateway</html>')).toMatchObject({ ok: false, retry: true });
  });
});

describe('retries', () => {
  async function server(statuses: number[]): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
    let n = 0;
    const s = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const st = statuses[Math.min(n, statuses.length - 1)]!;
        n++;
        res.writeHead(st);
        res.end();
      });
    });
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/hook`, hits: () => n, close: () => new Promise((r) => s.close(() => r())) };
  }

  it('waits 1×, 2× the backoff between tries and stops after the allowed tries', async () => {
    const srv = await server([503, 503, 503, 503]);
    const waits: number[] = [];
    let clock = 1_000_000;
    const d = await deliver({ kind: 'webhook', url: srv.url, from: 'flag' }, { a: 1 }, {
      timeoutMs: 2000, attempts: 3, backoffMs: 500, deadline: clock + 60_000, now: () => clock,
      sleep: async (ms) => { waits.push(ms); clock += ms; },
    });
    await srv.close();
    expect(d).toEqual({ ok: false, tries: 3, failures: [H503, H503, H503] });
    expect(waits).toEqual([500, 1000]);
    expect(srv.hits()).toBe(3);
  });

  it('never waits past the deadline', async () => {
    const srv = await server([503, 200]);
    let clock = 0;
    const d = await deliver({ kind: 'webhook', url: srv.url, from: 'flag' }, {}, { timeoutMs: 2000, attempts: 5, backoffMs: 10_000, deadline: 5_000, now: () => clock, sleep: async (ms) => void (clock += ms) });
    await srv.close();
    expect(d.ok).toBe(false);
    expect(d.tries).toBe(1);
    expect(d.failures.map((f) => f.en)).toEqual([H503.en, 'the time allowed for notifications ran out; no more tries']);
  });

  it('a transient failure then success is delivered', async () => {
    const srv = await server([500, 200]);
    const d = await deliver({ kind: 'webhook', url: srv.url, from: 'flag' }, {}, { timeoutMs: 2000, attempts: 3, backoffMs: 1, deadline: Date.now() + 10_000, now: Date.now });
    await srv.close();
    expect(d).toEqual({ ok: true, tries: 2, failures: [H500] });
  });

  it('an HTTP status says what it means where there is something to do ("HTTP 404" alone said nothing)', async () => {
    for (const [status, en] of [
      [404, 'HTTP 404: no robot at this address: copy the webhook address from the group\'s robot settings again'],
      [403, 'HTTP 403: the server refused the request: check the token in the webhook address and the signing secret'],
      [429, 'HTTP 429: too many messages: the server asks to wait before sending again: post to it less often from elsewhere, or set notify.backoff higher (e.g. 30) so that the retries wait longer'],
      [418, 'HTTP 418'],
    ] as const) {
      expect(whyOf(readAnswer('webhook', status, ''))?.en).toBe(en);
    }
    expect(whyOf(readAnswer('dingtalk', 429, ''))?.en).toContain('HTTP 429: too many messages: the robot takes at most 20 messages a minute');
    expect(whyOf(readAnswer('webhook', 404, ''))?.zh).toBe('HTTP 404: 没有这个机器人地址: 从群设置的机器人里重新复制 webhook 地址');
    // A DingTalk robot behind a proxy answering 502 without JSON: the same words, and retried.
    expect(readAnswer('dingtalk', 502, '<html>Bad Gateway</html>')).toEqual({ ok: false, retry: true, why: H502 });
  });
});

describe('a network failure is told in plain words, its code kept', () => {
  // It was "network error ECONNREFUSED" / "网络错误 ECONNREFUSED" in the cron log: nothing to act on.
  it('ECONNREFUSED (a port nothing listens on), zh and en', async () => {
    const s = http.createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    const d = await deliver({ kind: 'webhook', url: `http://127.0.0.1:${port}/hook`, from: 'flag' }, {}, { timeoutMs: 2000, attempts: 1, backoffMs: 1, deadline: Date.now() + 10_000, now: Date.now });
    expect(d).toEqual({
      ok: false,
      tries: 1,
      failures: [{ zh: '网络错误: 服务器拒绝连接 (地址或端口不对?) [ECONNREFUSED]', en: 'network error: the server refused the connection (wrong address or port?) [ECONNREFUSED]' }],
    });
  });

  it('a name that cannot be looked up (.invalid never resolves: ENOTFOUND, or EAI_AGAIN without DNS)', async () => {
    const d = await deliver({ kind: 'webhook', url: 'http://storeops-test.invalid/hook', from: 'flag' }, {}, { timeoutMs: 5000, attempts: 1, backoffMs: 1, deadline: Date.now() + 10_000, now: Date.now });
    expect(d.ok).toBe(false);
    expect(d.failures).toHaveLength(1);
    expect(d.failures[0]!.en).toMatch(/^network error: the robot's server name could not be looked up \(no internet connection, or DNS not working\?\) \[(ENOTFOUND|EAI_AGAIN)\]$/);
    expect(d.failures[0]!.zh).toMatch(/^网络错误: 查不到机器人服务器的地址 \(没有联网, 或 DNS 不可用\?\) \[(ENOTFOUND|EAI_AGAIN)\]$/);
  });
});

describe('an at-risk notice with an order whose paid amount is empty', () => {
  it('shows its cost as "?" and leaves it out of the total (no crash, never 0.00)', async () => {
    const { atRiskNotice } = await import('../../src/notify/notices.js');
    const { Decimal } = await import('decimal.js');
    const tz = { format: (t: number) => new Date(t + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19) };
    const n = atRiskNotice(
      [
        { orderId: '1', title: '', deadline: 0, hoursLeft: -2, risk: 'late', costIfLate: null },
        { orderId: '2', title: '', deadline: 0, hoursLeft: 3, risk: 'at_risk', costIfLate: new Decimal('12.50') },
      ],
      { lang: 'en', tz: tz as never, asOf: 0, withinHours: 24, rules: 'tmall-2026' },
    );
    expect(n.items.map((i) => [i.text.includes('costs ?'), i.amount])).toEqual([
      [true, undefined],
      [false, '12.50'],
    ]);
    expect(n.summary).toContain('12.50');
  });
});

describe('a review notice with a health or safety complaint', () => {
  it('says so in the item, in the group language (README "Safety first": the person in charge hears of it now)', async () => {
    const { reviewsNotice } = await import('../../src/notify/notices.js');
    const tz = { format: (t: number) => new Date(t + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19) };
    // contactBy 2026-11-22 08:30 Beijing = 2026-11-22T00:30Z
    const by = Date.UTC(2026, 10, 22, 0, 30);
    const entry = { orderId: '6000000000000000902', rating: 'bad' as const, priority: 1, action: 'contact_now', attempts: 0, contactBy: by, overdue: [], assignee: '小张', categories: ['quality'] };
    const items = [{ ...entry, escalate: ['safety'] }, { ...entry, orderId: '6000000000000000903', escalate: [] }];
    expect(reviewsNotice(items, { lang: 'zh', tz: tz as never, asOf: 0 }).items.map((i) => i.text)).toEqual([
      '健康/安全投诉, 需上报 · 订单 6000000000000000902 · 差评 · 优先级 1 · 质量 · 首次联系, 期限 11-22 08:30 → 小张',
      '订单 6000000000000000903 · 差评 · 优先级 1 · 质量 · 首次联系, 期限 11-22 08:30 → 小张',
    ]);
    expect(reviewsNotice(items, { lang: 'en', tz: tz as never, asOf: 0 }).items[0]!.text).toBe(
      'health or safety complaint, escalate · order 6000000000000000902 · negative · priority 1 · quality · first contact by 11-22 08:30 → 小张',
    );
  });
});

describe('personal data never reaches the group', () => {
  it('a phone, an id-card number or an address in a product title or a buyer name is masked in the alert, even with --show-pii', async () => {
    const { atRiskNotice, vouchersNotice } = await import('../../src/notify/notices.js');
    const { TimeZone } = await import('../../src/time.js');
    const { Money } = await import('../../src/money.js');
    const tz = new TimeZone('Asia/Shanghai');
    // A shifted row (or a seller's habit) puts the receiver's phone and address in the title column;
    // a buyer nick that is a phone number. The group chat is read by more people than the output file.
    const asOf = Date.UTC(2026, 10, 19, 0, 0, 0);
    const n = atRiskNotice(
      [{ orderId: '3515313147329357901', title: '围巾 13925130165 广东省深圳市南山区科技园南路88号', deadline: asOf + 3_600_000, hoursLeft: 1, risk: 'at_risk', costIfLate: new Money('5.00') }],
      { lang: 'zh', tz, asOf, withinHours: 6, rules: 'tmall-2026' },
    );
    const text = n.items[0]!.text;
    expect(text).toContain('3515313147329357901'); // the order id whole
    expect(text).not.toContain('13925130165');
    expect(text).toContain('139****0165');
    expect(text).not.toContain('科技园南路88号');
    const v = vouchersNotice([{ voucherKey: 'k', buyer: '13925130165', amount: new Money('50.00'), orderIds: ['3515313147329357903'], capped: false }], { lang: 'en', provisional: 0, rules: 'tmall-2026' });
    expect(v.items[0]!.text).toBe('139****0165: 50.00 · orders 3515313147329357903');
  });
});

describe('odd answers', () => {
  it('a redirect is final and says what to do; an endless answer is read no further than 64 KiB, not until the timeout', async () => {
    const s = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url!.startsWith('/moved')) {
          res.writeHead(302, { location: 'https://elsewhere.example/robot/send?access_token=LEAKED' });
          res.end();
          return;
        }
        // 200 and a body that never ends: the robot (or a proxy in front of it) streams forever.
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(16_384, 'x');
        const pump = () => {
          while (res.write(chunk)) {
            /* fill the socket */
          }
        };
        res.on('drain', pump);
        pump();
        req.socket.on('close', () => res.removeListener('drain', pump));
      });
    });
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    const policy = { timeoutMs: 10_000, attempts: 1, backoffMs: 1, deadline: Date.now() + 60_000, now: () => Date.now() };
    try {
      const moved = await deliver({ kind: 'dingtalk', url: `${base}/moved?access_token=T`, from: 'flag' }, { a: 1 }, policy);
      expect(moved.ok).toBe(false);
      expect(moved.failures[0]!.en).toMatch(/^HTTP 302: the robot URL redirects elsewhere; storeops does not follow it: copy the webhook address from the robot's settings again/);
      expect(moved.failures[0]!.zh).toMatch(/^HTTP 302: /);
      expect(JSON.stringify(moved)).not.toContain('LEAKED');
      const started = Date.now();
      const endless = await deliver({ kind: 'dingtalk', url: `${base}/endless?access_token=T`, from: 'flag' }, { a: 1 }, policy);
      expect(endless.ok).toBe(false);
      // A 2xx answer that is not DingTalk's JSON: what it probably means and what to do (it said only the first clause).
      expect(endless.failures[0]!.en).toBe("the answer is not the expected JSON: this address may not be a DingTalk robot's webhook (copy it again from the group's robot settings; for another service use the webhook: prefix)");
      expect(endless.failures[0]!.zh).toBe('回复不是预期的 JSON: 这个地址可能不是钉钉机器人的 webhook 地址 (从群设置的机器人里重新复制; 不是钉钉机器人时改用 webhook: 前缀)');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      s.closeAllConnections();
      await new Promise<void>((r) => s.close(() => r()));
    }
  }, 30_000);
});
