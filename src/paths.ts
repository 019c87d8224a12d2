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
