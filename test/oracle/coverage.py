"""Count the edge families the current generator produces for given seeds: coverage.py N SEED [SW] [NONAME]"""
import os, random, sys
from collections import Counter
from datetime import timedelta
from decimal import Decimal
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle, fuzz

H = timedelta(hours=1)
n, seed = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(seed)
c = Counter()
for k in range(n):
    sw = rng.choice([None, None, 72, 120, 49]) if os.environ.get('SW') else None
    oracle.SHIP_WITHIN = sw
    orders, as_of = fuzz.gen_case(rng, sw)
    rng.choice(['gbk', 'utf8', 'bom']); rng.choice(['UTC', 'America/Los_Angeles', 'Asia/Shanghai'])
    c['cases'] += 1
    c['orders'] += len(orders)
    paid = []
    for o in orders:
        pt, pp = oracle.parse_time(o['订单付款时间'])
        st, sp = oracle.parse_time(o['发货时间'])
        if not pp or not sp: c['time without seconds'] += 1
        if pt is None: c['unpaid'] += 1; continue
        paid.append((o['买家会员名'], pt))
        if pt.time().strftime('%H:%M:%S') in ('23:59:59', '00:00:00'): c['paid at 23:59:59/00:00:00 Beijing'] += 1
        if timedelta(0) <= pt - oracle.SWITCH < H or timedelta(0) < oracle.SWITCH - pt <= H: c['paid within 1 h of 2026-04-09 00:00'] += 1
        rules = 'tmall-2023' if pt < oracle.SWITCH else 'tmall-2026'
        c[rules] += 1
        win = oracle.window_hours(rules, o['宝贝标题'])
        dl = pt + timedelta(hours=win)
        if o['预售订单'] == '是': c['presale'] += 1
        if win != 48: c[f'window {win} h'] += 1
        st_ = o['订单状态'].replace(',', '，')
        if st_ == '交易关闭': c['closed with ship time' if st else 'closed without ship time'] += 1
        if st_ in ('买家已付款，等待卖家发货', '卖家部分发货'):
            if as_of > dl: c['unshipped late at as-of (provisional)'] += 1
            if as_of - dl > 72 * H: c['unshipped > 72 h late (out of stock)'] += 1
            if as_of - dl == 72 * H: c['unshipped exactly 72 h late'] += 1
            if as_of == dl: c['unshipped, as-of exactly at deadline'] += 1
        elif st and st_ != '交易关闭':
            if st == dl: c['shipped exactly at deadline'] += 1
            if st - dl == timedelta(seconds=1): c['shipped 1 s late'] += 1
            if st - dl == 72 * H: c['shipped exactly 72 h late'] += 1
            if st - dl == 72 * H + timedelta(seconds=1): c['shipped 72 h + 1 s late'] += 1
            if st - dl > 72 * H: c['shipped > 72 h late'] += 1
        try:
            paid_amt = oracle.money(o['买家实际支付金额']); post = oracle.money(o['买家应付邮费']) or Decimal(0)
        except Exception:
            continue
        base = max(Decimal(0), paid_amt - post)
        if post > paid_amt: c['postage > paid'] += 1
        for r in ('0.05', '0.10', '0.15', '0.30'):
            x = base * Decimal(r)
            if (x * 1000) % 10 == 5 and x == x.quantize(Decimal('0.001')): c[f'x.xx5 at {r}'] += 1
        if o['退款金额'] not in ('0', ''): c['refund amount'] += 1
        if o['延迟发货自动赔付金额'] not in ('', '0.00'): c['platform paid > 0'] += 1
    by = {}
    for b, t in paid: by.setdefault(b, []).append(t)
    for b, ts in by.items():
        ts.sort()
        for i in range(len(ts)):
            for j in range(i + 1, len(ts)):
                if ts[j] - ts[i] == 24 * H: c['buyer pair paid exactly 24 h apart'] += 1
                if ts[j] - ts[i] == 24 * H + timedelta(seconds=1): c['buyer pair paid 24 h + 1 s apart'] += 1
            if i and ts[i].date() != ts[i - 1].date() and ts[i] - ts[i - 1] <= timedelta(seconds=1): c['buyer pair straddling Beijing midnight by 1 s'] += 1
            if i and ts[i - 1] < oracle.SWITCH <= ts[i]: c['buyer with orders on both sides of the switch'] += 1
for k, v in sorted(c.items()):
    print(f'{v:6d}  {k}')
