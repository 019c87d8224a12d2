// README "Language": --lang, then STOREOPS_LANG, then the config file's "lang", then LC_ALL/LANG.
// A config file holding robot URLs that others can read is refused (exit 2, README "Secrets"); the
// refusal was always in the language chosen without the config, so a zh shop's config
// (`"lang": "zh"`) was refused in English under cron's LANG=C, though the file had been read and
// names its language. Now the file's "lang" counts as for any other message; flags and
// STOREOPS_LANG still win.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

function openConfig(lang: string): string {
  const file = path.join(tmpDir(), 'storeops.config.json');
  fs.writeFileSync(file, JSON.stringify({ lang, notify: { targets: ['https://oapi.dingtalk.com/robot/send?access_token=abc'] } }));
  fs.chmodSync(file, 0o644);
  return file;
}
const REVIEWS = path.join(EXAMPLES, 'reviews.csv');

describe('a config refused for its mode is refused in its own language', () => {
  it('"lang": "zh", LANG=C: the zh message and hint, exit 2', () => {
    const file = openConfig('zh');
    const r = runCli(['reviews', 'queue', REVIEWS, '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `storeops: 错误: 配置文件 ${file} 含有通知密钥或机器人地址, 但其他用户可以读取 (权限 644); 拒绝使用\n` +
        // The file holds a robot URL and no secret: moving "the secret" to STOREOPS_NOTIFY_SECRET (the
        // hint until 2026-12) left it refused; the URL must stay in a file only its user reads.
        `  提示: 运行 chmod 600 ${file} 后重试: 其中的机器人地址也是凭据 (拿到地址的人都能往群里发消息), 应留在这个只有本用户能读的文件里, 不要写进 crontab。\n`,
    );
  });

  it('a file whose one credential is the secret: chmod 600, or the secret in STOREOPS_NOTIFY_SECRET', () => {
    const file = path.join(tmpDir(), 'storeops.config.json');
    fs.writeFileSync(file, JSON.stringify({ lang: 'en', notify: { secret: 'SECabc' } }));
    fs.chmodSync(file, 0o644);
    const r = runCli(['reviews', 'queue', REVIEWS, '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `storeops: error: config file ${file} holds notify secrets or robot URLs but others can read it (mode 644); refused\n` +
        `  hint: run chmod 600 ${file} and try again, or put the secret in STOREOPS_NOTIFY_SECRET instead.\n`,
    );
  });

  it('"lang": "zh-CN" is zh too (a locale, README "Language")', () => {
    const file = openConfig('zh-CN');
    expect(runCli(['reviews', 'queue', REVIEWS, '--config', file]).stderr).toContain('storeops: 错误: 配置文件');
  });

  it('--lang en and STOREOPS_LANG=en still win over the file', () => {
    const file = openConfig('zh');
    const a = runCli(['reviews', 'queue', REVIEWS, '--config', file, '--lang', 'en']);
    expect(a.stderr).toContain(`storeops: error: config file ${file} holds notify secrets or robot URLs but others can read it (mode 644); refused`);
    const b = runCli(['reviews', 'queue', REVIEWS, '--config', file], { env: { STOREOPS_LANG: 'en' } });
    expect(b.stderr).toContain('storeops: error: config file');
  });

  it('"lang": "en" with LANG=zh_CN.UTF-8: English', () => {
    const file = openConfig('en');
    const r = runCli(['reviews', 'queue', REVIEWS, '--config', file], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.stderr).toContain('storeops: error: config file');
  });
});
