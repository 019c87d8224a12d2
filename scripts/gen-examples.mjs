#!/usr/bin/env node
// Writes the example exports (examples/) and the per-layout fixtures (test/fixtures/orders/)
// from one small, hand-designed set of synthetic orders. Run: node scripts/gen-examples.mjs
// The output is committed; tests work their expectations out from the table below, by hand.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { DOUYIN_HEADERS, PDD_HEADERS, TAOBAO_ITEM_LAYOUTS, TAOBAO_ORDER_LAYOUTS, csvCell, taobaoCsvCell } from './export-layouts.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

// The example shop's November (Beijing time). Worked through in README "compensate".
export const ORDERS = [
  { id: '3515313147329357901', buyer: '小明爱购物', receiver: '王小明', phone: '13925130165', address: '广东省 深圳市 南山区 科技园南路88号(518057)', goods: '190.00', postage: '10.00', paid: '200.00', status: '交易成功', created: '2026-11-10 08:58:12', paidAt: '2026-11-10 09:00:00', shipped: '2026-11-13 10:00:00', title: '加厚羊毛围巾 灰色', qty: 1, platformComp: '57.00', tracking: '773012345678901', carrier: '申通快递' },
  { id: '3515313147329357902', buyer: '小明爱购物', receiver: '王小明', phone: '13925130165', address: '广东省 深圳市 南山区 科技园南路88号(518057)', goods: '12.00', postage: '0.00', paid: '12.00', status: '交易成功', created: '2026-11-10 19:59:00', paidAt: '2026-11-10 20:00:00', shipped: '2026-11-12 21:00:00', title: '毛线球清理器', qty: 1, platformComp: '5.00', tracking: '773012345678902', carrier: '申通快递' },
  { id: '3515313147329357903', buyer: '小明爱购物', receiver: '王小明', phone: '13925130165', address: '广东省 深圳市 南山区 科技园南路88号(518057)', goods: '2000.00', postage: '0.00', paid: '2000.00', status: '卖家已发货，等待买家确认', created: '2026-11-11 09:59:00', paidAt: '2026-11-11 10:00:00', shipped: '2026-11-14 09:00:00', title: '羊绒大衣 驼色 L', qty: 1, platformComp: '', tracking: '773012345678903', carrier: '申通快递' },
  { id: '2987650012233445501', buyer: '阿花tb', receiver: '李花', phone: '18612345678', address: '浙江省 杭州市 西湖区 文三路100号(310012)', goods: '88.00', postage: '0.00', paid: '88.00', status: '交易成功', created: '2026-11-15 09:58:00', paidAt: '2026-11-15 10:00:00', shipped: '2026-11-17 10:00:00', title: '针织手套', qty: 2, platformComp: '', tracking: 'YT8800001', carrier: '圆通速递' },
  { id: '2987650012233445502', buyer: '阿花tb', receiver: '李花', phone: '18612345678', address: '浙江省 杭州市 西湖区 文三路100号(310012)', goods: '99.90', postage: '0.00', paid: '99.90', status: '交易成功', created: '2026-11-15 10:59:00', paidAt: '2026-11-15 11:00:00', shipped: '2026-11-17 11:00:01', title: '羊毛袜 三双装', qty: 1, platformComp: '30.00', tracking: 'YT8800002', carrier: '圆通速递' },
  { id: '4100000000000000701', buyer: '老王的店铺', receiver: '王建国', phone: '13700001111', address: '北京 北京市 朝阳区 建国路1号(100022)', goods: '50.00', postage: '8.00', paid: '58.00', status: '买家已付款，等待卖家发货', created: '2026-11-17 07:59:00', paidAt: '2026-11-17 08:00:00', shipped: '', title: '围巾礼盒', qty: 1, platformComp: '', tracking: '', carrier: '' },
  { id: '4100000000000000702', buyer: '老王的店铺', receiver: '王建国', phone: '13700001111', address: '北京 北京市 朝阳区 建国路1号(100022)', goods: '30.00', postage: '0.00', paid: '30.00', status: '交易关闭', created: '2026-11-16 12:00:00', paidAt: '2026-11-16 12:01:00', shipped: '', title: '手套', qty: 1, platformComp: '', tracking: '', carrier: '', closeReason: '退款' },
  { id: '5200000000000000801', buyer: '小红书迷', receiver: '赵红', phone: '15000002222', address: '上海 上海市 浦东新区 世纪大道200号(200120)', goods: '236.00', postage: '0.00', paid: '236.00', status: '卖家已发货，等待买家确认', created: '2026-11-18 14:58:00', paidAt: '2026-11-18 15:00:00', shipped: '2026-11-19 10:00:00', title: '羊毛围巾 红色，针织手套，羊毛袜 三双装', kinds: 3, qty: 4, platformComp: '', tracking: 'SF1400000008', carrier: '顺丰速运', note: '=HYPERLINK("http://x.example","点我")' },
  { id: '5200000000000000802', buyer: '新客0001', receiver: '钱多多', phone: '13300003333', address: '四川省 成都市 武侯区 天府大道300号(610041)', goods: '66.00', postage: '6.00', paid: '0.00', status: '等待买家付款', created: '2026-11-20 09:00:00', paidAt: '', shipped: '', title: '毛线帽', qty: 1, platformComp: '', tracking: '', carrier: '' },
];

function taobaoOrderCell(h, o) {
  switch (h) {
    case '订单编号': return o.id;
    case '主订单编号': return o.id;
    case '买家会员名': case '买家会员昵称': return o.buyer;
    case '买家支付宝账号': return `${o.buyer.length}***@example.com`;
    case '买家应付货款': return o.goods;
    case '买家应付邮费': return o.postage;
    case '总金额': return (Number(o.goods) + Number(o.postage)).toFixed(2);
    case '买家实际支付金额': return o.paid;
    case '买家支付积分': case '返点积分': case '买家实际支付积分': return '0';
    case '订单状态': return o.status;
    case '买家留言': return '';
    case '收货人姓名': return o.receiver;
    case '收货地址': return o.address;
    case '运送方式': return '快递';
    case '联系电话': return '';
    case '联系手机': return `'${o.phone}`;
    case '订单创建时间': return o.created;
    case '订单付款时间': return o.paidAt;
    case '宝贝标题': return o.title;
    case '宝贝种类': return String(o.kinds ?? 1);
    case '物流单号': return o.tracking ? `No:${o.tracking}` : '';
    case '物流公司': return o.carrier;
    case '订单备注': return o.note ?? '';
    case '宝贝总数量': return String(o.qty);
    case '店铺Id': return '100200300';
    case '店铺名称': return '暖冬织物旗舰店';
    case '订单关闭原因': return o.closeReason ?? (o.status === '交易关闭' ? '退款' : '订单未关闭');
    case '卖家服务费': case '买家服务费': return '0元';
    case '是否手机订单': return '手机订单';
    case '退款金额': return o.status === '交易关闭' ? o.paid : '0';
    case '确认收货时间': return o.status === '交易成功' ? '2026-11-19 20:00:00' : '';
    case '打款商家金额': return o.status === '交易成功' ? `${o.paid}元` : '0元';
    case '延迟发货自动赔付金额': return o.platformComp;
    case '预售订单': return '否';
    case '发货时间': return o.shipped;
    case '商家备忘': return '';
    default: return '';
  }
}

function writeTaobaoOrders(file, headers, orders, encoding) {
  const lines = [headers.map((h) => (h === '收货地址' || h === '订单付款时间' ? `${h} ` : h)).map(csvCell).join(',')];
  for (const o of orders) lines.push(headers.map((h) => taobaoCsvCell(h, taobaoOrderCell(h, o))).join(','));
  const text = lines.join('\r\n') + '\r\n';
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, encoding === 'gbk' ? iconv.encode(text, 'gbk') : encoding === 'utf8-bom' ? '\uFEFF' + text : text);
}

// Item report lines: order 5200000000000000801 has three lines; the others one each.
function itemLines() {
  const out = [];
  let n = 1;
  for (const o of ORDERS) {
    const titles = o.title.split('，');
    const amounts = titles.length === 3 ? ['128.00', '48.00', '60.00'] : [o.paid];
    const goods = titles.length === 3 ? ['128.00', '48.00', '60.00'] : [o.goods];
    const qty = titles.length === 3 ? [1, 2, 1] : [o.qty];
    titles.forEach((t, i) => out.push({ ...o, lineId: `${o.id.slice(0, -2)}${String(n++).padStart(2, '0')}`, title: t, paid: amounts[i], goods: goods[i], qty: qty[i], platformComp: i === 0 ? o.platformComp : '' }));
  }
  return out;
}

function taobaoItemCell(h, l) {
  switch (h) {
    case '子订单编号': return l.lineId;
    case '主订单编号': case '订单编号': return l.id;
    case '标题': case '商品标题': return l.title;
    case '价格': case '商品价格': return (Number(l.goods) / l.qty).toFixed(2);
    case '购买数量': return String(l.qty);
    case '订单状态': return l.status;
    case '买家应付货款': return l.goods;
    case '买家实际支付金额': case '买家实付金额': return l.paid;
    case '退款状态': return '';
    case '退款金额': return '0';
    case '订单创建时间': return l.created;
    case '订单付款时间': return l.paidAt;
    case '商品id': case '商品ID': return '610000000001';
    case '发货时间': return l.shipped;
    case '物流单号': return l.tracking ? `No:${l.tracking}` : '';
    case '物流公司': return l.carrier;
    case '是否赔付': case '是否主动赔付': return l.platformComp ? '是' : '否';
    case '赔付金额': case '主动赔付金额': return l.platformComp;
    case '商品属性': return '颜色分类:默认';
    default: return '';
  }
}

function writeTaobaoItems(file, headers, encoding) {
  const lines = [headers.map(csvCell).join(',') + ','];
  for (const l of itemLines()) lines.push(headers.map((h) => taobaoCsvCell(h, taobaoItemCell(h, l))).join(',') + ',');
  const text = lines.join('\r\n') + '\r\n';
  fs.writeFileSync(file, encoding === 'gbk' ? iconv.encode(text, 'gbk') : text);
}

const DOUYIN_STATUS = { 交易成功: '已完成', '卖家已发货，等待买家确认': '已发货', '买家已付款，等待卖家发货': '待发货', 交易关闭: '已关闭', 等待买家付款: '待支付' };

function douyinCell(h, l) {
  const [prov, city, dist, ...rest] = l.address.split(' ');
  switch (h) {
    case '主订单编号': return `\t69${l.id.slice(2)}`;
    case '子订单编号': return `\t69${l.lineId.slice(2)}`;
    case '选购商品': return l.title;
    case '商品规格': return '默认';
    case '商品数量': return String(l.qty);
    case '商品单价': return (Number(l.goods) / l.qty).toFixed(2);
    case '订单应付金额': return Number(l.paid) >= 1000 ? Number(l.paid).toLocaleString('en-US', { minimumFractionDigits: 2 }) : l.paid;
    case '运费': return l.postage;
    case '收件人': return l.receiver;
    case '收件人手机号': return l.phone;
    case '省': return prov;
    case '市': return city;
    case '区': return dist;
    case '详细地址': return rest.join(' ');
    case '订单提交时间': return l.created;
    case '支付完成时间': return l.paidAt;
    case '订单状态': return DOUYIN_STATUS[l.status];
    case '承诺发货时间': return l.paidAt ? addHours(l.paidAt, 48) : '';
    case '订单类型': return '普通订单';
    case '达人昵称': return '暖冬直播间';
    case '用户昵称': return l.buyer;
    case '取消原因': return l.status === '交易关闭' ? '买家申请退款' : '';
    case '发货时间': return l.shipped;
    case '快递公司': return l.carrier;
    case '快递单号': return l.tracking;
    default: return '';
  }
}

function addHours(text, h) {
  const t = Date.parse(text.replace(' ', 'T') + '+08:00') + h * 3600_000;
  const d = new Date(t + 8 * 3600_000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

function writeDouyin(file) {
  const lines = [DOUYIN_HEADERS.map(csvCell).join(',')];
  for (const l of itemLines()) lines.push(DOUYIN_HEADERS.map((h) => `"${String(douyinCell(h, l)).replace(/"/g, '""')}"`).join(','));
  fs.writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
}

const PDD_STATUS = { 交易成功: '已收货', '卖家已发货，等待买家确认': '已发货，待收货', '买家已付款，等待卖家发货': '待发货', 交易关闭: '未发货，退款成功', 等待买家付款: '待付款' };

function pddCell(h, o, i) {
  switch (h) {
    case '商品': return o.title;
    case '订单号': return `2611${String(10 + i).padStart(2, '0')}-${o.id.slice(-15)}`;
    case '订单状态': return PDD_STATUS[o.status];
    case '商品总价(元)': return o.goods;
    case '邮费(元)': return o.postage;
    case '用户实付金额(元)': return o.paid;
    case '商家实收金额(元)': return o.paid;
    case '商品数量(件)': return String(o.qty);
    case '发货时间': return o.shipped;
    case '确认收货时间': return o.status === '交易成功' ? '2026-11-19 20:00:00' : '';
    case '订单成交时间': return o.paidAt || o.created;
    case '快递单号': return o.tracking;
    case '快递公司': return o.carrier;
    case '商家备注': return '\t';
    default: return '0';
  }
}

function writePdd(file) {
  const rows = ORDERS.filter((o) => o.paidAt);
  const lines = [PDD_HEADERS.map(csvCell).join(',')];
  rows.forEach((o, i) => lines.push(PDD_HEADERS.map((h) => csvCell(pddCell(h, o, i))).join(',')));
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

async function writeXlsx(file, headers, orders) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('export');
  ws.addRow(headers);
  for (const o of orders) ws.addRow(headers.map((h) => String(taobaoOrderCell(h, o)).replace(/^'/, '')));
  await wb.xlsx.writeFile(file);
}

const ex = path.join(root, 'examples');
const fx = path.join(root, 'test', 'fixtures', 'orders');
fs.mkdirSync(ex, { recursive: true });
fs.mkdirSync(fx, { recursive: true });

writeTaobaoOrders(path.join(ex, 'ExportOrderList202611.csv'), TAOBAO_ORDER_LAYOUTS[71], ORDERS, 'gbk');
writeTaobaoItems(path.join(ex, 'ExportOrderDetailList202611.csv'), TAOBAO_ITEM_LAYOUTS[28], 'gbk');
writeDouyin(path.join(ex, 'douyin-orders-202611.csv'));
writePdd(path.join(ex, 'pdd-orders-202611.csv'));
await writeXlsx(path.join(ex, 'ExportOrderList202611.xlsx'), TAOBAO_ORDER_LAYOUTS[71], ORDERS);
fs.writeFileSync(path.join(ex, 'shipments.csv'), '订单编号,揽收时间\n3515313147329357902,2026-11-12 19:30:00\n');
fs.writeFileSync(path.join(ex, 'delivery-failures.csv'), '订单编号\n5200000000000000801\n');

for (const [n, headers] of Object.entries(TAOBAO_ORDER_LAYOUTS)) {
  writeTaobaoOrders(path.join(fx, `taobao-orders-${n}.csv`), headers, ORDERS, n === '71' ? 'utf8-bom' : n === '61' ? 'utf8' : 'gbk');
}
writeTaobaoItems(path.join(fx, 'taobao-items-10.csv'), TAOBAO_ITEM_LAYOUTS[10], 'gbk');
writeTaobaoItems(path.join(fx, 'taobao-items-28.csv'), TAOBAO_ITEM_LAYOUTS[28], 'gbk');
writeTaobaoItems(path.join(fx, 'taobao-items-newest.csv'), TAOBAO_ITEM_LAYOUTS.newest, 'utf8');
console.log('wrote examples/ and test/fixtures/orders/');
