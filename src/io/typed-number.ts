// Why a number typed at a desk (a quantity, an amount, a staff count) was not read, said to the
// operator with what was typed and the form expected. Nothing here reads the number: a comma may be
// a thousands separator or a decimal point, and amounts are never guessed (docs/formats.md
// "Full-width digits are the same digits").
import { type Msg, msg } from '../errors.js';
import { halfWidth } from './cells.js';

const FULL_DIGIT = /[\uFF10-\uFF19]/;

/**
 * The hint for `raw` (the cell as typed): a comma, full-width `，` or ASCII `,`; or full-width digits
 * where the reader takes only ASCII ones (`fullWidthRead` false: a file whose docs do not say they are
 * read). `whole`: a count (example 12), else an amount (example 1234.50). Undefined when neither.
 */
export function typedNumberHint(raw: string, whole: boolean, fullWidthRead: boolean, example = whole ? '12' : '1234.50'): Msg | undefined {
  const comma = raw.includes('，') ? '，' : raw.includes(',') ? ',' : undefined;
  if (comma) {
    const zhWhich = comma === '，' ? '全角逗号' : '逗号';
    const enWhich = comma === '，' ? 'a full-width comma' : 'a comma';
    return msg(
      `${zhWhich} "${comma}" 可能是千位分隔也可能是小数点, 不猜测; 请写成不带逗号的${whole ? '整数' : '数字'}, 如 ${example}`,
      `${enWhich} "${comma}" may be a thousands separator or a decimal point, which is not guessed; write it without the comma${whole ? ', as a whole number' : ''}, e.g. ${example}`,
    );
  }
  if (!fullWidthRead && FULL_DIGIT.test(raw)) {
    const h = halfWidth(raw).trim();
    const plain = whole ? /^\d+$/.test(h) : /^\d+(?:\.\d+)?$/.test(h);
    return plain
      ? msg(`这是全角数字; 请用半角数字写成 ${h}`, `those are full-width digits; write it in ASCII digits: ${h}`)
      : msg(`这是全角数字; 请用半角数字书写, 如 ${example}`, `those are full-width digits; write it in ASCII digits, e.g. ${example}`);
  }
  return undefined;
}

/** `base` followed by the hint when there is one (`…: hint`). */
export function withTypedHint(base: Msg, raw: string, whole: boolean, fullWidthRead: boolean, example?: string): Msg {
  const h = typedNumberHint(raw, whole, fullWidthRead, example);
  return h ? msg(`${base.zh}: ${h.zh}`, `${base.en}: ${h.en}`) : base;
}
