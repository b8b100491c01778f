import { describe, expect, it } from '@jest/globals';
import { diffLines, type DiffOperation } from './text-diff.js';

function apply(before: string, diff: DiffOperation[]): { before: string; after: string } {
  const old: string[] = [];
  const next: string[] = [];
  for (const part of diff) {
    if (part.op !== 'insert') old.push(...part.lines);
    if (part.op !== 'delete') next.push(...part.lines);
  }
  return { before: old.join('\n'), after: next.join('\n') };
}

describe('diffLines', () => {
  it('finds nothing changed in equal texts', () => {
    expect(diffLines('a\nb', 'a\nb')).toEqual([{ op: 'equal', lines: ['a', 'b'] }]);
  });

  it('shows an edited line as a delete and an insert, in place', () => {
    expect(diffLines('요덕\n1997년\n강제노동', '요덕\n1998년 무렵\n강제노동')).toEqual([
      { op: 'equal', lines: ['요덕'] },
      { op: 'delete', lines: ['1997년'] },
      { op: 'insert', lines: ['1998년 무렵'] },
      { op: 'equal', lines: ['강제노동'] },
    ]);
  });

  it('reconstructs both texts exactly, for random edits', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 50; round++) {
      const a = Array.from({ length: Math.floor(random() * 30) }, () => String(Math.floor(random() * 5))).join('\n');
      const b = Array.from({ length: Math.floor(random() * 30) }, () => String(Math.floor(random() * 5))).join('\n');
      expect(apply(a, diffLines(a, b))).toEqual({ before: a, after: b });
    }
  });
});
