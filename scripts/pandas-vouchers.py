#!/usr/bin/env python3
# The benchmark's pandas reference (issue 21's table of peers): the voucher query of
# scripts/duckdb-vouchers.mjs, step for step, in pandas (C parser, one process). Independent of
# src/: it reads the same rule-set files (templates/rules/*.json) and nothing else of storeops.
#
#   python3 scripts/pandas-vouchers.py FILE [--as-of "YYYY-MM-DD HH:MM:SS"] [--rules auto|ID|FILE.json] [--encoding utf-8|gb18030] [--list]
#
# Prints one JSON line: late orders, vouchers, their amount and what is to be issued (exact, from
# whole fen), pandas' version; --list adds every voucher. What it computes, and what it leaves out,
# is what scripts/duckdb-vouchers.mjs says at its top (docs/rules.md §1.1–1.4). Amounts are whole
# fen in 64-bit integers and rates whole millionths, so nothing is rounded but where the rule says:
# base × rate rounded half-up to the fen (or the yuan), then the tier's min and max, then the cap.
# Unlike DuckDB without its downloaded extension, pandas reads a GBK file itself (--encoding
# gb18030, the default when the file is not UTF-8).
# Needs Debian's python3-pandas (/usr/bin/python3); `npm run bench` skips it, with a note, without.
import json
import os
import re
import sys

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def opt(args, name, default):
    return args[args.index(name) + 1] if name in args else default


def main():
    args = sys.argv[1:]
    files = [a for i, a in enumerate(args) if not a.startswith('--') and not (i > 0 and args[i - 1].startswith('--') and args[i - 1] != '--list')]
    if not files:
        sys.stderr.write('usage: python3 scripts/pandas-vouchers.py FILE [--as-of "YYYY-MM-DD HH:MM:SS"] [--rules auto|ID|FILE.json] [--encoding utf-8|gb18030] [--list]\n')
        sys.exit(2)
    file = files[0]
    as_of = opt(args, '--as-of', '2026-12-01 00:00:00')
    if not re.fullmatch(r'\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}', as_of):
        raise SystemExit(f'--as-of must be YYYY-MM-DD HH:MM:SS, not {as_of}')
    rules_arg = opt(args, '--rules', 'auto')
    encoding = opt(args, '--encoding', None) or sniff(file)

    # ---- the rule sets (the same files storeops reads) ----
    rules_dir = os.path.join(ROOT, 'templates', 'rules')
    load = lambda f: json.load(open(f, encoding='utf-8'))
    if rules_arg == 'auto':
        sets = [load(os.path.join(rules_dir, f)) for f in sorted(os.listdir(rules_dir)) if f.endswith('.json') and f != 'custom-example.json']
        sets = [r for r in sets if r['platform'] == 'taobao']
    else:
        sets = [load(os.path.abspath(rules_arg) if rules_arg.endswith('.json') else os.path.join(rules_dir, f'{rules_arg}.json'))]
    forced = rules_arg != 'auto'
    for r in sets:
        if r['base'] not in ('paid-minus-postage', 'paid', 'goods'):
            raise SystemExit(f"{r['id']}: base {r['base']} is not known to this reference")
        if r['rounding'] not in ('fen', 'yuan'):
            raise SystemExit(f"{r['id']}: rounding {r['rounding']} is not known to this reference")
        if r['combine']['by'] not in ('calendar-day', 'rolling-24h', 'none'):
            raise SystemExit(f"{r['id']}: combine {r['combine']['by']} is not known to this reference")

    # ---- the file's columns, matched on the trimmed header name ----
    header = pd.read_csv(file, nrows=0, dtype=str, encoding=encoding).columns
    def col(*aliases):
        for a in aliases:
            for n in header:
                if n.strip() == a:
                    return n
        return None
    c = {
        'id': col('订单编号'), 'buyer': col('买家会员名', '买家会员昵称', '买家昵称'), 'goods': col('买家应付货款'),
        'postage': col('买家应付邮费'), 'paid': col('买家实际支付金额'), 'status': col('订单状态'),
        'paidAt': col('订单付款时间'), 'shipped': col('发货时间'), 'title': col('宝贝标题'),
        'presale': col('预售订单'), 'platform': col('延迟发货自动赔付金额'),
    }
    if not (c['id'] and c['paid'] and c['status'] and c['paidAt']):
        raise SystemExit(f'{file}: not a Taobao 订单报表 (订单编号, 买家实际支付金额, 订单状态, 订单付款时间 needed)')
    used = [n for n in c.values() if n is not None]
    df = pd.read_csv(file, dtype=str, keep_default_na=False, na_filter=False, usecols=used, encoding=encoding, engine='c')
    n = len(df)
    get = lambda k: df[c[k]] if c[k] is not None else pd.Series([''] * n, dtype=object)

    def fen(k):
        """An amount cell as whole fen (nullable): '12.30元' → 1230; '' or not a number → missing."""
        s = get(k).str.strip().str.rstrip('元')
        x = pd.to_numeric(s.where(s != ''), errors='coerce')
        # a 2-place decimal read as a double is within 1e-9 fen of its value: rounding gives it exactly
        return (x * 100).round().astype('Int64')

    def secs(k):
        t = pd.to_datetime(get(k).str.strip(), format='%Y-%m-%d %H:%M:%S', errors='coerce')
        return (t - pd.Timestamp('1970-01-01')) // pd.Timedelta(seconds=1)

    order_id = get('id').str.strip('="')
    buyer = get('buyer')
    status_text = get('status').str.replace(',', '，', regex=False).str.replace(' ', '', regex=False)
    status = pd.Series('unknown', index=df.index, dtype=object)
    for name, texts in (
        ('unpaid', ['等待买家付款']),
        ('awaiting', ['买家已付款，等待卖家发货', '等待卖家发货']),
        ('partial', ['卖家部分发货']),
        ('shipped', ['卖家已发货，等待买家确认', '交易成功']),
        ('closed', ['交易关闭', '付款以后用户退款成功，交易自动关闭', '付款以前，卖家或买家主动关闭交易']),
    ):
        status[status_text.isin(texts)] = name
    paid_s = secs('paidAt')
    shipped_s = secs('shipped')
    title = get('title')
    presale_cell = get('presale')
    presale = presale_cell.str.strip().isin(['是', 'true', 'TRUE', 'Y', 'y', 'yes', '1']) | presale_cell.str.contains('预售', regex=False)

    # the rule set judging each order: the one in force on its paid day (Beijing wall clock), or the forced one
    rules = pd.Series(None, index=df.index, dtype=object)
    if forced:
        rules[:] = sets[0]['id']
    else:
        for r in reversed(sets):  # the first set that matches wins, as in a CASE
            m = paid_s.notna()
            if r.get('validFrom'):
                m &= paid_s >= day_s(r['validFrom'])
            if r.get('validTo'):
                m &= paid_s < day_s(r['validTo']) + 86400
            rules[m.fillna(False).astype(bool)] = r['id']

    keep = (status != 'unpaid') & paid_s.notna() & rules.notna()
    # the window in hours: shipWindowHours, shortened by listing words in the title
    window_h = pd.Series(np.nan, index=df.index)
    for r in sets:
        m = rules == r['id']
        h = pd.Series(float(r['shipWindowHours']), index=df.index)
        for w in r.get('titleWindows') or []:
            hit = pd.Series(False, index=df.index)
            for k in w['keywords']:
                hit |= title.str.contains(k, regex=False)
            h = h.where(~hit, np.minimum(h, float(w['hours'])))
        window_h = window_h.where(~m, h)
    window_s = (window_h * 3600).astype('Int64')
    shipped_s = shipped_s.where(status != 'partial')
    as_of_s = int((pd.Timestamp(as_of) - pd.Timestamp('1970-01-01')) // pd.Timedelta(seconds=1))
    judged = keep & (shipped_s.notna() | status.isin(['awaiting', 'partial']))
    late_s = shipped_s.fillna(as_of_s) - (paid_s + window_s)
    late = judged & (late_s > 0).fillna(False).astype(bool)

    L = pd.DataFrame({
        'order_id': order_id[late], 'buyer': buyer[late], 'rules': rules[late], 'paid_s': paid_s[late].astype('int64'),
        'window_s': window_s[late].astype('int64'), 'late_s': late_s[late].astype('int64'), 'presale': presale[late],
        'goods': fen('goods')[late], 'postage': fen('postage')[late], 'paid': fen('paid')[late], 'platform': fen('platform')[late],
    })
    by_id = {r['id']: r for r in sets}
    parts = []
    for rid, g in L.groupby('rules', sort=False):
        r = by_id[rid]
        tiers = r['tiers']
        tier = pd.Series(len(tiers) - 1, index=g.index)
        chosen = pd.Series(False, index=g.index)
        for i, t in enumerate(tiers):
            m = rng(t.get('window'), g['window_s']) & rng(t.get('hoursLate'), g['late_s'])
            if t.get('presale') is True:
                m &= g['presale']
            if t.get('presale') is False:
                m &= ~g['presale']
            first = m & ~chosen
            tier[first] = i
            chosen |= m
        paid = g['paid'].fillna(0).astype('int64')
        if r['base'] == 'paid-minus-postage':
            base = np.maximum(paid - g['postage'].fillna(0).astype('int64'), 0)
        elif r['base'] == 'paid':
            base = paid
        else:
            base = g['goods'].fillna(g['paid']).fillna(0).astype('int64')
        rate = tier.map({i: micro(t['rate']) for i, t in enumerate(tiers)}).astype('int64')
        lo = tier.map({i: fen_of(t.get('min') or '0') for i, t in enumerate(tiers)}).astype('int64')
        hi = tier.map({i: (fen_of(t['max']) if t.get('max') is not None else -1) for i, t in enumerate(tiers)}).astype('int64')
        product = base.astype('int64') * rate  # fen × millionths
        if r['rounding'] == 'yuan':
            rounded = (product + 50_000_000) // 100_000_000 * 100
        else:
            rounded = (product + 500_000) // 1_000_000
        after = np.maximum(rounded, lo)
        after = after.where(hi < 0, np.minimum(after, hi))
        g = g.assign(after=after.astype('int64'))
        # windows: calendar day (Beijing), a rolling 24 h from the window's first payment, or none
        combine = r['combine']['by']
        if combine == 'none':
            g = g.assign(wkey='o' + g['order_id'])
        elif combine == 'calendar-day':
            g = g.assign(wkey=np.where(g['buyer'] == '', 'o' + g['order_id'], 'd' + (g['paid_s'] // 86400).astype(str)))
        else:
            g = g.sort_values(['buyer', 'paid_s', 'order_id'], kind='stable')
            keys = []
            last_buyer, start = None, 0
            for b, p, oid in zip(g['buyer'].to_numpy(), g['paid_s'].to_numpy(), g['order_id'].to_numpy()):
                if b == '':
                    keys.append('o' + oid)
                    continue
                if b != last_buyer or p > start + 86400:
                    last_buyer, start = b, p
                keys.append('r' + str(start))
            g = g.assign(wkey=keys)
        g = g.assign(cap=fen_of(r['combine']['cap']) if r['combine'].get('cap') is not None else -1, payer=r['payer'])
        parts.append(g)
    if parts:
        K = pd.concat(parts)
        V = K.groupby(['buyer', 'rules', 'wkey'], sort=False).agg(
            n=('after', 'size'), computed=('after', 'sum'), platform=('platform', 'sum'), cap=('cap', 'first'), payer=('payer', 'first'),
            ids=('order_id', lambda s: ','.join(sorted(s))) if '--list' in args else ('order_id', 'first'),
        ).reset_index()
        amount = V['computed'].where(V['cap'] < 0, np.minimum(V['computed'], V['cap']))
        to_issue = amount.where(~((V['payer'] == 'platform-deducts') | (V['platform'].fillna(0) > 0)), 0)
        out = {'lateOrders': int(V['n'].sum()), 'vouchers': len(V), 'amount': yuan(int(amount.sum())), 'toIssue': yuan(int(to_issue.sum())), 'rules': ','.join(sorted(V['rules'].unique()))}
        if '--list' in args:
            V = V.assign(amount=amount, to_issue=to_issue).sort_values('ids')
            out['list'] = [{'orderIds': i.split(','), 'rules': ru, 'lateOrders': int(k), 'amount': yuan(int(a)), 'toIssue': yuan(int(t))}
                           for i, ru, k, a, t in zip(V['ids'], V['rules'], V['n'], V['amount'], V['to_issue'])]
    else:
        out = {'lateOrders': 0, 'vouchers': 0, 'amount': '0.00', 'toIssue': '0.00', 'rules': ''}
    out = {**out, 'pandas': pd.__version__, 'encoding': encoding, 'orders': n}
    sys.stdout.write(json.dumps(out, ensure_ascii=False) + '\n')


def sniff(file):
    with open(file, 'rb') as f:
        head = f.read(1 << 16)
    try:
        head.decode('utf-8')
        return 'utf-8-sig'
    except UnicodeDecodeError as e:
        return 'utf-8-sig' if e.start > len(head) - 4 else 'gb18030'


def day_s(d):
    return int((pd.Timestamp(d) - pd.Timestamp('1970-01-01')) // pd.Timedelta(seconds=1))


def rng(r, v):
    m = pd.Series(True, index=v.index)
    if r and r.get('over') is not None:
        m &= v > r['over'] * 3600
    if r and r.get('upTo') is not None:
        m &= v <= r['upTo'] * 3600
    return m


def micro(s):
    """A rate such as '0.15' as whole millionths (150000), exactly."""
    m = re.fullmatch(r'(\d+)(?:\.(\d{1,6}))?', str(s))
    if not m:
        raise SystemExit(f'not a rate: {s}')
    return int(m.group(1)) * 1_000_000 + int((m.group(2) or '').ljust(6, '0'))


def fen_of(s):
    m = re.fullmatch(r'(\d+)(?:\.(\d{1,2}))?', str(s))
    if not m:
        raise SystemExit(f'not an amount: {s}')
    return int(m.group(1)) * 100 + int((m.group(2) or '').ljust(2, '0'))


def yuan(f):
    return f'{f // 100}.{f % 100:02d}'


main()
