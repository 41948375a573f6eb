import { api, call } from './api';
import { fileForm } from './file-form';

/**
 * Attaches a file to the caller's own bid (the bearer token and language come from the client's
 * middleware). The API checks type and size; its refusals (415, 413, 409) arrive as ApiError.
 */
export function uploadBidFile(bidId: string, file: File) {
  return call(
    api.POST('/api/bids/{id}/files', {
      params: { path: { id: bidId } },
      // The schema types a binary part as a string; the browser sends the File itself.
      body: { file: file as unknown as string },
      bodySerializer: () => fileForm(file),
    }),
  );
}

/** Attaches an evidence file to a milestone of an active contract (staff in scope). */
export function uploadMilestoneFile(contractId: string, milestoneId: string, file: File) {
  return call(
    api.POST('/api/contracts/{id}/milestones/{milestoneId}/files', {
      params: { path: { id: contractId, milestoneId } },
      body: { file: file as unknown as string },
      bodySerializer: () => fileForm(file),
    }),
  );
}

/** Attaches a supporting file (证明材料: a hospital bill, a fire report) to an emergency intake. */
export function uploadIntakeFile(intakeId: string, file: File) {
  return call(
    api.POST('/api/emergency-intakes/{id}/files', {
      params: { path: { id: intakeId } },
      body: { file: file as unknown as string },
      bodySerializer: () => fileForm(file),
    }),
  );
}

/** Uploads the family's signed plan agreement (PDF, PNG or JPEG), before the agreement names it. */
export function uploadPlanFile(caseId: string, file: File) {
  return call(
    api.POST('/api/cases/{id}/plan/files', {
      params: { path: { id: caseId } },
      body: { file: file as unknown as string },
      bodySerializer: () => fileForm(file),
    }),
  );
}
