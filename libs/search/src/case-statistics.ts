import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CaseStatistics } from './case-share.js';

/** How long the planner's statistics of the cases are reused before they are read again. */
const STATISTICS_FOR_MS = 60_000;

/** The planner's statistics of search_documents.case_id (see case-share.ts), read at most once a minute. */
@Injectable()
export class CaseStatisticsReader {
  private cached: { at: number; stats: Promise<CaseStatistics | null> } | null = null;

  constructor(private readonly dataSource: DataSource) {}

  current(): Promise<CaseStatistics | null> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > STATISTICS_FOR_MS) {
      const stats = this.read();
      this.cached = { at: now, stats };
      // A failed read is not kept: the next search reads again.
      stats.catch(() => {
        if (this.cached?.stats === stats) this.cached = null;
      });
    }
    return this.cached.stats;
  }

  /** Null until ANALYZE (or autovacuum) has gathered them. */
  private async read(): Promise<CaseStatistics | null> {
    const rows: Array<{ common: string[] | null; shares: number[] | null; distinct: number; documents: number }> =
      await this.dataSource.query(
        `SELECT s.most_common_vals::text::text[] AS common, s.most_common_freqs AS shares,
                s.n_distinct AS distinct, c.reltuples::float8 AS documents
           FROM pg_stats s JOIN pg_class c ON c.oid = 'search_documents'::regclass
          WHERE s.schemaname = current_schema() AND s.tablename = 'search_documents' AND s.attname = 'case_id'`,
      );
    if (!rows.length) return null;
    const [{ common, shares, distinct, documents }] = rows;
    return {
      common: new Map((common ?? []).map((id, i) => [id, Number(shares![i])])),
      distinct: Number(distinct),
      documents: Number(documents),
    };
  }
}
