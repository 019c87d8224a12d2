#!/usr/bin/env python3
"""Independent `reviews queue` oracle (a tool, not a CI test).

Written from docs/rules.md §2, README "Review follow-up", docs/cli.md and docs/formats.md (and the
keyword data in templates/reviews/keywords.json) before reading src/reviews. No state database
(every item `new`, no attempts) and no --orders (no value or repeat-buyer points).

    python3 test/oracle/reviews_oracle.py REVIEWS.csv [MORE.csv …] --as-of "2026-11-21 10:00:00" [--roster R.csv] [--tz ZONE]

prints one JSON object per queue item, most urgent first, with the fields it checks (times in Beijing).

Brought up to docs/rules.md §2.2–§2.4 and the README as of 2026-12 (reviews40; it had fallen behind: seed 1, 60
cases: 55 differed, 53 on the oracle's side alone, 2 storeops' — a review in two copies, fixed): contactBy in quiet hours is 21:59:59 the evening before; an
extortion review (without safety words) has no contactBy / nextContactAt, is never contactBy-overdue, scores
its urgency on the explanation/complaint deadline, and its complaint window is the part holding the wording
(a serial negative buyer's: each flagged part); reviewExplainBy / reviewComplaintBy; the action without a
state database; --roster hands out by §2.4 (60 minutes left, else arriving within 60, else on shift the
longest; contact_later at nextContactAt). Two copies of a review narrow its time to what both allow.
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


# docs/rules.md §2.1 (text41): a threat whose condition is shipping only (再不发货就差评, 不给我发货就差评,
# 赶紧发货，不然差评) is no extortion, nor (text42) one whose condition is an invoice (不给开发票就差评). The condition: the words found up to 差评/中评/投诉, or for
# 否则/不然/要不然 the clause before them. Shipping only = it names 发货/发出/寄出/出库 and none of
# 退 赔 补 钱 偿 返 换 改 处理 解决. Every place the words stand is judged; one that is not keeps it.
def _shipping_only_at(t, i, found):
    if re.match(r"(?:要不然|否则|不然)", found):
        before = re.sub(r"[,.!?;。！？；、~…]+$", "", t[:i])
        cond = re.split(r"[,.!?;。！？；]", before)[-1]
    else:
        cond = re.sub(r"(?:差评|中评|投诉).*$", "", found)
    # text42: an invoice is owed too (电子商务法 第十四条): 不给开发票就差评 is no extortion; the invoice words
    # are taken out before looking for another demand (补开发票 holds 补).
    rest = re.sub(r"(?:补开|重开|开具|开)?(?:电子|增值税|专用|普通)*(?:发票|专票|普票)|开票", "", cond)
    owed = bool(re.search(r"发货|发出|寄出|出库", cond)) or rest != cond
    return owed and not re.search(r"[退赔补钱偿返换改]|处理|解决", rest)


def extortion_hit(text):
    t = norm(text)
    for n in NEUTRAL:
        t = t.replace(n, "")
    for k, w in TABLES["extortion"]:
        if k == "s":
            places = [(m.start(), w) for m in re.finditer(re.escape(w), t)] if w else []
        else:
            # the first match of the words (as storeops reports the words found), then each place it stands
            m = w.search(t)
            places = [(j.start(), m.group(0)) for j in re.finditer(re.escape(m.group(0)), t)] if m else []
        if places and not all(_shipping_only_at(t, i, f) for i, f in places):
            return True
    return False


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
    """docs/rules.md §2.2: 24 h after; in quiet hours (22:00:00 is quiet, 08:00:00 is not) moved to the last
    second before they start, 21:59:59 the evening before"""
    c = t + timedelta(hours=24)
    if quiet(c):
        day = c.date() if c.hour >= 22 else c.date() - timedelta(days=1)
        c = datetime(day.year, day.month, day.day, 21, 59, 59)
    return c


def window(times, asof):
    """docs/rules.md §2.3: each part has its own 30 days; shown: the earliest still open, else the latest"""
    dl = sorted(add30(t) for t in times)
    open_ = [t for t in dl if t >= asof]
    return open_[0] if open_ else dl[-1]


def item(r, asof, serial=0):
    reasons = []
    safe_review, safe_fu = hits("safety", r["text"]), hits("safety", r["followUpText"])
    neg_text = hits("negative", r["text"]) or safe_review
    safe = safe_review or safe_fu
    fu_neg = bool(r["followUpText"]) and (hits("negative", r["followUpText"]) or safe_fu)
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
    # the flagged parts, at the earliest and at the latest time each may be (docs/rules.md §2.3: a time
    # without seconds, or a date alone, is any second of its minute / day)
    parts = []  # (earliest, latest)
    if r["rating"] in ("bad", "neutral") or "negative_text" in reasons or any(x.startswith("low_dsr") for x in reasons) \
            or safe_review:
        parts.append((r["reviewedAt"], r["reviewedAt"] + timedelta(seconds=r["slack"])))
    if fu_neg and r["followUpAt"]:
        parts.append((r["followUpAt"], r["followUpAt"] + timedelta(seconds=r["fslack"])))
    flagged = [p[0] for p in parts]
    both = (r["text"] if r["reviewedAt"] in flagged else "") + " " + (r["followUpText"] if fu_neg else "")
    cats = [c for c in ("logistics", "quality", "not_as_described", "service", "price") if hits(c, both)]
    if safe and "quality" not in cats:
        cats = sorted(cats + ["quality"])
    if not cats:
        m = {"description": "not_as_described", "service": "service", "logistics": "logistics"}
        cats = [m[k] for k in ("description", "service", "logistics")
                if r["dsr"][k].isdigit() and int(r["dsr"][k]) <= 3]
    if not cats:
        cats = ["other"]
    # docs/rules.md §2.1/§2.3: extortion (and a serial negative buyer, README: N ≥ 3 neutral/negative
    # reviews) is malicious. An extortion review goes to a complaint, not to the buyer (reading: unless
    # it also reports harm to health or safety, which README "Safety first" puts first: the buyer is
    # contacted). The complaint is due 30 days after the part holding the extortion wording; a serial
    # negative buyer's review has a window for each flagged part.
    ext_review, ext_fu = extortion_hit(r["text"]), bool(r["followUpText"]) and extortion_hit(r["followUpText"])
    extort = ext_review or ext_fu
    malicious = extort or serial >= 3
    complaint_only = extort and not safe
    if extort and serial < 3:
        cparts = ([(r["reviewedAt"], r["reviewedAt"] + timedelta(seconds=r["slack"]))] if ext_review else []) + \
                 ([(r["followUpAt"], r["followUpAt"] + timedelta(seconds=r["fslack"]))] if ext_fu and r["followUpAt"] else [])
    else:
        cparts = parts
    cb = contact_by(max(flagged))
    ex = window(flagged, asof)
    co = window([p[0] for p in cparts], asof)
    ex_late = window([p[1] for p in parts], asof)
    co_late = window([p[1] for p in cparts], asof)
    # the action without a state database (every item new): README "Extortion", docs/rules.md §2.3
    if complaint_only:
        action = "file_complaint" if asof <= co_late else "post_explanation" if asof <= ex_late else "none"
    else:
        action = "contact_now" if not quiet(asof) else "contact_later"
    pending = not complaint_only  # a first contact still to make
    pts = 5 if r["rating"] == "bad" else 4 if fu_neg else 2 if r["rating"] == "neutral" or "negative_text" in reasons else 1
    pts += 3 if safe else 2 if {"quality", "not_as_described"} & set(cats) else 1 if {"logistics", "service"} & set(cats) else 0
    # README scoring table: first contact pending: contactBy ≤ 6 h away or passed / ≤ 18 h; otherwise the
    # explanation/complaint deadline (docs/rules.md §2.3: the earlier while a complaint may be filed) ≤ 72 h / ≤ 7 days
    if pending:
        away = (cb - asof).total_seconds()
        pts += 2 if away <= 6 * 3600 else 1 if away <= 18 * 3600 else 0
    else:
        nxt_dl = min(ex, co) if malicious and asof <= co_late else ex
        away = (nxt_dl - asof).total_seconds()
        pts += 2 if away <= 72 * 3600 else 1 if away <= 7 * 24 * 3600 else 0
    pr = 1 if safe else 1 if pts >= 9 else 2 if pts >= 7 else 3 if pts >= 5 else 4 if pts >= 3 else 5
    # overdue only once passed for the latest time the review may be (docs/rules.md §2.3); the first
    # review's own window missed while its 追评's is open: reviewExplainBy / reviewComplaintBy
    overdue = []
    if pending and asof > contact_by(max(p[1] for p in parts)):
        overdue.append("contactBy")
    if len(parts) > 1 and asof > add30(parts[0][1]) and asof <= ex_late:
        overdue.append("reviewExplainBy")
    if asof > ex_late:
        overdue.append("explainBy")
    if malicious:
        if len(cparts) > 1 and asof > add30(cparts[0][1]) and asof <= co_late:
            overdue.append("reviewComplaintBy")
        if asof > co_late:
            overdue.append("complaintBy")
    nxt = asof
    if quiet(nxt):
        d = nxt.date() if nxt.hour < 8 else nxt.date() + timedelta(days=1)
        nxt = datetime(d.year, d.month, d.day, 8, 0, 0)
    return dict(orderId=r["orderId"], buyer=r["buyer"], reasons=sorted(reasons), categories=sorted(cats),
                score=pts, priority=pr, safety=safe, action=action, serial=serial >= 3,
                contactBy=None if complaint_only else cb, explainBy=ex, complaintBy=co,
                overdue=sorted(overdue), nextContactAt=None if complaint_only else nxt,
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
            continue
        o = kept[j]
        if (bool(r["followUpText"]) or r["followUpAt"] is not None, r["followUpAt"] or datetime.min) >= \
                (bool(o["followUpText"]) or o["followUpAt"] is not None, o["followUpAt"] or datetime.min):
            kept[j], o, r = r, r, o  # the version with the latest 追评, else the file read last
        # docs/rules.md §2.3 (a time is never guessed) and README (a time without seconds is any second of its
        # minute): the copies together say when it was: the kept version's time narrowed to what both allow
        # (07:30:00 in one download and 7:30 in its re-saved copy: 07:30:00), the 追评's too when it is the same
        lo = max(o["reviewedAt"], r["reviewedAt"])
        hi = min(o["reviewedAt"] + timedelta(seconds=o["slack"]), r["reviewedAt"] + timedelta(seconds=r["slack"]))
        o["reviewedAt"], o["slack"] = lo, int((hi - lo).total_seconds())
        if o["followUpAt"] and r["followUpAt"] and o["followUpText"] == r["followUpText"]:
            lo = max(o["followUpAt"], r["followUpAt"])
            hi = min(o["followUpAt"] + timedelta(seconds=o["fslack"]), r["followUpAt"] + timedelta(seconds=r["fslack"]))
            if lo <= hi:
                o["followUpAt"], o["fslack"] = lo, int((hi - lo).total_seconds())
    # README "Extortion": a serial negative buyer has N ≥ 3 neutral/negative reviews in the input
    negs = {}
    for r in kept:
        if r["buyer"] and r["rating"] in ("bad", "neutral"):
            negs[r["buyer"]] = negs.get(r["buyer"], 0) + 1
    items = [i for i in (item(r, asof, negs.get(r["buyer"], 0) if r["buyer"] else 0) for r in kept) if i]
    # README: ties by score, then the nearer contactBy, then the order id (as text); the order id was left to
    # the file's order until text42's fuzz texts made two items tie to the contactBy (case 54 of seed 1)
    items.sort(key=lambda i: (not i["safety"], i["priority"], -i["score"], i["contactBy"] or datetime.max, i["orderId"]))
    if roster:
        assign(items, roster, asof)
    return items


def stretches(roster):
    """{agent: [(start, end)]}: shifts that meet or overlap are one stretch (docs/rules.md §2.4)"""
    out = {}
    for a, days in roster.items():
        iv = sorted(days.values())
        merged = []
        for s_, e in iv:
            if merged and s_ <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s_, e))
        out[a] = merged
    return out


def handout(st, at, min_left=timedelta(minutes=60)):
    """docs/rules.md §2.4: who takes the reviews whose contact can start at `at`"""
    on = {a: e for a, ivs in st.items() for s_, e in ivs if s_ <= at < e}
    enough = sorted(a for a, e in on.items() if e - at >= min_left)
    if enough:
        return enough
    arriving = sorted(a for a, ivs in st.items() if any(at < s_ <= at + min_left for s_, _ in ivs))
    if arriving:
        return arriving
    if on:  # on shift the longest: reading, the latest end (the README's example: 23:15, ending 23:30)
        last = max(on.values())
        return sorted(a for a, e in on.items() if e == last)
    return []


def assign(items, roster, asof):
    """README: one buyer to one agent, buyers in the order of their most urgent item, to the agent of their
    pool with the fewest buyers so far (ties: name order); a buyer to contact only later (contact_later) by the
    same rule at nextContactAt, else those chosen for now (docs/rules.md §2.4); an item with nothing to do
    (action none) is not handed out."""
    st = stretches(roster)
    now = handout(st, asof)
    load, who = {}, {}
    for i in items:
        b = i["buyer"] or i["orderId"]
        if i["action"] == "none":
            i["assignee"] = ""
            continue
        if b not in who:
            pool = now
            if i["action"] == "contact_later" and i["nextContactAt"] and i["nextContactAt"] > asof:
                pool = handout(st, i["nextContactAt"]) or now
            a = min(pool, key=lambda x: (load.get(x, 0), x)) if pool else ""
            who[b] = a
            if a:
                load[a] = load.get(a, 0) + 1
        i["assignee"] = who[b]


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
