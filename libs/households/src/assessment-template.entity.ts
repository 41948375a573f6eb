import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TemplateDefinition } from './template/template.types';

/**
 * An assessment instrument as data. Rows are never edited: changing a template inserts
 * its next version, so completed assessments keep the version they used.
 */
@Entity({ name: 'assessment_template' })
@Index('uq_assessment_template_code_version', ['code', 'version'], { unique: true })
export class AssessmentTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  definition!: TemplateDefinition;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
