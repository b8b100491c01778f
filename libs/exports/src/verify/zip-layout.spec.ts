import { describe, expect, it } from '@jest/globals';
import { checkZipLayout } from './zip-layout.js';

const bag = ['b/bagit.txt', 'b/data/', 'b/data/case.json', 'b/data/attachments/a.pdf'];

describe('checkZipLayout', () => {
  it('accepts one bag directory with distinct names', () => {
    expect(checkZipLayout(bag)).toEqual({ root: 'b/', failures: [] });
  });

  it('refuses a file beside the bag and a second bag directory', () => {
    expect(checkZipLayout([...bag, 'README.txt']).root).toBeNull();
    const second = checkZipLayout([...bag, 'c/bagit.txt']);
    expect(second.root).toBeNull();
    expect(second.failures).toEqual(['the ZIP must hold one bag directory and nothing else; it holds b, c']);
  });

  it('refuses a name twice', () => {
    expect(checkZipLayout([...bag, 'b/data/case.json']).failures).toEqual([
      'b/data/case.json: in the ZIP more than once',
    ]);
  });

  it('refuses names that normalise to another: letter case, Unicode form, doubled slashes', () => {
    const nfd = 'b/data/한.txt'.normalize('NFD');
    const failures = checkZipLayout([
      ...bag,
      'b/data/CASE.json',
      'b/data/한.txt',
      nfd,
      'b//data/attachments/a.pdf',
    ]).failures;
    expect(failures).toEqual([
      'b/data/CASE.json: names the same file as b/data/case.json once extracted',
      `${nfd}: names the same file as b/data/한.txt once extracted`,
      'b//data/attachments/a.pdf: names the same file as b/data/attachments/a.pdf once extracted',
    ]);
  });

  it('refuses paths that climb out or are absolute', () => {
    for (const name of ['b/../x', 'b/./data/x', 'b\\data\\x'])
      expect(checkZipLayout([...bag, name]).failures).toContainEqual(
        expect.stringContaining(`${name}: not a plain relative path`),
      );
    expect(checkZipLayout(['/b/bagit.txt']).failures).toContainEqual('/b/bagit.txt: not a plain relative path');
  });
});
