#!/usr/bin/env python3
"""Random edge-heavy 甄检 product files, run through `storeops zhenjian estimate` and the oracle, compared.

usage: zhenjian_fuzz.py N [SEED] [OUTDIR]
Prints every case whose amounts, sample counts, tests a year, dates or far-above/balance warnings
differ, and keeps its input in OUTDIR (default: a temporary folder, removed when nothing differs).
"""
import csv
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import zhenjian_oracle as zo  # noqa: E402

BIN = os.environ.get('STOREOPS_BIN', os.path.join(ROOT, 'bin/storeops.js'))
CATS = ['女装', '隐形眼镜', '美瞳', 'contact lenses', 'Contact Lenses', 'CONTACT_LENSES', '童装', '家具', '零食', '手机配件',
        '未知类目', '', 'womenswear', '护肤', '汽车用品', '  女装  ']
INDS = ['', '', '', '', '服饰', '家居', 'health', '食品', '未知行业']
RATES = ['5%', '0.05', '3.5%', '0.055', '2.5%', '0.333', '0', '', '', '10%', '0.125', '7.5%', '0.005']
PRICES = ['199.90', '99.99', '0.01', '0.05', '1.00', '19.95', '33.33', '66.67', '128.00', '2599.00', '0.10', '100.10',
          '9999.99', '12.35', '49.90', '0.99', '19.995', '0.005']  # sub-fen platform prices reject their row (README); cost and shipping keep them, rounded once per amount
TIMES = [datetime(2026, 11, 20, 10, 0, 0), datetime(2026, 12, 31, 23, 59, 59), datetime(2027, 1, 1, 0, 0, 0),
         datetime(2028, 2, 28, 22, 30, 0), datetime(2028, 2, 29, 23, 0, 0), datetime(2026, 3, 8, 1, 30, 0),
         datetime(2026, 11, 1, 1, 30, 0), datetime(2026, 4, 8, 23, 59, 59)]
HEADERS_EN = ['itemId', 'title', 'category', 'industry', 'listPrice', 'dealPrice', 'unitCost', 'serviceFee', 'samples',
              'periodDays', 'autoRenew', 'commissionRate', 'shippingPerSample', 'signedAt', 'displayFrom', 'expiresAt',
              'stoppedAt', 'skuDiffers']


def price(rng):
    if rng.random() < 0.5:
        return rng.choice(PRICES)
    return f'{Decimal(rng.randint(1, 500000)) / 100:.2f}'


def tfmt(rng, t):
    r = rng.random()
    if r < 0.6:
        return t.strftime('%Y-%m-%d %H:%M:%S')
    if r < 0.8:
        return t.strftime('%Y-%m-%d %H:%M')
    return f'{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}:{t.second:02d}'


def rtime(rng):
    t = rng.choice(TIMES)
    return t + timedelta(seconds=rng.choice([0, 0, 1, -1, 59, 3600, 86399, rng.randint(0, 10 ** 7)]))


def row(rng, item_id, asof):
    g = {k: '' for k in HEADERS_EN}
    g['itemId'] = item_id
    g['title'] = rng.choice(['连衣裙', '隐形眼镜 月抛', 'phone cable', ''])
    g['category'] = rng.choice(CATS)
    g['industry'] = rng.choice(INDS)
    lp = price(rng)
    g['listPrice'] = lp
    if rng.random() < 0.75:
        g['dealPrice'] = price(rng) if rng.random() < 0.6 else lp
    g['unitCost'] = price(rng) if rng.random() < 0.9 else '0'
    g['serviceFee'] = price(rng) if rng.random() < 0.9 else rng.choice(['0', '0.00'])
    if rng.random() < 0.25:
        g['samples'] = str(rng.choice([1, 2, 3, 5, 19, 20, 21, 40]))
    g['periodDays'] = rng.choice(['30', '180', ''])
    g['autoRenew'] = rng.choice(['是', '否', ''])
    g['commissionRate'] = rng.choice(RATES)
    g['shippingPerSample'] = rng.choice(['', '', '0', '8.00', '12.35', '0.05', '120.00'])
    if rng.random() < 0.15:  # a far-above boundary: n x deal + fee = ratio x (list + fee), with ratio 2
        n = rng.choice([3, 5, 20])
        fee = Decimal(rng.randint(0, 1000))
        lst = Decimal(rng.randint(1, 1000))
        d = (2 * (lst + fee) - fee) / n
        if d == d.quantize(Decimal('0.01')) and d > 0:
            g.update(listPrice=f'{lst:.2f}', serviceFee=f'{fee:.2f}', dealPrice=f'{d:.2f}', samples=str(n),
                     category='女装')
    if rng.random() < 0.5:
        g['signedAt'] = tfmt(rng, rtime(rng))
        if rng.random() < 0.4:  # as-of exactly at, or one second past, cancelBy
            st = zo.when(g['signedAt'])
            asof[0] = st + timedelta(hours=2, seconds=rng.choice([0, 1, -1]))
    if rng.random() < 0.4:
        g['displayFrom'] = tfmt(rng, rtime(rng))
    if rng.random() < 0.2:
        g['expiresAt'] = tfmt(rng, rtime(rng))
    if rng.random() < 0.2:
        g['stoppedAt'] = tfmt(rng, rtime(rng))
    return g


def bad(rng, g):
    k = rng.choice(['periodDays', 'listPrice', 'unitCost'])
    g[k] = {'periodDays': '60', 'listPrice': 'abc', 'unitCost': '-5'}[k]
    return g


def case(rng, d):
    n = rng.randint(1, 6)
    asof = [datetime(2026, 11, 20, 11, 0, 0) + timedelta(seconds=rng.randint(-10 ** 6, 10 ** 7))]
    rows = []
    for i in range(n):
        g = row(rng, f'6800{rng.randint(0, 3) if rng.random() < 0.3 else 100 + i}', asof)
        if rng.random() < 0.1:
            g = bad(rng, g)
        rows.append(g)
    zh = rng.random() < 0.3
    hdr = [zo.HEAD[k][1] for k in HEADERS_EN] if zh else HEADERS_EN
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\r\n' if rng.random() < 0.5 else '\n')
    w.writerow(hdr)
    for g in rows:
        w.writerow([g[k] for k in HEADERS_EN])
    path = os.path.join(d, 'products.csv')
    with open(path, 'w', encoding='utf-8-sig' if rng.random() < 0.5 else 'utf-8') as f:
        f.write(buf.getvalue())
    opts = ['--as-of', asof[0].strftime('%Y-%m-%d %H:%M:%S')]
    if rng.random() < 0.5:
        opts += ['--avg-order', price(rng)]
    if rng.random() < 0.6:
        opts += ['--balance', price(rng) if rng.random() < 0.5 else str(rng.randint(0, 20000))]
    if rng.random() < 0.4:
        opts += ['--commission', rng.choice(['5%', '0.03', '2.5%', '0.055'])]
    if rng.random() < 0.4:
        opts += ['--shipping', rng.choice(['8', '0.05', '10.00', '3.33'])]
    if rng.random() < 0.3:
        opts += ['--far-above', rng.choice(['1.5', '3', '2', '1'])]
    return path, opts


def run_storeops(path, opts, tz):
    env = dict(os.environ, TZ=tz, STOREOPS_STATE_DIR=os.path.dirname(path))
    p = subprocess.run(['node', BIN, 'zhenjian', 'estimate', path, '-f', 'json', '--no-input'] + opts,
                       capture_output=True, text=True, env=env, cwd=os.path.dirname(path))
    try:
        return json.loads(p.stdout), p.returncode, p.stderr
    except json.JSONDecodeError:
        return None, p.returncode, p.stderr


MONEY = ['registrationEstimate', 'chargedMin', 'chargedMax', 'realCostMin', 'realCostMax', 'balanceNeeded',
         'annualChargedMax', 'annualRealCostMax']
OTHER = ['samplesMin', 'samplesMax', 'testsPerYear', 'signedAt', 'cancelBy', 'cancellable', 'expiresAt', 'renewFrom',
         'reapplyFrom']


def compare(mine, theirs):
    diffs = []
    mp = [r for r in mine if r['kind'] == 'product']
    tp = [r for r in theirs if r.get('kind') == 'product']
    mt = next(r for r in mine if r['kind'] == 'total')
    tt = next((r for r in theirs if r.get('kind') == 'total'), {})
    if [r['itemId'] for r in mp] != [r['itemId'] for r in tp]:
        # order may differ; compare as sets keyed by itemId
        if sorted(r['itemId'] for r in mp) != sorted(r['itemId'] for r in tp):
            return [('products', [r['itemId'] for r in mp], [r['itemId'] for r in tp])]
    tby = {r['itemId']: r for r in tp}
    for r in mp:
        t = tby[r['itemId']]
        for k in MONEY:
            if Decimal(str(r[k])) != Decimal(t[k]):
                diffs.append((r['itemId'], k, str(r[k]), t[k]))
        for k in OTHER:
            if r[k] != t.get(k):
                if k == 'cancellable' and r['cancellable'] is None and t.get(k) is not None:
                    pass
                diffs.append((r['itemId'], k, r[k], t.get(k)))
        codes = t.get('warningCodes') or []
        if r['farAbove'] != ('charge_far_above_estimate' in codes):
            diffs.append((r['itemId'], 'farAbove', r['farAbove'], codes))
        if r['balanceShort'] != any(c.startswith('balance') for c in codes):
            diffs.append((r['itemId'], 'balanceShort', r['balanceShort'], codes))
    for k in MONEY:
        if k != 'balanceNeeded' or True:
            if Decimal(str(mt[k])) != Decimal(tt.get(k) or '-1'):
                diffs.append(('TOTAL', k, str(mt[k]), tt.get(k)))
    for k in ('samplesMin', 'samplesMax', 'testsPerYear'):
        if mt[k] != tt.get(k):
            diffs.append(('TOTAL', k, mt[k], tt.get(k)))
    tcodes = tt.get('warningCodes') or []
    if len(mp) > 1 and mt['balanceShort'] != any(c.startswith('balance') for c in tcodes):
        # (with one product the total row does not repeat the product's balance warning)
        diffs.append(('TOTAL', 'balanceShort', mt['balanceShort'], tcodes))
    return diffs


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    out = sys.argv[3] if len(sys.argv) > 3 else None
    rng = random.Random(seed)
    ndiff = 0
    for i in range(n):
        d = os.path.join(out, f'z{seed}-{i}') if out else tempfile.mkdtemp(prefix='zj-')
        os.makedirs(d, exist_ok=True)
        path, opts = case(rng, d)
        tz = rng.choice(['UTC', 'America/Los_Angeles', 'Asia/Shanghai'])
        theirs, rc, err = run_storeops(path, opts, tz)
        mine, rej = zo.estimate(path, zo_opts(opts))
        if theirs is None and rc == 3 and rej and not any(r.get('kind') == 'product' for r in mine) and 'no usable product' in err:
            diffs = []  # every row rejected by both: storeops stops with exit 3 and no rows (not a difference)
        elif theirs is None:
            diffs = [('run', rc, err.strip()[-300:])]
        else:
            diffs = compare(mine, theirs)
            if rej and rc == 0:
                diffs.append(('exit', 'oracle rejected rows', rej, rc))
        if diffs:
            ndiff += 1
            print(f'== case {i} ({d}, TZ={tz}) {" ".join(opts)}')
            for x in diffs:
                print('  ', *x)
        elif not out:
            shutil.rmtree(d)
        else:
            shutil.rmtree(d)
    print(f'{n} cases, {ndiff} with differences')


def zo_opts(opts):
    o = {}
    m = dict(zip(opts[::2], opts[1::2]))
    if '--avg-order' in m:
        o['avgOrder'] = Decimal(m['--avg-order'])
    if '--balance' in m:
        o['balance'] = Decimal(m['--balance'])
    if '--commission' in m:
        o['commission'] = zo.rate(m['--commission'])
    if '--shipping' in m:
        o['shipping'] = Decimal(m['--shipping'])
    if '--far-above' in m:
        o['farAbove'] = Decimal(m['--far-above'])
    o['asOf'] = zo.when(m['--as-of'])
    return o


if __name__ == '__main__':
    main()
