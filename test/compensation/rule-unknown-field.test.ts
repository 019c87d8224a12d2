// docs/rules.md §1.6: "Every field is checked when the file is loaded". A misspelt field was not: it
// was ignored, and the field it meant read as absent. In the shipped example copied and edited,
// `"hoursLate": {"ovr": 72}` on the out-of-stock tier (10 %) made it match every late order, so a
// 1-hour-late order paid 10 % instead of the late tier's 5 %; `"preSale": true`, `"units"` … the same.
// Now a field the object does not have is refused (exit 3), naming it and the field probably meant;
// keys starting with `_` are comments, as in the config file.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';
import { type ExampleRules, ruleFile } from './rule-file.js';


describe('a rule file with a misspelt field is refused', () => {
  it('tiers[0].hoursLate.ovr: did you mean "over"?, exit 3 (en)', () => {
    const f = ruleFile((r) => {
      r.tiers[0]!.hoursLate = { ovr: 72 };
    });
    const r = runCli(['rules', 'show', f, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      `storeops: error: rule file ${f}: unknown field "tiers[0].hoursLate.ovr"; did you mean "over"? (fields here: over, upTo); a misspelt field would be read as absent and orders priced by another tier\n`,
    );
  });

  it('top level shipWindowHour (zh): 是否想写 "shipWindowHours"?', () => {
    const f = ruleFile((r) => {
      r.shipWindowHour = 24;
    });
    const r = runCli(['rules', 'show', f, '--lang', 'zh']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`storeops: 错误: 规则文件 ${f}: 未知的字段 "shipWindowHour"; 是否想写 "shipWindowHours"?`);
  });

  it('tiers[1].preSale, combine.caps: refused; compensate --rules too, before any order is judged', () => {
    const a = ruleFile((r) => {
      r.tiers[1]!.preSale = true;
    });
    expect(runCli(['rules', 'show', a, '--lang', 'en']).stderr).toContain('unknown field "tiers[1].preSale"; did you mean "presale"?');
    const b = ruleFile((r) => {
      r.combine = { by: 'none', caps: '100.00' };
    });
    const c = runCli(['compensate', path.join(ROOT, 'examples', 'pdd-orders-202611.csv'), '--rules', b, '--as-of', '2026-11-20 12:00:00', '--lang', 'en']);
    expect(c.code).toBe(3);
    expect(c.stdout).toBe('');
    expect(c.stderr).toContain('unknown field "combine.caps"; did you mean "cap"?');
  });

  it('the example as shipped, and a "_note" comment key, are read (exit 0)', () => {
    expect(runCli(['rules', 'show', ruleFile(() => {})]).code).toBe(0);
    const f = ruleFile((r) => {
      r._note = '改自示例 2026-12';
      r.tiers[0]!._why = 'PDD bill';
    });
    expect(runCli(['rules', 'show', f]).code).toBe(0);
  });
});
