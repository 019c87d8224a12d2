// Which platform and layout a file is, from its header alone.
import { InputError, msg } from '../cli/errors.js';
import { type HeaderMap, headerList, mapHeader, missingColumnError, normHeader, withHeader } from '../io/table.js';
import { LAYOUTS, type Layout, TAOBAO_ITEMS, TAOBAO_ORDERS, taobaoItemsEra, taobaoOrdersEra } from './layouts.js';

export interface Detected {
  layout: Layout;
  /** Reported id with the column count, e.g. `taobao-orders-71`. */
  layoutId: string;
  era: string;
  map: HeaderMap;
}

/** How many of a layout's characteristic headers are present. */
function score(layout: Layout, present: ReadonlySet<string>): number {
  return layout.signature.filter((h) => present.has(normHeader(h))).length;
}

/**
 * Whether a row is the header of an order export: it scores as a known layout, or it has an
 * order-id column. Title lines above the header (PDD after-sale xlsx, some 抖店 downloads) do not.
 */
export function isOrderHeader(headers: string[]): boolean {
  const present = new Set(headers.map(normHeader));
  return LAYOUTS.some((l) => score(l, present) >= 2 || l.fields.some((f) => f.key === 'orderId' && f.aliases.some((a) => present.has(normHeader(a)))));
}

export function detectLayout(file: string, headers: string[]): Detected {
  const present = new Set(headers.map(normHeader));
  let best: { layout: Layout; score: number } | undefined;
  for (const layout of LAYOUTS) {
    const score_ = score(layout, present);
    if (!best || score_ > best.score) best = { layout, score: score_ };
  }
  if (!best || best.score < 2) {
    throw withHeader(file, headers, new InputError(
      msg(
        `${file}: 无法识别的报表格式; 找到的列: ${headerList(headers, 20)}`,
        `${file}: unknown export layout; columns found: ${headerList(headers, 20)}`,
      ),
      msg(
        `支持: ${LAYOUTS.map((l) => l.name.zh).join('、')}。请传入从卖家中心导出的原始文件。`,
        `supported: ${LAYOUTS.map((l) => l.name.en).join('; ')}. Pass the file as exported from the seller centre.`,
      ),
    ));
  }
  const layout = best.layout;
  const map = mapHeader(headers, layout.fields);
  for (const f of layout.fields) if (f.required && !map.index.has(f.key)) throw missingColumnError(file, layout.name, f, headers);
  const cols = headers.filter((h) => h !== '').length;
  const era = layout === TAOBAO_ORDERS ? taobaoOrdersEra(cols) : layout === TAOBAO_ITEMS ? taobaoItemsEra(cols, headers) : '';
  return { layout, layoutId: `${layout.id}-${cols}`, era, map };
}
