// zh labels of the codes `rules list` and `rules show` write (JSON and en output keep the codes;
// src/io shows the labels in zh output). The compensation codes (kind, payer, base) are the ones
// compensate itself shows, so a rule set reads the same words as the vouchers it produces.
import type { Labels } from '../io/columns.js';
import { PLATFORM_ZH } from '../orders/codes.js';

export { BASE_ZH, KIND_ZH, PAYER_ZH } from '../compensation/codes.js';

/** A rule set's platform (types.ts RulePlatform): the order platforms, and 天猫国际. */
export const RULE_PLATFORM_ZH: Labels = { ...PLATFORM_ZH, 'tmall-global': '天猫国际' };

/** How a buyer's late orders are combined (types.ts CombineBy; docs/rules.md §1.2, §1.3). */
export const COMBINE_ZH: Labels = { none: '不合并', 'rolling-24h': '首单付款后 24 小时内合并', 'calendar-day': '同一自然日合并' };

/** Rounding of a payout (docs/rules.md §1.4). */
export const ROUNDING_ZH: Labels = { fen: '四舍五入到分', yuan: '四舍五入到元' };
