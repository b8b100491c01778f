export type DiffOperation = { op: 'equal' | 'insert' | 'delete'; lines: string[] };

/**
 * Line diff (Myers, O((N+M)·D)): fast for long narratives with few edits, which is how
 * testimonies change. Consecutive lines with the same operation are grouped.
 */
export function diffLines(before: string, after: string): DiffOperation[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const max = a.length + b.length;
  const frontier = new Map<number, number>([[1, 0]]);
  const trace: Array<Map<number, number>> = [];
  for (let d = 0; d <= max; d++) {
    trace.push(new Map(frontier));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (frontier.get(k - 1) ?? -1) < (frontier.get(k + 1) ?? -1));
      let x = down ? (frontier.get(k + 1) ?? 0) : (frontier.get(k - 1) ?? 0) + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      frontier.set(k, x);
      if (x >= a.length && y >= b.length) return group(backtrack(trace, a, b, { d, k }));
    }
  }
  return group([]);
}

/** Walks the trace back from where the search reached both ends (`d` edits, on diagonal `k`). */
function backtrack(trace: Array<Map<number, number>>, a: string[], b: string[], end: { d: number; k: number }) {
  let k = end.k;
  const steps: Array<{ op: DiffOperation['op']; line: string }> = [];
  let x = a.length;
  let y = b.length;
  for (let depth = end.d; depth > 0; depth--) {
    const frontier = trace[depth];
    const down = k === -depth || (k !== depth && (frontier.get(k - 1) ?? -1) < (frontier.get(k + 1) ?? -1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = frontier.get(previousK) ?? 0;
    const previousY = previousX - previousK;
    while (x > previousX + (down ? 0 : 1) && y > previousY + (down ? 1 : 0)) {
      steps.push({ op: 'equal', line: a[--x] });
      y--;
    }
    if (down) steps.push({ op: 'insert', line: b[--y] });
    else steps.push({ op: 'delete', line: a[--x] });
    k = previousK;
  }
  while (x > 0 && y > 0) {
    steps.push({ op: 'equal', line: a[--x] });
    y--;
  }
  return steps.reverse();
}

function group(steps: Array<{ op: DiffOperation['op']; line: string }>): DiffOperation[] {
  const groups: DiffOperation[] = [];
  for (const step of steps) {
    const last = groups[groups.length - 1];
    if (last?.op === step.op) last.lines.push(step.line);
    else groups.push({ op: step.op, lines: [step.line] });
  }
  return groups;
}
