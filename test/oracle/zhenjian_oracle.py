#!/usr/bin/env python3
"""Independent reference for `storeops zhenjian estimate` (甄检 cost per product).

Written from docs/rules.md §3, the README's 甄检 section, docs/formats.md and /work/shared/SPEC.md
only (not from src/zhenjian). A tool for differential testing, not a CI test.

usage: zhenjian_oracle.py FILE.csv [--avg-order A] [--balance B] [--commission R] [--shipping S]
                          [--far-above X] [--as-of "YYYY-MM-DD HH:MM"]   -> JSON rows on stdout

Only what the docs state is computed: the money columns, sample counts, testsPerYear, the date
columns and whether the far-above / balance warnings are due. Rows with bad cells are reported in
`rejected` (the generator makes only a few kinds of bad cell: see zhenjian_fuzz.py).
"""
import csv
import json
import math
import re
import sys
from datetime import datetime, timedelta
from decimal import Decimal, ROUND_HALF_UP, InvalidOperation
import os

FEN = Decimal('0.01')
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

HEAD = {
    'itemId': ['itemId', '商品ID'], 'title': ['title', '商品标题'], 'category': ['category', '类目'],
    'industry': ['industry', '行业'], 'listPrice': ['listPrice', '一口价'], 'dealPrice': ['dealPrice', '到手价'],
    'unitCost': ['unitCost', '成本'], 'serviceFee': ['serviceFee', '服务费'], 'samples': ['samples', '样品数'],
    'periodDays': ['periodDays', '展示周期'], 'autoRenew': ['autoRenew', '自动续费'],
    'commissionRate': ['commissionRate', '佣金率'], 'shippingPerSample': ['shippingPerSample', '每件运费'],
    'signedAt': ['signedAt', '签约时间'], 'displayFrom': ['displayFrom', '透标开始'],
    'expiresAt': ['expiresAt', '到期时间'], 'stoppedAt': ['stoppedAt', '中止时间'], 'skuDiffers': ['skuDiffers', 'SKU差异'],
}


def r2(x):
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


def money(s):
    s = s.strip()
    if not re.fullmatch(r'\d+(\.\d+)?', s):
        raise ValueError(s)
    return Decimal(s)


def platform_price(s):
    # README / docs/formats.md: 一口价, 到手价 and 服务费 are shown by the platform in whole fen; a third
    # decimal (1.005, a spreadsheet's =B2*0.85) rejects the row (cost and shipping may have more)
    v = money(s)
    if v != v.quantize(FEN):
        raise ValueError('platform price with more than two decimals: ' + s.strip())
    return v


def rate(s):
    s = s.strip()
    if s.endswith('%'):
        return Decimal(s[:-1]) / 100
    return Decimal(s)


def when(s):
    s = s.strip()
    for f in ('%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y-%m-%d'):
        try:
            return datetime.strptime(s, f)
        except ValueError:
            pass
    raise ValueError(s)


def iso(t):
    return None if t is None else t.strftime('%Y-%m-%dT%H:%M:%S+08:00')


def load_categories():
    j = json.load(open(os.path.join(ROOT, 'templates/zhenjian/categories.json'), encoding='utf-8'))
    cats = {}
    for c in j['categories']:
        for k in [c['id'], c['zh']] + c.get('aliases', []):
            cats[k.lower()] = c
    inds = {}
    for i in j['industries']:
        for k in [i['id'], i['zh']] + i.get('aliases', []):
            inds[k.lower()] = i
    return j['ordinary'], cats, inds


def estimate(path, opts):
    ordinary, cats, inds = load_categories()
    raw = open(path, 'rb').read()
    text = raw[3:].decode('utf-8') if raw.startswith(b'\xef\xbb\xbf') else raw.decode('utf-8')
    rows = list(csv.reader(text.splitlines()))
    header = rows[0]
    col = {}
    for key, names in HEAD.items():
        for i, h in enumerate(header):
            if h.strip() in names:
                col[key] = i
    products, rejected = {}, []
    for ln, r in enumerate(rows[1:], start=2):
        g = {k: (r[i].strip() if i < len(r) else '') for k, i in col.items()}
        try:
            p = product(g, opts, ordinary, cats, inds)
        except (ValueError, InvalidOperation) as e:
            rejected.append({'line': ln, 'why': str(e)})
            continue
        key = g.get('itemId') or f'#line{ln}'
        if key in products:
            rejected.append({'line': products[key]['_line'], 'why': 'replaced'})
            del products[key]  # the later valid row stands, in its own place
        p['_line'] = ln
        products[key] = p
    out = list(products.values())
    total = {'kind': 'total'}
    for k in ('samplesMin', 'samplesMax', 'testsPerYear'):
        total[k] = sum(p[k] for p in out)
    for k in ('registrationEstimate', 'chargedMin', 'chargedMax', 'realCostMin', 'realCostMax',
              'annualChargedMax', 'annualRealCostMax'):
        total[k] = sum((p[k] for p in out), Decimal('0'))
    avg = opts.get('avgOrder')
    total['balanceNeeded'] = r2(total['chargedMax'] + avg) if avg is not None else total['chargedMax']  # docs/rules.md §3 (2026-12): the charge + the average order left after it, rounded to the fen
    total['balanceShort'] = opts.get('balance') is not None and opts['balance'] < total['balanceNeeded']
    return out + [total], rejected


def product(g, opts, ordinary, cats, inds):
    lp = platform_price(g.get('listPrice', ''))
    if lp <= 0:
        raise ValueError('listPrice must be > 0')
    dp = platform_price(g['dealPrice']) if g.get('dealPrice') else lp
    cost = money(g.get('unitCost', ''))
    fee = platform_price(g.get('serviceFee', ''))
    cat = None
    if g.get('category'):
        # README (2026-12): a seller-centre path is read level by level ('>'), the most specific
        # first, each level whole and then by its '/' parts; the first name the table knows decides.
        text = g['category']
        names = [text]
        for level in reversed([x.strip() for x in re.split(r'[>＞›»→]', text) if x.strip()]):
            names.append(level)
            parts = [x.strip() for x in re.split(r'[/／|｜]', level) if x.strip()]
            if len(parts) > 1:
                names += parts
        # A "generic" leaf (T恤: 女装, 男装 and 童装 share it) decides only when no level names another (README, user18).
        generic = None
        for n in names:
            cat = cats.get(' '.join(n.split()).lower())
            if cat and cat.get('generic'):
                generic = generic or cat
                cat = None
                continue
            if cat:
                break
        cat = cat or generic
    smin, smax = (cat['samplesMin'], cat['samplesMax']) if cat else (ordinary['samplesMin'], ordinary['samplesMax'])
    if g.get('samples'):
        if not re.fullmatch(r'\d+', g['samples']) or int(g['samples']) < 1:
            raise ValueError('samples')
        smin = smax = int(g['samples'])
    period = 30
    if g.get('periodDays'):
        if g['periodDays'] not in ('30', '180'):
            raise ValueError('periodDays')
        period = int(g['periodDays'])
    auto = g.get('autoRenew', '') in ('是', 'yes', 'true', 'y', '1', 'Y', 'TRUE')
    if g.get('commissionRate'):
        cr = rate(g['commissionRate'])
    elif opts.get('commission') is not None:
        cr = opts['commission']
    else:
        cr = Decimal('0')
    if g.get('shippingPerSample'):
        ship = money(g['shippingPerSample'])
    elif opts.get('shipping') is not None:
        ship = opts['shipping']
    else:
        ship = Decimal('0')
    per = cost + ship + dp * cr  # exact; rounded once per amount
    p = {'kind': 'product', 'itemId': g.get('itemId') or None, 'samplesMin': smin, 'samplesMax': smax}
    p['registrationEstimate'] = r2(lp + fee)
    p['chargedMin'] = r2(smin * dp + fee)
    p['chargedMax'] = r2(smax * dp + fee)
    p['realCostMin'] = r2(smin * per + fee)
    p['realCostMax'] = r2(smax * per + fee)
    avg = opts.get('avgOrder')
    p['balanceNeeded'] = r2(p['chargedMax'] + avg) if avg is not None else p['chargedMax']
    tests = math.ceil(365 / period) if auto else 1
    p['testsPerYear'] = tests
    p['annualChargedMax'] = r2(tests * p['chargedMax'])
    p['annualRealCostMax'] = r2(tests * p['realCostMax'])
    # the other reading of "rounded once": tests x the exact per-test maximum, rounded at the end
    p['_annualRealCostMaxExact'] = r2(tests * (smax * per + fee))
    far = opts.get('farAbove', Decimal('2'))
    p['farAbove'] = p['chargedMax'] > far * p['registrationEstimate']
    p['balanceShort'] = opts.get('balance') is not None and opts['balance'] < p['balanceNeeded']
    signed = when(g['signedAt']) if g.get('signedAt') else None
    # docs/rules.md §3 (our reading): a signing time typed without seconds is any second of that
    # minute, a date alone any second of that day: shown as typed (JSON to the minute / the date),
    # cancelBy from the earliest, not cancellable only once the window has passed from the latest.
    slack = timedelta(0)
    if signed:
        typed = g['signedAt'].strip()
        if re.fullmatch(r'\d{4}[-/]\d{1,2}[-/]\d{1,2}', typed):
            slack = timedelta(days=1, seconds=-1)
        elif not re.search(r'\d:\d{2}:\d{2}', typed):
            slack = timedelta(seconds=59)
    if signed and slack >= timedelta(hours=1):
        p['signedAt'] = signed.strftime('%Y-%m-%d')
    elif signed and slack:
        p['signedAt'] = signed.strftime('%Y-%m-%dT%H:%M+08:00')
    else:
        p['signedAt'] = iso(signed)
    p['cancelBy'] = iso(signed + timedelta(hours=2)) if signed else None
    asof = opts.get('asOf')
    p['cancellable'] = (asof <= signed + timedelta(hours=2) + slack) if (signed and asof) else None
    exp = None
    if g.get('expiresAt'):
        exp = when(g['expiresAt'])
    elif g.get('displayFrom'):
        exp = when(g['displayFrom']) + timedelta(days=period)
    p['expiresAt'] = iso(exp)
    p['renewFrom'] = iso(exp - timedelta(days=15)) if exp else None
    if g.get('stoppedAt'):
        s = when(g['stoppedAt'])
        p['reapplyFrom'] = iso(datetime(s.year, s.month, s.day) + timedelta(days=1))
    else:
        p['reapplyFrom'] = None
    return p


def main(argv):
    path = argv[0]
    opts = {}
    i = 1
    while i < len(argv):
        a, v = argv[i], argv[i + 1]
        i += 2
        if a == '--avg-order':
            opts['avgOrder'] = Decimal(v)
        elif a == '--balance':
            opts['balance'] = Decimal(v)
        elif a == '--commission':
            opts['commission'] = rate(v)
        elif a == '--shipping':
            opts['shipping'] = Decimal(v)
        elif a == '--far-above':
            opts['farAbove'] = Decimal(v)
        elif a == '--as-of':
            opts['asOf'] = when(v)
    out, rej = estimate(path, opts)
    print(json.dumps({'rows': out, 'rejected': rej}, default=str, ensure_ascii=False, indent=1))


if __name__ == '__main__':
    main(sys.argv[1:])
