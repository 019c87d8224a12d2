// desk39 (task 1): orders normalize masked a 买家留言 (buyer message, kept under extra) as a name:
// its first character and one * per other character, so '请周末送货，电话13925130165 找王小明' came out
// as '请***********************' — the message was lost, though only the phone and the receiver's
// name in it are personal (README Privacy: phone, address and receiver name masked). It is now
// free text like the seller's note columns (订单备注, 商家备忘): phones, addresses, the order's
// receiver name and labelled names masked, the rest kept.
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { T56, order, taobaoCsv, write } from './build.js';
import { cli, json } from './expected.js';

const MESSAGES = [
  // A mobile (11 digits: first 3 and last 4 kept → 139****0165) and the order's receiver 王小明 (王**).
  '请周末送货，电话13925130165 找王小明',
  // An address with street detail: the province kept, the rest **** (广东省****); 王小明 → 王**.
  '王小明说放门卫，收货地址：广东省深圳市南山区科技园南路88号',
  // Nothing personal: as written.
  '请周末送货，不要放快递柜',
  // A landline 0755-86013388 (12 digits: 075****3388) and a name after 收件人： (李大伟 → 李**).
  '收件人：李大伟 座机0755-86013388',
];
const SHOWN = ['请周末送货，电话139****0165 找王**', '王**说放门卫，收货地址：广东省****', '请周末送货，不要放快递柜', '收件人：李** 座机075****3388'];

describe('orders normalize: a buyer message (买家留言) is free text', () => {
  it.each(['UTC', 'America/Los_Angeles'])('only the personal parts are masked, the message kept (TZ=%s)', (tz) => {
    const dir = tmpDir();
    const f = write(dir, 'msg.csv', taobaoCsv(MESSAGES.map((m, i) => order(`351531314732935790${i + 1}`, { 买家留言: m }))));
    const r = cli(['orders', 'normalize', f, '-f', 'json', '-q'], { tz });
    expect(r.code).toBe(0);
    expect(json(r).map((o) => (o.extra as Record<string, string>)['买家留言'])).toEqual(SHOWN);
    // --show-pii: as written.
    expect(json(cli(['orders', 'normalize', f, '-f', 'json', '-q', '--show-pii'], { tz })).map((o) => (o.extra as Record<string, string>)['买家留言'])).toEqual(MESSAGES);
  });

  it('the 2016–2018 layouts name it 买家留言 too (56 columns)', () => {
    const dir = tmpDir();
    const f = write(dir, 'msg56.csv', taobaoCsv([order('3515313147329357901', { 买家留言: MESSAGES[0]! })], T56));
    expect(json(cli(['orders', 'normalize', f, '-f', 'json', '-q'])).map((o) => (o.extra as Record<string, string>)['买家留言'])).toEqual([SHOWN[0]]);
  });
});
