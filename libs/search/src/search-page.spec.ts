import { describe, expect, it } from '@jest/globals';
import { readPage, type StatementRunner } from './search-page.js';
import { NEWEST_WALK_SETTINGS, type PageRow, type SearchSql, type Statement } from './search-statements.js';
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

describe('readPage', () => {
  it('answers from the bounded count alone while the hits are counted, with its facets', async () => {
    const facets = [{ facet: 'language', value: 'ko', count: 3 }] as unknown as PageRow['facets'];
    const { run, ran } = scripted([row({ total: 3, facets }), row({ total: 3 }), row({ total: 3 })]);
    const read = await readPage(run, SQL, { page: PAGE, countAtMost: COUNT_AT_MOST, facets: true });
    expect(read.plan).toBe('bounded');
    expect(read.rows).toHaveLength(3);
    expect(read.facetRows).toBe(facets);
    expect(ran).toHaveLength(1);
    expect(ran[0].settings).toEqual([]);
  });

  it('takes the page from the sorted read when the hits are sparse, with the counted total', async () => {
    const sortedRow = row({ id: 'sorted', total: 2_500 });
    const { run, ran } = scripted([row(SPARSE)], [sortedRow]);
    const read = await readPage(run, SQL, { page: PAGE, countAtMost: COUNT_AT_MOST, facets: false });
    expect(read.plan).toBe('sorted');
    expect(read.rows).toEqual([{ ...sortedRow, total: COUNT_AT_MOST + 1 }]);
    expect(ran).toHaveLength(2);
    // The sorted read is bounded by four times the estimate (2,002 hits).
    expect(ran[0].statement.text).toContain(`c.total <= ${COUNT_AT_MOST}`);
    expect(ran[1].statement.text).toContain('c.total <= 8008');
  });

  it('hands over to the walk when the sorted read passes its bound', async () => {
    const walked = row({ id: 'walked' });
    const { run, ran } = scripted([row(SPARSE)], [row({ total: 8_009 })], [walked]);
    const read = await readPage(run, SQL, { page: PAGE, countAtMost: COUNT_AT_MOST, facets: false });
    expect(read.plan).toBe('walk');
    expect(read.rows).toEqual([{ ...walked, total: COUNT_AT_MOST + 1 }]);
    expect(ran.map((r) => r.settings)).toEqual([[], [], NEWEST_WALK_SETTINGS]);
  });

  it('walks straight away when the hits are dense', async () => {
    const walked = row({ id: 'walked' });
    const { run, ran } = scripted([row(DENSE)], [walked]);
    const read = await readPage(run, SQL, { page: PAGE, countAtMost: COUNT_AT_MOST, facets: false });
    expect(read.plan).toBe('walk');
    expect(read.rows).toEqual([{ ...walked, total: COUNT_AT_MOST + 1 }]);
    expect(ran.map((r) => r.settings)).toEqual([[], NEWEST_WALK_SETTINGS]);
  });

  it('answers an empty walked page with the counted row, so the total is still known', async () => {
    const counted = row({ ...DENSE, id: null });
    const { run } = scripted([counted], []);
    const read = await readPage(run, SQL, { page: PAGE, countAtMost: COUNT_AT_MOST, facets: false });
    expect(read.rows).toEqual([counted]);
  });
});
