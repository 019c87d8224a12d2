// An operator gives last month's --demand file (or the wrong --month). Every row was rejected one
// by one ("date is not in the month …", exit 1) and the run went on as if no demand had been
// given: every day got the --min staff (1 per shift), a roster short of the staff the operator
// asked for, and `roster check` found nothing wrong with it. Now: exit 3, naming the file, its
// dates, the month and what to do. Run `npx tsc -p .` first.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

// February 2026 roster (as test/roster/reject.test.ts): agent i on day d works
// ['D','H','N','O'][(d + i) % 4]: one D, H, N every day, 7 days off each.
const AGENTS = ['A', 'B', 'C', 'D'];
const DATES = Array.from({ length: 28 }, (_, d) => `2026-02-${String(d + 1).padStart(2, '0')}`);
const CYCLE = ['D', 'H', 'N', 'O'];
const ROSTER = ['agent,' + DATES.join(','), ...AGENTS.map((a, i) => [a, ...DATES.map((_, d) => CYCLE[(d + i) % 4]!)].join(','))].join('\n') + '\n';

function write(name: string, text: string): string {
  const f = path.join(tmpDir('roster-demand-month-'), name);
  fs.writeFileSync(f, text);
  return f;
}

describe('--demand of another month', () => {
  it('roster check: a January demand file for a February roster is exit 3 with the dates and the fix (was exit 1, 0 violations)', () => {
    const roster = write('feb.csv', ROSTER);
    // By hand: the January file asks for 2 on D on 01-05 and 01-06; the roster has 1 D every day.
    // Read for February nothing of it applies: none of its dates (2026-01-05 … 2026-01-06) is in 2026-02.
    const dem = write('demand-jan.csv', 'date,D,H,N\n2026-01-06,2,1,1\n2026-01-05,2,1,1\n');
    const r = runCli(['roster', 'check', roster, '--days-off', '7', '-f', 'csv', '--lang', 'en', '--demand', dem]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `storeops: error: ${dem}: none of its dates is in 2026-02 (its dates: 2026-01-05 … 2026-01-06): it is probably another month's demand file; used as it is, every day would get only the --min staff\n` +
        '  hint: give the demand file for 2026-02 (or check --month); to staff every day alike, leave --demand out and use --min.\n',
    );
    const zh = runCli(['roster', 'check', roster, '--days-off', '7', '-f', 'csv', '--lang', 'zh', '--demand', dem]);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain(`${dem}: 没有一个日期在 2026-02 内 (文件中的日期: 2026-01-05 … 2026-01-06), 可能是另一个月的需求文件`);
  });

  it('roster plan --month 2026-02 with the January file: exit 3, no roster (was a roster staffed by --min, exit 1)', () => {
    const dem = write('demand-jan.csv', 'date,D,H,N\n2026-01-05,2,1,1\n');
    const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C,D,E', '--demand', dem, '--time-limit', '5', '-f', 'csv', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${dem}: none of its dates is in 2026-02 (its dates: 2026-01-05)`);
  });

  it('one row of the month is enough: the others are rejected one by one as before (exit 1)', () => {
    const roster = write('feb.csv', ROSTER);
    // 02-03 asks for 2 on D; the roster has 1 → one coverage violation; 01-05 is rejected.
    const dem = write('demand-mixed.csv', 'date,D,H,N\n2026-01-05,2,1,1\n2026-02-03,2,1,1\n');
    const r = runCli(['roster', 'check', roster, '--days-off', '7', '-f', 'csv', '--lang', 'en', '--demand', dem]);
    expect(r.code).toBe(1);
    // The cell: 2026-02-03's header, column D (A is the agent, B 02-01), line 1.
    expect(r.stdout).toBe('agent,date,rule,detail,cell\n,2026-02-03,coverage,"D needs at least 2 (day), has 1",D1\n');
    expect(r.stderr).toContain(`${dem}:2 [date]: "2026-01-05" date is not in the month being checked`);
  });
});

describe('--volume of another month', () => {
  it('roster check: a --volume file whose every row is dated in January is exit 3 for a February roster (was used as no traffic, exit 1)', () => {
    const roster = write('feb.csv', ROSTER);
    // By hand: nothing of 2026-01-11/2026-01-12 applies to 2026-02: no hour of February has chats.
    const vol = write('volume-jan.csv', 'date,hour,chats\n2026-01-12,10,60\n2026-01-11,20,80\n');
    const r = runCli(['roster', 'check', roster, '--days-off', '7', '-f', 'csv', '--lang', 'en', '--volume', vol]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `storeops: error: ${vol}: none of its dates is in 2026-02 (its dates: 2026-01-11 … 2026-01-12): it is probably another month's chats file; used as it is, every day would be staffed as if no chats came in\n` +
        '  hint: give the chats for 2026-02 (or check --month); chats that hold for every month go without a date column (or by weekday).\n',
    );
  });

  it('rows without a date (every day) still make the file usable: the January rows are rejected one by one (exit 1)', () => {
    const roster = write('feb.csv', ROSTER);
    const vol = write('volume-mixed.csv', 'date,hour,chats\n2026-01-12,10,60\n,10,10\n');
    const r = runCli(['roster', 'check', roster, '--days-off', '7', '-f', 'csv', '--lang', 'en', '--volume', vol]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${vol}:2 [date]: "2026-01-12" date is not in the month being checked`);
  });
});

describe('--requests of another month', () => {
  it('roster check: a January requests file for a February roster is exit 3 (was exit 1, every request rejected, none checked)', () => {
    const roster = write('feb.csv', ROSTER);
    // By hand: A asked 2026-01-04, B 2026-01-05 and 2026-01-06: none of them is a day of 2026-02.
    const req = write('requests-jan.csv', 'agent,date\nA,2026-01-04\nB,2026-01-05;2026-01-06\n');
    const r = runCli(['roster', 'check', roster, '--days-off', '7', '-f', 'csv', '--lang', 'en', '--requests', req]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `storeops: error: ${req}: none of its dates is in 2026-02 (its dates: 2026-01-04 … 2026-01-06): it is probably another month's requests file; used as it is, not one of the days off asked for would be granted\n` +
        '  hint: give the requests for 2026-02 (or check --month); with no requests this month, leave --requests out.\n',
    );
  });

  it('one request in the month keeps the file: the January one is rejected on its own (exit 1)', () => {
    const roster = write('feb.csv', ROSTER);
    // A is off on 02-04 (d = 3: (3 + 0) % 4 = 3 → O), so that request is met.
    const req = write('requests-mixed.csv', 'agent,date\nA,2026-01-04\nA,2026-02-04\n');
    const r = runCli(['roster', 'check', roster, '--days-off', '7', '-f', 'csv', '--lang', 'en', '--requests', req]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('agent,date,rule,detail,cell\n');
    expect(r.stderr).toContain(`${req}:2: "2026-01-04" date is not in the month being checked`);
  });
});
