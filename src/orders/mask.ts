// Buyer privacy: receiver name, phone and address are masked in every output unless --show-pii.

/** 张三丰 → 张**; "Li Lei" → L*****. */
export function maskName(name: string): string {
  if (name === '') return '';
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 13925130165 → 139****0165; anything shorter keeps only its last two digits. */
export function maskPhone(phone: string): string {
  const t = phone.trim();
  if (t === '') return '';
  const digits = t.replace(/\D/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 4) return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
  return '****';
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

/** Header names of personal columns, mapped or not (联系电话, 修改后的收货地址, 买家支付宝账号 …). */
export const PII_HEADER = /收货人|收件人|手机|电话|地址|支付宝账号|联系|留言|发票抬头/;

/** A personal cell under its header: phones keep their ends, addresses province and city, the rest one character. */
export function maskByHeader(header: string, value: string): string {
  if (/手机|电话/.test(header)) return maskPhone(value);
  if (/地址/.test(header)) return maskAddress(value);
  return maskName(value);
}
