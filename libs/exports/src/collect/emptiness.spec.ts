import { describe, expect, it } from '@jest/globals';
import type { CaseFile } from './case-file.js';
import { emptinessToConfirm } from './emptiness.js';

const file = (parts: Partial<Pick<CaseFile, 'testimonies' | 'incidents' | 'attachments'>>) => ({
  testimonies: [],
  incidents: [],
  attachments: [],
  ...parts,
});
const attachment = (path: string, size: number) => ({ path, size }) as CaseFile['attachments'][number];

describe('emptinessToConfirm', () => {
  it('asks to confirm a bag that would hold nothing', () => {
    expect(emptinessToConfirm(file({}))).toMatch(/^nothing would go out/);
  });

  it('asks to confirm a file of 0 bytes, naming it', () => {
    expect(
      emptinessToConfirm(
        file({ attachments: [attachment('attachments/a.pdf', 0), attachment('attachments/b.pdf', 3)] }),
      ),
    ).toBe('attachments/a.pdf is 0 bytes: set confirmEmpty to export anyway');
  });

  it('lets a bag with something in it and no empty file go', () => {
    expect(emptinessToConfirm(file({ attachments: [attachment('attachments/b.pdf', 3)] }))).toBeNull();
    expect(emptinessToConfirm(file({ incidents: [{}] as CaseFile['incidents'] }))).toBeNull();
  });
});
