// Fails the mutation run when any one rule file scores below the break threshold: Stryker's
// own `thresholds.break` judges only the total, where a strong file can hide a weak one.
import { readFileSync } from 'node:fs';
import { RULE_FILES } from './rule-files.mjs';

const BREAK = 90;
const report = JSON.parse(readFileSync(new URL('../reports/mutation/mutation.json', import.meta.url), 'utf8'));

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

let failed = false;
for (const file of RULE_FILES) {
  const mutants = report.files[file]?.mutants;
  if (!mutants) {
    console.error(`${file}: not in the mutation report`);
    failed = true;
    continue;
  }
  const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
  const undetected = mutants.filter((m) => UNDETECTED.has(m.status)).length;
  const score = detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
  const verdict = score < BREAK ? 'FAIL' : 'ok';
  if (score < BREAK) failed = true;
  console.log(`${verdict.padEnd(4)} ${score.toFixed(2).padStart(6)}%  ${detected}/${detected + undetected}  ${file}`);
  for (const m of mutants) {
    const where = `${file}:${m.location.start.line} ${m.mutatorName} -> ${JSON.stringify(m.replacement)}`;
    if (UNDETECTED.has(m.status))
      console.log(`       ${m.status.toLowerCase()}: ${where} (must be explained in mutation/SURVIVORS.md)`);
    // A hit limit is a count, so it proves an endless loop; a clock timeout may be a busy machine instead.
    else if (m.status === 'Timeout' && !m.statusReason?.startsWith('Hit limit'))
      console.log(`       timed out by the clock (a real hang? see mutation/SURVIVORS.md): ${where}`);
  }
}
if (failed) {
  console.error(`mutation score below ${BREAK}% in at least one rule file (see mutation/SURVIVORS.md)`);
  process.exit(1);
}
