// A notice fitted to one platform: its JSON body, within the platform's size limit, split over a
// few messages and then cut with "… and N more". Pure: no clock, no network.
import { Money, ZERO, fmtMoney } from '../money.js';
import { oneLine } from '../io/escape.js';
import type { Kind, Notice, NoticeItem } from './types.js';

/**
 * Size limits, in UTF-8 bytes, as the platforms document them (docs/notify.md):
 * - WeCom group robot: markdown.content at most 4096 bytes (errcode 40058 "markdown.content exceed max length 4096").
 * - Feishu/Lark custom bot: the request body at most 20 KB; we keep 20 000 bytes less room for `timestamp`+`sign`.
 * - DingTalk custom robot: its pages give no byte figure we could confirm; we keep the body under
 *   20 000 bytes (the Feishu figure) and rely on splitting, since DingTalk allows 20 messages a minute.
 * - Plain webhooks: 64 KiB, our own choice.
 */
export const LIMITS: Record<Kind, { bytes: number; measure: 'body' | 'content' }> = {
  dingtalk: { bytes: 20_000, measure: 'body' },
  wecom: { bytes: 4096, measure: 'content' },
  feishu: { bytes: 20_000 - 200, measure: 'body' },
  webhook: { bytes: 65_536, measure: 'body' },
};

/** Longest item line, in characters: one odd product title must not crowd out the others. */
export const ITEM_MAX_CHARS = 200;

export interface FitOptions {
  /** Items shown at most per run; the rest are counted in "… and N more". */
  top: number;
  /** Messages at most per run and target (DingTalk and WeCom allow 20 a minute). */
  maxMessages: number;
}

export interface Fitted {
  /** JSON body (before signing) and the items it shows. */
  body: Record<string, unknown>;
  items: NoticeItem[];
}

const WORDS = {
  zh: {
    more: (n: number) => `… 还有 ${n} 项`,
    part: (i: number) => ` (续 ${i})`,
    fresh: (n: number, total: string | null) => `新增 ${n} 项${total ? ` (${total})` : ''}:`,
    all: (n: number, total: string | null) => `共 ${n} 项${total ? ` (${total})` : ''}:`,
    // `priced`: how many of a voucher alert's items the total covers, when not all (deductions listed too).
    total: (sum: string, priced: number | null) => `合计 ${sum} 元${priced === null ? '' : `, 其中待发红包 ${priced} 个`}`,
  },
  en: {
    more: (n: number) => `… and ${n} more`,
    part: (i: number) => ` (cont. ${i})`,
    fresh: (n: number, total: string | null) => `${n} new${total ? ` (${total})` : ''}:`,
    all: (n: number, total: string | null) => `${n} in all${total ? ` (${total})` : ''}:`,
    total: (sum: string, priced: number | null) => `total ${sum}${priced === null ? '' : ` in ${priced === 1 ? '1 voucher' : `${priced} vouchers`} to issue`}`,
  },
} as const;

/**
 * Markdown and mention syntax in shop data (a product title with `**`, `[x](y)`, `<@all>` or
 * `<at user_id="all">`) must not format the message or ping the whole group: those characters
 * become their full-width forms, which read the same. So do an HTML entity's `&` (`&amp;` would
 * show as `&`) and, at the start of an item's line, a list marker (a nick `1. x`, `- x` or `+ x`
 * would start a list inside the item). Control characters are shown as their escapes (oneLine).
 */
export function neutralize(text: string): string {
  return oneLine(text)
    .replace(/[*_`#[\]<>|~]|&(?=#?\w+;)/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, (_m, d: string, p: string) => d + String.fromCharCode(p.charCodeAt(0) + 0xfee0))
    .replace(/^[-+=](?=\s|$)/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * At most ITEM_MAX_CHARS code points: 199 and "…". The cut falls between characters as the reader
 * sees them (a flag 🇨🇳 is two code points, a family emoji five joined by U+200D): one that does not
 * fit whole is left out, never shown as half a flag or a lone person.
 */
function clip(text: string): string {
  const chars = [...text];
  if (chars.length <= ITEM_MAX_CHARS) return text;
  let kept = '';
  let n = 0;
  // Only the head is segmented: a character that reaches past 199 + 32 code points is not kept anyway.
  const head = chars.slice(0, ITEM_MAX_CHARS + 32).join('');
  for (const { segment } of graphemes.segment(head)) {
    const len = [...segment].length;
    if (n + len > ITEM_MAX_CHARS - 1) break;
    kept += segment;
    n += len;
  }
  return kept + '…';
}

interface Part {
  title: string;
  summary: string | null;
  label: string | null;
  lines: string[];
  tail: string | null;
  /** Items left out, as the tail counts them. */
  more: number;
  index: number;
  items: NoticeItem[];
}

function render(kind: Kind, notice: Notice, p: Part): Record<string, unknown> {
  switch (kind) {
    case 'dingtalk': {
      const text = [`### ${p.title}`, p.summary, p.label, p.lines.map((l) => `- ${l}`).join('\n'), p.tail].filter((x) => x).join('\n\n');
      return { msgtype: 'markdown', markdown: { title: p.title, text } };
    }
    case 'wecom': {
      const content = [`### ${p.title}`, p.summary, p.label, p.lines.map((l) => `- ${l}`).join('\n'), p.tail].filter((x) => x).join('\n');
      return { msgtype: 'markdown', markdown: { content } };
    }
    case 'feishu': {
      const text = [p.title, p.summary, p.label, p.lines.map((l) => `• ${l}`).join('\n'), p.tail].filter((x) => x).join('\n');
      return { msg_type: 'text', content: { text } };
    }
    case 'webhook':
      return {
        source: 'storeops',
        topic: notice.topic,
        lang: notice.lang,
        ...(notice.shop ? { shop: oneLine(notice.shop) } : {}),
        title: p.title,
        summary: p.summary ?? oneLine(notice.summary),
        part: p.index + 1,
        items: p.items.map((i) => ({ key: i.key, text: oneLine(i.text) })),
        more: p.tail === null ? 0 : p.more,
      };
  }
}

export function sizeOf(kind: Kind, body: Record<string, unknown>): number {
  if (LIMITS[kind].measure === 'content') {
    const md = body.markdown as { content?: string } | undefined;
    return Buffer.byteLength(md?.content ?? '', 'utf8');
  }
  return Buffer.byteLength(JSON.stringify(body), 'utf8');
}

/**
 * Fit a notice to a platform. `fresh` says whether the items are only what is new since the last
 * notice (the label says "3 new:") or everything ("3 in all:"). Returns the messages to post in
 * order, and how many items were left out.
 */
export function fit(kind: Kind, notice: Notice, fresh: boolean, opts: FitOptions): { messages: Fitted[]; cut: number } {
  const w = WORDS[notice.lang];
  const md = kind === 'dingtalk' || kind === 'wecom';
  // Shop data in a message is one line, as in every message on the terminal (docs/cli.md): a newline,
  // tab, ESC or bidi override in a title, nick or agent name is shown as its escape (\n, \x1b,
  // \u202e), so it can neither start a line of its own (a forged item) nor reorder or hide text.
  // Until 2026-12 DingTalk and WeCom turned only \r \n \t into spaces, and Feishu and plain
  // webhooks passed every control character on.
  const safe = (s: string) => (kind === 'webhook' ? oneLine(s) : md ? neutralize(s) : oneLine(s).replace(/</g, '＜'));
  const limit = LIMITS[kind].bytes;
  const title = safe(notice.title);
  const summary = safe(notice.summary);
  const all = notice.items;
  // The total covers every item of this notice (new ones only, when only news is posted), listed or not.
  const sum = all.some((i) => i.amount !== undefined) ? fmtMoney(all.reduce((t, i) => (i.amount === undefined ? t : t.plus(new Money(i.amount))), ZERO)) : null;
  // A voucher alert that lists a platform's deductions too (a 抖店 export beside a Tmall one): the total
  // is money to issue, so it says how many of the items it covers ("3 new (total 50.00)" over one
  // voucher of 50.00 and two deductions read as three vouchers to issue; rev52).
  const priced = all.filter((i) => i.amount !== undefined).length;
  const total = sum === null ? null : w.total(sum, notice.topic === 'vouchers' && priced < all.length ? priced : null);
  const label = all.length === 0 ? null : fresh ? w.fresh(all.length, total) : w.all(all.length, total);
  const candidates = all.slice(0, Math.max(0, opts.top));
  // Each item's line once (clip segments the text): the loop below probes growing slices of them.
  const lineOf = candidates.map((i) => safe(clip(i.text)));
  // Room for the widest possible tail is kept in every message, so the tail always fits.
  const widestTail = w.more(all.length);

  const parts: Part[] = [];
  let next = 0;
  for (let m = 0; m < Math.max(1, opts.maxMessages); m++) {
    const base: Part = { title: m === 0 ? title : title + w.part(m + 1), summary: m === 0 ? summary : null, label: m === 0 ? label : null, lines: [], tail: widestTail, more: all.length, index: m, items: [] };
    let taken = 0;
    while (next + taken < candidates.length) {
      const items = candidates.slice(next, next + taken + 1);
      const probe: Part = { ...base, lines: lineOf.slice(next, next + taken + 1), items };
      if (sizeOf(kind, render(kind, notice, probe)) > limit) break;
      taken++;
    }
    if (taken === 0 && m > 0) break; // nothing more fits: stop rather than post an empty part
    const items = candidates.slice(next, next + taken);
    next += taken;
    parts.push({ ...base, lines: lineOf.slice(next - taken, next), items, tail: null, more: 0 });
    if (next >= candidates.length) break;
  }
  const cut = all.length - next;
  if (cut > 0) Object.assign(parts[parts.length - 1]!, { tail: w.more(cut), more: cut });
  const messages = parts.map((p) => ({ body: render(kind, notice, p), items: p.items }));
  return { messages, cut };
}
