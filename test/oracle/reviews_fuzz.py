#!/usr/bin/env python3
"""Fuzz `reviews queue` against reviews_oracle.py (see README.md here).

How to run (a tool, not part of `npm test`: it needs python3 ≥ 3.9 for zoneinfo, no packages, and takes
~0.25 s per case, ~15 s for 60; CI has no python step, so it stays out of the default test command):

    npm run build                                           # it runs bin/storeops.js (STOREOPS_BIN=… for another build)
    python3 test/oracle/reviews_fuzz.py N SEED [OUTDIR]     # OUTDIR default .fuzz-reviews/ in the clone
    python3 test/oracle/reviews_fuzz.py 60 1                # exit 0: no difference; 1: some (one line per case)

A case that differs keeps its folder in OUTDIR: the review files, cmd.txt (the storeops command, its exit
code and stderr) and diff.txt (field: storeops / oracle); the cases that agree are removed. The last
line counts the cases, the queue items and how often each family the docs single out occurred.

Each case: 1–8 reviews in 1–2 files (the second an overlapping later download where 追评 were added),
ratings in every spelling, DSR scores, texts from the keyword tables (category, negative, safety,
neutralised words, extortion), 追评, times whose +24 h lands at --as-of ± 1 s, at 22:00/08:00 ± 1 s,
at Beijing midnight, without seconds, in 年月日 form; GBK or UTF-8 (BOM or not); machine TZ UTC,
America/Los_Angeles or Asia/Shanghai; sometimes a --roster with agents on shift at --as-of.
Compares order, reasons, categories, score, priority, action, contactBy, explainBy, complaintBy, overdue
(every name, reviewExplainBy / reviewComplaintBy and complaintBy too), nextContactAt, goodwill and assignee
(json output; csv is compared for the deadlines too; an extortion row's contactBy and nextContactAt are null).
Texts include the conditional extortion forms (不处理就差评, 要不然给差评), intensified negative words on a
好评 (不是一般的差, 没有一次不出问题) and praise built the same way (一点都不差, 不能再好了, 没有一次让我失望,
后悔没早点买), and threats about shipping or an invoice, or of a complaint, no extortion (再不发货就差评, 赶紧发货，不然差评,
不给开发票就差评, 不退款就投诉: docs/rules.md §2.1).
"""
import csv, io, json, os, random, shutil, subprocess, sys
from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

BJ, LA = ZoneInfo("Asia/Shanghai"), ZoneInfo("America/Los_Angeles")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reviews_oracle as ro

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("STOREOPS_BIN", os.path.join(ROOT, "bin", "storeops.js"))

WORDS = {
    "logistics": ["驿站", "快递太慢了"], "quality": ["起球", "做工粗糙"], "not_as_described": ["和图片不一样"],
    "service": ["不回复"], "price": ["太贵"], "negative": ["很失望", "垃圾"], "safety": ["过敏", "漏电"],
    "plain": ["还行", "收到了", "一般般", "没有色差", "不失望", "一点都不差", "不能再好了", "没有一次让我失望", "后悔没早点买", "垃圾袋很结实"],
    "intensified": ["不是一般的差", "没有一次不出问题"],
    "extortion": ["不退款就差评", "不处理就差评", "要不然给差评", "要么退款，要么差评"],
    "shipping_threat": ["再不发货就差评", "赶紧发货，不然差评", "不给我发货就差评", "快发货，不然差评。退款，不然差评",
                        "不给开发票就差评", "赶紧开发票，不然差评", "不退款就投诉", "不给补开发票也不退款就差评"],
}
RATINGS = {"good": ["好评", "good", "5", "4", "正面评价"], "neutral": ["中评", "neutral", "3", "中性评价"],
           "bad": ["差评", "bad", "1", "2", "负面评价"]}


def fmt(t, rnd):
    k = rnd.random()
    if k < 0.15 and t.second == 0:
        return t.strftime("%Y-%m-%d %H:%M")  # without seconds
    if k < 0.25:
        return f"{t.year}年{t.month}月{t.day}日 {t:%H:%M:%S}"
    if k < 0.35:
        return t.strftime("%Y/%m/%d %H:%M:%S")
    return t.strftime("%Y-%m-%d %H:%M:%S")


DRAWN = Counter()  # how many texts drew a family the stats line names (shipping threats: no extortion)


def text(rnd):
    parts = []
    for _ in range(rnd.choice([0, 1, 1, 2])):
        f = rnd.choice(list(WORDS))
        DRAWN["shipping-threat texts"] += f == "shipping_threat"
        parts.append(rnd.choice(WORDS[f]))
    return "，".join(parts)


def case(rnd, work):
    asof = datetime(2026, rnd.randint(1, 11), rnd.randint(1, 28), rnd.choice([0, 7, 8, 9, 10, 14, 21, 22, 23]),
                    rnd.choice([0, 0, 30, 59]), rnd.choice([0, 0, 1, 59]))
    rows = []
    for i in range(rnd.randint(1, 8)):
        k = rnd.random()
        if k < 0.2:   # contactBy exactly at as-of ± 1 s, or 6 h / 18 h after it ± 1 s (the urgency points)
            t = asof - timedelta(hours=24 - rnd.choice([0, 0, 6, 18]), seconds=rnd.choice([-1, 0, 1]))
        elif k < 0.35:  # +24 h at 22:00 / 08:00 ± 1 s
            base = (asof - timedelta(days=rnd.randint(0, 2))).replace(hour=rnd.choice([22, 8]), minute=0, second=0)
            t = base - timedelta(hours=24, seconds=rnd.choice([-1, 0, 1]))
        elif k < 0.45:  # Beijing midnight
            t = (asof - timedelta(days=rnd.randint(0, 3))).replace(hour=0, minute=0, second=rnd.choice([0, 0, 1]))
        elif k < 0.55:  # explainBy at as-of ± 1 s
            t = asof - timedelta(days=30, seconds=rnd.choice([-1, 0, 1]))
        else:
            t = asof - timedelta(minutes=rnd.randint(0, 60 * 24 * 40))
            if rnd.random() < 0.3:
                t = t.replace(second=0)
        rating = rnd.choice(["good", "good", "neutral", "bad"])
        fu_at, fu = None, ""
        if rnd.random() < 0.4:
            fu_at = t + timedelta(minutes=rnd.randint(1, 60 * 24 * 20))
            if rnd.random() < 0.3:
                fu_at = asof - timedelta(hours=24, seconds=rnd.choice([-1, 0, 1]))
                if fu_at <= t:
                    fu_at = t + timedelta(seconds=1)
            fu = text(rnd) or "还行"
            # storeops rejects a time after the machine's clock (implausible): keep 追评 in the past
            fu_at = min(fu_at, datetime.now() - timedelta(days=1))
            if fu_at <= t:
                fu_at, fu = None, ""
        rows.append(dict(orderId=str(3000000000000000000 + rnd.randint(0, 10 ** 15)),
                         buyer=rnd.choice(["买家a", "买家b", "buyer_c", f"nick{i}"]), title=rnd.choice(["保温杯", "围巾 灰色"]),
                         rating=rnd.choice(RATINGS[rating]), at=t, text=text(rnd), fu=fu, fu_at=fu_at,
                         dsr=[rnd.choice(["", "5", "4", "3", "2", "1"]) for _ in range(3)]))
    return asof, rows


def wall(t, zone):
    """Beijing wall time t as the wall time of `zone` (the export's --tz)."""
    return t if zone is None else t.replace(tzinfo=BJ).astimezone(zone).replace(tzinfo=None)


def unambiguous(t, zone):
    """False when t (Beijing) falls, in `zone`, on a wall time passed twice (DST end): storeops rejects those."""
    if zone is None:
        return True
    w = wall(t, zone)
    return w.replace(tzinfo=zone, fold=0).utcoffset() == w.replace(tzinfo=zone, fold=1).utcoffset()


def write(path, rows, rnd, enc, zone=None, resave=False):
    head = ["订单编号", "买家会员名", "宝贝标题", "评价结果", "评价时间", "评价内容", "追评时间", "追评内容", "描述相符", "服务态度", "物流服务"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if rnd.random() < 0.3 else "\n")
    w.writerow(head)
    for r in rows:
        at = wall(r["at"], zone)
        # an older download re-saved in Excel: seconds and leading zeros gone (2026/11/20 5:00)
        shown = f"{at.year}/{at.month}/{at.day} {at.hour}:{at.minute:02d}" if resave and rnd.random() < 0.5 else fmt(at, rnd)
        w.writerow([r["orderId"], r["buyer"], r["title"], r["rating"], shown, r["text"],
                    fmt(wall(r["fu_at"], zone), rnd) if r["fu_at"] else "", r["fu"]] + r["dsr"])
    data = buf.getvalue()
    if enc == "gbk":
        open(path, "wb").write(data.encode("gbk"))
    else:
        open(path, "wb").write(("\ufeff" if rnd.random() < 0.5 else "").encode() + data.encode("utf-8"))


def roster_file(path, asof, rnd):
    day = asof.date()
    cols = [day - timedelta(days=1), day]
    agents = {f"客服{i}": [rnd.choice("DHNO") for _ in cols] for i in range(rnd.randint(1, 4))}
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("agent," + ",".join(d.isoformat() for d in cols) + "\n")
        for a, cs in agents.items():
            fh.write(a + "," + ",".join(cs) + "\n")


def run(args, cwd, tz):
    p = subprocess.run(["node", BIN] + args, cwd=cwd, capture_output=True, text=True,
                       env=dict(os.environ, STOREOPS_LANG="en", NO_COLOR="1", TZ=tz))
    return p.returncode, p.stdout, p.stderr


def iso(s):
    return s.replace(" ", "T") + "+08:00" if s else s


def main():
    n, seed = int(sys.argv[1]), int(sys.argv[2])
    outdir = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else os.path.join(ROOT, ".fuzz-reviews"))
    rnd = random.Random(seed)
    stats = Counter()
    for k in range(n):
        work = os.path.join(outdir, f"{seed}-{k}")
        os.makedirs(work, exist_ok=True)
        asof, rows = case(rnd, work)
        # sometimes the export is in Los Angeles time (--tz): the queue must not change (Beijing rules)
        zone = LA if rnd.random() < 0.25 else None
        if zone:
            rows = [r for r in rows if unambiguous(r["at"], zone) and (not r["fu_at"] or unambiguous(r["fu_at"], zone))]
            if not rows or not unambiguous(asof, zone):
                zone = None
                asof, rows = case(rnd, work)
        enc = rnd.choice(["utf8", "utf8", "gbk"])
        files = [os.path.join(work, "reviews-1.csv")]
        if rnd.random() < 0.3:  # an older download without some 追评, then the newer one
            older = [dict(r, fu="", fu_at=None) if r["fu_at"] and rnd.random() < 0.7 else r for r in rows]
            write(files[0], older, rnd, enc, zone, resave=rnd.random() < 0.4)
            files.append(os.path.join(work, "reviews-2.csv"))
            write(files[1], rows, rnd, enc, zone)
            if rnd.random() < 0.5:
                files.reverse()
        else:
            write(files[0], rows, rnd, enc, zone)
        args = ["reviews", "queue"] + files + ["--as-of", wall(asof, zone).strftime("%Y-%m-%d %H:%M:%S"), "-f", "json",
                                               "--state", os.path.join(work, "none.db")]
        if zone:
            args += ["--tz", "America/Los_Angeles"]
            stats["--tz America/Los_Angeles"] += 1
        roster = None
        if rnd.random() < 0.3:
            roster = os.path.join(work, "roster.csv")
            roster_file(roster, asof, rnd)
            args += ["--roster", roster]
        tz = rnd.choice(["UTC", "America/Los_Angeles", "Asia/Shanghai"])
        code, out, err = run(args, work, tz)
        open(os.path.join(work, "cmd.txt"), "w").write(f"TZ={tz} storeops " + " ".join(args) + f"\nexit {code}\n" + err)
        exp = ro.queue(files, asof, ro.load_roster(roster) if roster else None, "America/Los_Angeles" if zone else None)
        bad = []
        try:
            got = json.loads(out or "[]")
        except ValueError:
            got, bad = [], [f"exit {code}, output not json"]
        if [g["orderId"] for g in got] != [e["orderId"] for e in exp]:
            # ties (same safety, priority, score and contactBy) may come in any order
            key = lambda e: (not e["safety"], e["priority"], -e["score"], str(e["contactBy"] or "~"))
            ge = {e["orderId"]: e for e in exp}
            if sorted(g["orderId"] for g in got) != sorted(ge) or \
                    [key(ge[g["orderId"]]) for g in got] != [key(e) for e in exp]:
                bad.append("order: storeops " + " ".join(g["orderId"][-4:] for g in got) +
                           " / oracle " + " ".join(e["orderId"][-4:] for e in exp))
        ge = {e["orderId"]: e for e in exp}
        for g in got:
            e = ge.get(g["orderId"])
            if not e:
                continue
            for f in ("reasons", "categories"):
                if sorted(g[f]) != e[f]:
                    bad.append(f"{g['orderId']} {f}: {sorted(g[f])} / {e[f]}")
            for f in ("score", "priority", "goodwill"):
                if g[f] != e[f]:
                    bad.append(f"{g['orderId']} {f}: {g[f]} / {e[f]}")
            for f in ("contactBy", "explainBy", "complaintBy", "nextContactAt"):
                if e[f] is None:  # an extortion row: no contact planned (docs/rules.md §2.3), JSON null
                    if g[f] is not None:
                        bad.append(f"{g['orderId']} {f}: {g[f]} / null")
                    continue
                ev = iso(e[f].strftime("%Y-%m-%d %H:%M:%S"))
                if not g[f] or datetime.fromisoformat(g[f]) != datetime.fromisoformat(ev):
                    bad.append(f"{g['orderId']} {f}: {g[f]} / {ev}")
            if g.get("action") != e["action"]:
                bad.append(f"{g['orderId']} action: {g.get('action')} / {e['action']}")
            if sorted(g["overdue"]) != e["overdue"]:
                bad.append(f"{g['orderId']} overdue: {g['overdue']} / {e['overdue']}")
            if roster and g["assignee"] != e.get("assignee", ""):
                bad.append(f"{g['orderId']} assignee: {g['assignee']!r} / {e.get('assignee')!r}")
        if rnd.random() < 0.3:  # the csv output: the same deadlines, written in Beijing time whatever TZ
            c2, out2, _ = run([x if x != "json" else "csv" for x in args] + ["--lang", "en"], work, tz)
            rows = list(csv.DictReader(io.StringIO(out2.lstrip("\ufeff"))))
            for r in rows:
                e = ge.get(r.get("orderId", "").strip('="'))
                for f in ("contactBy", "explainBy"):
                    if e and r.get(f) != (wall(e[f], zone).strftime("%Y-%m-%d %H:%M:%S") if e[f] else ""):
                        bad.append(f"csv {r['orderId']} {f}: {r.get(f)} / {e[f]}")
            if len(rows) != len(exp):
                bad.append(f"csv rows {len(rows)} / {len(exp)}")
            stats["csv compared"] += 1
        stats["items"] += len(exp)
        for e in exp:  # how often the families the docs single out occur
            stats["extortion"] += bool(e["extortion"])
            stats["serial negative"] += bool(e["serial"])
            stats["reviewExplainBy"] += "reviewExplainBy" in e["overdue"]
            stats["reviewComplaintBy"] += "reviewComplaintBy" in e["overdue"]
            stats["contactBy 21:59:59"] += bool(e["contactBy"]) and e["contactBy"].strftime("%H:%M:%S") == "21:59:59"
            stats["contact_later"] += e["action"] == "contact_later"
            stats["assigned"] += bool(e.get("assignee"))
        stats["cases"] += 1
        if bad:
            stats["DIFFER"] += 1
            open(os.path.join(work, "diff.txt"), "w").write("\n".join(bad) + "\n")
            print(f"case {k} (as-of {asof}, TZ={tz}, {enc}): " + "; ".join(bad)[:500])
        else:
            shutil.rmtree(work)
    stats.update(DRAWN)
    print(f"reviews queue, {n} cases, seed {seed}: {dict(stats)}")
    sys.exit(1 if stats["DIFFER"] else 0)


if __name__ == "__main__":
    main()
