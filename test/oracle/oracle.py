#!/usr/bin/env python3
"""Independent reference for `storeops compensate --rules auto` on a Taobao 订单报表 (71 columns).

Written from docs/rules.md §1.1-1.4, §1.3a and /work/shared/RULES.md only (not from src/).
A tool for differential testing, not a CI test.

usage: oracle.py FILE.csv --as-of "YYYY-MM-DD HH:MM:SS"   -> JSON list of vouchers on stdout
"""
import csv
import io
import json
import re
import sys
from datetime import datetime, timedelta
from decimal import Decimal, ROUND_HALF_UP

SWITCH = datetime(2026, 4, 9, 0, 0, 0)  # Beijing wall-clock; all times here are Beijing naive
FEN = Decimal('0.01')


def read_text(path):
    raw = open(path, 'rb').read()
    if raw.startswith(b'\xef\xbb\xbf'):
        return raw[3:].decode('utf-8')
    try:
        return raw.decode('utf-8')
    except UnicodeDecodeError:
        return raw.decode('gb18030')


def clean(v):
    v = v.strip()
    m = re.fullmatch(r'="(.*)"', v)
    if m:
        v = m.group(1)
    if v.startswith("'"):
        v = v[1:]
    if v in ('null', 'NaN', ''):
        return ''
    return v


def parse_time(s):
    """-> (datetime, precise) or (None, True) for empty."""
    if not s:
        return None, True
    m = re.fullmatch(r'(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?', s)
    if not m:
        raise ValueError('bad time ' + s)
    y, mo, d, h, mi, se = m.groups()
    return datetime(int(y), int(mo), int(d), int(h), int(mi), int(se or 0)), se is not None


def money(s):
    s = s.replace('元', '')
    return Decimal(s) if s else None


def half_up(x):
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


def clamp(x, lo, hi):
    if x < lo:
        x = lo
    if hi is not None and x > hi:
        x = hi
    return x


SHIP_WITHIN = None  # --ship-within
FORCE = None  # --rules ID: one rule set for every order (tmall-2023, tmall-2026, tmall-global-2026)
BASE = None  # --base paid | goods | paid-minus-postage


NEG = ('非', '不', '无', '没', '未', '不支持', '不是', '没有', '无法', '不能')


AFTER_NEG = ('不足', '售罄', '已售罄', '售完', '已售完', '卖完', '已卖完', '缺货', '断货', '暂停', '已停')


def promises(title, word):
    """docs/rules.md §1.1: a listing word right after a negation (spaces/brackets skipped; 南非 is none)
    or right before 不足/售罄/… promises nothing."""
    i = title.find(word)
    while i >= 0:
        before = re.sub(r'[\s【】\[\]()（）「」"“”\'‘’:：,，、]+$', '', title[max(0, i - 8):i])
        after = re.sub(r'^[\s【】\[\]()（）「」"“”\'‘’:：,，、]+', '', title[i + len(word):i + len(word) + 8])
        neg_before = before.endswith(NEG) and not before.endswith('南非')
        if not neg_before and not after.startswith(AFTER_NEG):
            return True
        i = title.find(word, i + 1)
    return False


def window_hours(rules, title):
    if rules == 'tmall-2026':
        hrs = []
        if any(promises(title, k) for k in ('极速发', '秒发', '当日发', '次日达')):
            hrs.append(24)
        if promises(title, '现货'):
            hrs.append(48)
        if hrs:
            return min(hrs)
    return SHIP_WITHIN or 48


def price(rules, base, win_h, hours_late, presale):
    """-> (amount, kind)"""
    if rules == 'tmall-2023':
        return clamp(half_up(base * Decimal('0.30')), Decimal('5.00'), None), 'late'
    if rules == 'tmall-global-2026':
        # rules.md §1.3c: out of stock 30 % (window > 48 h, direct mail) or 15 % (bonded), late 5 %
        if hours_late > 72:
            rate = Decimal('0.30') if win_h > 48 else Decimal('0.15')
            return clamp(half_up(base * rate), Decimal('5.00'), Decimal('500.00')), 'out_of_stock'
        return clamp(half_up(base * Decimal('0.05')), Decimal('5.00'), Decimal('50.00')), 'late'
    if hours_late > 72:
        rate = Decimal('0.15') if win_h > 48 else Decimal('0.10')
        return clamp(half_up(base * rate), Decimal('5.00'), Decimal('500.00')), 'out_of_stock'
    rate = Decimal('0.10') if (presale or win_h > 48) else Decimal('0.05')
    return clamp(half_up(base * rate), Decimal('5.00'), Decimal('50.00')), 'late'


def judge(o, paid, ship, as_of):
    """Verdict for one order with given paid/ship times: dict or a reason string."""
    rules = FORCE or ('tmall-2023' if paid < SWITCH else 'tmall-2026')
    win = window_hours(rules, o['title'])
    deadline = paid + timedelta(hours=win)
    if ship is not None:
        late = ship > deadline
        hl = (ship - deadline).total_seconds() / 3600
        unshipped = False
    else:
        late = as_of > deadline
        hl = (as_of - deadline).total_seconds() / 3600
        unshipped = True
    res = {'rules': rules, 'win': win, 'deadline': deadline, 'late': late, 'unshipped': unshipped,
           'day': paid.date()}
    if late:
        amt, kind = price(rules, o['base'], win, hl, o['presale'])
        res.update(amount=amt, kind=kind)
    return res


def load(path):
    text = read_text(path)
    rows = list(csv.reader(io.StringIO(text)))
    hdr = [h.strip() for h in rows[0]]
    out = []
    for r in rows[1:]:
        if not any(c.strip() for c in r):
            continue
        c = {h: clean(r[i]) if i < len(r) else '' for i, h in enumerate(hdr)}
        out.append(c)
    return out


def scan_for(scans, c):
    if c['订单编号'] in scans['id']:
        return scans['id'][c['订单编号']]
    wb = c.get('物流单号', '')
    if wb and wb in scans['waybill']:
        return scans['waybill'][wb]
    return None


def compute(path, as_of, scans=None):
    """scans: {'id': {orderId: (time, precise)}, 'waybill': {waybill: (time, precise)}} from --shipments.

    docs/rules.md §1.1: shipped = the carrier's pickup scan, else 发货时间; a 卖家部分发货 row's scan by
    its order id (or by its 物流单号, the first parcel's) is only the first parcel's: still unshipped.
    """
    orders = []
    holds = []  # orders not judged for lost seconds: they may belong to a window
    notjudged = {}
    for c in load(path):
        status = c['订单状态'].replace(',', '，')
        paid_t, paid_p = parse_time(c['订单付款时间'])
        ship_t, ship_p = parse_time(c['发货时间'])
        paid = money(c['买家实际支付金额'])
        post = money(c['买家应付邮费']) or Decimal('0')
        o = {'id': c['订单编号'], 'buyer': c['买家会员名'], 'title': c['宝贝标题'],
             'presale': c['预售订单'] == '是', 'platformPaid': money(c['延迟发货自动赔付金额']) or Decimal('0')}
        if status == '等待买家付款' or paid_t is None:
            notjudged.setdefault('unpaid', []).append(o['id'])
            continue
        if BASE == 'paid':
            o['base'] = paid
        elif BASE == 'goods':
            g = money(c['买家应付货款'])
            o['base'] = g if g is not None else paid
        else:
            o['base'] = max(Decimal('0'), paid - post) if paid is not None else None
        if status == '买家已付款，等待卖家发货' and scans and scan_for(scans, c):
            # the carrier picked it up: shipped at the scan, though the export (older) says unshipped
            ship, ship_p = scan_for(scans, c)
        elif status in ('买家已付款，等待卖家发货', '卖家部分发货'):
            ship = None
            ship_p = True
        elif status in ('卖家已发货，等待买家确认', '交易成功', '交易关闭') and scans and scan_for(scans, c) \
                and (status != '交易关闭' or ship_t is not None):
            ship, ship_p = scan_for(scans, c)
        elif status in ('卖家已发货，等待买家确认', '交易成功'):
            if ship_t is None:
                notjudged.setdefault('no_ship_time', []).append(o['id'])
                continue
            ship = ship_t
        elif status == '交易关闭':
            if ship_t is None:
                notjudged.setdefault('closed_unshipped', []).append(o['id'])
                continue
            ship = ship_t
        else:
            raise ValueError('status ' + status)
        # time precision: try both ends of each imprecise time
        paid_opts = [paid_t] if paid_p else [paid_t, paid_t + timedelta(seconds=59)]
        ship_opts = [ship] if (ship is None or ship_p) else [ship, ship + timedelta(seconds=59)]
        verdicts = [judge(o, p, s, as_of) for p in paid_opts for s in ship_opts]
        sig = {(v['rules'], v['late'], v.get('amount'), v.get('kind'), v['day']) for v in verdicts}
        if len(sig) > 1:
            notjudged.setdefault('time_precision', []).append(o['id'])
            holds.append({'buyer': o['buyer'], 'rules': verdicts[0]['rules'], 'paid': paid_t, 'day': paid_t.date()})
            continue
        v = verdicts[0]
        if v['late'] and o['base'] is None:
            notjudged.setdefault('no_paid_amount', []).append(o['id'])
            continue
        o.update(v)
        o['paid'] = paid_t
        o['paid_precise'] = paid_p
        o['hoursLate'] = None
        orders.append(o)

    vouchers = []
    buyers = sorted({(o['buyer'], o['rules']) for o in orders})
    for buyer, rules in buyers:
        mine = sorted([o for o in orders if o['buyer'] == buyer and o['rules'] == rules], key=lambda o: (o['paid'], o['id']))
        late = [o for o in mine if o['late']]
        pending = [o for o in mine if not o['late'] and o['unshipped']]  # not yet due: could still become late
        pending += [h for h in holds if h['buyer'] == buyer and h['rules'] == rules]
        groups = []
        ambiguous = False
        if buyer == '':
            # a buyer with no name is never combined (README): each late order its own voucher
            groups = [[o] for o in late]
            pending = []
        elif rules == 'tmall-2023':
            cur = None
            for o in late:
                if cur is None or o['paid'] - cur[0]['paid'] > timedelta(hours=24):
                    cur = [o]
                    groups.append(cur)
                else:
                    cur.append(o)
                if cur[0] is not o:
                    # membership depends on lost seconds of either paid time
                    so = timedelta(seconds=0 if o['paid_precise'] else 59)
                    sf = timedelta(seconds=0 if cur[0]['paid_precise'] else 59)
                    d = o['paid'] - cur[0]['paid']
                    if d + so > timedelta(hours=24) >= d - sf and ambiguous is False:
                        ambiguous = len(groups) - 1
                elif len(groups) > 1:
                    prev = groups[-2][0]
                    so = timedelta(seconds=0 if o['paid_precise'] else 59)
                    sf = timedelta(seconds=0 if prev['paid_precise'] else 59)
                    d = o['paid'] - prev['paid']
                    if d + so > timedelta(hours=24) >= d - sf and ambiguous is False:
                        ambiguous = len(groups) - 2
        else:
            byday = {}
            for o in late:
                byday.setdefault(o['day'], []).append(o)
            groups = [byday[d] for d in sorted(byday)]
        for gi, g in enumerate(groups):
            total = sum((o['amount'] for o in g), Decimal('0'))
            amount = min(total, Decimal('500.00'))
            start = g[0]['paid']
            # rules.md §1.4a: a payout does not settle a tmall-2023 window that may still be cut otherwise (it
            # depends on lost seconds, or an order not judged yet paid in the 24 h before it may open earlier)
            shaky = rules == 'tmall-2023' and ((ambiguous is not False and gi >= ambiguous)
                                               or any(start - timedelta(hours=24) <= p['paid'] <= start for p in pending))
            if any(o['platformPaid'] > 0 for o in g) and not shaky:
                state = 'paid_by_platform'
            elif any(o['unshipped'] for o in g):
                state = 'provisional'
            else:
                if rules != 'tmall-2023':
                    could = any(p['day'] == g[0]['day'] for p in pending)
                else:
                    # a not-yet-due order paid before the window's end could still change the windows
                    could = any(start - timedelta(hours=24) <= p['paid'] <= start + timedelta(hours=24) for p in pending)
                # the window itself must be over at as-of: an order paid later in it could still join
                end = start + timedelta(hours=24) if rules == 'tmall-2023' else datetime.combine(start.date() + timedelta(days=1), datetime.min.time()) - timedelta(microseconds=1)
                state = 'provisional' if (could or as_of <= end) else 'final'
                if ambiguous is not False and gi >= ambiguous:
                    state = 'provisional'  # the 24-hour window depends on lost seconds
            vouchers.append({
                'buyer': buyer, 'rules': rules, 'windowStart': start.strftime('%Y-%m-%d %H:%M:%S'),
                'orderIds': sorted(o['id'] for o in g), 'computedAmount': str(total),
                'amount': str(amount), 'state': state,
                'kinds': sorted({o['kind'] for o in g}),
                'ambiguous': ambiguous is not False and gi >= ambiguous,
            })
    return vouchers, notjudged


def main():
    path = sys.argv[1]
    as_of = parse_time(sys.argv[sys.argv.index('--as-of') + 1])[0]
    global SHIP_WITHIN, FORCE, BASE
    if '--rules' in sys.argv:
        FORCE = sys.argv[sys.argv.index('--rules') + 1]
    if '--base' in sys.argv:
        BASE = sys.argv[sys.argv.index('--base') + 1]
    if '--ship-within' in sys.argv:
        SHIP_WITHIN = int(sys.argv[sys.argv.index('--ship-within') + 1])
    v, nj = compute(path, as_of)
    json.dump({'vouchers': v, 'notJudged': nj}, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main()
