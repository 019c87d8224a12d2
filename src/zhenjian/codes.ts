// zh labels of the codes zhenjian estimate writes (row kinds, model.ts WarningCode) for zh output.
import type { Labels } from '../io/columns.js';

export const ROW_KIND_ZH: Labels = { product: '商品', total: '合计' };

export const WARNING_ZH: Labels = {
  unknown_category: '类目未知',
  category_from_path: '按类目路径识别',
  ineligible_industry: '行业不适用',
  samples_open_ended: '样品数无上限',
  samples_from_pack: '按包装折算',
  samples_below_category: '样品数低于类目要求',
  charge_far_above_estimate: '扣款远超预估',
  balance_below_avg_order: '余额低于客单价',
  balance_below_charge: '余额不足扣款',
  labels_missing: '未选标签',
  labels_not_three: '标签不是三个',
  label_mandatory_always_tested: '必选标签必检',
  label_optional_not_tested: '可选标签不检测',
  sku_type_or_material: 'SKU 类型或材质不同',
  cancel_window_closed: '已过取消期',
  ineligible_not_counted: '行业不适用的未计入',
  deal_above_list: '到手价高于一口价',
};
