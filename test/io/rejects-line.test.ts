// A rejection is one line on stderr (logs are grepped by `file:line`): a line break inside the
// quoted value it echoes shows as `\r\n` (escaped, visible) instead of starting a new line.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/context.js';
import { msg } from '../../src/errors.js';
import { RejectLog, shown } from '../../src/io/rejects.js';
import { tmpDir } from '../helpers.js';

describe('rejections on stderr', () => {
  it('a value holding line breaks stays on one line', async () => {
    const home = tmpDir();
    let err = '';
    const stderr = new PassThrough();
    stderr.on('data', (b: Buffer) => (err += b.toString()));
    const ctx = buildContext({ lang: 'en' }, { stdin: Readable.from([]), stdout: new PassThrough(), stderr, env: { HOME: home }, cwd: home, now: () => 0 });
    const log = new RejectLog(ctx);
    await log.add({ file: 'a.csv', line: 7, column: '订单状态', value: '买家已付款\r\n等待发货', reason: msg(`未知的订单状态 "${shown('买家已付款\r\n等待发货')}"`, `unknown order status "${shown('买家已付款\r\n等待发货')}"`) });
    expect(err).toBe('a.csv:7 [订单状态]: unknown order status "买家已付款\\r\\n等待发货"\n');
  });

  // Round 31: a rejected tracking cell (物流单号 012345678901, a landline's shape written bare) was
  // echoed masked (012****8901); a tracking column's value is no buyer's data and is echoed whole.
  // A phone in another column is still masked: 0571-88888888 → 057****8888 (first 3, last 4).
  it('a tracking column\'s value is echoed whole; a phone column\'s masked', async () => {
    const home = tmpDir();
    let err = '';
    const stderr = new PassThrough();
    stderr.on('data', (b: Buffer) => (err += b.toString()));
    const ctx = buildContext({ lang: 'en' }, { stdin: Readable.from([]), stdout: new PassThrough(), stderr, env: { HOME: home }, cwd: home, now: () => 0 });
    const log = new RejectLog(ctx);
    await log.add({ file: 's.csv', line: 3, column: '物流单号', value: '012345678901', reason: msg('没有揽收时间', 'no pickup time') });
    await log.add({ file: 's.csv', line: 4, column: '联系电话', value: '0571-88888888', reason: msg('错位', 'shifted') });
    expect(err).toBe('s.csv:3 [物流单号]: "012345678901" no pickup time\ns.csv:4 [联系电话]: "057****8888" shifted\n');
  });
});
