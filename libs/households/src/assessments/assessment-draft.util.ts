import { DomainError, NotFoundError } from '@onedoor/platform';
import type { AssessmentEntity } from '../assessment.entity';

/** The assessment if it exists (for this caller) and is still a draft: only drafts change. */
export function requireDraft(a: AssessmentEntity | null): AssessmentEntity {
  if (!a) throw new NotFoundError('Assessment', 'ASSESSMENT_NOT_FOUND');
  if (a.status !== 'draft') {
    throw new DomainError(
      'ASSESSMENT_NOT_DRAFT',
      `The assessment is ${a.status} and can no longer change`,
      {
        status: a.status,
      },
    );
  }
  return a;
}
