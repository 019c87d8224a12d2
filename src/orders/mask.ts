// Buyer privacy: receiver name, phone and address are masked in every output unless --show-pii.
import { halfWidth } from '../io/cells.js';

/** 张三丰 → 张**; "Li Lei" → L*****. */
export function maskName(name: string): string {
  if (name === '') return '';
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

// Phone numbers as buyers and exports write them. Mobiles: 11 digits 1[3-9]…, optionally with the
// country code (+86, 0086 or 86), a separator (space, - . _ · – —) allowed between any two digits
// (139-2513-0165, 139.2513.0165, 1 3 9 2 5 1 3 0 1 6 5: a buyer writes a phone as he likes).
// Landlines: 0xx(x) then 7–8 digits, the area code bracketed, or followed by one such separator, or
// by nothing (010-12345678, (010)12345678, 010 12345678, 01012345678), the local number split once
// (0571-8888 8888, 010-1234-5678); with the country code the trunk 0 is dropped or kept
// (+86 571 8888 8888, +86-10-12345678, +86 0571 88888888). Digit boundaries: a 19-digit order id
// or a longer digit run never contains a "phone". Matched on ASCII digits: full-width ones
// (１３９…) are looked for in the half-width text (halfWidth keeps the length).
// A tilde (139~2513~0165, the full-width ～ a Chinese input method types, 〜) and the zero-width
// characters a copy from a chat or web page leaves between the digits (U+200B, U+200C, U+200D,
// U+2060, U+FEFF: the phone looks whole on screen) separate the groups too, and a separator may be
// written as a run of up to three (139  2513  0165, 139 - 2513 - 0165, 139——2513——0165). Such a
// phone was shown whole until 2026-12 (text42); a single one of the separators above was found.
/** The separators a phone's digits may be written with (also pii.ts's Chinese-numeral mobiles): one, or a run of up to three. */
export const SEP = '(?:[-\\s._\u00b7\u2013\u2014~\uff5e\u301c\u200b\u200c\u200d\u2060\ufeff]{1,3})';
export const MOBILE = new RegExp(`(?<![\\d])(?:(?:\\+|00)?86${SEP}?)?1${SEP}?[3-9](?:${SEP}?\\d){9}(?![\\d])`, 'g');
export const LANDLINE = new RegExp(
  `(?<![\\d])(?:(?:\\+|00)86${SEP}?0?(?:10|2\\d|[3-9]\\d{2})${SEP}?|[(\uff08]0\\d{2,3}[)\uff09]\\s?|0\\d{2,3}${SEP}?)\\d{3,4}${SEP}?\\d{4}(?![\\d])`,
  'g',
);

/** A national number's digits: eleven or more keep the first 3 and last 4, fewer their last 2. */
function maskDigits(digits: string): string {
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 4) return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
  return '****';
}

/**
 * One phone number MOBILE or LANDLINE found: its national number masked (139****0165,
 * 010****5678), after the country code as it was written (+86 139 2513 0165 → +86 139****0165,
 * +8613925130165 → +86139****0165, 0086-139… → 0086-139****0165, 86 139… → 86 139****0165). A
 * landline written with +86 and without its trunk 0 keeps its area code and last 4 as written
 * (+86 571 8888 8888 → +86 571****8888, +86 10 12345678 → +86 10****5678). Nothing is added that
 * the text did not have: until 2026-12 the 0 was put back (+86 057****8888) and every country code
 * was shown as "+86 " (86-139… → +86 139****0165); before that the 86 was counted into the
 * number (861****0165).
 */
export function maskPhoneNumber(p: string): string {
  const cc = /^(?:\+|00)?86/.exec(p);
  if (!cc) return maskDigits(p.replace(/\D/g, ''));
  // The country code and the separator after it, as written.
  let at = cc[0].length;
  if (at < p.length && !/\d/.test(p[at]!)) at++;
  const prefix = p.slice(0, at);
  const national = p.slice(at).replace(/\D/g, '');
  if (national.startsWith('0') || (national.length === 11 && /^1[3-9]/.test(national))) return prefix + maskDigits(national);
  // A landline without its trunk 0: area code 10, 2x or a three-digit one (mask.ts LANDLINE).
  const area = national.startsWith('10') || national.startsWith('2') ? 2 : 3;
  return `${prefix}${national.slice(0, area)}****${national.slice(-4)}`;
}

/**
 * A phone cell masked: 13925130165 → 139****0165, +86 139 2513 0165 → +86 139****0165, each phone
 * of a cell that holds two (139****0165/138****5678), an extension kept (139****0165转123,
 * 010****5678-8001); full-width digits read as their ASCII forms. Any other run of 7 digits or
 * more in it is masked like a number; a cell with no phone in it keeps only the last two of its
 * digits (********67), or shows **** when it has fewer than four.
 */
export function maskPhone(phone: string): string {
  const t = phone.trim();
  if (t === '') return '';
  // Already masked (storeops reading its own output): masking again would lose the last digits shown.
  if (t.includes('*')) return t;
  // The common case, a bare mobile (after the ' an export puts before it to keep it text): no pattern run.
  const bare = t.charCodeAt(0) === 39 ? t.replace(/^'+/, '') : t;
  if (bare.length === 11 && /^1[3-9]\d{9}$/.test(bare)) return maskDigits(bare);
  const half = halfWidth(bare);
  let found = false;
  const masked = half
    .replace(MOBILE, (p) => ((found = true), maskPhoneNumber(p)))
    .replace(LANDLINE, (p) => ((found = true), maskPhoneNumber(p)));
  if (!found) return maskDigits(half.replace(/\D/g, ''));
  return maskWords(masked.replace(/\d{7,}/g, (d) => maskDigits(d)));
}

// Words a phone cell holds beside its numbers that say what a number is (an extension, a second
// number, a platform's virtual number): kept. Any other word in a phone cell — a name (王小明
// 13925130165), a place, a note — was shown whole beside the masked number until 2026-12 (the docs
// say the phone is masked; what else such a cell holds is the buyer's too): it is masked as a name
// is, its first character kept (王** 139****0165, Mike → M***).
const PHONE_WORDS = /^(?:转|分机|内线|手机|电话|座机|固话|家|宅|办公室?|单位|备用|或|和|及|虚拟|隐私|号码|号|联系|ext|tel|mob|x)+$/i;

function maskWords(cell: string): string {
  return cell.replace(/[\u4e00-\u9fff]+|[A-Za-z]+/g, (w) => (PHONE_WORDS.test(w) ? w : maskName(w)));
}

/** Keep province and city (the first two space-separated parts of 省 市 区 详细地址), mask the rest. */
export function maskAddress(address: string): string {
  const t = address.trim();
  if (t === '') return '';
  const parts = t.split(/\s+/);
  if (parts.length >= 3) return `${parts[0]} ${parts[1]} ****`;
  const chars = [...t];
  return chars.slice(0, Math.min(3, chars.length)).join('') + '****';
}

export type PiiKind = 'name' | 'phone' | 'address';

/** The canonical fields that hold personal data, and how each is masked. */
export const PII_FIELDS: Readonly<Record<string, PiiKind>> = {
  receiver: 'name',
  phone: 'phone',
  address: 'address',
  province: 'address',
  city: 'address',
  district: 'address',
  street: 'address',
};

export function maskAs(kind: PiiKind, value: string): string {
  if (kind === 'phone') return maskPhone(value);
  if (kind === 'address') return maskAddress(value);
  return maskName(value);
}

/** A mainland mobile number, however written (`'139…`, `+86 139…`, `0086-139…`, `139-2513-0165`, `１３９…`). */
export function looksLikePhone(value: string): boolean {
  const d = halfWidth(value).replace(/[\s\-+()']/g, '');
  return /^(?:(?:00)?86)?1[3-9]\d{9}$/.test(d);
}

/**
 * A cell value as it may be echoed (a rejected row, an unmapped column): masked by the kind of
 * its column when that is known, and a value that is a phone number is masked whatever its column.
 */
export function maskValue(kind: PiiKind | undefined, value: string): string {
  if (kind) return maskAs(kind, value);
  return looksLikePhone(value) ? maskPhone(value) : value;
}
