// The shipped example rule file (templates/rules/custom-example.json) copied, edited by a test and
// written to a fresh folder as my-rules.json, as an operator copies and edits it.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, tmpDir } from '../helpers.js';

export type ExampleRules = Record<string, unknown> & { tiers: Record<string, unknown>[] };

const EXAMPLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', 'rules', 'custom-example.json'), 'utf8')) as ExampleRules;

/** The path of the edited copy. */
export function ruleFile(edit: (r: ExampleRules) => void): string {
  const r = structuredClone(EXAMPLE);
  edit(r);
  const f = path.join(tmpDir(), 'my-rules.json');
  fs.writeFileSync(f, JSON.stringify(r, null, 2));
  return f;
}
