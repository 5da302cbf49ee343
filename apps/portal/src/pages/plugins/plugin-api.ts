import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, cursorPaging, type Json, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export type Listing = Json<paths['/v1/plugins/{namespace}/{plugin}']['get']['responses'][200]>;
export type ListingDetails = NonNullable<Listing['draft']>;
export type ListingChanges = Json<paths['/v1/plugins/{namespace}/{plugin}']['patch']['requestBody']>;
export type NewListing = Json<paths['/v1/plugins']['post']['requestBody']>;
export type PartnerListingPage = Json<paths['/v1/partners/{namespace}/plugins']['get']['responses'][200]>;
export type PartnerListing = PartnerListingPage['items'][number];
export type VersionPage = Json<paths['/v1/plugins/{namespace}/{plugin}/versions']['get']['responses'][200]>;
export type VersionSummary = VersionPage['items'][number];
export type Version = Json<paths['/v1/plugins/{namespace}/{plugin}/versions/{version}']['get']['responses'][200]>;
export type ListingReviewPage = Json<paths['/v1/plugins/{namespace}/{plugin}/reviews']['get']['responses'][200]>;
export type ListingReview = ListingReviewPage['items'][number];

export interface ListingRef {
  namespace: string;
  plugin: string;
}

const partnerListingsKey = (namespace: string) => ['partners', namespace, 'plugins'] as const;
export const listingKey = ({ namespace, plugin }: ListingRef) => ['plugins', namespace, plugin] as const;
const versionsKey = (ref: ListingRef) => [...listingKey(ref), 'versions'] as const;

/** The partner's listings, drafts included, newest first. */
export function usePartnerListings(namespace: string) {
  return useInfiniteQuery({
    queryKey: partnerListingsKey(namespace),
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/v1/partners/{namespace}/plugins', { params: { path: { namespace }, query: pageParam ? { cursor: pageParam } : {} } })),
    ...cursorPaging,
  });
}

export function useCreateListing(namespace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: NewListing) => unwrap(await api.POST('/v1/plugins', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerListingsKey(namespace) }),
  });
}

/** A listing: the public copy for anyone, the draft too for its partner and staff. */
export function useListing(ref: ListingRef) {
  return useQuery({
    queryKey: listingKey(ref),
    queryFn: async () => unwrap(await api.GET('/v1/plugins/{namespace}/{plugin}', { params: { path: ref } })),
  });
}

/**
 * After any change to a listing (an edit, an upload, a version action): the listing with its versions
 * and reviews, the partner's list, and the review desk (a new version or listing change joins its queue).
 */
function invalidateListing(queryClient: QueryClient, ref: ListingRef) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: listingKey(ref) }),
    queryClient.invalidateQueries({ queryKey: partnerListingsKey(ref.namespace) }),
    queryClient.invalidateQueries({ queryKey: ['staff', 'plugin-reviews'] }),
  ]);
}

/** A change to a listing; refreshes what shows it, also after a 409 that says it was out of date. */
function useListingMutation<I, O>(ref: ListingRef, run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => invalidateListing(queryClient, ref) });
}

export function useUpdateListing(ref: ListingRef) {
  return useListingMutation(ref, async (changes: ListingChanges) => unwrap(await api.PATCH('/v1/plugins/{namespace}/{plugin}', { params: { path: ref }, body: changes })));
}

export function useSubmitListingChanges(ref: ListingRef) {
  return useListingMutation(ref, async () => unwrap(await api.POST('/v1/plugins/{namespace}/{plugin}/listing-review', { params: { path: ref } })));
}

export function useDeleteScreenshot(ref: ListingRef) {
  return useListingMutation(ref, async (sha256: string) => unwrap(await api.DELETE('/v1/plugins/{namespace}/{plugin}/screenshots/{sha256}', { params: { path: { ...ref, sha256 } } })));
}

/** Refreshes a listing after an upload (icon, screenshot, version) that went around the typed client. */
export function useRefreshListing(ref: ListingRef) {
  const queryClient = useQueryClient();
  return () => invalidateListing(queryClient, ref);
}

const listingPath = ({ namespace, plugin }: ListingRef) => `/v1/plugins/${encodeURIComponent(namespace)}/${encodeURIComponent(plugin)}`;

/** URLs of the multipart routes (sent with XMLHttpRequest for their progress). */
export const uploadUrls = {
  icon: (ref: ListingRef) => `${listingPath(ref)}/icon`,
  screenshots: (ref: ListingRef) => `${listingPath(ref)}/screenshots`,
  versions: (ref: ListingRef) => `${listingPath(ref)}/versions`,
};

/** The Markdown as the listing page will show it (rendered and sanitised by the API). */
export function useMarkdownPreview(markdown: string, enabled: boolean) {
  return useQuery({
    queryKey: ['markdown-preview', markdown],
    queryFn: async () => unwrap(await api.POST('/v1/markdown/preview', { body: { markdown } })).html,
    enabled,
    staleTime: Infinity,
  });
}

/** Versions, newest first (the partner sees all of them; the public only published ones). */
export function useVersions(ref: ListingRef) {
  return useInfiniteQuery({
    queryKey: versionsKey(ref),
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/v1/plugins/{namespace}/{plugin}/versions', { params: { path: ref, query: pageParam ? { cursor: pageParam } : {} } })),
    ...cursorPaging,
  });
}

export function useVersion(ref: ListingRef, version: string, enabled = true) {
  return useQuery({
    queryKey: [...versionsKey(ref), version],
    queryFn: async () => unwrap(await api.GET('/v1/plugins/{namespace}/{plugin}/versions/{version}', { params: { path: { ...ref, version } } })),
    enabled,
  });
}

/** The listing's reviews (versions and listing changes), newest first, with the reviewers' messages. */
export function useListingReviews(ref: ListingRef) {
  return useInfiniteQuery({
    queryKey: [...listingKey(ref), 'reviews'],
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/v1/plugins/{namespace}/{plugin}/reviews', { params: { path: ref, query: pageParam ? { cursor: pageParam } : {} } })),
    ...cursorPaging,
  });
}

export type VersionAction = 'withdraw' | 'deprecate' | 'undeprecate' | 'yank' | 'unyank';

/** Withdraw, deprecate, yank and their undoing; refreshes the versions and the listing (its latest version may change). */
export function useVersionAction(ref: ListingRef) {
  return useListingMutation(ref, async ({ action, version, text }: { action: VersionAction; version: string; text?: string }) => {
    const params = { path: { ...ref, version } };
    switch (action) {
      case 'withdraw':
        return unwrap(await api.POST('/v1/plugins/{namespace}/{plugin}/versions/{version}/withdraw', { params }));
      case 'deprecate':
        return unwrap(await api.POST('/v1/plugins/{namespace}/{plugin}/versions/{version}/deprecate', { params, body: { message: text ?? '' } }));
      case 'undeprecate':
        return unwrap(await api.POST('/v1/plugins/{namespace}/{plugin}/versions/{version}/undeprecate', { params }));
      case 'yank':
        return unwrap(await api.POST('/v1/plugins/{namespace}/{plugin}/versions/{version}/yank', { params, body: { reason: text ?? '' } }));
      case 'unyank':
        return unwrap(await api.POST('/v1/plugins/{namespace}/{plugin}/versions/{version}/unyank', { params }));
    }
  });
}

/** A version's .tgz as a Blob, fetched with the bearer token (a plain link would not carry it: the token lives in memory only). */
export async function fetchPackage(ref: ListingRef, version: string): Promise<Blob> {
  return unwrap(await api.GET('/v1/plugins/{namespace}/{plugin}/versions/{version}/package', { params: { path: { ...ref, version } }, parseAs: 'blob' }));
}
