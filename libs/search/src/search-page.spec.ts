import { describe, expect, it } from '@jest/globals';
import { readPage, type StatementRunner } from './search-page.js';
import {
  NEWEST_WALK_SETTINGS,
  PHRASE_COUNT_SETTINGS,
  type PageRow,
  type SearchSql,
  type Statement,
} from './search-statements.js';
import { SqlParams } from './text/search-text.js';

/** A browse with no words: the statements are built for real, only their answers are scripted. */
const SQL: SearchSql = {
  from: 'search_documents d',
  where: ['d.withdrawn_at IS NULL'],
  narrower: null,
  rank: '0',
  params: new SqlParams(),
  words: [],
  textQuery: null,
  textParamCount: 0,
  phrase: false,
};
const PAGE = { limit: 20, offset: 0, after: null };
const COUNT_AT_MOST = 1000;

/** A row as the statements return it; the density columns say where the count stopped. */
function row(fields: Partial<PageRow>): PageRow {
  return { id: 'hit', total: null, facets: null, last_block: 0, blocks: 0, documents: 0, ...fields } as PageRow;
}

/** Answers each statement in turn with the next scripted rows, and remembers what ran with which settings. */
function scripted(...answers: PageRow[][]) {
  const ran: Array<{ statement: Statement; settings: string[] }> = [];
  const run: StatementRunner = async <R>(statement: Statement, settings: string[] = []) => {
    ran.push({ statement, settings });
    const answer = answers.shift();
    if (!answer) throw new Error('no more statements were expected');
    return answer as R[];
  };
  return { run, ran };
}

// Past the count, hits spread over half of a 100,000-block table: about 2,000 of 1M documents.
const SPARSE = { total: COUNT_AT_MOST + 1, last_block: 49_999, blocks: 100_000, documents: 1_000_000 };
// Past the count within the first blocks: most documents are hits.
const DENSE = { total: COUNT_AT_MOST + 1, last_block: 9, blocks: 100_000, documents: 1_000_000 };

const density = (r: typeof SPARSE) => ({
  counted: r.total,
  lastBlock: r.last_block,
  blocks: r.blocks,
  documents: r.documents,
});

describe('readPage', () => {
  it('answers from the bounded count alone while the hits are counted, with its facets', async () => {
    const facets = [{ facet: 'language', value: 'ko', count: 3 }] as unknown as PageRow['facets'];
    const { run, ran } = scripted([row({ total: 3, facets }), row({ total: 3 }), row({ total: 3, id: null })]);
    const read = await readPage(run, SQL, { page: PAGE, countAtMost: COUNT_AT_MOST, facets: true, carried: null });
    expect(read.plan).toBe('bounded');
    expect(read.hits).toHaveLength(2);
    expect({ total: read.total, density: read.density }).toEqual({ total: 3, density: null });
    expect(read.facetRows).toBe(facets);
    expect(ran).toHaveLength(1);
    expect(ran[0].settings).toEqual([]);
  });

  it('takes the page from the sorted read when the hits are sparse, with the counted total', async () => {
    const sortedRow = row({ id: 'sorted', total: 2_500 });
    const { run, ran } = scripted([row(SPARSE)], [sortedRow]);
    const read = await readPage(run, SQL, { page: PAGE, countAtMost: COUNT_AT_MOST, facets: false, carried: null });
    expect(read.plan).toBe('sorted');
    expect(read.hits).toEqual([sortedRow]);
    expect({ total: read.total, density: read.density }).toEqual({
      total: COUNT_AT_MOST + 1,
      density: density(SPARSE),
    });
    expect(ran).toHaveLength(2);
    // The sorted read is bounded by four times the estimate (2,002 hits).
    expect(ran[0].statement.text).toContain(`c.total <= ${COUNT_AT_MOST}`);
    expect(ran[1].statement.text).toContain('c.total <= 8008');
  });

  it('hands over to the walk when the sorted read passes its bound', async () => {
    const walked = row({ id: 'walked' });
    const { run, ran } = scripted([row(SPARSE)], [row({ total: 8_009 })], [walked]);
    const read = await readPage(run, SQL, { page: PAGE, countAtMost: COUNT_AT_MOST, facets: false, carried: null });
    expect(read.plan).toBe('walk');
    expect(read.hits).toEqual([walked]);
    expect(read.total).toBe(COUNT_AT_MOST + 1);
    expect(ran.map((r) => r.settings)).toEqual([[], [], NEWEST_WALK_SETTINGS]);
  });

  it('walks straight away when the hits are dense', async () => {
    const walked = row({ id: 'walked' });
    const { run, ran } = scripted([row(DENSE)], [walked]);
    const read = await readPage(run, SQL, { page: PAGE, countAtMost: COUNT_AT_MOST, facets: false, carried: null });
    expect(read.plan).toBe('walk');
    expect(read.hits).toEqual([walked]);
    expect({ total: read.total, density: read.density }).toEqual({ total: COUNT_AT_MOST + 1, density: density(DENSE) });
    expect(ran.map((r) => r.settings)).toEqual([[], NEWEST_WALK_SETTINGS]);
  });

  it('answers an empty walked page with no hits and the counted total', async () => {
    const { run } = scripted([row({ ...DENSE, id: null })], []);
    const read = await readPage(run, SQL, { page: PAGE, countAtMost: COUNT_AT_MOST, facets: false, carried: null });
    expect({ hits: read.hits, total: read.total }).toEqual({ hits: [], total: COUNT_AT_MOST + 1 });
  });

  it('counts a query with a phrase through the index, its sorted read too', async () => {
    const phrase = { ...SQL, phrase: true };
    const { run, ran } = scripted([row(SPARSE)], [row({ id: 'sorted', total: 2_500 })]);
    await readPage(run, phrase, { page: PAGE, countAtMost: COUNT_AT_MOST, facets: false, carried: null });
    expect(ran.map((r) => r.settings)).toEqual([PHRASE_COUNT_SETTINGS, PHRASE_COUNT_SETTINGS]);
    const dense = scripted([row(DENSE)], [row({ id: 'walked' })]);
    await readPage(dense.run, phrase, { page: PAGE, countAtMost: COUNT_AT_MOST, facets: false, carried: null });
    expect(dense.ran.map((r) => r.settings)).toEqual([PHRASE_COUNT_SETTINGS, NEWEST_WALK_SETTINGS]);
  });

  describe("a later page whose cursor carries the first page's count", () => {
    it('skips the count: walks, or reads sorted, by the carried density', async () => {
      const walked = row({ id: 'walked' });
      const dense = scripted([walked]);
      const options = { page: PAGE, countAtMost: COUNT_AT_MOST, facets: false };
      const fromDense = await readPage(dense.run, SQL, { ...options, carried: density(DENSE) });
      expect(fromDense).toMatchObject({
        plan: 'walk',
        hits: [walked],
        total: COUNT_AT_MOST + 1,
        density: density(DENSE),
      });
      expect(dense.ran.map((r) => r.settings)).toEqual([NEWEST_WALK_SETTINGS]);

      const sparse = scripted([row({ id: 'sorted', total: 2_500 })]);
      const fromSparse = await readPage(sparse.run, SQL, { ...options, carried: density(SPARSE) });
      expect(fromSparse).toMatchObject({ plan: 'sorted', total: COUNT_AT_MOST + 1 });
      expect(sparse.ran).toHaveLength(1);
      expect(sparse.ran[0].statement.text).toContain('c.total <= 8008');
    });

    it("counts again when facets are asked for, or when the carried count is within today's threshold", async () => {
      const withFacets = scripted([row({ ...DENSE, id: null })], [row({ id: 'walked' })]);
      const read = await readPage(withFacets.run, SQL, {
        page: PAGE,
        countAtMost: COUNT_AT_MOST,
        facets: true,
        carried: density(DENSE),
      });
      expect(read.plan).toBe('walk');
      expect(withFacets.ran[0].statement.text).toContain(`c.total <= ${COUNT_AT_MOST}`);

      // Counted past 1,000 then; the threshold is 5,000 now: 1,001 hits may be all of them.
      const raised = scripted([row({ total: 1_001 })]);
      const recount = await readPage(raised.run, SQL, {
        page: PAGE,
        countAtMost: 5_000,
        facets: false,
        carried: density(DENSE),
      });
      expect({ plan: recount.plan, total: recount.total }).toEqual({ plan: 'bounded', total: 1_001 });
    });
  });
});
