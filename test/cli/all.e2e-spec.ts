// Every spec of this folder in one module graph: test/support/folder-suite.ts.
import { specsBeside } from '../support/folder-suite.js';

for (const spec of specsBeside(import.meta.url)) await import(spec);
