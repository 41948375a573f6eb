import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { type AreaEntity, AreasRepository } from '@onedoor/areas';
import { DomainError, type FieldError, type Principal, TransactionRunner } from '@onedoor/platform';
import { CreateHouseholdDto } from '../dto/household.dto';
import { HouseholdsService } from '../households.service';
import { VALUE_ALIASES } from './csv-columns';
import { constraintReason, REASONS } from './import-reasons';

export interface ImportRowError {
  row: number;
  field: string;
  /** English, as the API's other messages. */
  message: string;
  /** The same in Chinese, for the error sheet and Chinese users. */
  reason: string;
}

/** A row by canonical column name. */
export type ImportRow = Record<string, string>;

/** The consecutive rows of one household_ref, each with its line in the file. */
export interface ImportGroup {
  ref: string;
  rows: Array<{ line: number; row: ImportRow }>;
}

/** Request fields back to the columns a user wrote. */
const COLUMN_OF: Record<string, string> = {
  communityId: 'community_code',
  idNumber: 'id_number',
  birthDate: 'birth_date',
  disabilityGrade: 'disability_grade',
  chronicIllness: 'chronic_illness',
  educationStage: 'education_stage',
  monthlyIncomeFen: 'monthly_income_yuan',
  savingsFen: 'savings_yuan',
  medicalExpenseFen: 'medical_expense_yuan',
  educationExpenseFen: 'education_expense_yuan',
};
const fileColumn = (field: string) => COLUMN_OF[field] ?? field;
const yuanToFen = (v: string | undefined) => (v ? Math.round(Number(v) * 100) : undefined);
const alias = (column: string, v: string | undefined) =>
  v === undefined || v === '' ? undefined : (VALUE_ALIASES[column]?.[v] ?? v);

/**
 * Imports one household from its rows, in its own transaction; the CSV stream import and the
 * background xlsx/CSV import share it. A household with any bad row is refused whole, with
 * every row's errors (empty when it was saved).
 */
@Injectable()
export class HouseholdRowImporter {
  private readonly logger = new Logger(HouseholdRowImporter.name);

  constructor(
    private readonly households: HouseholdsService,
    private readonly areas: AreasRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async importGroup(
    group: ImportGroup,
    actor: Principal,
    /** Communities by code, looked up once per import (files hold many households per community). */
    communities: Map<string, AreaEntity | null>,
  ): Promise<ImportRowError[]> {
    const errors: ImportRowError[] = [];
    const [first] = group.rows;
    if (!group.ref) {
      errors.push({
        row: first.line,
        field: 'household_ref',
        message: 'is required',
        reason: REASONS.refMissing,
      });
    }
    const headRows = group.rows.filter((r) => alias('relation', r.row.relation) === 'self');
    if (headRows.length !== 1 || headRows[0] !== first) {
      errors.push({
        row: first.line,
        field: 'relation',
        message: 'the first row of a household must be its only head (self / 户主)',
        reason: REASONS.headFirst,
      });
    }
    const code = first.row.community_code;
    if (code && !communities.has(code)) communities.set(code, await this.areas.findByCode(code));
    const community = code ? communities.get(code)! : null;
    if (!community) {
      errors.push({
        row: first.line,
        field: 'community_code',
        message: code ? 'no such community' : 'is required',
        reason: code ? REASONS.noCommunity : constraintReason('community_code', 'isUUID', ''),
      });
    }

    const dto = this.toDto(group, community);
    for (const v of await validate(dto, { whitelist: true, forbidNonWhitelisted: true })) {
      if (v.property === 'communityId') continue; // said above, by code
      errors.push(...this.rowErrors(v, group));
    }
    if (errors.length > 0) return errors;
    try {
      await this.tx.run((manager) => this.households.registerIn(manager, dto, actor));
      return [];
    } catch (error) {
      return [this.saveError(error, group)];
    }
  }

  private toDto(group: ImportGroup, community: AreaEntity | null): CreateHouseholdDto {
    const first = group.rows[0].row;
    return plainToInstance(CreateHouseholdDto, {
      communityId: community?.id ?? '00000000-0000-0000-0000-000000000000',
      residency: alias('residency', first.residency),
      phone: first.phone || undefined,
      address: first.address || undefined,
      tags: first.tags
        ? first.tags
            .split(/[;；、|]/)
            .map((t) => t.trim())
            .filter(Boolean)
        : undefined,
      savingsFen: yuanToFen(first.savings_yuan),
      vehicles: first.vehicles ? Number(first.vehicles) : undefined,
      housing: alias('housing', first.housing),
      medicalExpenseFen: yuanToFen(first.medical_expense_yuan),
      educationExpenseFen: yuanToFen(first.education_expense_yuan),
      members: group.rows.map(({ row }) => ({
        name: row.name,
        relation: alias('relation', row.relation),
        idNumber: row.id_number,
        birthDate: row.birth_date || undefined,
        gender: alias('gender', row.gender),
        disabilityGrade: row.disability_grade ? Number(row.disability_grade) : undefined,
        chronicIllness: row.chronic_illness
          ? alias('chronic_illness', row.chronic_illness) === 'true'
          : undefined,
        employment: alias('employment', row.employment),
        educationStage: alias('education_stage', row.education_stage),
        monthlyIncomeFen: yuanToFen(row.monthly_income_yuan),
      })),
    });
  }

  /** A refusal by the registration itself (scope, duplicate head, a member rule). */
  private saveError(error: unknown, group: ImportGroup): ImportRowError {
    const first = group.rows[0];
    if (!(error instanceof DomainError)) {
      // One household failing for an unexpected reason does not stop the rest: it is
      // reported (without the database's words, which may quote personal data) and logged.
      this.logger.error({ err: error, row: first.line }, 'household import row failed');
      return {
        row: first.line,
        field: 'household',
        message: 'could not be saved; see the server log',
        reason: REASONS.notSaved,
      };
    }
    if (error.code === 'HOUSEHOLD_DUPLICATE') {
      return {
        row: first.line,
        field: 'id_number',
        message: error.message,
        reason: REASONS.duplicateHead,
      };
    }
    if (error.code === 'FORBIDDEN' || error.code === 'AREA_OUT_OF_SCOPE') {
      return {
        row: first.line,
        field: 'community_code',
        message: error.message,
        reason: REASONS.outOfScope,
      };
    }
    const details = Array.isArray(error.details) ? (error.details as FieldError[]) : [];
    const member = /^members\[(\d+)\]\.(\w+)/.exec(details[0]?.field ?? '');
    const at = member ? group.rows[Number(member[1])] : first;
    const field = member ? fileColumn(member[2]) : fileColumn(details[0]?.field ?? 'household');
    return {
      row: at.line,
      field,
      message: error.message,
      reason: constraintReason(field, error.code, at.row[field] ?? 'x'),
    };
  }

  /** Class-validator errors mapped back to rows and columns. */
  private rowErrors(v: ValidationError, group: ImportGroup): ImportRowError[] {
    const first = group.rows[0];
    const fieldErrors = (
      at: { line: number; row: ImportRow },
      property: string,
      constraints: Record<string, string> | undefined,
    ) => {
      const field = fileColumn(property);
      return Object.entries(constraints ?? {}).map(([constraint, message]) => ({
        row: at.line,
        field,
        message,
        reason: constraintReason(field, constraint, at.row[field]),
      }));
    };
    if (v.property !== 'members') return fieldErrors(first, v.property, v.constraints);
    return (v.children ?? []).flatMap((memberError) =>
      (memberError.children ?? []).flatMap((f) =>
        fieldErrors(group.rows[Number(memberError.property)], f.property, f.constraints),
      ),
    );
  }
}
