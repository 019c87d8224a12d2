#!/usr/bin/env python3
"""Format equivalence: the same 订单报表 orders written in every layout storeops reads must give the same vouchers.

usage: fuzz_formats.py N [SEED] [OUTDIR]        (OUTDIR default .fuzz-formats/ in the clone; ONLY=v1,v2 to pick variants, zone among them)

Each case is fuzz.py's generator (whole-second times) written first as a plain UTF-8 LF csv (the reference), then as:
UTF-8 with BOM and CRLF, GBK, GB18030 (buyer names outside GBK make it a four-byte case), every cell quoted,
="…" ids and ="" empty cells (Excel-style), 2026/4/8 9:05:07 times, empty-cell spellings (null, 'null, NaN, 0元,
whole-yuan amounts), two title lines above the header, shuffled columns with header names ending in spaces, a reduced export (only the columns
compensate reads), 买家会员昵称 instead of 买家会员名, xlsx with text cells, xlsx with number and date cells
(exceljs), and `orders normalize` output (csv zh, xlsx en) read back. Each must print the reference's voucher
JSON byte for byte. Then `lossy`: an Excel re-save (times without seconds): the vouchers may change, but then the
run must say why on stderr (time_precision / seconds), every voucher the re-save calls final must be one the
reference gives too (same orders, amount, state), and none it calls paid_by_platform may hold an order the reference
owes money for. Also `zone`: the same orders exported in another zone (times converted) and read with --tz
must give the reference's vouchers, windowStart the same instant. The machine zone is drawn per case (UTC, Los Angeles, Shanghai) and
the reference run uses another one.
"""
import json
import os
import random
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
os.environ.setdefault('IMPRECISE', '0')
import fuzz  # noqa: E402
import fuzzrun  # noqa: E402
import oracle  # noqa: E402

T71 = fuzz.T71
IDS = ('订单编号', '主订单编号', '支付单号', '物流单号')
MONEY = ('买家应付货款', '买家应付邮费', '买家实际支付金额', '退款金额', '延迟发货自动赔付金额', '总金额')
TIMES = ('订单创建时间', '订单付款时间', '发货时间', '确认收货时间')
NEEDED = ['订单编号', '买家会员名', '买家应付邮费', '买家实际支付金额', '订单状态', '订单付款时间', '宝贝标题', '预售订单',
          '延迟发货自动赔付金额', '发货时间']
ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai']


def canon(orders):
    """Rows of the 71 columns with whole-second YYYY-MM-DD HH:MM:SS times and plain decimal amounts."""
    rows = []
    for o in orders:
        r = {}
        for h in T71:
            v = o.get(h, '')
            if h in TIMES and v:
                t, _ = oracle.parse_time(v)
                v = t.strftime('%Y-%m-%d %H:%M:%S')
            elif h in MONEY and v:
                v = str(Decimal(v.replace('元', '')).quantize(Decimal('0.01')))
            r[h] = v
        rows.append(r)
    return rows


def spice_buyers(rng, rows):
    """Some buyers get a name outside GBK (GB18030 four-byte) or with a middle dot."""
    extra = {}
    for r in rows:
        b = r['买家会员名']
        if b not in extra:
            extra[b] = rng.choice(['', '', '', '𠮷', '·小', '😀'])
        r['买家会员名'] = b + extra[b]


def csv_text(header, rows, quote_all=False, eol='\n', cellf=None):
    def q(h, v):
        if cellf:
            v = cellf(h, v)
        if quote_all or any(ch in v for ch in '",\r\n'):
            return '"' + v.replace('"', '""') + '"'
        return v
    return eol.join([','.join(('"' + h + '"') if quote_all else h for h in header)]
                    + [','.join(q(h, r.get(h.strip(), '')) for h in header) for r in rows]) + eol


def excel_cells(h, v):
    if h in IDS and v:
        return f'="{v}"'
    if v == '':
        return '=""'
    return v


def empty_spellings(rng):
    def f(h, v):
        if v == '' and h not in TIMES:  # NaN is empty only in a text cell (formats.md; an amount NaN is rejected)
            return rng.choice(['', 'null', "'null"] + ([] if h in MONEY else ['NaN']))
        if h in MONEY and v:
            x = Decimal(v)
            if x == 0:
                return rng.choice(['0元', '0', '0.00'])
            if x == x.to_integral_value():
                return rng.choice([str(int(x)), v + '00'])
        return v
    return f


def slash_times(h, v):
    if h in TIMES and v:
        t, _ = oracle.parse_time(v)
        return f'{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}:{t.second:02d}'
    return v


def lossy_cells(h, v):
    if h in TIMES and v:
        t, _ = oracle.parse_time(v)
        return f'{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}'
    return excel_cells(h, v)


def write_bytes(path, text, enc):
    data = {'utf8': lambda: text.encode('utf-8'), 'bom': lambda: b'\xef\xbb\xbf' + text.encode('utf-8'),
            'gbk': lambda: text.encode('gbk'), 'gb18030': lambda: text.encode('gb18030')}[enc]()
    open(path, 'wb').write(data)


def write_xlsx(path, header, rows, typed):
    spec = {'rows': [header] + [[r.get(h, '') for h in header] for r in rows], 'typed': typed,
            'money': list(MONEY), 'times': list(TIMES)}
    p = subprocess.run(['node', os.path.join(HERE, 'xlsx_write.mjs'), path], input=json.dumps(spec, ensure_ascii=False),
                       text=True, capture_output=True, cwd=ROOT)
    if p.returncode:
        raise RuntimeError(p.stderr)


def normalize(src, dst, lang, d):
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(d, 'xdg'), XDG_CONFIG_HOME=os.path.join(d, 'xdg'))
    p = subprocess.run(['node', os.environ.get('STOREOPS_BIN', os.path.join(ROOT, 'bin/storeops.js')), 'orders', 'normalize', src,
                        '-o', dst, '--lang', lang], capture_output=True, text=True, env=env, cwd=d)
    if p.returncode not in (0, 1):
        raise RuntimeError(p.stderr)


def gbk_ok(rows):
    return all(ch not in r['买家会员名'] for r in rows for ch in '𠮷😀')


def variants(rng, rows, d, ref):
    shuffled = T71[:]
    rng.shuffle(shuffled)
    reduced = NEEDED[:]
    rng.shuffle(reduced)
    nick = [h for h in T71 if h != '买家会员名']
    nick_rows = [dict(r, 买家会员昵称=r['买家会员名']) for r in rows]
    out = {
        'bom-crlf': lambda p: write_bytes(p, csv_text(T71, rows, eol='\r\n'), 'bom'),
        'gb18030': lambda p: write_bytes(p, csv_text(T71, rows, eol='\r\n'), 'gb18030'),
        'quoted': lambda p: write_bytes(p, csv_text(T71, rows, quote_all=True), 'utf8'),
        'excel-cells': lambda p: write_bytes(p, csv_text(T71, rows, eol='\r\n', cellf=excel_cells), 'bom'),
        'slash-times': lambda p: write_bytes(p, csv_text(T71, rows, cellf=slash_times), 'utf8'),
        'empty-spellings': lambda p: write_bytes(p, csv_text(T71, rows, cellf=empty_spellings(rng)), 'utf8'),
        'shuffled-spaces': lambda p: write_bytes(p, csv_text([h + rng.choice(['', ' ', '  ']) for h in shuffled], rows), 'bom'),
        'title-lines': lambda p: write_bytes(p, '订单报表导出\r\n导出时间: 2026-12-01 12:00,,\r\n' + csv_text(T71, rows, eol='\r\n'), 'bom'),
        'reduced': lambda p: write_bytes(p, csv_text(reduced, rows), 'utf8'),
        'nickname': lambda p: write_bytes(p, csv_text(nick, nick_rows), 'utf8'),
        'xlsx-text': lambda p: write_xlsx(p, T71, rows, False),
        'xlsx-typed': lambda p: write_xlsx(p, T71, rows, True),
        'normalize-csv': lambda p: normalize(ref, p, 'zh', d),
        'normalize-xlsx': lambda p: normalize(ref, p, 'en', d),
    }
    if gbk_ok(rows):
        out['gbk'] = lambda p: write_bytes(p, csv_text(T71, rows, eol='\r\n'), 'gbk')
    only = os.environ.get('ONLY')
    return {k: v for k, v in out.items() if not only or k in only.split(',')}


BJ = ZoneInfo('Asia/Shanghai')


def in_zone(t, zone):
    """A Beijing wall-clock time as zone's wall clock, or None when that wall time is skipped or repeated there."""
    w = t.replace(tzinfo=BJ).astimezone(zone).replace(tzinfo=None)
    a, b = w.replace(tzinfo=zone, fold=0), w.replace(tzinfo=zone, fold=1)
    return w if a.utcoffset() == b.utcoffset() else None


def export_zone(rows, as_of, d, tz, zname):
    """The same orders exported in another zone, read with --tz: the vouchers must be the reference's, their
    windowStart the same instant (rules.md §1.3: days are Beijing days whatever --tz). None when a time is
    ambiguous there (storeops rejects those: formats.md)."""
    zone = ZoneInfo(zname)
    zrows = []
    for r in rows:
        z = dict(r)
        for h in TIMES:
            if r[h]:
                w = in_zone(oracle.parse_time(r[h])[0], zone)
                if w is None:
                    return None
                z[h] = w.strftime('%Y-%m-%d %H:%M:%S')
        zrows.append(z)
    za = in_zone(as_of, zone)
    if za is None:
        return None
    path = os.path.join(d, 'zone.csv')
    write_bytes(path, csv_text(T71, zrows), 'utf8')
    p, v = fuzzrun.compensate([path], za.strftime('%Y-%m-%d %H:%M:%S'), tz, d, d, ['--tz', zname])
    return p, v


def same_instants(v0, v):
    def norm(x):
        x = dict(x)
        x['windowStart'] = datetime.fromisoformat(x['windowStart']).astimezone(timezone.utc).isoformat()
        return json.dumps(x, ensure_ascii=False, sort_keys=True)
    return sorted(map(norm, v0)) == sorted(map(norm, v))


def main():
    n, seed, out = fuzzrun.args('.fuzz-formats')
    rng = random.Random(seed)
    differ = cases = lossy_changed = 0
    for k in range(n):
        orders, as_of = fuzz.gen_case(rng, None)
        rows = canon(orders)
        spice_buyers(rng, rows)
        d = os.path.join(out, f'c{seed}_{k}')
        os.makedirs(d, exist_ok=True)
        ref = os.path.join(d, 'ref.csv')
        write_bytes(ref, csv_text(T71, rows), 'utf8')
        as_of_s = as_of.strftime('%Y-%m-%d %H:%M:%S')
        tz_ref, tz = rng.sample(ZONES, 2)
        p0, v0 = fuzzrun.compensate([ref], as_of_s, tz_ref, d, d)
        bad = []
        for name, make in variants(rng, rows, d, ref).items():
            ext = '.xlsx' if 'xlsx' in name else '.csv'
            path = os.path.join(d, name + ext)
            make(path)
            p, _ = fuzzrun.compensate([path], as_of_s, tz, d, d)
            cases += 1
            if p.stdout != p0.stdout:
                bad.append(name)
                print(f'CASE {d} {name} tz={tz} (reference tz={tz_ref}) asOf={as_of_s}')
                a, b = set(p0.stdout.splitlines()), set(p.stdout.splitlines())
                for x in sorted(a - b):
                    print('  reference only:', x[:300])
                for x in sorted(b - a):
                    print(f'  {name} only:', x[:300])
                print('  stderr:', p.stderr[-600:])
        if v0 is not None and (not os.environ.get('ONLY') or 'zone' in os.environ['ONLY']):
            zname = rng.choice(['America/Los_Angeles', 'UTC', 'Europe/London'])
            zr = export_zone(rows, as_of, d, tz, zname)
            if zr is not None:
                cases += 1
                if zr[1] is None or not same_instants(v0, zr[1]):
                    bad.append('zone-' + zname)
                    print(f'CASE {d} export zone {zname} tz={tz} asOf={as_of_s}')
                    print('  stderr:', zr[0].stderr[-600:])
        # an Excel re-save: times lose their seconds, ids ="…"; differences must be explained
        lossy = os.path.join(d, 'lossy.csv')
        write_bytes(lossy, csv_text(T71, rows, eol='\r\n', cellf=lossy_cells), 'gbk' if gbk_ok(rows) else 'gb18030')
        p, v = fuzzrun.compensate([lossy], as_of_s, tz, d, d)
        if p.stdout != p0.stdout and v is not None and v0 is not None:
            lossy_changed += 1
            said = 'time_precision' in p.stderr or 'seconds' in p.stderr or '秒' in p.stderr
            # a time without seconds is judged only where every lost second agrees (rules.md §1.7), and the
            # reference holds the real second: whatever the re-save calls settled, the reference says too
            # (a final voucher exactly; one paid by the platform must not hold an order the reference owes money for:
            # it may lack an order not judged for the seconds, or hold one the reference finds on time, README)
            key = lambda x: (x['buyer'], x['rules'], tuple(sorted(x['orderIds'])), x['amount'], x['state'], x['toIssue'])  # noqa: E731
            final = {key(x) for x in v0 if x['state'] == 'final'}
            owed = {i for x in v0 if x['state'] != 'paid_by_platform' and Decimal(x['toIssue']) > 0 for i in x['orderIds']}
            wrong = [x for x in v if (x['state'] == 'final' and key(x) not in final)
                     or (x['state'] == 'paid_by_platform' and set(x['orderIds']) & owed)]
            if not said or wrong:
                bad.append('lossy')
                print(f'CASE {d} lossy tz={tz} asOf={as_of_s}: said={said}; settled, unlike the reference: {wrong}')
        if bad:
            differ += 1
            with open(os.path.join(d, 'bad.json'), 'w') as fh:
                json.dump({'asOf': as_of_s, 'tz': tz, 'tzRef': tz_ref, 'variants': bad}, fh)
        else:
            shutil.rmtree(d)
    print(f'{n} cases ({cases} variant runs), {differ} with a variant that differs; lossy re-save changed the vouchers in {lossy_changed}')


if __name__ == '__main__':
    main()
