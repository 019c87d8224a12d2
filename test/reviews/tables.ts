// The shipped tables, loaded the way operators see them (templates/reviews/*.json).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.js';
import { type ForbiddenTable, type KeywordTables, compileTables } from '../../src/reviews/keywords.js';
import type { TemplateSet } from '../../src/reviews/message.js';

const dir = path.join(ROOT, 'templates', 'reviews');
export const keywordTables = JSON.parse(fs.readFileSync(path.join(dir, 'keywords.json'), 'utf8')) as KeywordTables;
export const forbiddenTable = JSON.parse(fs.readFileSync(path.join(dir, 'forbidden.json'), 'utf8')) as ForbiddenTable;
export const shippedMessages = Object.fromEntries(
  Object.entries(JSON.parse(fs.readFileSync(path.join(dir, 'messages.json'), 'utf8')) as Record<string, unknown>).filter(([k]) => !k.startsWith('_')),
) as TemplateSet;
export const matchers = compileTables(keywordTables);
