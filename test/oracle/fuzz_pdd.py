#!/usr/bin/env python3
"""拼多多 exports under a rule file of the shop's own (`--rules FILE`, docs/rules.md §1.3d, §1.6) through storeops and a
small oracle, compared.

usage: fuzz_pdd.py N [SEED] [OUTDIR]        (OUTDIR default .fuzz-pdd/ in the clone; FMT=csv,gbk,xlsx: each case
                                             written as one of them: GBK with two title lines, xlsx via exceljs)

A random rule file per case (base paid / paid-minus-postage / goods, fen or yuan rounding, combine none, calendar-day or
rolling-24h with a 500.00 cap or none, shop-issues or platform-deducts, shipWindowHours 48 or 72, sometimes a
24 h titleWindows word, validity dates that leave some orders outside: `--rules FILE` prices them anyway, with a
warning) and 1–6 orders in the 27-column layout (deadline = paid + window) or with 支付时间 and 承诺发货时间 (the 2023
layout: 支付时间 is the paid time, 承诺发货时间 the deadline, else paid + the window). Reading taken (storeops agrees): a
row of that layout whose 支付时间 is empty is not judged (no_paid_time), its 订单成交时间 is not taken for the paid time. Paid around Beijing midnight and the rule file's dates;
shipped at the deadline ± 1 s, at the tier edges ± 1 s or at random; 待发货, shipped, received, refunded after shipping
(judged by its 发货时间) or before (not judged). Whole-second times. The oracle (docs/rules.md §1.1, §1.3d, §1.4, §1.6):
no buyer column, so every order is its own voucher; the first tier whose window (over < h ≤ upTo) and hours late match;
base × rate rounded half-up (fen or yuan), then min/max, then the cap; provisional while unshipped; toIssue = amount for
shop-issues, 0.00 for platform-deducts.
"""
import csv
import json
import os
import random
import shutil
import sys
from datetime import datetime, timedelta
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import fuzzrun  # noqa: E402
import fuzz_formats  # noqa: E402
HEAD27 = open(os.path.join(ROOT, 'examples', 'pdd-orders-202611.csv'), encoding='utf-8-sig').readline().strip().split(',')
HEAD_PROMISED = HEAD27 + ['支付时间', '承诺发货时间']
H = timedelta(hours=1)
S = timedelta(seconds=1)
ANCHORS = [datetime(2026, 11, 10, 23, 59, 59), datetime(2026, 11, 11, 0, 0, 0), datetime(2026, 11, 9, 16, 0, 0),
           datetime(2026, 3, 8, 2, 30, 0), datetime(2026, 11, 1, 1, 30, 0), datetime(2026, 6, 30, 23, 59, 59)]
AMTS = ['100.00', '99.99', '100.10', '16.67', '16.65', '150.00', '149.90', '0.00', '0.01', '1000.00', '2000.00', '5000.10',
        '33.35', '60.00', '59.99']
TIER_SETS = [
    [{'kind': 'out_of_stock', 'hoursLate': {'over': 72}, 'rate': '0.10', 'min': '5.00', 'max': '100.00'},
     {'kind': 'late', 'hoursLate': {'upTo': 72}, 'rate': '0.05', 'min': '3.00', 'max': '30.00'}],
    [{'kind': 'out_of_stock', 'window': {'upTo': 48}, 'hoursLate': {'over': 48}, 'rate': '0.01', 'min': '2.00', 'max': '50.00'},
     {'kind': 'out_of_stock', 'window': {'over': 48}, 'hoursLate': {'over': 48}, 'rate': '0.03', 'min': '3.00', 'max': '50.00'},
     {'kind': 'late', 'window': {'upTo': 48}, 'hoursLate': {'upTo': 48}, 'rate': '0', 'min': '0.00', 'max': '0.00'},
     {'kind': 'late', 'window': {'over': 48}, 'hoursLate': {'upTo': 48}, 'rate': '0.015', 'min': '2.00', 'max': '50.00'}],
    [{'kind': 'out_of_stock', 'hoursLate': {'over': 24}, 'rate': '0.30', 'min': '5.00', 'max': None},
     {'kind': 'late', 'rate': '0.125', 'min': '1.00', 'max': '20.00'}],
]


def f(t):
    return t.strftime('%Y-%m-%d %H:%M:%S') if t else ''


def gen_rules(rng):
    return {
        'id': 'my-pdd-fuzz', 'platform': 'pdd', 'title': {'zh': '测试', 'en': 'fuzz'}, 'source': 'fuzz_pdd.py',
        'reading': {'zh': '测试', 'en': 'fuzz'},
        **dict(zip(('validFrom', 'validTo'), rng.choice([(None, None), (None, None), ('2026-11-11', None), (None, '2026-11-10')]))),
        'shipWindowHours': rng.choice([48, 72]),
        'titleWindows': rng.choice([[], [{'keywords': ['极速发'], 'hours': 24}]]),
        'base': rng.choice(['paid', 'paid-minus-postage', 'goods']),
        'tiers': rng.choice(TIER_SETS),
        'rounding': rng.choice(['fen', 'yuan']),
        'combine': rng.choice([{'by': 'none', 'cap': None}, {'by': 'calendar-day', 'cap': '500.00'},
                               {'by': 'rolling-24h', 'cap': '40.00'}]),
        'payer': rng.choice(['shop-issues', 'platform-deducts']),
        'deliveryPromise': None,
    }


def edges(rules):
    """Hours late at which the rule file's tiers change: each edge and one second either side."""
    hs = {0}
    for t in rules['tiers']:
        for b in t.get('hoursLate', {}).values():
            hs.add(b)
    return [timedelta(hours=h) + d for h in hs for d in (-S, timedelta(0), S)]


def gen(rng, rules):
    promised = rng.random() < 0.5
    orders = []
    for i in range(rng.randint(1, 6)):
        paid = rng.choice(ANCHORS) + rng.choice([timedelta(0), rng.randint(-30, 30) * H, timedelta(seconds=rng.randint(-86400, 86400))])
        title = rng.choice(['加厚羊毛围巾', '极速发 手套', '毛线球清理器'])
        own = promised and rng.random() < 0.8  # a row of the 2023 layout may leave 承诺发货时间 empty
        if own:
            deadline = paid + rng.choice([24 * H, 48 * H, 48 * H + S, 48 * H - S, 72 * H, 96 * H])
        else:
            kw = any(k in title for w in rules['titleWindows'] for k in w['keywords'])
            deadline = paid + timedelta(hours=24 if kw else rules['shipWindowHours'])
        goods = Decimal(rng.choice(AMTS)) if rng.random() < 0.6 else Decimal(rng.randint(0, 400000)) / 100
        post = rng.choice([Decimal('0.00'), Decimal('6.00'), Decimal('12.50')])
        disc = rng.choice([Decimal('0'), Decimal('0'), Decimal('3.00'), goods])
        user = max(Decimal('0'), goods + post - disc)
        r = rng.random()
        ship = None
        if r < 0.5:
            st = rng.choice(['已发货，待收货', '已收货', '已发货,待收货'])
            ship = deadline + rng.choice(edges(rules) + [-H, timedelta(seconds=rng.randint(-20 * 3600, 200 * 3600))])
        elif r < 0.8:
            st = '待发货'
        elif r < 0.9:
            st = '已发货，退款成功'
            ship = deadline + rng.choice(edges(rules) + [-H])
        else:
            st = rng.choice(['未发货，退款成功', '已取消'])
        oid = paid.strftime('%y%m%d') + '-' + str(rng.randint(10 ** 14, 10 ** 15 - 1))
        orders.append({'id': oid, 'paid': paid, 'deadline': deadline, 'own': own, 'title': title, 'goods': goods,
                       'paidcol': not promised or rng.random() < 0.8,  # 支付时间 empty: 订单成交时间 is the paid time
                       'post': post, 'user': user, 'status': st, 'ship': ship})
    d = rng.choice(orders)['deadline']
    as_of = d + rng.choice(edges(rules) + [timedelta(seconds=rng.randint(-30 * 3600, 200 * 3600))])
    kept = []
    for o in orders:
        if o['paid'] > as_of:
            continue
        if o['ship'] and o['ship'] > as_of:
            o['ship'] = None
            o['status'] = '待发货' if '退款' not in o['status'] else '未发货，退款成功'
        kept.append(o)
    return kept, as_of, promised


def write(path, orders, promised, fmt='csv'):
    """fmt: csv (UTF-8), gbk (GBK, CRLF, two title lines above the header) or xlsx (text cells)."""
    head = HEAD_PROMISED if promised else HEAD27
    rows = []
    for o in orders:
        c = {'商品': o['title'], '订单号': o['id'], '订单状态': o['status'], '商品总价(元)': str(o['goods']),
             '邮费(元)': str(o['post']), '店铺优惠折扣(元)': str(o['goods'] + o['post'] - o['user']), '平台优惠折扣(元)': '0',
             '多多支付立减金额(元)': '0', '用户实付金额(元)': str(o['user']), '商家实收金额(元)': str(o['user']),
             '商品数量(件)': '1', '发货时间': f(o['ship']), '快递单号': '7730' + o['id'][-10:] if o['ship'] else '',
             '快递公司': '申通快递' if o['ship'] else '', '商家备注': '\t',
             # the 2023 layout: 订单成交时间 is when the order was placed, 支付时间 when it was paid
             '订单成交时间': f(o['paid'] - (60 * S if promised and o['paidcol'] else timedelta(0))),
             '支付时间': f(o['paid']) if o['paidcol'] else '', '承诺发货时间': f(o['deadline']) if o['own'] else ''}
        rows.append({h: c.get(h, '' if h.endswith('时间') else '0') for h in head})
    if fmt == 'xlsx':
        fuzz_formats.write_xlsx(path, head, rows, False)
    elif fmt == 'gbk':
        fuzz_formats.write_bytes(path, '拼多多订单导出\r\n,\r\n' + fuzz_formats.csv_text(head, rows, eol='\r\n'), 'gbk')
    else:
        with open(path, 'w', encoding='utf-8', newline='') as fh:
            w = csv.writer(fh)
            w.writerow(head)
            for r in rows:
                w.writerow([r[h] for h in head])


def inr(b, x):
    return (b.get('over') is None or x > b['over']) and (b.get('upTo') is None or x <= b['upTo'])


def compute(rules, orders, as_of):
    out = []
    q = Decimal('1') if rules['rounding'] == 'yuan' else Decimal('0.01')
    for o in orders:
        if o['ship'] is None and o['status'] != '待发货':
            continue  # closed before shipping: not judged
        if not o['paidcol']:
            continue  # the 2023 layout's 支付时间 left empty: no_paid_time (its 订单成交时间 is not taken for it)
        t = o['ship'] or as_of
        if t <= o['deadline']:
            continue
        win = (o['deadline'] - o['paid']).total_seconds() / 3600
        hl = (t - o['deadline']).total_seconds() / 3600
        tier = next(x for x in rules['tiers'] if inr(x.get('window', {}), win) and inr(x.get('hoursLate', {}), hl))
        base = {'paid': o['user'], 'goods': o['goods'], 'paid-minus-postage': max(Decimal('0'), o['user'] - o['post'])}[rules['base']]
        amt = (base * Decimal(tier['rate'])).quantize(q, rounding=ROUND_HALF_UP)
        amt = max(amt, Decimal(tier['min']))
        if tier['max'] is not None:
            amt = min(amt, Decimal(tier['max']))
        if rules['combine']['cap'] is not None:
            amt = min(amt, Decimal(rules['combine']['cap']))
        amt = amt.quantize(Decimal('0.01'))
        issue = str(amt) if rules['payer'] == 'shop-issues' else '0.00'
        out.append(((o['id'],), str(amt), 'final' if o['ship'] else 'provisional', (tier['kind'],), issue))
    return sorted(out)


def main():
    n, seed, out = fuzzrun.args('.fuzz-pdd')
    rng = random.Random(seed)
    diffs = 0
    for k in range(n):
        rules = gen_rules(rng)
        orders, as_of, promised = gen(rng, rules)
        d = os.path.join(out, f'c{seed}_{k}')
        os.makedirs(d, exist_ok=True)
        fmt = rng.choice(os.environ.get('FMT', 'csv').split(','))
        path = os.path.join(d, 'pdd.xlsx' if fmt == 'xlsx' else 'pdd.csv')
        write(path, orders, promised, fmt)
        rf = os.path.join(d, 'my-pdd.json')
        with open(rf, 'w') as fh:
            json.dump(rules, fh, ensure_ascii=False, indent=1)
        tz = rng.choice(['UTC', 'America/Los_Angeles', 'Asia/Shanghai'])
        p, sv = fuzzrun.compensate([path], f(as_of), tz, out, d, ['--rules', rf])
        if sv is None:
            diffs += 1
            continue
        a = sorted((tuple(v['orderIds']), v['amount'], v['state'], tuple(v['kinds']), v['toIssue']) for v in sv)
        b = compute(rules, orders, as_of)
        if a != b:
            diffs += 1
            fuzzrun.report(d, tz, f(as_of), a, b, p.stderr)
        else:
            shutil.rmtree(d)
    print(f'{n} cases, {diffs} differ')


if __name__ == '__main__':
    main()
