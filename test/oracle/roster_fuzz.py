#!/usr/bin/env python3
"""Fuzz `roster plan` and `roster check` against roster_check.py (see README.md here).

    python3 test/oracle/roster_fuzz.py plan  N SEED [OUTDIR]   # random rules → plan → oracle finds nothing;
                                                              # "no roster possible" → MILP feasibility (scipy)
    python3 test/oracle/roster_fuzz.py check N SEED [OUTDIR]  # random rosters (valid and broken) → check == oracle

Differences are kept in OUTDIR (default .fuzz-roster/ in the clone), one folder per case with cmd.txt.
STOREOPS_BIN=… runs another copy of bin/storeops.js.
"""
import csv, io, json, os, random, shutil, subprocess, sys, calendar
from collections import Counter
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import roster_check as rc

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("STOREOPS_BIN", os.path.join(ROOT, "bin", "storeops.js"))

CUSTOM = [
    # early/middle/late with a late shift past midnight (00:30)
    [{"code": "E", "zh": "早班", "en": "early", "label": "早", "start": "08:00", "end": "16:00", "paidHours": 7.5, "role": "day"},
     {"code": "M", "zh": "中班", "en": "middle", "label": "中", "start": "12:00", "end": "20:00", "paidHours": 7.5, "role": "other"},
     {"code": "L", "zh": "晚班", "en": "late", "label": "晚", "start": "16:00", "end": "00:30", "paidHours": 8, "role": "night"}],
    # a true overnight shift that overlaps an early start, a half-day counted as `day`
    [{"code": "D", "zh": "白班", "en": "day", "label": "白", "start": "09:00", "end": "17:30", "role": "day"},
     {"code": "H", "zh": "半白班", "en": "half", "label": "半", "start": "10:00", "end": "15:30", "role": "day"},
     {"code": "X", "zh": "通宵", "en": "overnight", "label": "通", "start": "22:00", "end": "09:30", "paidHours": 8, "role": "night"}],
    # two shifts, one `other` past midnight
    [{"code": "A", "zh": "甲班", "en": "alpha", "label": "甲", "start": "07:00", "end": "15:00", "role": "day"},
     {"code": "B", "zh": "乙班", "en": "beta", "label": "乙", "start": "15:00", "end": "07:30", "paidHours": 8, "role": "other"}],
]


def run(args, cwd):
    p = subprocess.run(["node", BIN] + args, cwd=cwd, capture_output=True, text=True,
                       env=dict(os.environ, STOREOPS_LANG="en", NO_COLOR="1"))
    return p.returncode, p.stdout, p.stderr


def rand_case(rnd, work):
    y = rnd.choice([2026, 2027, 2028])
    m = rnd.randint(1, 12)
    if rnd.random() < 0.2:
        y, m = 2028, 2  # leap February
    month = f"{y}-{m:02d}"
    days = rc.month_days(month)
    shiftdefs = rnd.choice([None, None] + CUSTOM)
    cfg = None
    if shiftdefs:
        cfg = os.path.join(work, "storeops.config.json")
        json.dump({"roster": {"shifts": shiftdefs}}, open(cfg, "w"), ensure_ascii=False)
    shifts = rc.load_shifts(cfg)
    codes = list(shifts)
    n = rnd.randint(3, 9)
    names = [f"A{i + 1:02d}" for i in range(n)]
    off = rnd.randint(1, 8)
    mn = {c: rnd.choice([0, 1, 1, 1, 2]) for c in codes}
    o = dict(month=month, days=days, cfg=cfg, shifts=shifts, names=names, off=off, min=mn,
             demand={}, requests=set(), previous={}, files={})
    if rnd.random() < 0.3:
        dem = {}
        for d in rnd.sample(days, rnd.randint(1, 4)):
            dem[d] = {c: rnd.randint(0, 3) for c in codes}
        o["demand"] = dem
        f = os.path.join(work, "demand.csv")
        with open(f, "w") as fh:
            fh.write("date," + ",".join(codes) + "\n")
            for d, row in dem.items():
                fh.write(d.isoformat() + "," + ",".join(str(row[c]) for c in codes) + "\n")
        o["files"]["demand"] = f
    if rnd.random() < 0.3:
        req = set()
        for _ in range(rnd.randint(1, 4)):
            req.add((rnd.choice(names), rnd.choice(days)))
        o["requests"] = req
        f = os.path.join(work, "requests.csv")
        with open(f, "w") as fh:
            fh.write("agent,date\n")
            for a, d in sorted(req):
                fh.write(f"{a},{d.isoformat()}\n")
        o["files"]["requests"] = f
    if rnd.random() < 0.3:
        last = days[0] - timedelta(days=1)
        pdays = rc.month_days(last.strftime("%Y-%m"))
        prev = {a: rnd.choice(codes + ["O"]) for a in names}
        o["previous"] = {a: prev[a] for a in names}
        f = os.path.join(work, "previous.csv")
        with open(f, "w") as fh:
            fh.write("agent," + ",".join(d.isoformat() for d in pdays) + "\n")
            for a in names:
                fh.write(a + "," + ",".join(rnd.choice(codes + ["O"]) for _ in pdays[:-1]) + "," + prev[a] + "\n")
        o["files"]["previous"] = f
    return o


def opt_args(o, month=True):
    a = ["--days-off", str(o["off"]), "--min", ",".join(f"{c}={v}" for c, v in o["min"].items())]
    if month:
        a += ["--month", o["month"]]
    for k in ("demand", "requests", "previous"):
        if k in o["files"]:
            a += ["--" + k, o["files"][k]]
    if o["cfg"]:
        a += ["--config", o["cfg"]]
    return a


def oracle(o, days, agents, dups=(), doubles=()):
    return rc.check(days, agents, o["shifts"], o["off"], o["min"], o["demand"], o["requests"],
                    o["previous"], dups, doubles)


def feasible(o, with_requests=False, time_limit=20, solution=None):
    """MILP feasibility of the hard rules (scipy's HiGHS). True/False/None (unknown); a roster found
    is put in `solution` ({agent: {date: code}}) when a dict is given."""
    import numpy as np
    from scipy.optimize import milp, LinearConstraint, Bounds
    days, names, shifts = o["days"], o["names"], o["shifts"]
    S = list(shifts) + ["O"]
    idx = {}
    for a in names:
        for d in days:
            for s in S:
                idx[(a, d, s)] = len(idx)
    widx = {}
    for a in names:
        for d in days:
            widx[(a, d)] = len(idx) + len(widx)
    nv = len(idx) + len(widx)
    rows, lo, hi = [], [], []

    def add(coef, l, h):
        rows.append(coef); lo.append(l); hi.append(h)
    over = [s for s in shifts if shifts[s]["e"] > 1440]
    for a in names:
        for d in days:
            add({idx[(a, d, s)]: 1 for s in S}, 1, 1)
        add({idx[(a, d, "O")]: 1 for d in days}, o["off"], o["off"])
        for i, d in enumerate(days):
            pv = o["previous"].get(a) if i == 0 else None
            for s1 in shifts:
                for s2 in shifts:
                    bad = (shifts[s1]["role"] == "night" and shifts[s2]["role"] == "day") or \
                          (shifts[s1]["e"] - 1440 > shifts[s2]["s"])
                    if not bad:
                        continue
                    if i > 0:
                        add({idx[(a, days[i - 1], s1)]: 1, idx[(a, d, s2)]: 1}, 0, 1)
                    elif pv == s1:
                        add({idx[(a, d, s2)]: 1}, 0, 0)
            # whole day off: w ≤ off(d), w ≤ 1 − overnight(d−1)
            w = widx[(a, d)]
            add({w: 1, idx[(a, d, "O")]: -1}, -np.inf, 0)
            if i > 0:
                c = {w: 1}
                for s in over:
                    c[idx[(a, days[i - 1], s)]] = 1
                add(c, -np.inf, 1)
            elif pv in over:
                add({w: 1}, 0, 0)
        add({widx[(a, d)]: 1 for d in days}, 1, np.inf)
        if with_requests:
            for (ra, rd) in o["requests"]:
                if ra == a:
                    add({idx[(a, rd, "O")]: 1}, 1, 1)
    for d in days:
        for s in shifts:
            need = o["demand"].get(d, {}).get(s, o["min"].get(s, 1))
            add({idx[(a, d, s)]: 1 for a in names}, need, np.inf)
    from scipy.sparse import lil_matrix
    A = lil_matrix((len(rows), nv))
    for r, coef in enumerate(rows):
        for j, c in coef.items():
            A[r, j] = c
    res = milp(np.zeros(nv), constraints=LinearConstraint(A.tocsr(), lo, hi), integrality=np.ones(nv),
               bounds=Bounds(0, 1), options={"time_limit": time_limit})
    if res.status == 0:
        if solution is not None:
            for (a, d, sh), j in idx.items():
                if res.x[j] > 0.5:
                    solution.setdefault(a, {})[d] = sh
        return True
    if res.status == 2:
        return False
    return None


def parse_grid_stdout(text, o):
    path = os.path.join(o["work"], "plan.csv")
    open(path, "w").write(text)
    return rc.read_roster(path, o["month"], o["shifts"])


def fuzz_plan(n, seed, outdir):
    rnd = random.Random(seed)
    stats = Counter()
    for k in range(n):
        work = os.path.join(outdir, f"plan-{seed}-{k}")
        os.makedirs(work, exist_ok=True)
        o = rand_case(rnd, work)
        o["work"] = work
        args = ["roster", "plan", "--agents", str(len(o["names"])), "-f", "csv", "--time-limit", os.environ.get("TIME_LIMIT", "10")] + opt_args(o)
        code, out, err = run(args, work)
        open(os.path.join(work, "cmd.txt"), "w").write("storeops " + " ".join(args) + f"\nexit {code}\n" + err)
        bad = None
        if out.strip():
            days, agents, dups, doubles = parse_grid_stdout(out, o)
            v = oracle(o, days, agents, dups, doubles)
            hard = Counter({key: c for key, c in v.items() if key[2] != "request"})
            if hard or sorted(agents) != o["names"]:
                bad = f"plan has violations: {dict(hard)}"
            elif v and code != 1:
                bad = f"requests refused but exit {code}"
            elif not v and code != 0:
                bad = f"clean plan but exit {code}"
            stats["planned"] += 1
            if v:
                stats["planned, requests refused"] += 1
                if feasible(o, with_requests=True) is True:
                    bad = "refused requests though a roster granting all of them exists"
        elif code == 1 and "no roster found within" in err:
            stats["time limit, nothing found"] += 1  # says so and hints --time-limit: not a claim of infeasibility
        elif code == 1 and "no roster possible" in err:
            stats["infeasible"] += 1
            f = feasible(o)
            if f is True:
                bad = "storeops says no roster possible; the MILP found one"
            elif f is None:
                stats["infeasible, MILP unknown"] += 1
            import re
            m = re.search(r"at least (\d+) agents are needed", err)
            if m and not bad:  # the hint's number: K − 1 agents cannot, K can
                k = int(m.group(1))
                fewer = dict(o, names=[f"A{i + 1:02d}" for i in range(k - 1)])
                more = dict(o, names=[f"A{i + 1:02d}" for i in range(k)])
                if k - 1 >= len(o["names"]) and feasible(fewer) is True:
                    bad = f"hint says at least {k} agents; the MILP found a roster with {k - 1}"
                elif k <= 60 and feasible(more) is False:
                    bad = f"hint says {k} agents suffice; the MILP proves {k} cannot"
                stats["infeasible, hint checked"] += 1
        else:
            bad = f"exit {code} with no roster"
        if bad:
            stats["DIFFER"] += 1
            open(os.path.join(work, "diff.txt"), "w").write(bad + "\n")
            print(f"case {k}: {bad}  ({work})")
        else:
            shutil.rmtree(work)
        stats["cases"] += 1
    print(f"roster plan, {n} cases, seed {seed}: {dict(stats)}")
    return stats["DIFFER"]


def make_roster(rnd, o):
    """a random roster (half the time a valid one from the MILP, else a cyclic one), then broken on purpose."""
    codes = list(o["shifts"])
    days = o["days"]
    agents = {}
    if rnd.random() < 0.5 and feasible(o, with_requests=True, time_limit=10, solution=agents):
        return break_roster(rnd, o, agents)  # a valid roster from the MILP, broken below (or not)
    agents.clear()
    for i, a in enumerate(o["names"]):
        offs = set(rnd.sample(range(len(days)), o["off"])) if rnd.random() < 0.8 else \
            set(rnd.sample(range(len(days)), max(0, o["off"] + rnd.choice([-1, 1]))))
        cells = {}
        for j, d in enumerate(days):
            cells[d] = "O" if j in offs else codes[(i + j) % len(codes)] if rnd.random() < 0.7 else rnd.choice(codes)
        agents[a] = cells
    return break_roster(rnd, o, agents)


def break_roster(rnd, o, agents):
    codes = list(o["shifts"])
    # injected faults
    for _ in range(rnd.choice([0, 0, 0, 1, 1, 2, 4])):
        a, d = rnd.choice(o["names"]), rnd.choice(o["days"])
        agents[a][d] = rnd.choice(["", "Q9", "?"] + codes + ["O"])
    return agents


def spell(rnd, code, shifts, zh_ok=True):
    if code == "O":
        return rnd.choice(["O", "休", "off", "o", "O"]) if zh_ok else "O"
    s = shifts.get(code)
    if not s:
        return code
    return rnd.choice([code, code, s["label"], s["en"]] + ([s["zh"]] if zh_ok else []))


def fuzz_check(n, seed, outdir):
    rnd = random.Random(seed)
    stats = Counter()
    for k in range(n):
        work = os.path.join(outdir, f"check-{seed}-{k}")
        os.makedirs(work, exist_ok=True)
        o = rand_case(rnd, work)
        agents = make_roster(rnd, o)
        dups, doubles = [], []
        layout = rnd.choice(["dates", "daynum", "long"])
        path = os.path.join(work, "roster.csv")
        with open(path, "w", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            if layout == "long":
                w.writerow(["agent", "date", "shift"])
                for a, cells in agents.items():
                    for d, c in cells.items():
                        if c == "":
                            continue  # a missing day is a missing row
                        w.writerow([a, d.isoformat(), spell(rnd, c, o["shifts"])])
            else:
                w.writerow(["agent"] + [d.isoformat() if layout == "dates" else str(d.day) for d in o["days"]])
                names = list(agents)
                for a in names:
                    w.writerow([a] + [spell(rnd, agents[a][d], o["shifts"]) for d in o["days"]])
                if rnd.random() < 0.15:
                    a = rnd.choice(names)
                    w.writerow([a] + [spell(rnd, "O", o["shifts"]) for _ in o["days"]])
                    dups.append(a)
        for a in agents:
            for d in list(agents[a]):
                if agents[a][d] == "":
                    pass
        args = ["roster", "check", path, "-f", "csv"] + opt_args(o, month=True)
        code, out, err = run(args, work)
        open(os.path.join(work, "cmd.txt"), "w").write("storeops " + " ".join(args) + f"\nexit {code}\n" + err)
        got = Counter()
        for r in list(csv.reader(io.StringIO(out)))[1:]:
            if r:
                got[(r[0], r[1], r[2])] += 1
        exp = oracle(o, o["days"], agents, dups, doubles)
        stats["violations expected"] += sum(exp.values())
        bad = None
        if got != exp:
            bad = "only storeops: " + repr(sorted((got - exp).elements())) + "\nonly oracle: " + repr(sorted((exp - got).elements()))
        elif code != (1 if exp else 0):
            bad = f"exit {code}, expected {1 if exp else 0}"
        stats["clean" if not exp else "with violations"] += 1
        if bad:
            stats["DIFFER"] += 1
            open(os.path.join(work, "diff.txt"), "w").write(bad + "\n")
            print(f"case {k} ({layout}): {bad[:400]}  ({work})")
        else:
            shutil.rmtree(work)
        stats["cases"] += 1
    print(f"roster check, {n} cases, seed {seed}: {dict(stats)}")
    return stats["DIFFER"]


if __name__ == "__main__":
    mode, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    outdir = os.path.abspath(sys.argv[4] if len(sys.argv) > 4 else os.path.join(ROOT, ".fuzz-roster"))
    os.makedirs(outdir, exist_ok=True)
    bad = (fuzz_plan if mode == "plan" else fuzz_check)(n, seed, outdir)
    sys.exit(1 if bad else 0)
