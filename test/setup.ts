// Runs in every test file: the temporary folders its tests made are removed when it ends.
import { afterAll } from 'vitest';
import { removeTmpDirs } from './helpers.js';

afterAll(() => removeTmpDirs());
