import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe('storeops init', () => {
  it('writes a starter config and the templates, and never overwrites without --force', () => {
    const dir = tmpDir();
    const r = runCli(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'storeops.config.json',
      'storeops-templates/reviews/forbidden.json',
      'storeops-templates/reviews/keywords.json',
      'storeops-templates/reviews/messages.json',
      'storeops-templates/roster/traffic.json',
      'storeops-templates/rules/custom-example.json',
      'storeops-templates/rules/douyin-2025.json',
      'storeops-templates/rules/tmall-2023.json',
      'storeops-templates/rules/tmall-2026.json',
      'storeops-templates/rules/tmall-global-2026.json',
      'storeops-templates/zhenjian/categories.json',
    ]);
    const cfg = JSON.parse(fs.readFileSync(path.join(dir, 'storeops.config.json'), 'utf8'));
    expect(cfg.compensate).toEqual({ rules: 'auto', base: 'auto' });
    // docs/cli.md: "storeops init writes a starter file with every key explained" — as _ comments
    const about = (cfg._comment as string[]).join('\n');
    for (const key of ['lang', 'tz', 'compensate.rules', 'compensate.base', 'reviews.maxAttempts', 'safetyContact', 'zhenjian.commissionRate', 'roster.shifts']) expect(about).toContain(`${key}:`);
    fs.writeFileSync(path.join(dir, 'storeops.config.json'), '{"lang":"zh"}\n');
    const again = runCli(['init'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(fs.readFileSync(path.join(dir, 'storeops.config.json'), 'utf8')).toBe('{"lang":"zh"}\n');
    expect(runCli(['init', '--force'], { cwd: dir }).stdout.split('\n')[0]).toBe('storeops.config.json');
  });

  it('the written config is used by the commands run in that folder', () => {
    const dir = tmpDir();
    runCli(['init'], { cwd: dir });
    const cfgFile = path.join(dir, 'storeops.config.json');
    const cfg = JSON.parse(fs.readFileSync(cfgFile, 'utf8'));
    cfg.compensate.rules = 'tmall-2023'; // not what auto would pick for these November 2026 orders
    fs.writeFileSync(cfgFile, JSON.stringify(cfg));
    const r = runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--as-of', '2026-11-20 12:00:00', '-q', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toContain(',tmall-2023,');
    // the comments are not reported as unknown keys
    expect(r.stderr).not.toContain('unknown key');
  });
});
