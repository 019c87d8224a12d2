#!/usr/bin/env python3
"""Random edge-heavy 订单报表 exports, run through storeops and the oracle, compared.

usage: fuzz.py N [SEED] [OUTDIR]
"""
import json
import os
import random
import subprocess
import sys
from datetime import datetime, timedelta
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import oracle  # noqa: E402

T71 = json.load(open(os.path.join(HERE, 't71.json')))
H = timedelta(hours=1)
S = timedelta(seconds=1)

ANCHORS = [
    datetime(2026, 4, 8, 23, 59, 59), datetime(2026, 4, 9, 0, 0, 0), datetime(2026, 4, 8, 0, 0, 0),
    datetime(2026, 4, 7, 23, 59, 59), datetime(2026, 11, 10, 23, 59, 59), datetime(2026, 11, 11, 0, 0, 0),
    datetime(2025, 6, 15, 0, 0, 0), datetime(2025, 12, 31, 23, 59, 59), datetime(2026, 3, 8, 1, 30, 0),
    datetime(2026, 11, 1, 1, 30, 0), datetime(2026, 4, 10, 12, 0, 0),
    datetime(2026, 3, 8, 18, 0, 0), datetime(2026, 11, 1, 17, 0, 0), datetime(2026, 3, 8, 17, 59, 59),
    datetime(2026, 4, 9, 8, 0, 0), datetime(2026, 4, 8, 16, 0, 0),
]
SPECIAL_BASE = ['99.90', '99.99', '100.00', '100.10', '16.65', '16.67', '16.66', '20.05', '11.15', '1000.10', '1000.00',
                '999.90', '500.05', '500.00', '499.90', '3333.30', '3333.37', '3333.33', '3333.40', '1666.70',
                '1666.63', '5000.10', '0.00', '0.01', '0.10', '33.35', '1.00', '166.65', '49.90', '50.10']


def rnd_money(rng):
    if rng.random() < 0.5:
        return Decimal(rng.choice(SPECIAL_BASE))
    r = rng.random()
    if r < 0.4:
        return Decimal(rng.randint(0, 20000)) / 100
    if r < 0.8:
        return Decimal(rng.randint(0, 300000)) / 100
    return Decimal(rng.randint(0, 2000000)) / 100


FMT_RNG = random.Random(0)


def fmt(t, precise=True):
    if precise:
        if FMT_RNG.random() < 0.15:
            return f'{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}:{t.second:02d}'
        return t.strftime('%Y-%m-%d %H:%M:%S')
    if FMT_RNG.random() < 0.3:
        return t.strftime('%Y-%m-%d %H:%M')
    return f'{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}'


def mfmt(x):
    r = FMT_RNG.random()
    if r < 0.1 and x == x.to_integral_value():
        return str(int(x))
    if r < 0.15 and x == 0:
        return '0元'
    return str(x)


def gen_case(rng, sw):
    anchor = rng.choice(ANCHORS) + rng.choice([timedelta(0), timedelta(0), timedelta(0), rng.randint(-100, 100) * H,
                                               timedelta(seconds=rng.randint(-200000, 200000))])
    nbuyers = rng.randint(1, 6)
    orders = []
    deadlines = []
    ids = set()
    imprecise_rate = float(os.environ['IMPRECISE']) if 'IMPRECISE' in os.environ else rng.choice([0, 0, 0, 0.3])
    for b in range(nbuyers):
        buyer = rng.choice(['小明', '阿花tb', '老王的店铺', 'buyer_x', '张三', 'tb12345678']) + str(b)
        if os.environ.get('NONAME') and rng.random() < 0.3:
            buyer = ''
        n = rng.randint(1, 8)
        t = anchor + rng.choice([timedelta(0), rng.randint(-48, 48) * H, timedelta(seconds=rng.randint(-86400, 86400))])
        first = t
        for i in range(n):
            if i > 0:
                step = rng.choice([timedelta(0), S, 24 * H, 24 * H + S, 24 * H - S, 12 * H, 48 * H, H, 24 * H + timedelta(seconds=rng.randint(-59, 59)),
                                   timedelta(seconds=rng.randint(0, 40 * 3600))])
                base_from = rng.choice(['prev', 'prev', 'first'])
                t = (t if base_from == 'prev' else first) + step
                if base_from == 'first' and i > 0 and rng.random() < 0.5:
                    t = first + 24 * H
            while True:
                oid = str(rng.randint(10 ** 18, 10 ** 19 - 1))
                if oid not in ids and not oid.endswith('0000'):
                    ids.add(oid)
                    break
            paid_precise = rng.random() >= imprecise_rate
            paid_t = t if paid_precise else t.replace(second=0)
            title = rng.choice(['加厚羊毛围巾', '加厚羊毛围巾', '现货 羊毛围巾', '极速发 围巾', '次日达 手套', '秒发 帽子',
                                '当日发 现货 袜子', '【非现货】预售 围巾', '不支持极速发 手套'])
            presale = rng.random() < 0.2
            kw24 = any(oracle.promises(title, k) for k in ('极速发', '秒发', '当日发', '次日达'))
            win = 24 if (kw24 and paid_t >= oracle.SWITCH) else (48 if (oracle.promises(title, '现货') and paid_t >= oracle.SWITCH) else (sw or 48))
            deadline = paid_t + win * H
            deadlines.append(deadline)
            r = rng.random()
            status = None
            ship = None
            if r < 0.45:
                status = rng.choice(['卖家已发货，等待买家确认', '交易成功', '卖家已发货,等待买家确认'])
                off = rng.choice([-H, timedelta(0), S, -S, H, 72 * H, 72 * H + S, 72 * H - S, 24 * H,
                                  timedelta(seconds=rng.randint(-50 * 3600, 200 * 3600))])
                ship = deadline + off
            elif r < 0.7:
                status = rng.choice(['买家已付款，等待卖家发货', '买家已付款，等待卖家发货', '卖家部分发货'])
                if status == '卖家部分发货':
                    ship = deadline + rng.choice([-H, H])
            elif r < 0.85:
                status = '交易关闭'
                if rng.random() < 0.5:
                    ship = deadline + rng.choice([-H, S, 10 * H, 80 * H])
            else:
                status = '等待买家付款'
            paid_amt = rnd_money(rng)
            post = rng.choice([Decimal('0.00'), Decimal('10.00'), Decimal('8.00'), rnd_money(rng), paid_amt + Decimal('5.00')])
            if rng.random() < 0.5:
                post = min(post, paid_amt)
            gross = paid_amt + post if rng.random() < 0.5 else paid_amt  # the base is paid - postage
            ship_precise = rng.random() >= imprecise_rate
            pp = rng.random()
            platform = '' if pp < 0.8 else ('0.00' if pp < 0.9 else str(rng.choice(['5.00', '57.00', '30.00'])))
            cells = {
                '订单编号': oid, '买家会员名': buyer, '买家应付货款': str(gross - post if gross >= post else gross),
                '买家应付邮费': mfmt(post), '买家实际支付金额': mfmt(gross), '订单状态': status,
                '收货人姓名': '王小明', '收货地址': '广东省 深圳市 南山区 科技园南路88号(518057)', '联系手机': "'13925130165",
                '订单创建时间': fmt(paid_t - 120 * S),
                '订单付款时间': '' if status == '等待买家付款' else fmt(paid_t, paid_precise),
                '宝贝标题': title, '宝贝总数量': '1',
                '订单关闭原因': '退款' if status == '交易关闭' else '订单未关闭',
                '退款金额': rng.choice(['0', '0', str(gross), '12.00']),
                '延迟发货自动赔付金额': platform, '预售订单': '是' if presale else '否',
                '发货时间': fmt(ship, ship_precise) if ship is not None else '',
            }
            orders.append(cells)
    rng.shuffle(orders)
    d = rng.choice(deadlines)
    as_of = d + rng.choice([timedelta(0), S, -S, 72 * H, 72 * H + S, 72 * H - S, 24 * H, 200 * H,
                            timedelta(seconds=rng.randint(-48 * 3600, 150 * 3600))])
    # an export taken at as-of holds nothing later than as-of
    kept = []
    for o in orders:
        pt = oracle.parse_time(o['订单付款时间'])[0]
        if pt is not None and pt > as_of:
            continue
        st = oracle.parse_time(o['发货时间'])[0]
        if st is not None and st > as_of:
            o['发货时间'] = ''
            if o['订单状态'] != '交易关闭':
                o['订单状态'] = '买家已付款，等待卖家发货'
        kept.append(o)
    if not kept:
        kept = orders[:1]
        kept[0]['订单状态'] = '等待买家付款'
        kept[0]['订单付款时间'] = ''
        kept[0]['发货时间'] = ''
    return kept, as_of


def cell(h, v):
    if h in ('订单编号', '主订单编号', '支付单号', '物流单号') and v.isdigit():
        return f'="{v}"'
    if any(ch in v for ch in '",\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


def write(path, orders, enc):
    lines = [','.join(T71)]
    for o in orders:
        lines.append(','.join(cell(h, o.get(h, '')) for h in T71))
    text = '\r\n'.join(lines) + '\r\n'
    if enc == 'gbk':
        data = text.encode('gbk')
    elif enc == 'bom':
        data = b'\xef\xbb\xbf' + text.encode('utf-8')
    else:
        data = text.encode('utf-8')
    open(path, 'wb').write(data)


def run_storeops(path, as_of, tz, sw=None):
    env = dict(os.environ, TZ=tz, XDG_DATA_HOME='/tmp/oracle9-xdg', XDG_CONFIG_HOME='/tmp/oracle9-xdg')
    env.pop('STOREOPS_CONFIG', None)
    p = subprocess.run(['node', os.environ.get('STOREOPS_BIN', os.path.join(ROOT, 'bin/storeops.js')), 'compensate', path, '--as-of', as_of, '-f', 'json',
                        '--no-state'] if False else
                       ['node', os.environ.get('STOREOPS_BIN', os.path.join(ROOT, 'bin/storeops.js')), 'compensate', path, '--as-of', as_of, '-f', 'json']
                       + (['--ship-within', str(sw)] if sw else [])
                       + (['--rules', oracle.FORCE] if oracle.FORCE else []) + (['--base', oracle.BASE] if oracle.BASE else []),
                       capture_output=True, text=True, env=env, cwd=os.path.dirname(path))
    return p


def norm_store(v):
    ws = v['windowStart']
    ws = ws.replace('T', ' ')[:19]
    st = v['state']
    return (v['buyer'], v['rules'], ws, tuple(sorted(v['orderIds'])), v['amount'], st)


def norm_oracle(v):
    return (v['buyer'], v['rules'], v['windowStart'], tuple(v['orderIds']), v['amount'], v['state'])


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    out = sys.argv[3] if len(sys.argv) > 3 else '/tmp/oracle9-fuzz'
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    diffs = 0
    statediff = 0
    ambig = 0
    for k in range(n):
        sw = rng.choice([None, None, 72, 120, 49]) if os.environ.get('SW') else None
        oracle.SHIP_WITHIN = sw
        oracle.FORCE = rng.choice(os.environ['RULES'].split(',')) if os.environ.get('RULES') else None
        oracle.BASE = rng.choice(os.environ['BASE'].split(',')) if os.environ.get('BASE') else None
        if oracle.FORCE == 'auto':
            oracle.FORCE = None
        orders, as_of = gen_case(rng, sw)
        enc = rng.choice(['gbk', 'utf8', 'bom'])
        tz = rng.choice(['UTC', 'America/Los_Angeles', 'Asia/Shanghai'])
        d = os.path.join(out, f'c{seed}_{k}')
        os.makedirs(d, exist_ok=True)
        path = os.path.join(d, 'ExportOrderList202612011200.csv')
        write(path, orders, enc)
        as_of_s = as_of.strftime('%Y-%m-%d %H:%M:%S')
        ov, onj = oracle.compute(path, as_of)
        p = run_storeops(path, as_of_s, tz, sw)
        try:
            sv = json.loads(p.stdout) if p.stdout.strip() else []
        except json.JSONDecodeError:
            sv = None
        if sv is None:
            print(f'CASE {d} tz={tz}: storeops rc={p.returncode} no json: {p.stderr[:500]}')
            diffs += 1
            continue
        a = sorted(norm_store(v) for v in sv)
        b = sorted(norm_oracle(v) for v in ov)
        if a != b and [x[:5] for x in a] == [x[:5] for x in b]:
            kinds = {(x[5], y[5]) for x, y in zip(a, b) if x != y}
            if all(k == ('provisional', 'final') for k in kinds):
                statediff += 1
                if os.environ.get('SHOWSTATE'):
                    print(f'STATE {d}')
                    json.dump({'asOf': as_of_s, 'sw': sw, 'tz': tz, 'storeops': a, 'oracle': b, 'notJudged': onj,
                               'stderr': p.stderr}, open(os.path.join(d, 'state.json'), 'w'), ensure_ascii=False, indent=1, default=str)
                else:
                    import shutil
                    shutil.rmtree(d)
                continue
        if any(v.get('ambiguous') for v in ov):
            ambig += 1
        if a != b:
            diffs += 1
            json.dump({'asOf': as_of_s, 'sw': sw, 'tz': tz, 'enc': enc, 'rules': oracle.FORCE, 'base': oracle.BASE, 'storeops': a, 'oracle': b, 'notJudged': onj,
                       'stderr': p.stderr}, open(os.path.join(d, 'diff.json'), 'w'), ensure_ascii=False, indent=1, default=str)
            print(f'CASE {d} tz={tz} asOf={as_of_s} sw={sw} rules={oracle.FORCE} base={oracle.BASE}')
            sa, sb = set(a), set(b)
            for x in sorted(sa - sb):
                print('  storeops only:', x)
            for x in sorted(sb - sa):
                print('  oracle only:  ', x)
        else:
            import shutil
            shutil.rmtree(d)
    print(f'{n} cases, {diffs} differ, {statediff} only storeops-provisional/oracle-final, {ambig} tmall-2023 windows depending on lost seconds')


if __name__ == '__main__':
    main()
