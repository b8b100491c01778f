// Longest files first, also on a fresh clone. Jest orders files by the durations it cached from the
// last run on this checkout (failed files first, then the longest), but a clean clone (CI) has no
// cache, and then Jest goes by file size, which can leave a two-minute browser file to start last
// while the other worker idles. test-durations.json holds the seconds of every folder suite
// (test/<folder>/all.e2e-spec.ts: all the same few lines, so their size says nothing) and of any other
// file that took 5 s or more in a full run (relative only, machines differ); a file Jest has a
// duration for keeps Jest's, and one in neither list comes after the listed ones, by size as before.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import Sequencer from '@jest/test-sequencer';

const ESTIMATES = JSON.parse(readFileSync(new URL('./test-durations.json', import.meta.url), 'utf8'));

export default class LongestFirstSequencer extends (Sequencer.default ?? Sequencer) {
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    const estimate = ESTIMATES[relative(test.context.config.rootDir, test.path)];
    if (estimate != null) return estimate * 1000;
    // Under a second per 100 KB: after every listed file, bigger files first.
    return (test.context.hasteFS.getSize(test.path) ?? 0) / 100;
  }
}
