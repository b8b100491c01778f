import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('testimony_translations')
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
}
