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
  // Already masked (storeops reading its own output): masking again would lose the last digits shown.
  if (t.includes('*')) return t;
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

/** A mainland mobile number, however written (`'139…`, `+86 139…`, `139-2513-0165`). */
export function looksLikePhone(value: string): boolean {
  const d = value.replace(/[\s\-+()']/g, '');
  return /^(?:86)?1[3-9]\d{9}$/.test(d);
}

/**
 * A cell value as it may be echoed (a rejected row, an unmapped column): masked by the kind of
 * its column when that is known, and a value that is a phone number is masked whatever its column.
 */
export function maskValue(kind: PiiKind | undefined, value: string): string {
  if (kind) return maskAs(kind, value);
  return looksLikePhone(value) ? maskPhone(value) : value;
}
