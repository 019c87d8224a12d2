// The language setting as operators write it. A cron job given STOREOPS_LANG=zh_CN.UTF-8 (LANG's
// value copied into it) ran in English — its cron log and its group alerts (notify's language is
// the run's) — without a word, since only the exact `zh`/`en` counted; `STOREOPS_LANG=cn` was
// ignored silently too. And a zh operator's `--lang fr` typo was told in English.
import { describe, expect, it } from 'vitest';
import { detectLang, langOf } from '../../src/context.js';
import { runCli } from '../helpers.js';

describe('langOf', () => {
  it('takes zh/en also as a locale', () => {
    expect(['zh', 'ZH', 'zh_CN.UTF-8', 'zh-CN', 'zh-Hans', 'zh_TW', ' zh '].map(langOf)).toEqual(['zh', 'zh', 'zh', 'zh', 'zh', 'zh', 'zh']);
    expect(['en', 'en_US.UTF-8', 'en-GB'].map(langOf)).toEqual(['en', 'en', 'en']);
    expect(['cn', 'chinese', 'zhx', 'C', '', 'fr', undefined, 5].map(langOf)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('STOREOPS_LANG=zh_CN.UTF-8 beats LANG=C (it was ignored: English)', () => {
    expect(detectLang(undefined, { STOREOPS_LANG: 'zh_CN.UTF-8', LANG: 'C' }, {})).toBe('zh');
    expect(detectLang('zh-CN', {}, {})).toBe('zh');
    expect(detectLang(undefined, { LANG: 'C' }, { lang: 'zh-CN' })).toBe('zh');
  });
});

describe('in a run', () => {
  it('STOREOPS_LANG=zh_CN.UTF-8 under cron (LANG=C): Chinese headers and summary', () => {
    const r = runCli(['rules', 'list', '-f', 'csv'], { env: { STOREOPS_LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('规则集,平台,生效,失效(含当日),名称,赔付方式,合并与封顶,取整,档位数,来源');
    expect(r.stderr).not.toContain('STOREOPS_LANG');
  });

  it('STOREOPS_LANG=cn is named on stderr, with what to write', () => {
    const r = runCli(['rules', 'list', '-f', 'csv'], { env: { STOREOPS_LANG: 'cn' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('storeops: warning: STOREOPS_LANG="cn" is not zh or en and is ignored (LANG/LC_ALL gives English); set STOREOPS_LANG=zh for Chinese\n');
    const zh = runCli(['rules', 'list', '-f', 'csv'], { env: { STOREOPS_LANG: 'cn', LANG: 'zh_CN.UTF-8' } });
    expect(zh.stderr).toContain('storeops: 警告: 环境变量 STOREOPS_LANG="cn" 不是 zh 或 en, 已忽略 (按 LANG/LC_ALL 用中文); 中文请设 STOREOPS_LANG=zh\n');
  });

  it('a bad --lang is told in the language the run would have had, with what to write', () => {
    const r = runCli(['rules', 'list', '--lang', 'fr'], { env: { STOREOPS_LANG: 'zh' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('storeops: 错误: --lang 只接受 zh 或 en, 收到 "fr"\n  提示: 中文写 --lang zh, 英文写 --lang en。\n');
    const en = runCli(['rules', 'list', '--lang', 'fr']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('storeops: error: --lang takes zh or en, got "fr"\n  hint: write --lang zh for Chinese, --lang en for English.\n');
  });
});
