// Quality-label selection (RULES §3, seed 002 二(二)3 and Q19): exactly 3 labels are displayed;
// mandatory (*) test items are tested whether displayed or not; optional items are tested only
// when chosen for display. Input: one row per test item of a product (the --labels file).
import { type Msg, msg } from '../errors.js';
import type { FieldSpec } from '../io/table.js';
import { type Parsed, parseBool } from './fields.js';

/** Labels displayed per product (seed 002 二(二)3(1): "固定为3项"). */
export const LABELS_DISPLAYED = 3;

export const LABEL_FIELDS: readonly FieldSpec[] = [
  { key: 'itemId', aliases: ['itemId', '商品ID', '商品id', '宝贝ID', '商品编号', 'item_id'], required: true },
  { key: 'label', aliases: ['label', '项目', '检测项目', '品质标签', '标签', 'item'], required: true },
  { key: 'mandatory', aliases: ['mandatory', '必检', '必选', '必检项', 'required'] },
  { key: 'displayed', aliases: ['displayed', '展示', '是否展示', 'shown', 'display'], required: true },
  { key: 'tested', aliases: ['tested', '检测', '是否检测', 'test'] },
];

export interface LabelItem {
  name: string;
  mandatory: boolean;
  displayed: boolean;
  /** What the operator expects about testing, when the file says; null = not stated. */
  tested: boolean | null;
}

export interface LabelProblem {
  code: 'labels_not_three' | 'label_mandatory_always_tested' | 'label_optional_not_tested';
  text: Msg;
}

export interface LabelResult {
  shown: string[];
  tested: string[];
  problems: LabelProblem[];
}

/** A label name written "*甲醛" (the page's red star) is mandatory even without a 必检 column. */
export function parseLabelRow(cells: { label: string; mandatory: string; displayed: string; tested: string }): Parsed<LabelItem> & { field?: string } {
  let name = cells.label.trim();
  let starred = false;
  if (/^[*＊]|[*＊]$/.test(name)) {
    starred = true;
    name = name.replace(/^[*＊]\s*|\s*[*＊]$/g, '');
  }
  if (name === '') return { ok: false, reason: msg('项目名为空', 'the item name is empty'), field: 'label' };
  const mand = cells.mandatory.trim() === '*' ? { ok: true as const, value: true } : parseBool(cells.mandatory);
  if (!mand.ok) return { ...mand, field: 'mandatory' };
  const shown = parseBool(cells.displayed);
  if (!shown.ok) return { ...shown, field: 'displayed' };
  let tested: boolean | null = null;
  if (cells.tested.trim() !== '') {
    const t = parseBool(cells.tested);
    if (!t.ok) return { ...t, field: 'tested' };
    tested = t.value;
  }
  return { ok: true, value: { name, mandatory: mand.value || starred, displayed: shown.value, tested } };
}

export function checkLabels(items: readonly LabelItem[]): LabelResult {
  const shown = items.filter((i) => i.displayed).map((i) => i.name);
  // RULES §3: mandatory always tested; optional only when displayed.
  const tested = items.filter((i) => i.mandatory || i.displayed).map((i) => i.name);
  const problems: LabelProblem[] = [];
  if (shown.length !== LABELS_DISPLAYED) {
    problems.push({
      code: 'labels_not_three',
      text: msg(
        `展示了 ${shown.length} 个品质标签, 必须正好 ${LABELS_DISPLAYED} 个 (先选必检项的标签, 再用非必选项补足)`,
        `${shown.length} quality labels displayed; exactly ${LABELS_DISPLAYED} are required (choose the mandatory items' labels first, then fill the rest with optional ones)`,
      ),
    });
  }
  const skipped = items.filter((i) => i.mandatory && i.tested === false).map((i) => i.name);
  if (skipped.length) {
    problems.push({
      code: 'label_mandatory_always_tested',
      text: msg(
        `必检项无论是否展示都会检测 (并计费): ${skipped.join('、')}`,
        `mandatory items are tested (and paid for) whether displayed or not: ${skipped.join(', ')}`,
      ),
    });
  }
  const hidden = items.filter((i) => !i.mandatory && !i.displayed && i.tested === true).map((i) => i.name);
  if (hidden.length) {
    problems.push({
      code: 'label_optional_not_tested',
      text: msg(
        `非必选项只有选择展示才会检测, 这些不会被检测: ${hidden.join('、')}`,
        `optional items are tested only when displayed; these will not be tested: ${hidden.join(', ')}`,
      ),
    });
  }
  return { shown, tested, problems };
}
