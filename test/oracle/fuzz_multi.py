#!/usr/bin/env python3
"""`compensate --shipments` and overlapping exports, run through storeops and the oracle, compared.

usage: fuzz_multi.py ship|overlap N [SEED] [OUTDIR]      (overlap with SCANS=1: most cases also get --shipments)

ship:    one 订单报表 (fuzz.py's generator) with 物流单号 (two orders sometimes share one: a merged
         parcel) and a pickup-scan file: scans by 订单编号 or by 物流单号 (header variants 运单号,
         快递单号, 揽件时间, pickupAt), at the deadline, one second either side, 72 h late ± 1 s, before
         the 发货时间, without seconds; scans of 卖家部分发货 orders (only the first parcel: still
         unshipped); rows matching no order. The oracle takes the scan as the ship time (rules.md §1.1).
         SCAN_UNSHIPPED=1 also scans orders the export shows as 等待卖家发货 (the docs do not say
         whether such a scan ships them: see README.md).
overlap: the same orders as 2–3 downloads taken at different times (an older one: orders paid later
         missing, orders shipped or closed later still unshipped; a newer one that may lack the oldest
         orders), named ExportOrderListYYYYMMDDHHMM.csv or undated (then the file's modification time
         decides; the two kinds mixed), sometimes two with the same time (the later argument wins),
         given in random order. The oracle reads, for each order, the version of the newest file
         holding it (README "Overlapping downloads").
"""
import json
import os
import random
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import oracle  # noqa: E402
import fuzz  # noqa: E402

H = timedelta(hours=1)
SENSITIVE = []  # overlap: cases where taking the oldest version would give other vouchers
S = timedelta(seconds=1)
BJ = timezone(timedelta(hours=8))
SHIPPED = ('卖家已发货，等待买家确认', '交易成功', '卖家已发货,等待买家确认')


def tfmt(rng, t, precise=True):
    if not precise:
        return t.strftime('%Y-%m-%d %H:%M') if rng.random() < 0.5 else f'{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}'
    return t.strftime('%Y-%m-%d %H:%M:%S') if rng.random() < 0.8 else f'{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}:{t.second:02d}'


def deadline_of(o):
    paid = oracle.parse_time(o['订单付款时间'])[0]
    rules = 'tmall-2023' if paid < oracle.SWITCH else 'tmall-2026'
    return paid + timedelta(hours=oracle.window_hours(rules, o['宝贝标题']))


def gen_ship(rng, d):
    orders, as_of = fuzz.gen_case(rng, None)
    add_waybills(rng, orders)
    exp = os.path.join(d, 'ExportOrderList202612011200.csv')
    fuzz.write(exp, orders, rng.choice(['gbk', 'utf8', 'bom']))
    sargs, scans = make_scans(rng, orders, as_of, d)
    return [exp] + sargs, as_of, (exp, scans)


def add_waybills(rng, orders):
    wb_n = 0
    for o in orders:
        if o['订单状态'] in SHIPPED or (o['订单状态'] in ('交易关闭', '卖家部分发货') and o['发货时间']):
            wb_n += 1
            o['物流单号'] = f'YT{7000000000000 + rng.randint(0, 10 ** 9)}'
    # a merged parcel: two shipped orders of one buyer share a waybill
    shipped = [o for o in orders if o.get('物流单号') and o['订单状态'] != '卖家部分发货']
    if len(shipped) >= 2 and rng.random() < 0.4:
        a, b = rng.sample(shipped, 2)
        b['物流单号'] = a['物流单号']


def make_scans(rng, orders, as_of, d):
    cols = rng.choice([['订单编号', '揽收时间'], ['物流单号', '揽收时间'], ['订单编号', '物流单号', '揽收时间'],
                       ['运单号', '揽件时间'], ['快递单号', 'pickupAt'], ['订单编号', '揽件时间']])
    idcol = '订单编号' if '订单编号' in cols else None
    wbcol = next((c for c in cols if c in ('物流单号', '运单号', '快递单号')), None)
    tcol = cols[-1]
    rows = []
    scans = {'id': {}, 'waybill': {}}
    used_wb = set()
    for o in orders:
        st = o['订单状态'].replace(',', '，')
        partial = st == '卖家部分发货'
        unshipped = st == '买家已付款，等待卖家发货'
        if not (st in ('卖家已发货，等待买家确认', '交易成功') or (st == '交易关闭' and o['发货时间']) or partial
                or (unshipped and os.environ.get('SCAN_UNSHIPPED'))):
            continue
        if rng.random() < 0.3 or not o['订单付款时间']:
            continue
        dl = deadline_of(o)
        ship = oracle.parse_time(o['发货时间'])[0] or dl
        t = rng.choice([dl, dl + S, dl - S, dl + 72 * H, dl + 72 * H + S, dl + 72 * H - S, ship - 3 * H, ship + 5 * H,
                        ship, dl + timedelta(seconds=rng.randint(-30 * 3600, 100 * 3600))])
        if t > as_of:
            t = as_of
        precise = rng.random() > 0.15
        if not precise:
            t = t.replace(second=0)
        by_id = idcol and (not wbcol or not o.get('物流单号') or rng.random() < 0.5)
        if not by_id and not (wbcol and o.get('物流单号')):
            continue
        if by_id:
            row = {idcol: o['订单编号'], tcol: tfmt(rng, t, precise)}
            if wbcol and o.get('物流单号') and rng.random() < 0.5:
                if o['物流单号'] in used_wb:
                    continue
                row[wbcol] = o['物流单号']  # both given, consistent
                if not partial:
                    scans['waybill'][o['物流单号']] = (t, precise)
                used_wb.add(o['物流单号'])
            if not partial:
                scans['id'][o['订单编号']] = (t, precise)
        else:
            if o['物流单号'] in used_wb:
                continue
            used_wb.add(o['物流单号'])
            row = {wbcol: o['物流单号'], tcol: tfmt(rng, t, precise)}
            if not partial:
                scans['waybill'][o['物流单号']] = (t, precise)
        rows.append(row)
    # merged parcel: when one order's scan is by waybill, the other order shares it; when its scan is
    # by order id only, the other order has no scan (the oracle's scan_for sees exactly that)
    if rng.random() < 0.3:  # a row matching no order: reported, not used
        row = {tcol: tfmt(rng, as_of - 5 * H)}
        row[idcol or wbcol] = str(rng.randint(10 ** 18, 10 ** 19 - 1)) if idcol else 'SF0000000001'
        rows.append(row)
    rng.shuffle(rows)
    sp = os.path.join(d, 'scans.csv')
    with open(sp, 'w', encoding='utf-8') as f:
        f.write(','.join(cols) + '\n')
        for r in rows:
            f.write(','.join(r.get(c, '') for c in cols) + '\n')
    return ['--shipments', sp], scans


def snapshot(orders, t0):
    """The export as it looked at t0 (Beijing): later payments missing, later shipping/closing undone."""
    out = []
    for o in orders:
        pt = oracle.parse_time(o['订单付款时间'])[0]
        ct = oracle.parse_time(o['订单创建时间'])[0]
        if ct is not None and ct > t0:
            continue
        o = dict(o)
        if pt is None or pt > t0:
            if o['订单状态'] != '等待买家付款':
                o['订单状态'] = '等待买家付款'
                o['订单付款时间'] = ''
                o['发货时间'] = ''
            out.append(o)
            continue
        if o['延迟发货自动赔付金额'] not in ('', '0.00') and pt + 72 * H > t0:
            o['延迟发货自动赔付金额'] = ''  # the platform's payout shows up in later downloads only
        st = oracle.parse_time(o['发货时间'])[0]
        if st is not None and st > t0:
            o['发货时间'] = ''
            o['物流单号'] = ''
            o['订单状态'] = '买家已付款，等待卖家发货'
        elif o['订单状态'] == '交易关闭' and st is None and pt + 10 * H > t0:
            o['订单状态'] = '买家已付款，等待卖家发货'  # closed after t0
        out.append(o)
    return out


def gen_overlap(rng, d):
    orders, as_of = fuzz.gen_case(rng, None)
    with_scans = os.environ.get('SCANS') and rng.random() < 0.7
    if with_scans:
        add_waybills(rng, orders)
    nfiles = rng.choice([2, 2, 3])
    times = sorted({as_of - timedelta(seconds=rng.choice([0, 0, 3600, 86400, 3 * 86400, rng.randint(0, 5 * 86400)]))
                    for _ in range(nfiles)})
    times[-1] = as_of  # the newest download is taken at as-of
    if len(times) > 1 and rng.random() < 0.2:
        times[0] = times[-1]  # a tie: the later argument wins
    files = []
    for i, t in enumerate(times):
        snap = snapshot(orders, t)
        if i < len(times) - 1 or rng.random() < 0.5:
            pass
        else:  # the newest download starts later: the oldest orders are only in older files
            cut = min((oracle.parse_time(o['订单创建时间'])[0] for o in snap), default=t) + timedelta(hours=rng.choice([6, 24, 48]))
            snap = [o for o in snap if oracle.parse_time(o['订单创建时间'])[0] >= cut] or snap[:1]
        named = rng.random() < 0.7
        sub = os.path.join(d, f'f{i}')
        os.makedirs(sub, exist_ok=True)
        name = f'ExportOrderList{t.strftime("%Y%m%d%H%M")}.csv' if named else rng.choice(['orders.csv', '订单.csv', 'export.csv'])
        if named:
            t = t.replace(second=0)  # the name holds minutes only
        p = os.path.join(sub, name)
        fuzz.write(p, snap, rng.choice(['gbk', 'utf8', 'bom']))
        files.append([p, t, snap, named])
    # modification times: an undated file's mtime is its download time (Beijing -> epoch); a dated
    # file's mtime is made misleading (now), since its name decides
    for p, t, snap, named in files:
        if not named:
            ep = t.replace(tzinfo=BJ).timestamp()
            os.utime(p, (ep, ep))
    args = list(range(len(files)))
    rng.shuffle(args)
    # newest version per order: by time, a tie going to the later argument
    rank = sorted(args, key=lambda i: (files[i][1], args.index(i)))
    merged = {}
    order_first = []
    for i in rank:
        for o in files[i][2]:
            if o['订单编号'] not in merged:
                order_first.append(o['订单编号'])
            merged[o['订单编号']] = o
    mp = os.path.join(d, 'merged-for-oracle.csv')
    fuzz.write(mp, [merged[k] for k in order_first], 'utf8')
    # the same merge taking the oldest version: when its vouchers differ, the case tells newest from oldest
    oldest = {}
    for i in reversed(rank):
        for o in files[i][2]:
            oldest[o['订单编号']] = o
    wrong = os.path.join(d, 'oldest-for-oracle.csv')
    fuzz.write(wrong, [oldest[k] for k in order_first], 'utf8')
    scans, sargs = None, []
    if with_scans:  # pickup scans of the orders as they finally are (a scan of an order an older file shows unshipped too)
        sargs, scans = make_scans(rng, [merged[k] for k in order_first], as_of, d)
    SENSITIVE.append(sorted(map(str, oracle.compute(wrong, as_of, scans)[0])) != sorted(map(str, oracle.compute(mp, as_of, scans)[0])))
    return [files[i][0] for i in args] + sargs, as_of, (mp, scans)


def main():
    mode = sys.argv[1]
    n = int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    out = sys.argv[4] if len(sys.argv) > 4 else os.path.join(ROOT, '.fuzz-multi')
    os.makedirs(out, exist_ok=True)
    xdg = os.path.join(out, 'xdg')
    rng = random.Random(seed)
    diffs = statediff = 0
    for k in range(n):
        d = os.path.join(out, f'{mode}{seed}_{k}')
        os.makedirs(d, exist_ok=True)
        args, as_of, (opath, scans) = (gen_ship if mode == 'ship' else gen_overlap)(rng, d)
        tz = rng.choice(['UTC', 'America/Los_Angeles', 'Asia/Shanghai'])
        as_of_s = as_of.strftime('%Y-%m-%d %H:%M:%S')
        ov, onj = oracle.compute(opath, as_of, scans)
        env = dict(os.environ, TZ=tz, XDG_DATA_HOME=xdg, XDG_CONFIG_HOME=xdg)
        env.pop('STOREOPS_CONFIG', None)
        p = subprocess.run(['node', os.environ.get('STOREOPS_BIN', os.path.join(ROOT, 'bin/storeops.js')), 'compensate']
                           + args + ['--as-of', as_of_s, '-f', 'json'], capture_output=True, text=True, env=env, cwd=d)
        try:
            sv = json.loads(p.stdout) if p.stdout.strip() else []
        except json.JSONDecodeError:
            sv = None
        if sv is None:
            print(f'CASE {d} tz={tz}: storeops rc={p.returncode} no json: {p.stderr[:500]}')
            diffs += 1
            continue
        a = sorted(fuzz.norm_store(v) for v in sv)
        b = sorted(fuzz.norm_oracle(v) for v in ov)
        if a != b and [x[:5] for x in a] == [x[:5] for x in b] and \
                all((x[5], y[5]) == ('provisional', 'final') for x, y in zip(a, b) if x != y):
            statediff += 1
            shutil.rmtree(d)
            continue
        if a != b:
            diffs += 1
            json.dump({'args': args, 'asOf': as_of_s, 'tz': tz, 'storeops': a, 'oracle': b, 'notJudged': onj,
                       'stderr': p.stderr}, open(os.path.join(d, 'diff.json'), 'w'), ensure_ascii=False, indent=1, default=str)
            print(f'CASE {d} tz={tz} asOf={as_of_s} args={" ".join(os.path.relpath(x, d) if os.path.exists(x) else x for x in args)}')
            sa, sb = set(a), set(b)
            for x in sorted(sa - sb):
                print('  storeops only:', x)
            for x in sorted(sb - sa):
                print('  oracle only:  ', x)
        else:
            shutil.rmtree(d)
    print(f'{mode}: {n} cases, {diffs} differ, {statediff} only storeops-provisional/oracle-final'
          + (f'; {sum(SENSITIVE)} cases where the oldest version would give other vouchers' if SENSITIVE else ''))


if __name__ == '__main__':
    main()
