import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Testimony } from './testimony.entity.js';

@Entity('testimony_translations')
@Index('testimony_translations_language_key', { synchronize: false })
export class TestimonyTranslation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  testimonyId: string;

  @Column('text')
  language: string;

  @Column('text')
  text: string;

  @Column({ type: 'text', nullable: true })
  translator: string | null;

  @Column({ type: 'boolean', default: false })
  checked: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @ManyToOne(() => Testimony)
  @JoinColumn({ name: 'testimony_id', foreignKeyConstraintName: 'testimony_translations_testimony_id_fkey' })
  testimony?: Testimony;
}
