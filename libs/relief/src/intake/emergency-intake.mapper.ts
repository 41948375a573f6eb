import type { PiiCipher } from '@onedoor/platform';
import type { EmergencyIntakeDto, IntakeFileDto } from './dto/emergency-intake.dto';
import type { IntakeRow } from './emergency-intakes.repository';

const PREVIEW_CHARS = 12;

/**
 * The situation is personal: lists show only its first characters; the record's own GET (staff
 * in scope, one family at a time) shows it in full. A follow-up past its date reads `overdue`
 * even before the sweep marks it.
 */
export function toIntakeDto(
  row: IntakeRow,
  headName: string | null,
  pii: PiiCipher,
  files: IntakeFileDto[],
  full: boolean,
  now: Date,
): EmergencyIntakeDto {
  const situation = pii.decrypt(row.situationEnc);
  const preview =
    situation.length > PREVIEW_CHARS ? `${situation.slice(0, PREVIEW_CHARS)}…` : situation;
  return {
    id: row.id,
    householdId: row.householdId,
    headName,
    registeredHousehold: row.registeredHousehold,
    communityId: row.communityId,
    communityName: row.communityName,
    leadId: row.leadId,
    ...(full ? { situation } : {}),
    situationPreview: preview,
    amountRequestedFen: row.amountRequestedFen === null ? null : Number(row.amountRequestedFen),
    grantId: row.grantId,
    assessmentId: row.assessmentId,
    needs: row.needs,
    files,
    followUp: row.followUpId
      ? {
          id: row.followUpId,
          status:
            row.followUpStatus === 'due' && new Date(row.followUpDueAt!) < now
              ? 'overdue'
              : row.followUpStatus!,
          dueAt: new Date(row.followUpDueAt!).toISOString(),
        }
      : null,
    registeredById: row.registeredById,
    registeredAt: row.registeredAt.toISOString(),
  };
}
