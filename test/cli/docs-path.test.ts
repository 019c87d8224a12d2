// Help and messages named docs as relative paths ("Full reference: docs/cli.md"): right in the
// repository, but an operator who installed the package runs storeops from anywhere, where no
// docs/ is. docs/ ships in the package, so the installed file's absolute path is named; a package
// without it names the page in package.json's repository, else the relative path as before.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docIn } from '../../src/paths.js';
import { ROOT, runCli, tmpDir } from '../helpers.js';

const CLI_MD = path.join(ROOT, 'docs', 'cli.md');
const FORMATS_MD = path.join(ROOT, 'docs', 'formats.md');

describe('help names the docs the package holds by their absolute path', () => {
  it('help formats: the last line names both pages where they are', () => {
    const r = runCli(['help', 'formats', '--lang', 'en']);
    expect(r.code).toBe(0);
    // Into a pipe the page is wrapped at 80 columns (text48): the line may break at a space, never in a path.
    expect(r.stdout.replace(/\s+/g, ' ').endsWith(` Full reference: ${FORMATS_MD} (input), ${CLI_MD} (output) `)).toBe(true);
  });

  it('help options (zh): 完整说明 names the installed cli.md', () => {
    const r = runCli(['help', 'options', '--lang', 'zh']);
    expect(r.stdout.endsWith(`\n完整说明: ${CLI_MD}\n`)).toBe(true);
  });

  it('rules list: the note names the installed rules.md', () => {
    const r = runCli(['rules', 'list', '--lang', 'en']);
    expect(r.stderr).toContain(`see storeops rules show <id> and ${path.join(ROOT, 'docs', 'rules.md')}\n`);
  });
});

describe("the help's examples/… run from another folder", () => {
  it("file not found names storeops's own copy of the example (zh/en); another missing file keeps the plain hint", () => {
    // storeops --help shows `storeops orders inspect examples/ExportOrderList202611.csv`; run from
    // any folder but the package's, that was 'file not found' with 'check the path and name' only.
    const dir = tmpDir();
    const ex = path.join(ROOT, 'examples', 'ExportOrderList202611.csv');
    const r = runCli(['orders', 'inspect', 'examples/ExportOrderList202611.csv', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`storeops: error: file not found: examples/ExportOrderList202611.csv\n  hint: storeops's own copy of this example is at: ${ex}\n`);
    const zh = runCli(['roster', 'check', 'examples/roster/roster-2026-11.csv', '--lang', 'zh'], { cwd: dir });
    expect(zh.code).toBe(3);
    expect(zh.stderr).toBe(`storeops: 错误: 找不到文件: examples/roster/roster-2026-11.csv\n  提示: storeops 自带的这个示例文件在: ${path.join(ROOT, 'examples', 'roster', 'roster-2026-11.csv')}\n`);
    const other = runCli(['orders', 'inspect', 'examples/nothing.csv', '--lang', 'en'], { cwd: dir });
    expect(other.stderr).toBe('storeops: error: file not found: examples/nothing.csv\n  hint: check the path and name (use - for standard input).\n');
  });
});

describe('docIn: a package without the page', () => {
  const pkg = (json: object) => {
    const root = tmpDir();
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify(json));
    return root;
  };
  it('the page is there: its absolute path', () => {
    const root = pkg({ name: 'storeops' });
    fs.mkdirSync(path.join(root, 'docs'));
    fs.writeFileSync(path.join(root, 'docs', 'cli.md'), '# cli\n');
    expect(docIn(root, 'docs/cli.md')).toBe(path.join(root, 'docs', 'cli.md'));
  });
  it('not there, a GitHub repository in package.json: the page on GitHub (default branch)', () => {
    expect(docIn(pkg({ repository: { type: 'git', url: 'git+https://github.com/acme/storeops.git' } }), 'docs/cli.md')).toBe('https://github.com/acme/storeops/blob/HEAD/docs/cli.md');
    expect(docIn(pkg({ repository: 'acme/storeops' }), 'docs/rules.md')).toBe('https://github.com/acme/storeops/blob/HEAD/docs/rules.md');
    expect(docIn(pkg({ repository: 'git@gitlab.com:acme/storeops.git' }), 'docs/rules.md')).toBe('https://gitlab.com/acme/storeops/-/blob/HEAD/docs/rules.md');
    expect(docIn(pkg({ repository: 'https://git.example.cn/shop/storeops' }), 'docs/cli.md')).toBe('https://git.example.cn/shop/storeops (docs/cli.md)');
  });
  it('not there and no repository: the relative path, as before', () => {
    expect(docIn(pkg({ name: 'storeops' }), 'docs/cli.md')).toBe('docs/cli.md');
    expect(docIn(pkg({ repository: '' }), 'docs/cli.md')).toBe('docs/cli.md');
  });
});
