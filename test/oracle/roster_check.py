#!/usr/bin/env python3
"""Independent roster checker (a tool, not a CI test).

Written from docs/rules.md §4, README "Shift roster", docs/cli.md and docs/formats.md only, before
reading src/roster. Checks a grid or long roster csv (the formats `roster plan` writes and
`roster check` reads) and prints one violation per line: agent,date,rule — the same keys
`roster check -f csv` writes (agent empty for coverage, date empty for days-off/whole-day-off).

    python3 test/oracle/roster_check.py ROSTER.csv [--month YYYY-MM] [--days-off 4] [--min D=1,H=1,N=1]
        [--demand F] [--requests F] [--previous F] [--config storeops.config.json]

Rules (one list per agent, day by day):
  missing-day     an empty cell (or a date with no long row)
  unknown-shift   a cell that is neither off nor a configured shift (code, label, zh, en name)
  days-off        days off != --days-off (date empty)
  night-then-day  a role-`day` shift the day after a role-`night` one (also previous month's last day → day 1)
  one-shift       a shift ending after midnight and the next day's shift starting before that end;
                  (long rows) two rows for one agent and date
  whole-day-off   no day off that the day before's shift does not reach into (date empty)
  coverage        fewer agents on a shift than --min / --demand on that date (agent empty)
  request         a requested day off that holds a shift
  duplicate-agent a grid names an agent on two rows (the second row not read)
  hours-spread    (2026-12) two agents' monthly paid hours more than --max-hours-spread apart (default
                  the longest shift's paid hours); agents with a missing/unknown day left out; agent
                  and date empty, one line
"""
import csv, io, json, sys, calendar, argparse
from collections import Counter
from datetime import date, timedelta

DEFAULT_SHIFTS = [
    {"code": "D", "zh": "白班", "en": "day", "label": "白", "start": "09:00", "end": "17:30", "role": "day"},
    {"code": "H", "zh": "半白班", "en": "half", "label": "半", "start": "10:00", "end": "15:30", "role": "other"},
    {"code": "N", "zh": "晚班", "en": "night", "label": "晚", "start": "17:00", "end": "23:30", "role": "night"},
]
OFF = {"o", "休", "off", "休息"}


def mins(hhmm):
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def load_shifts(config=None):
    shifts = DEFAULT_SHIFTS
    if config:
        with open(config, encoding="utf-8-sig") as f:
            c = json.load(f)
        s = (c.get("roster") or {}).get("shifts")
        if isinstance(s, list):
            shifts = s
    out = {}
    for s in shifts:
        st, en = mins(s["start"]), mins(s["end"])
        out[s["code"]] = dict(s, s=st, e=en if en > st else en + 1440)
    return out


def cell_shift(cell, shifts):
    """'' → None (missing), 'O' → 'O', a shift → its code, else ('?', cell)."""
    c = cell.strip()
    if c == "":
        return None
    if c.lower() in OFF:
        return "O"
    for code, s in shifts.items():
        names = {code, s.get("label"), s.get("zh"), s.get("en")}
        if c in names or c.lower() in {str(n).lower() for n in names if n}:
            return code
    return ("?", c)


def read_csv(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    return list(csv.reader(io.StringIO(text)))


def month_days(month):
    y, m = map(int, month.split("-"))
    return [date(y, m, d) for d in range(1, calendar.monthrange(y, m)[1] + 1)]


def read_roster(path, month=None, shifts=None):
    """→ (days, {agent: {date: cell}}, duplicate agents, long-format double rows)"""
    rows = read_csv(path)
    head = [h.strip().lower() for h in rows[0]]
    agents, dups, doubles = {}, [], []
    if "date" in head or "日期" in head:  # long
        ia = next(i for i, h in enumerate(head) if h in ("agent", "客服", "姓名", "员工", "name"))
        idt = next(i for i, h in enumerate(head) if h in ("date", "日期"))
        ish = next(i for i, h in enumerate(head) if h in ("shift", "班次"))
        dates = set()
        for r in rows[1:]:
            if not r or not r[ia].strip():
                continue
            a, d = r[ia].strip(), date.fromisoformat(r[idt].strip())
            dates.add(d)
            if d in agents.setdefault(a, {}):
                doubles.append((a, d))
                continue
            agents[a][d] = r[ish]
        days = month_days(month) if month else month_days(min(dates).strftime("%Y-%m"))
        return days, agents, dups, doubles
    cols = {}
    for i, h in enumerate(rows[0]):
        h = h.strip()
        if len(h) == 10 and h[4] == "-":
            cols[i] = date.fromisoformat(h)
        elif h.isdigit() and month:
            y, m = map(int, month.split("-"))
            cols[i] = date(y, m, int(h))
    days = sorted(cols.values())
    if month:
        days = month_days(month)
    elif days:
        days = month_days(days[0].strftime("%Y-%m"))
    for r in rows[1:]:
        if not r or not r[0].strip():
            continue
        a = r[0].strip()
        if a.lower().startswith("coverage") or a.startswith("service") or a.startswith("覆盖") or a.startswith("服务"):
            continue
        if a in agents:
            dups.append(a)
            continue
        agents[a] = {cols[i]: (r[i] if i < len(r) else "") for i in cols}
    return days, agents, dups, doubles


def parse_min(s, shifts):
    out = {c: 1 for c in shifts}
    if s:
        for part in s.split(","):
            k, v = part.split("=")
            out[k.strip()] = int(v)
    return out


def paid_minutes(s):
    if "paidHours" in s:
        return round(float(s["paidHours"]) * 60)
    return s["e"] - s["s"]


def check(days, agents, shifts, days_off=4, minimum=None, demand=None, requests=None, previous=None,
          dups=(), doubles=(), max_spread=None):
    """→ Counter of (agent, date-or-'', rule)."""
    minimum = minimum or {c: 1 for c in shifts}
    demand = demand or {}
    requests = requests or set()
    previous = previous or {}
    v = Counter()
    for a in dups:
        v[(a, "", "duplicate-agent")] += 1
    for a, d in doubles:
        v[(a, d.isoformat(), "one-shift")] += 1
    staff = {(d, c): 0 for d in days for c in shifts}
    for a, cells in agents.items():
        prev = previous.get(a)  # code of previous month's last day, or None
        off, whole = 0, False
        for d in days:
            x = cell_shift(cells.get(d, ""), shifts)
            ds = d.isoformat()
            if x is None:
                v[(a, ds, "missing-day")] += 1
            elif isinstance(x, tuple):
                v[(a, ds, "unknown-shift")] += 1
                x = None
            elif x == "O":
                off += 1
                if not (prev in shifts and shifts[prev]["e"] > 1440):
                    whole = True
            else:
                staff[(d, x)] += 1
                if prev in shifts and shifts[prev]["role"] == "night" and shifts[x]["role"] == "day":
                    v[(a, ds, "night-then-day")] += 1
                if prev in shifts and shifts[prev]["e"] - 1440 > shifts[x]["s"]:
                    v[(a, ds, "one-shift")] += 1
                if (a, d) in requests:
                    v[(a, ds, "request")] += 1
            prev = x if isinstance(x, str) else None
        if off != days_off:
            v[(a, "", "days-off")] += 1
        if not whole:
            v[(a, "", "whole-day-off")] += 1
    for (d, c), n in staff.items():
        need = demand.get(d, {}).get(c, minimum.get(c, 1))
        if n < need:
            v[("", d.isoformat(), "coverage")] += 1
    limit = max(paid_minutes(x) for x in shifts.values()) if max_spread is None else round(max_spread * 60)
    hours = []
    for a, cells in agents.items():
        codes = [cell_shift(cells.get(d, ""), shifts) for d in days]
        if all(isinstance(x, str) for x in codes):
            hours.append(sum(paid_minutes(shifts[x]) for x in codes if x != "O"))
    if len(hours) > 1 and max(hours) - min(hours) > limit:
        v[("", "", "hours-spread")] += 1
    return v


def load_requests(path):
    out = set()
    if not path:
        return out
    for r in read_csv(path)[1:]:
        if len(r) >= 2 and r[0].strip():
            for d in r[1].split(";"):
                if d.strip():
                    out.add((r[0].strip(), date.fromisoformat(d.strip())))
    return out


def load_demand(path):
    out = {}
    if not path:
        return out
    rows = read_csv(path)
    head = [h.strip() for h in rows[0]]
    for r in rows[1:]:
        if r and r[0].strip():
            out[date.fromisoformat(r[0].strip())] = {head[i]: int(r[i]) for i in range(1, len(head)) if r[i].strip()}
    return out


def load_previous(path, shifts):
    """last day's shift code per agent of last month's roster."""
    if not path:
        return {}
    days, agents, _, _ = read_roster(path, None, shifts)
    last = max(d for cells in agents.values() for d in cells)
    out = {}
    for a, cells in agents.items():
        x = cell_shift(cells.get(last, ""), shifts)
        out[a] = x if isinstance(x, str) else None
    return out


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("roster")
    p.add_argument("--month")
    p.add_argument("--days-off", type=int, default=4)
    p.add_argument("--min")
    p.add_argument("--demand")
    p.add_argument("--requests")
    p.add_argument("--previous")
    p.add_argument("--config")
    p.add_argument("--max-hours-spread", type=float)
    o = p.parse_args(argv)
    shifts = load_shifts(o.config)
    days, agents, dups, doubles = read_roster(o.roster, o.month, shifts)
    v = check(days, agents, shifts, o.days_off, parse_min(o.min, shifts), load_demand(o.demand),
              load_requests(o.requests), load_previous(o.previous, shifts), dups, doubles, o.max_hours_spread)
    for (a, d, r), n in sorted(v.items()):
        for _ in range(n):
            print(f"{a},{d},{r}")
    return 1 if v else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
