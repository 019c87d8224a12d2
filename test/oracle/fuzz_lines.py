#!/usr/bin/env python3
"""订单报表 + 宝贝报表 (taobao-items-28) together, run through storeops and an oracle, compared.

usage: fuzz_lines.py N [SEED] [OUTDIR]

docs/rules.md §1.3 (tmall-2026, "unit": "sub-order"): with an item report that has 发货时间 and 买家实际支付金额,
each live line of an order is judged and priced on its own (its 发货时间, its 买家实际支付金额, its own 5.00 minimum
and 50.00 maximum); the calendar-day window and the 500.00 cap take them together; a line not yet due keeps the
voucher provisional; a closed line that never shipped is left out (this fuzz closes lines unshipped only); the order is one voucher row. tmall-2023 (paid before 2026-04-09)
prices orders (the order report's 买家实际支付金额 − 买家应付邮费, its 发货时间).
Readings taken where the docs are silent (as the code comments say): an order of one line is priced as the
order (买家实际支付金额 − 邮费 of the order report); the platform payout of any line (赔付金额 > 0) makes the voucher
paid_by_platform. Whole-second times only; one buyer name per buyer.
"""
import csv
import json
import os
import random
import shutil
import sys
from datetime import datetime, timedelta
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import oracle  # noqa: E402
import fuzzrun  # noqa: E402

T71 = json.load(open(os.path.join(HERE, 't71.json')))
I28 = ('子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,'
       '买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,'
       '物流公司,是否赔付,赔付金额,赔付出账时间').split(',')
H = timedelta(hours=1)
S = timedelta(seconds=1)
FEN = Decimal('0.01')
ANCHORS = [datetime(2026, 11, 10, 23, 59, 59), datetime(2026, 11, 11, 0, 0, 0), datetime(2026, 4, 8, 23, 0, 0),
           datetime(2026, 11, 10, 12, 0, 0), datetime(2026, 4, 9, 0, 0, 0)]
AMTS = ['1000.00', '999.90', '100.00', '99.90', '20.00', '0.01', '5000.00', '333.30', '101.10', '1.00', '10000.00', '50.00']


def f(t):
    return t.strftime('%Y-%m-%d %H:%M:%S') if t else ''


def gen(rng):
    orders = []  # (order dict, [lines])
    n_b = rng.randint(1, 3)
    deadlines = []
    oid_n = 0
    for b in range(n_b):
        buyer = f'买家{b}'
        t = rng.choice(ANCHORS) + rng.choice([timedelta(0), rng.randint(-30, 30) * H])
        for _ in range(rng.randint(1, 4)):
            t = t + rng.choice([timedelta(0), H, 6 * H, 24 * H, S])
            oid_n += 1
            oid = f'35153131473{rng.randint(10 ** 7, 10 ** 8 - 1)}'
            title = rng.choice(['羊毛围巾', '羊毛围巾', '极速发 围巾', '现货 手套'])
            win = 48 if t < oracle.SWITCH else oracle.window_hours('tmall-2026', title)
            deadline = t + win * H
            deadlines.append(deadline)
            presale = rng.random() < 0.15
            lines = []
            for k in range(rng.choice([1, 2, 2, 3, 3])):
                amt = Decimal(rng.choice(AMTS)) if rng.random() < 0.6 else Decimal(rng.randint(1, 200000)) / 100
                r = rng.random()
                if r < 0.55:
                    st = rng.choice(['卖家已发货，等待买家确认', '交易成功'])
                    ship = deadline + rng.choice([-H, timedelta(0), S, H, 72 * H, 72 * H + S, 30 * H, timedelta(seconds=rng.randint(-40 * 3600, 150 * 3600))])
                elif r < 0.8:
                    st, ship = '买家已付款，等待卖家发货', None
                else:
                    st = '交易关闭'
                    ship = None
                pay = rng.choice(['', '', '', '', '0.00', '5.00'])
                lines.append({'sub': f'{oid[:-2]}{k + 1:02d}', 'amt': amt, 'status': st, 'ship': ship, 'pay': pay})
            live = [l for l in lines if l['status'] != '交易关闭']
            post = rng.choice([Decimal('0.00'), Decimal('0.00'), Decimal('10.00')])
            paid = sum((l['amt'] for l in lines), Decimal('0')) + post
            if not live:
                ost, oship = '交易关闭', None
            elif all(l['ship'] for l in live):
                ost = rng.choice(['卖家已发货，等待买家确认', '交易成功'])
                # the report's 发货时间 may be the first parcel's (as for 卖家部分发货): the order still
                # ships when its last live line does (rules.md §1.1), so the oracle judges it by 'last'
                oship = rng.choice([max, max, min])(l['ship'] for l in live)
            elif any(l['ship'] for l in live):
                ost = '卖家部分发货'
                oship = min(l['ship'] for l in live if l['ship'])
            else:
                ost, oship = '买家已付款，等待卖家发货', None
            orders.append({'id': oid, 'buyer': buyer, 'paid_t': t, 'title': title, 'presale': presale, 'paid': paid, 'post': post,
                           'status': ost, 'ship': oship, 'lines': lines, 'opay': rng.choice(['', '', '', '0.00', '7.00'])})
    as_of = rng.choice(deadlines) + rng.choice([timedelta(0), S, 24 * H, 72 * H, 100 * H, timedelta(seconds=rng.randint(-20 * 3600, 150 * 3600))])
    # an export taken at as-of: nothing later than as-of
    kept = []
    for o in orders:
        if o['paid_t'] > as_of:
            continue
        for l in o['lines']:
            if l['ship'] and l['ship'] > as_of:
                l['ship'] = None
                l['status'] = '买家已付款，等待卖家发货'
        live = [l for l in o['lines'] if l['status'] != '交易关闭']
        if live and not all(l['ship'] for l in live):
            if any(l['ship'] for l in live):
                o['status'] = '卖家部分发货'
                o['ship'] = min(l['ship'] for l in live if l['ship'])
            else:
                o['status'], o['ship'] = '买家已付款，等待卖家发货', None
        kept.append(o)
    return kept, as_of


def write(d, orders):
    op = os.path.join(d, 'ExportOrderList202612011200.csv')
    ip = os.path.join(d, 'ExportOrderDetailList202612011200.csv')
    with open(op, 'w', encoding='utf-8', newline='') as fh:
        w = csv.writer(fh)
        w.writerow(T71)
        for o in orders:
            c = {'订单编号': f'="{o["id"]}"', '主订单编号': f'="{o["id"]}"', '买家会员名': o['buyer'], '买家应付货款': str(o['paid'] - o['post']),
                 '买家应付邮费': str(o['post']), '买家实际支付金额': str(o['paid']), '订单状态': o['status'],
                 '订单创建时间': f(o['paid_t'] - 60 * S), '订单付款时间': f(o['paid_t']), '宝贝标题': '，'.join([o['title']] * len(o['lines'])),
                 '预售订单': '是' if o['presale'] else '否', '发货时间': f(o['ship']), '延迟发货自动赔付金额': o['opay']}
            w.writerow([c.get(h, '') for h in T71])
    with open(ip, 'w', encoding='gb18030', newline='') as fh:
        w = csv.writer(fh)
        w.writerow(I28 + [''])
        for o in orders:
            for i, l in enumerate(o['lines']):
                amt = l['amt'] + (o['post'] if i == 0 else 0)  # a line's 买家实际支付金额 holds the postage (examples/)
                c = {'子订单编号': f'="{l["sub"]}"', '主订单编号': f'="{o["id"]}"', '标题': o['title'], '价格': str(l['amt']), '购买数量': '1',
                     '订单状态': l['status'], '买家应付货款': str(l['amt']), '买家实际支付金额': str(amt), '订单创建时间': f(o['paid_t'] - 60 * S),
                     '订单付款时间': f(o['paid_t']), '发货时间': f(l['ship']), '物流单号': f'No:YT{l["sub"][-8:]}' if l['ship'] else '',
                     '是否赔付': '是' if l['pay'] not in ('', '0.00') else '否', '赔付金额': l['pay']}
                w.writerow([c.get(h, '') for h in I28] + [''])
    return op, ip


def judge(rules, paid_t, title, ship, as_of, base, presale):
    win = oracle.window_hours(rules, title) if rules == 'tmall-2026' else 48
    dl = paid_t + win * H
    if ship is not None:
        if ship <= dl:
            return None
        hl = (ship - dl).total_seconds() / 3600
    else:
        if as_of <= dl:
            return 'pending'
        hl = (as_of - dl).total_seconds() / 3600
    amt, kind = oracle.price(rules, base, win, hl, presale)
    return {'amount': amt, 'kind': kind, 'unshipped': ship is None}


def compute(orders, as_of):
    late = {}  # (buyer, rules, day or window) -> list
    per = []
    pending = []
    for o in orders:
        rules = 'tmall-2023' if o['paid_t'] < oracle.SWITCH else 'tmall-2026'
        live = [l for l in o['lines'] if l['status'] != '交易关闭']
        if not live:
            continue
        if rules == 'tmall-2026' and len(o['lines']) >= 2:
            items = [(l['ship'], l['amt'] + (o['post'] if l is o['lines'][0] else 0), l['pay']) for l in live]
        else:
            if o['status'] == '卖家部分发货':
                ship = None
            elif o['ship'] is not None and all(l['ship'] for l in live):
                ship = max(o['ship'], max(l['ship'] for l in live))  # its last live line (rules.md §1.1)
            else:
                ship = o['ship']
            # the order report's payout, else its lines' (summed) fill it in
            pay = o['opay'] if o['opay'] != '' else str(sum((Decimal(l['pay']) for l in o['lines'] if l['pay']), Decimal('0')))
            items = [(ship, max(Decimal(0), o['paid'] - o['post']), pay)]
        for ship, base, pay in items:
            v = judge(rules, o['paid_t'], o['title'], ship, as_of, base, o['presale'])
            if v == 'pending':
                pending.append((o['buyer'], rules, o['paid_t']))
            elif v:
                v.update(id=o['id'], buyer=o['buyer'], rules=rules, paid=o['paid_t'], pay=Decimal(pay or '0'))
                per.append(v)
        # docs/rules.md §1.4a: a payout above 0.00 shown for an order (the order report's, or any of its lines') makes its voucher paid_by_platform
        opaid = Decimal(o['opay'] or '0') > 0 or any(Decimal(l['pay'] or '0') > 0 for l in o['lines'])
        if opaid:
            for v in per:
                if v['id'] == o['id']:
                    v['pay'] = Decimal('1')
    groups = {}
    for v in sorted(per, key=lambda v: (v['paid'], v['id'])):
        if v['rules'] == 'tmall-2026':
            key = (v['buyer'], v['rules'], v['paid'].date())
            groups.setdefault(key, []).append(v)
        else:
            opened = [k for k in groups if k[0] == v['buyer'] and k[1] == 'tmall-2023']
            last = max(opened, key=lambda k: k[2]) if opened else None
            if last and v['paid'] - last[2] <= 24 * H:
                groups[last].append(v)
            else:
                groups[(v['buyer'], 'tmall-2023', v['paid'])] = [v]
    out = []
    for key, g in groups.items():
        total = sum((v['amount'] for v in g), Decimal('0'))
        amount = min(total, Decimal('500.00'))
        start = min(v['paid'] for v in g)
        if any(v['pay'] > 0 for v in g):
            state = 'paid_by_platform'
        elif any(v['unshipped'] for v in g):
            state = 'provisional'
        else:
            if key[1] == 'tmall-2026':
                end = datetime.combine(start.date() + timedelta(days=1), datetime.min.time())
                could = any(p[0] == key[0] and p[1] == key[1] and p[2].date() == start.date() for p in pending)
                state = 'provisional' if (could or as_of < end) else 'final'
            else:
                could = any(p[0] == key[0] and p[1] == key[1] and start - 24 * H <= p[2] <= start + 24 * H for p in pending)
                state = 'provisional' if (could or as_of <= start + 24 * H) else 'final'
        out.append((key[0], key[1], start.strftime('%Y-%m-%d %H:%M:%S'), tuple(sorted({v['id'] for v in g})), str(amount), state))
    return sorted(out)


def main():
    n, seed, out = fuzzrun.args('.fuzz-lines')
    rng = random.Random(seed)
    diffs = statediff = 0
    for k in range(n):
        orders, as_of = gen(rng)
        d = os.path.join(out, f'c{seed}_{k}')
        os.makedirs(d, exist_ok=True)
        op, ip = write(d, orders)
        tz = rng.choice(['UTC', 'America/Los_Angeles', 'Asia/Shanghai'])
        as_of_s = f(as_of)
        p, sv = fuzzrun.compensate([op, ip], as_of_s, tz, out, d)
        if sv is None:
            diffs += 1
            continue
        a = sorted((v['buyer'], v['rules'], v['windowStart'].replace('T', ' ')[:19], tuple(sorted(set(v['orderIds']))), v['amount'], v['state']) for v in sv)
        b = compute(orders, as_of)
        if a != b and [x[:5] for x in a] == [x[:5] for x in b] and all(x == y or (x[5], y[5]) == ('provisional', 'final') for x, y in zip(a, b)):
            statediff += 1
            shutil.rmtree(d)
            continue
        if a != b:
            diffs += 1
            fuzzrun.report(d, tz, as_of_s, a, b, p.stderr)
        else:
            shutil.rmtree(d)
    print(f'{n} cases, {diffs} differ, {statediff} only storeops-provisional/oracle-final')


if __name__ == '__main__':
    main()
