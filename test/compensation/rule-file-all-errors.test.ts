// A rule file with several wrong fields named them one a run: `rules show` said only the first
// (shipWindowHours), and an operator fixing the shop's own file by hand ran it four times to find
// four mistakes (user3, thirty-first round). Now every field that is wrong on its own is named in
// one error (exit 3), in the file's order; a file with one wrong field reads as it always did.
// Expected texts from the field rules of docs/rules.md §1.6 (hours > 0; a rate between 0 and 1; an
// amount like "5.00"; rounding "fen" or "yuan"), written out by hand.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tmpDir } from '../helpers.js';
import { type ExampleRules, ruleFile } from './rule-file.js';


const fourWrong = (r: ExampleRules) => {
  r.shipWindowHours = -5;
  r.tiers[0]!.rate = 'ten percent';
  r.tiers[1]!.min = '-3';
  r.rounding = 'yuan2';
};

describe('a rule file with several wrong fields: all named at once', () => {
  it('four wrong fields (en): one error naming the four, exit 3', () => {
    const f = ruleFile(fourWrong);
    const r = runCli(['rules', 'show', f, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `storeops: error: rule file ${f} has 4 errors: (1) field "shipWindowHours" must be a number of hours > 0, got -5; (2) field "tiers[0].rate" must be a rate between 0 and 1 such as "0.30", got "ten percent"; (3) field "tiers[1].min" must be an amount like "5.00", got "-3"; (4) field "rounding" must be one of "fen", "yuan", got "yuan2"\n`,
    );
  });

  it('four wrong fields (zh), and compensate --rules refuses the file the same way', () => {
    const f = ruleFile(fourWrong);
    const want = `storeops: 错误: 规则文件 ${f} 有 4 处错误: (1) 字段 "shipWindowHours" 应为正的小时数, 实际是 -5; (2) 字段 "tiers[0].rate" 应为 0 到 1 之间的比例, 实际是 "ten percent"; (3) 字段 "tiers[1].min" 应为金额 (如 "5.00"), 实际是 "-3"; (4) 字段 "rounding" 应为 "fen", "yuan" 之一, 实际是 "yuan2"\n`;
    const show = runCli(['rules', 'show', f, '--lang', 'zh']);
    expect(show.code).toBe(3);
    expect(show.stderr).toContain(want);
    const run = runCli(['compensate', path.join(ROOT, 'examples', 'pdd-orders-202611.csv'), '--rules', f, '--lang', 'zh', '--no-input']);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(want);
  });

  it('an unknown field and a wrong one: both named', () => {
    const f = ruleFile((r) => {
      r.shipWindowHour = 24;
      r.tiers[1]!.max = 'lots';
    });
    const r = runCli(['rules', 'show', f, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `storeops: error: rule file ${f} has 2 errors: (1) unknown field "shipWindowHour"; did you mean "shipWindowHours"?`,
    );
    expect(r.stderr).toContain(`; (2) field "tiers[1].max" must be an amount like "5.00" or null, got "lots"\n`);
  });

  it('one wrong field: the error as before (no count)', () => {
    const f = ruleFile((r) => {
      r.rounding = 'yuan2';
    });
    const r = runCli(['rules', 'show', f, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`storeops: error: rule file ${f}: field "rounding" must be one of "fen", "yuan", got "yuan2"\n`);
  });
});

describe('several wrong fields inside one tier or one text: all named', () => {
  // rev34: the fields of one tier (and the zh and en of one text) were checked one at a time: a tier
  // with a wrong rate and a wrong min named the rate alone, and the min took another run (the
  // all-at-once error stopped at a tier's or a text's first wrong field). Texts from §1.6's field rules.
  it('tiers[0] with a wrong rate, min and an unknown field, and a title with both languages empty: five named', () => {
    const f = ruleFile((r) => {
      r.title = { zh: '', en: '' };
      r.tiers[0]!.rate = 'x';
      r.tiers[0]!.min = 'y';
      r.tiers[0]!.mx = '1.00';
    });
    const r = runCli(['rules', 'show', f, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `storeops: error: rule file ${f} has 5 errors: (1) field "title.zh" must be a non-empty string, got ""; (2) field "title.en" must be a non-empty string, got ""; (3) unknown field "tiers[0].mx"; did you mean "max"? (fields here: kind, window, hoursLate, presale, rate, min, max); a misspelt field would be read as absent and orders priced by another tier; (4) field "tiers[0].rate" must be a rate between 0 and 1 such as "0.30", got "x"; (5) field "tiers[0].min" must be an amount like "5.00", got "y"\n`,
    );
  });

  it('a tier whose max is under its min, its other fields right: the one error as before', () => {
    const f = ruleFile((r) => {
      r.tiers[1]!.max = '2.00';
    });
    const r = runCli(['rules', 'show', f, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`storeops: error: rule file ${f}: field "tiers[1].max" must be at least tiers[1].min (3.00), got "2.00"\n`);
  });
});

describe('a field that is not an object is one error, not also its fields', () => {
  // rev34: "combine": null was named twice, the second time as a field never written:
  // 'has 2 errors: (1) field "combine" must be an object, got null; (2) field "combine.by" must be one
  // of …, got nothing' (its fields read from a stand-in {}); one wrong field reads as before (§1.6).
  it('"combine": null: the one error as before', () => {
    const f = ruleFile((r) => {
      r.combine = null;
    });
    const r = runCli(['rules', 'show', f, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`storeops: error: rule file ${f}: field "combine" must be an object, got null\n`);
  });
});

describe('a rule file in the format before tiers: its late and outOfStock fields each named', () => {
  // rev34: legacyTiers stopped at its first wrong field (late.rate), as a tier did. Field rules of §1.6
  // (a rate between 0 and 1, a percentage refused with the fraction to write; an amount like "5.00").
  const legacy = (edit: (l: Record<string, unknown> & { late: Record<string, unknown>; outOfStock: Record<string, unknown> }) => void) => {
    const l = {
      id: 'old-2026', title: { zh: '旧格式', en: 'old format' }, source: 'test', validFrom: '2026-04-09', validTo: null, shipWindowHours: 48, longWindowOverHours: 48,
      late: { rate: '0.05', presaleRate: '0.10', longWindowRate: '0.10', min: '5.00', max: '50.00' } as Record<string, unknown>,
      outOfStock: { afterLateHours: 72, rate: '0.10', longWindowRate: '0.15', min: '5.00', max: '500.00' } as Record<string, unknown>,
      combine: { by: 'calendar-day', cap: '500.00' }, deliveryPromise: null,
    };
    edit(l);
    const f = path.join(tmpDir(), 'old.json');
    fs.writeFileSync(f, JSON.stringify(l));
    return f;
  };
  it('late.rate, late.min and outOfStock.rate wrong: three named, exit 3', () => {
    const f = legacy((l) => {
      l.late.rate = 'x';
      l.late.min = 'y';
      l.outOfStock.rate = '10%';
    });
    const r = runCli(['rules', 'show', f, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `storeops: error: rule file ${f} has 3 errors: (1) field "late.rate" must be a rate between 0 and 1 such as "0.30", got "x"; (2) field "late.min" must be an amount like "5.00", got "y"; (3) field "outOfStock.rate": a rate is written as a fraction between 0 and 1: for 10% write "0.10", got "10%"\n`,
    );
  });
  it('late.max under late.min alone: the one error as before', () => {
    const f = legacy((l) => {
      l.late.max = '4.00';
    });
    const r = runCli(['rules', 'show', f, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`storeops: error: rule file ${f}: field "late.max" must be at least late.min (5.00), got "4.00"\n`);
  });
});
