import { it } from 'vitest';
import { Robots, runCliAsync, SECRET } from './robots.js';
import { tmpDir } from '../helpers.js';
import path from 'node:path';
it('smoke', async () => {
  const r = await new Robots().start();
  const d = tmpDir();
  const res = await runCliAsync(['reviews', 'queue', 'examples/reviews.csv', '--as-of', '2026-11-20 12:00:00', '--notify', `dingtalk:${r.dingtalk}`, '--notify', `wecom:${r.wecom}`, '--notify', `feishu:${r.feishu}`, '--notify', r.webhook, '--state', path.join(d, 's.db')], { cwd: process.cwd(), env: { STOREOPS_NOTIFY_SECRET: SECRET } });
  console.log(res.code, res.stdout, res.stderr);
  for (const x of r.received) console.log(x.path, x.status, JSON.stringify(x.answer), x.raw);
  await r.stop();
});
