// Where an operator downloads exports and looks things up: each platform's own back office, named in
// Chinese as the platform names it and in English with that Chinese beside it, so an English message
// names the same place the Chinese one does (text46: English said "the seller centre", Tmall's, where
// the Chinese already said 抖店后台 or 拼多多商家后台, or 店铺后台 when the platform is not known).
// Names only: no menu path here that /work/shared/RULES.md or FORMATS.md does not give.
import { type Msg, msg } from './errors.js';
import type { Platform } from './orders/types.js';

export const BACK_OFFICE: Readonly<Record<Platform, Msg>> = {
  taobao: msg('淘宝/天猫卖家中心', 'the Taobao/Tmall seller centre (淘宝/天猫卖家中心)'),
  douyin: msg('抖店后台', 'the Douyin shop back office (抖店后台)'),
  pdd: msg('拼多多商家后台', 'the Pinduoduo merchant back office (拼多多商家后台)'),
};

/** The platform is not known (a file not read yet, a damaged one): the shop's back office. */
export const SHOP_BACK_OFFICE: Msg = msg('店铺后台', "the shop's back office (店铺后台)");
