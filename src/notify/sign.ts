// Request signing as each platform documents it. Pure: the time is passed in.
//
// DingTalk custom robot, 安全设置 "加签" (open.dingtalk.com/document/group/custom-robot-access; docs/notify.md):
//   string_to_sign = timestamp + "\n" + secret (timestamp in ms); sign = urlEncode(base64(HmacSHA256(key=secret, string_to_sign)));
//   sent as query parameters `timestamp` and `sign`; a timestamp more than an hour off is refused
//   with errcode 310000 ("invalid timestamp"), a wrong sign with errcode 310000 ("sign not match").
// Feishu/Lark custom bot, 签名校验 (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot; docs/notify.md):
//   string_to_sign = timestamp + "\n" + secret (timestamp in s) used as the HMAC-SHA256 KEY over
//   an empty message; sign = base64(digest); `timestamp` (string) and `sign` go in the JSON body.
//   A mismatch or a timestamp more than an hour off answers {"code":19021,"msg":"sign match fail
//   or timestamp is not within one hour from current time"}.
// WeCom group robots have no signing: the `key` in the URL is the credential.
// Plain webhooks: X-Storeops-Timestamp (s) and X-Storeops-Signature: sha256=hex(HmacSHA256(key=secret, timestamp + "." + body)).
import crypto from 'node:crypto';

export function dingtalkSign(secret: string, timestampMs: number): { timestamp: string; sign: string } {
  const timestamp = String(timestampMs);
  const digest = crypto.createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
  return { timestamp, sign: digest };
}

export function feishuSign(secret: string, timestampS: number): { timestamp: string; sign: string } {
  const timestamp = String(timestampS);
  const digest = crypto.createHmac('sha256', `${timestamp}\n${secret}`).update(Buffer.alloc(0)).digest('base64');
  return { timestamp, sign: digest };
}

export function webhookSign(secret: string, timestampS: number, body: string): { timestamp: string; signature: string } {
  const timestamp = String(timestampS);
  const hex = crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return { timestamp, signature: `sha256=${hex}` };
}

/** The DingTalk URL with `timestamp` and `sign` set (URLSearchParams percent-encodes base64's + / =). */
export function dingtalkSignedUrl(url: string, secret: string, nowMs: number): string {
  const u = new URL(url);
  const { timestamp, sign } = dingtalkSign(secret, nowMs);
  u.searchParams.set('timestamp', timestamp);
  u.searchParams.set('sign', sign);
  return u.toString();
}
