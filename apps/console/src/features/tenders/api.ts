import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call, downloadFile } from '@/lib/api';
import { uploadBidFile } from '@/lib/upload';

export type Tender = components['schemas']['ProjectDto'];
export type TenderDetail = components['schemas']['ProjectDetailDto'];

export const tenderKeys = {
  all: ['tenders'] as const,
  list: ['tenders', 'list'] as const,
  one: (id: string) => ['tenders', 'one', id] as const,
};

/**
 * The tenders open for bids. The API filters by status only; the page filters these by area,
 * category and closing date (the open tenders of a district are a few dozen at most).
 */
export function useTenders() {
  return useQuery({
    queryKey: tenderKeys.list,
    queryFn: () =>
      call(
        api.GET('/api/procurement/projects', {
          params: { query: { status: 'published', page: 1, limit: 100 } },
        }),
      ),
  });
}

export function useTender(id: string | undefined) {
  return useQuery({
    queryKey: tenderKeys.one(id ?? ''),
    queryFn: () =>
      call(api.GET('/api/procurement/projects/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export type Bid = components['schemas']['BidDto'];
export type BidBody = components['schemas']['SubmitBidDto'];
export type BidFile = components['schemas']['FileDto'];
export type Award = components['schemas']['AwardDto'];

export const bidKeys = {
  all: ['bids'] as const,
  ofProject: (projectId: string) => ['bids', 'project', projectId] as const,
  files: (bidId: string) => ['bids', 'files', bidId] as const,
};

/**
 * The project's bids as the API shows them to the caller: while sealed, the bidding
 * organization's own (every version: submitted, replaced, withdrawn); after close, the live bids.
 */
export function useProjectBids(projectId: string, enabled = true) {
  return useQuery({
    queryKey: bidKeys.ofProject(projectId),
    queryFn: () =>
      call(api.GET('/api/procurement/projects/{id}/bids', { params: { path: { id: projectId } } })),
    enabled,
  });
}

export function useBidFiles(bidId: string) {
  return useQuery({
    queryKey: bidKeys.files(bidId),
    queryFn: () => call(api.GET('/api/bids/{id}/files', { params: { path: { id: bidId } } })),
  });
}

/** A bid file, fetched with the token and saved under its own name. */
export function downloadBidFile(bidId: string, file: BidFile): Promise<void> {
  return downloadFile(
    api.GET('/api/bids/{id}/files/{fileId}', {
      params: { path: { id: bidId, fileId: file.id } },
      parseAs: 'blob',
    }),
    file.name,
  );
}

export function useUploadBidFile(bidId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadBidFile(bidId, file),
    onSettled: () => queryClient.invalidateQueries({ queryKey: bidKeys.files(bidId) }),
  });
}

/** Submit (no bid yet) or replace (PUT: a new version, files carried) the caller's bid. */
export function useSaveBid(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, replaces }: { body: BidBody; replaces?: string }) =>
      replaces
        ? call(api.PUT('/api/bids/{id}', { params: { path: { id: replaces } }, body }))
        : call(
            api.POST('/api/procurement/projects/{id}/bids', {
              params: { path: { id: projectId } },
              body,
            }),
          ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: bidKeys.all });
      void queryClient.invalidateQueries({ queryKey: tenderKeys.one(projectId) });
    },
  });
}

export function useWithdrawBid(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bidId: string) =>
      call(api.POST('/api/bids/{id}/withdraw', { params: { path: { id: bidId } } })),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: bidKeys.all });
      void queryClient.invalidateQueries({ queryKey: tenderKeys.one(projectId) });
    },
  });
}

/** One award by its id (a notice names the award; its page is the project's). */
export function useAward(id: string | undefined) {
  return useQuery({
    queryKey: ['awards', id ?? ''],
    queryFn: () => call(api.GET('/api/procurement/awards/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** The winner accepts, or declines with a reason; the project detail answers either way. */
export function useAnswerAward(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ awardId, reason }: { awardId: string; reason?: string }) =>
      reason === undefined
        ? call(
            api.POST('/api/procurement/awards/{id}/accept', { params: { path: { id: awardId } } }),
          )
        : call(
            api.POST('/api/procurement/awards/{id}/decline', {
              params: { path: { id: awardId } },
              body: { reason },
            }),
          ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tenderKeys.one(projectId) }),
  });
}
