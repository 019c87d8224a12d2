// README "Contact policy": "A stop is for good: an entry logged after it (resolved, complaint_filed,
// or a contact forced on record) does not lift it — the order's status stays do_not_contact".
// `reviews queue` showed 勿再联系, but `ledger list --what contacts` showed the latest entry's status:
// 已解决 / resolved after do_not_contact, so the ledger told the operator the opposite of the queue.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const REVIEWS = path.join(EXAMPLES, 'reviews.csv');
// examples/reviews.csv: 2987650012233445501 中评 2026-11-20 09:12:00.
const ID = '2987650012233445501';

function log(st: string, status: string, at: string) {
  const r = runCli(['reviews', 'log', ID, '--status', status, '--reviews', REVIEWS, '--as-of', at, '--state', st]);
  expect(r.code).toBe(0);
}

describe('ledger list --what contacts after a stop', () => {
  it('contacted 10:00, do_not_contact 11:00, resolved 12:00: status do_not_contact, updated 12:00', () => {
    const st = path.join(tmpDir(), 'state.db');
    log(st, 'contacted', '2026-11-21 10:00:00');
    log(st, 'do_not_contact', '2026-11-21 11:00:00');
    log(st, 'resolved', '2026-11-21 12:00:00');
    const r = runCli(['ledger', 'list', '--what', 'contacts', '--state', st, '-f', 'csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    // attempts 1 (only `contacted` is an attempt), last contact 10:00, last entry 12:00 (resolved).
    expect(r.stdout).toBe('orderId,status,attempts,lastContactAt,updatedAt,channel,note,who\n' + `${ID},do_not_contact,1,2026-11-21 10:00:00,2026-11-21 12:00:00,,,\n`);
    const zh = runCli(['ledger', 'list', '--what', 'contacts', '--state', st, '-f', 'csv', '--lang', 'zh']);
    expect(zh.stdout.split('\n')[1]).toBe(`${ID},勿再联系,1,2026-11-21 10:00:00,2026-11-21 12:00:00,,,`);
    // The queue says the same (with --all: the item is not resolved, it is stopped).
    const q = runCli(['reviews', 'queue', REVIEWS, '--as-of', '2026-11-21 13:00:00', '--state', st, '-f', 'json']);
    const item = (JSON.parse(q.stdout) as { orderId: string; status: string }[]).find((i) => i.orderId === ID);
    expect(item?.status).toBe('do_not_contact');
  });

  it('without a stop the latest status stands: contacted then resolved → resolved', () => {
    const st = path.join(tmpDir(), 'state.db');
    log(st, 'contacted', '2026-11-21 10:00:00');
    log(st, 'resolved', '2026-11-21 12:00:00');
    const r = runCli(['ledger', 'list', '--what', 'contacts', '--state', st, '-f', 'csv', '--lang', 'en']);
    expect(r.stdout.split('\n')[1]).toBe(`${ID},resolved,1,2026-11-21 10:00:00,2026-11-21 12:00:00,,,`);
  });
});
