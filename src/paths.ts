// Where the package's own files are (templates/), whether running from dist/ or from src/ in tests.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'templates'))) return (root = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error('storeops: cannot find the package folder (templates/ missing)');
    dir = up;
  }
}

export function templatesDir(): string {
  return path.join(packageRoot(), 'templates');
}

const docs = new Map<string, string>();

/**
 * A page of docs/ as a message or help names it (`docs/cli.md`), so that the reader can open it:
 * the installed file's absolute path when the package holds it (docs/ ships in the npm package;
 * "see docs/cli.md" named a file relative to wherever the operator ran storeops, which is not
 * there), else the page in the repository package.json names, else as given.
 */
export function doc(rel: string): string {
  let found = docs.get(rel);
  if (found === undefined) {
    let root: string | undefined;
    try {
      root = packageRoot();
    } catch {
      root = undefined;
    }
    found = root === undefined ? rel : docIn(root, rel);
    docs.set(rel, found);
  }
  return found;
}

/** doc() for the package in `root`. */
export function docIn(root: string, rel: string): string {
  const abs = path.join(root, ...rel.split('/'));
  if (fs.existsSync(abs)) return abs;
  const repo = repositoryUrl(root);
  if (!repo) return rel;
  // GitHub and GitLab show a file of the default branch at …/blob/HEAD/<path>; another host: its address and the path.
  if (/^https:\/\/github\.com\//.test(repo)) return `${repo}/blob/HEAD/${rel}`;
  if (/^https:\/\/gitlab\.com\//.test(repo)) return `${repo}/-/blob/HEAD/${rel}`;
  return `${repo} (${rel})`;
}

/** package.json's repository as a web address: "owner/repo", "github:owner/repo", {url: "git+https://….git"}. */
function repositoryUrl(root: string): string | undefined {
  let repo: unknown;
  try {
    repo = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { repository?: unknown }).repository;
  } catch {
    return undefined;
  }
  let url = typeof repo === 'string' ? repo : typeof repo === 'object' && repo !== null && typeof (repo as { url?: unknown }).url === 'string' ? (repo as { url: string }).url : undefined;
  if (!url || url.trim() === '') return undefined;
  url = url.trim();
  const short = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(url);
  if (short) return `https://${short[1] ?? 'github'}.${short[1] === 'bitbucket' ? 'org' : 'com'}/${short[2]!.replace(/\.git$/, '')}`;
  url = url.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/^ssh:\/\/git@/, 'https://').replace(/\.git$/, '');
  const scp = /^git@([^:]+):(.+)$/.exec(url);
  if (scp) url = `https://${scp[1]}/${scp[2]}`;
  return /^https?:\/\//.test(url) ? url.replace(/\/+$/, '') : undefined;
}
