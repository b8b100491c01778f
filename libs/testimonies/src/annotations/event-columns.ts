import { Column } from 'typeorm';
import { WithdrawableRecord } from '@sillok/database';
import type { DatePrecision } from './annotation.entity.js';

/**
 * What was done, where, when and by which agency: the columns a passage tag and an incident
 * share (same names and types in both tables; each table keeps its own constraints).
 */
export abstract class EventColumns extends WithdrawableRecord {
  @Column({ type: 'uuid', array: true, default: '{}' })
  violationTermIds: string[];

  @Column({ type: 'uuid', array: true, default: '{}' })
  actTermIds: string[];

  @Column({ type: 'uuid', nullable: true })
  facilityTermId: string | null;

  @Column({ type: 'text', nullable: true })
  placeText: string | null;

  @Column({ type: 'date', nullable: true })
  dateFrom: string | null;

  @Column({ type: 'date', nullable: true })
  dateTo: string | null;

  @Column({ type: 'text', nullable: true })
  datePrecision: DatePrecision | null;

  @Column({ type: 'uuid', array: true, default: '{}' })
  agencyTermIds: string[];
}
