// What `npm install -g storeops-*.tgz` gives an operator. Help and error messages send them to
// docs/cli.md, docs/rules.md … ("Full reference: docs/cli.md") and show examples on
// examples/ExportOrderList202611.csv, but the package held only bin, dist and templates: an
// installed copy had neither, so every such pointer led nowhere.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/** Every file under `dir` (relative to ROOT). */
function walk(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('the npm package', () => {
  it('holds every docs/ page and examples/ file that help and messages name', () => {
    // --ignore-scripts: no build (prepare) for a listing.
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const packed = new Set((JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    const named = new Set<string>();
    for (const file of [...walk('src'), ...walk('commands')].filter((f) => f.endsWith('.ts'))) {
      for (const m of fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/\b(docs\/[a-z]+\.md|examples\/[A-Za-z0-9_/.-]+\.(?:csv|xlsx))/g)) named.add(m[1]!);
    }
    // what the source names today (grep of src/ and commands/): 5 pages, 7 example files
    expect([...named].sort()).toEqual([
      'docs/cli.md',
      'docs/formats.md',
      'docs/notify.md',
      'docs/performance.md',
      'docs/rules.md',
      'examples/ExportOrderList202611.csv',
      'examples/reviews.csv',
      'examples/roster/agents.csv',
      'examples/roster/requests.csv',
      'examples/roster/roster-2026-11.csv',
      'examples/roster/volume.csv',
      'examples/zhenjian-products.csv',
    ]);
    expect([...named].filter((f) => !packed.has(f))).toEqual([]);
  });
});
