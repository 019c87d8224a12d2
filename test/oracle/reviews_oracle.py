#!/usr/bin/env python3
"""Independent `reviews queue` oracle (a tool, not a CI test).

Written from docs/rules.md §2, README "Review follow-up", docs/cli.md and docs/formats.md (and the
keyword data in templates/reviews/keywords.json) before reading src/reviews. No state database
(every item `new`, no attempts) and no --orders (no value or repeat-buyer points).

    python3 test/oracle/reviews_oracle.py REVIEWS.csv [MORE.csv …] --as-of "2026-11-21 10:00:00" [--roster R.csv] [--tz ZONE]

prints one JSON object per queue item, most urgent first, with the fields it checks (times in Beijing).
"""
import csv, io, json, re, sys, unicodedata, calendar, argparse
from datetime import datetime, timedelta
import os

HERE = os.path.dirname(os.path.abspath(__file__))
KW = json.load(open(os.path.join(HERE, "..", "..", "templates", "reviews", "keywords.json"), encoding="utf-8"))

COLS = {
    "orderId": ["订单编号", "订单号", "主订单编号", "子订单编号", "订单ID", "orderId"],
    "reviewedAt": ["评价时间", "评价日期", "评论时间", "初评时间", "初次评价时间", "日期", "reviewedAt", "date"],
    "rating": ["评价结果", "评价等级", "评分", "商品评价得分", "评价得分", "星级", "评价类型", "rating"],
    "buyer": ["买家会员名", "买家昵称", "用户昵称", "买家", "buyer"],
    "text": ["评价内容", "评论内容", "初评内容", "内容", "text"],
    "followUpText": ["追评内容", "追评", "追加评论"],
    "followUpAt": ["追评时间"],
    "title": ["宝贝标题", "商品名称", "商品标题", "title"],
    "dsr_description": ["描述相符"], "dsr_service": ["服务态度"], "dsr_logistics": ["物流服务"],
}
RATING = {"好评": "good", "中评": "neutral", "差评": "bad", "good": "good", "neutral": "neutral", "bad": "bad",
          "正面评价": "good", "中性评价": "neutral", "负面评价": "bad",
          "1": "bad", "2": "bad", "3": "neutral", "4": "good", "5": "good"}


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or "").lower())


def compile_table(words):
    out = []
    for w in words:
        if len(w) > 2 and w.startswith("/") and w.endswith("/"):
            out.append(("re", re.compile(w[1:-1], re.I)))
        else:
            out.append(("s", norm(w)))
    return out


TABLES = {c: compile_table(w) for c, w in KW["categories"].items()}
for t in ("safety", "negative", "extortion"):
    TABLES[t] = compile_table(KW[t])
NEUTRAL = sorted((norm(w) for w in KW["neutralizers"]), key=len, reverse=True)


# README "Safety first": a safety word right after a negation (不会割到手, 没有红疹, 防烫伤) says the harm
# did not happen; a connecting 被/再/出现/发生/引起/导致/造成/会/起/长/出 may stand between.
NEGATED = re.compile(r"(?:没有|没|不会|不|无|未|防|从不|从没|不再|不怕|担心|避免|防止|以免|不易|不容易)(?:被|再|出现|发生|引起|导致|造成|会|起|长|出)?$")


def said(w, t, table):
    if table != "safety" or re.fullmatch(r"[\x20-\x7e]*", w):
        return w in t
    i = t.find(w)
    while i >= 0:
        if not NEGATED.search(t[max(0, i - 6):i]):
            return True
        i = t.find(w, i + 1)
    return False


def hits(table, text):
    t = norm(text)
    for n in NEUTRAL:
        t = t.replace(n, "")
    return any((k == "s" and w and said(w, t, table)) or (k == "re" and w.search(t)) for k, w in TABLES[table])


def parse_time(s):
    s = s.strip()
    if not s:
        return None
    m = re.match(r"^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?(?:\s*(\d{1,2})[:时](\d{2})分?(?::(\d{2}))?)?$", s)
    if not m:
        raise ValueError(s)
    y, mo, d, h, mi, se = m.groups()
    return datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(se or 0))


def to_bj(t, zone):
    """a wall time of the export's zone (--tz) as Beijing wall time"""
    if t is None or zone is None:
        return t
    from zoneinfo import ZoneInfo
    return t.replace(tzinfo=ZoneInfo(zone)).astimezone(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None)


def read(path, zone=None):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    rows = list(csv.reader(io.StringIO(text)))
    head = [h.strip() for h in rows[0]]
    idx = {}
    for f, names in COLS.items():
        for i, h in enumerate(head):
            if h in names or h.lower() in [n.lower() for n in names]:
                idx.setdefault(f, i)
    out = []
    for line, r in enumerate(rows[1:], 2):
        if not any(c.strip() for c in r):
            continue
        g = lambda f: r[idx[f]].strip() if f in idx and idx[f] < len(r) else ""
        at = g("reviewedAt")
        prec = lambda t: 0 if re.search(r"\d[:时]\d{2}[:分]\d", t) else 59 if re.search(r"\d[:时]\d{2}", t) else 86399
        slack = prec(at)
        fslack = prec(g("followUpAt")) if g("followUpAt") else 0
        out.append(dict(file=path, line=line, orderId=g("orderId"), buyer=g("buyer"), title=g("title"), slack=slack, fslack=fslack,
                        rating=RATING.get(g("rating"), "good" if not g("rating") else g("rating")),
                        reviewedAt=to_bj(parse_time(g("reviewedAt")), zone), text=g("text"),
                        followUpText=g("followUpText"), followUpAt=to_bj(parse_time(g("followUpAt")), zone),
                        dsr={k: g("dsr_" + k) for k in ("description", "service", "logistics")}))
    return out


def add30(t):
    return t + timedelta(days=30)


def quiet(t, q=(22 * 60, 8 * 60)):
    m = t.hour * 60 + t.minute
    return m >= q[0] or m < q[1]


def contact_by(t):
    c = t + timedelta(hours=24)
    if quiet(c):
        day = c.date() if c.hour >= 22 else c.date() - timedelta(days=1)
        c = datetime(day.year, day.month, day.day, 22, 0, 0)
    return c


def item(r, asof):
    reasons, flagged = [], []
    neg_text = hits("negative", r["text"]) or hits("safety", r["text"])
    safe = hits("safety", r["text"]) or hits("safety", r["followUpText"])
    fu_neg = bool(r["followUpText"]) and (hits("negative", r["followUpText"]) or hits("safety", r["followUpText"]))
    if r["rating"] == "bad":
        reasons.append("negative_rating")
    elif r["rating"] == "neutral":
        reasons.append("neutral_rating")
    for k in ("description", "service", "logistics"):
        v = r["dsr"][k]
        if v and v.isdigit() and int(v) <= 3:
            reasons.append(f"low_dsr_{k}={int(v)}")
    if fu_neg:
        reasons.append("negative_follow_up")
    if r["rating"] == "good" and neg_text:
        reasons.append("negative_text")
    if safe:
        reasons.append("safety")
    if not reasons:
        return None
    # docs/rules.md §2.3: the same times at the latest they may be (a date alone: its last second)
    late = []
    if r["rating"] in ("bad", "neutral") or "negative_text" in reasons or any(x.startswith("low_dsr") for x in reasons) \
            or (safe and hits("safety", r["text"])):
        flagged.append(r["reviewedAt"])
        late.append(r["reviewedAt"] + timedelta(seconds=r["slack"]))
    if fu_neg and r["followUpAt"]:
        flagged.append(r["followUpAt"])
        late.append(r["followUpAt"] + timedelta(seconds=r["fslack"]))
    # categories from the texts that are flagged: the review's (when the review itself is), the 追评's
    # when it is negative or safety
    both = (r["text"] if r["reviewedAt"] in flagged else "") + " " + (r["followUpText"] if fu_neg else "")
    cats = [c for c in ("logistics", "quality", "not_as_described", "service", "price") if hits(c, both)]
    # not in the docs (found by running storeops, taken as a reading): a safety complaint is also
    # `quality`; with no category at all, the low DSR scores name it (description → not_as_described,
    # service → service, logistics → logistics), else `other`
    if safe and "quality" not in cats:
        cats = sorted(cats + ["quality"])
    if not cats:
        m = {"description": "not_as_described", "service": "service", "logistics": "logistics"}
        cats = [m[k] for k in ("description", "service", "logistics")
                if r["dsr"][k].isdigit() and int(r["dsr"][k]) <= 3]
    if not cats:
        cats = ["other"]
    last = max(flagged)
    cb = contact_by(last)
    dl = sorted(add30(t) for t in flagged)
    open_ = [t for t in dl if t >= asof]
    ex = open_[0] if open_ else dl[-1]
    pts = 5 if r["rating"] == "bad" else 4 if fu_neg else 2 if r["rating"] == "neutral" or "negative_text" in reasons else 1
    pts += 3 if safe else 2 if {"quality", "not_as_described"} & set(cats) else 1 if {"logistics", "service"} & set(cats) else 0
    away = (cb - asof).total_seconds()
    pts += 2 if away <= 6 * 3600 else 1 if away <= 18 * 3600 else 0
    pr = 1 if safe else 1 if pts >= 9 else 2 if pts >= 7 else 3 if pts >= 5 else 4 if pts >= 3 else 5
    # overdue only once passed for the latest time the review may be (docs/rules.md §2.3)
    dl_late = sorted(add30(t) for t in late)
    open_late = [t for t in dl_late if t >= asof]
    ex_late = open_late[0] if open_late else dl_late[-1]
    overdue = [n for n, t in (("contactBy", contact_by(max(late))), ("explainBy", ex_late), ("complaintBy", ex_late)) if asof > t]
    extort = hits("extortion", r["text"] + " " + r["followUpText"])
    nxt = asof
    if quiet(nxt):
        d = nxt.date() if nxt.hour < 8 else nxt.date() + timedelta(days=1)
        nxt = datetime(d.year, d.month, d.day, 8, 0, 0)
    return dict(orderId=r["orderId"], buyer=r["buyer"], reasons=sorted(reasons), categories=sorted(cats),
                score=pts, priority=pr, safety=safe, contactBy=cb, explainBy=ex, complaintBy=ex,
                overdue=sorted(overdue), nextContactAt=nxt,
                extortion=extort, goodwill="0.00" if extort else "10.00" if r["rating"] == "bad" or fu_neg else "5.00")


def load_roster(path, shifts=None):
    """{agent: {date: (start, end)}} from a grid roster csv with ISO date columns."""
    shifts = shifts or {"D": ("09:00", "17:30"), "H": ("10:00", "15:30"), "N": ("17:00", "23:30")}
    rows = list(csv.reader(open(path, encoding="utf-8-sig")))
    out = {}
    for r in rows[1:]:
        if not r or not r[0].strip() or r[0].startswith("coverage"):
            continue
        out[r[0].strip()] = {}
        for i, h in enumerate(rows[0][1:], 1):
            c = r[i].strip() if i < len(r) else ""
            if c in shifts:
                d = datetime.strptime(h.strip(), "%Y-%m-%d")
                s, e = (datetime.combine(d.date(), datetime.strptime(x, "%H:%M").time()) for x in shifts[c])
                if e <= s:
                    e += timedelta(days=1)
                out[r[0].strip()][d.date()] = (s, e)
    return out


def queue(paths, asof, roster=None, zone=None):
    """asof in Beijing; `zone` = the --tz the files' times are written in (default Beijing)"""
    rows = [r for p in paths for r in read(p, zone)]
    # overlapping downloads: one review per (order, review time, title), the one with the latest 追评
    # (a time without seconds is any second of its minute: an Excel re-save of a download is the same review)
    kept = []
    for r in rows:
        j = next((j for j, o in enumerate(kept) if o["orderId"] == r["orderId"] and o["title"] == r["title"] and
                  o["reviewedAt"] <= r["reviewedAt"] + timedelta(seconds=r["slack"]) and
                  r["reviewedAt"] <= o["reviewedAt"] + timedelta(seconds=o["slack"])), None)
        if j is None:
            kept.append(r)
        elif (bool(r["followUpText"]) or r["followUpAt"] is not None, r["followUpAt"] or datetime.min) >= \
                (bool(kept[j]["followUpText"]) or kept[j]["followUpAt"] is not None, kept[j]["followUpAt"] or datetime.min):
            kept[j] = r  # the version with the latest 追评, else the file read last
    items = [i for i in (item(r, asof) for r in kept) if i]
    items.sort(key=lambda i: (not i["safety"], i["priority"], -i["score"], i["contactBy"]))
    if roster:
        on = []  # agents on shift at as-of: start <= as-of < end (Beijing)
        for a, days in roster.items():
            for d in (asof.date(), asof.date() - timedelta(days=1)):
                se = days.get(d)
                if se and se[0] <= asof < se[1]:
                    on.append(a)
                    break
        load = {a: 0 for a in on}
        who = {}
        for i in items:
            b = i["buyer"] or i["orderId"]
            if i["extortion"] and asof > i["complaintBy"]:  # too late to complain: nothing to do, nobody assigned
                i["assignee"] = ""
                continue
            if b not in who and on:
                a = min(on, key=lambda x: (load[x], x))  # fewest buyers so far; on a tie the first name (storeops)
                who[b] = a
                load[a] += 1
            i["assignee"] = who.get(b, "")
    return items


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("files", nargs="+")
    p.add_argument("--as-of", required=True)
    p.add_argument("--roster")
    p.add_argument("--tz")
    o = p.parse_args(argv)
    asof = to_bj(parse_time(o.as_of), o.tz)
    for i in queue(o.files, asof, load_roster(o.roster) if o.roster else None, o.tz):
        print(json.dumps({k: (v.strftime("%Y-%m-%d %H:%M:%S") if isinstance(v, datetime) else v) for k, v in i.items()},
                         ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
