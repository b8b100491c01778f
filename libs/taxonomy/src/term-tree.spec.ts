import { describe, expect, it } from '@jest/globals';
import { buildTermTree } from './taxonomy-term.view.js';
import type { TermResponse } from './taxonomy.responses.js';

function term(id: string, code: string, parentId: string | null): TermResponse {
  return {
    id,
    scheme: 'coi-violation',
    code,
    labelEn: code,
    labelKo: null,
    parentId,
    aliases: [],
    notes: null,
    attributes: {},
    coordinates: null,
    status: 'active',
    deprecatedReason: null,
    deprecatedAt: null,
    origin: 'seed',
    createdBy: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  };
}

describe('buildTermTree', () => {
  it('nests children under parents in natural code order', () => {
    const tree = buildTermTree([
      term('e10', 'E.10', 'e'),
      term('f', 'F', null),
      term('e2', 'E.2', 'e'),
      term('e', 'E', null),
    ]);
    expect(tree.map((n) => n.code)).toEqual(['E', 'F']);
    expect(tree[0].children.map((n) => n.code)).toEqual(['E.2', 'E.10']);
    expect(tree[1].children).toEqual([]);
  });

  it('drops the subtree of a term that was filtered out', () => {
    const tree = buildTermTree([term('e2', 'E.2', 'e'), term('f', 'F', null)]);
    expect(tree.map((n) => n.code)).toEqual(['F']);
  });
});
