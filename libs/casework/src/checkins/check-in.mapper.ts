import type { PiiCipher } from '@onedoor/platform';
import type { CheckInRow } from './check-ins.repository';
import type { CheckInDto } from './dto/check-in.dto';

/** The check-in as the adviser reads it: free text decrypted, the outcome spelled out. */
export function toCheckInDto(r: CheckInRow, pii: PiiCipher): CheckInDto {
  return {
    id: r.id,
    caseId: r.caseId,
    householdId: r.householdId,
    mode: r.mode,
    incomeChange: r.incomeChange,
    newMonthlyIncomeFen: r.newMonthlyIncomeFen,
    newSeriousIllness: r.newSeriousIllness,
    newDisability: r.newDisability,
    hospitalStay: r.hospitalStay,
    memberChanges: r.memberChanges,
    lostHousing: r.lostHousing,
    housingDamage: r.housingDamage,
    rentArrears: r.rentArrears,
    newDifficulties: r.newDifficulties,
    difficultyNote: r.difficultyNoteEnc ? pii.decrypt(r.difficultyNoteEnc) : null,
    conclusion: pii.decrypt(r.conclusionEnc),
    openedNeeds: r.openedNeeds,
    reassessmentRequired: r.reassessmentReasons.length > 0,
    reassessmentReasons: r.reassessmentReasons,
    byUserId: r.byUserId,
    byName: r.byName,
    at: r.at.toISOString(),
  };
}
