import { describe, expect, it } from '@jest/globals';
import { BagIdentifiers } from './bag-identifiers.js';

const ID = '0b7c6a3e-4e8f-4c1a-9d52-2f3e1a9b8c7d';

describe('BagIdentifiers', () => {
  it('shows internal ids as they are where the profile allows', () => {
    const ids = new BagIdentifiers(false);
    expect(ids.pseudonymous).toBe(false);
    expect(ids.of(ID)).toBe(ID);
    expect(ids.of(null)).toBeNull();
  });

  it('gives one stable pseudonym per id within a bag, unrelated across bags', () => {
    const bag = new BagIdentifiers(true);
    const other = new BagIdentifiers(true);
    expect(bag.pseudonymous).toBe(true);
    expect(bag.of(ID)).toMatch(/^bag-[0-9a-f]{16}$/);
    expect(bag.of(ID)).toBe(bag.of(ID));
    expect(bag.of(ID)).not.toBe(bag.of(ID.replace('0b7c', '0b7d')));
    expect(other.of(ID)).not.toBe(bag.of(ID));
    expect(bag.of(ID)).not.toContain(ID.slice(0, 8));
    expect(bag.of(null)).toBeNull();
  });

  it('is a keyed function: the same key gives the same pseudonym', () => {
    const key = Buffer.alloc(32, 7);
    expect(new BagIdentifiers(true, key).of(ID)).toBe(new BagIdentifiers(true, key).of(ID));
  });
});
