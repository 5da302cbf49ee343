import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, cursorPaging, type Json, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { useAuth } from '../../auth/auth-store';

export type QuestionPage = Json<paths['/v1/community/questions']['get']['responses'][200]>;
export type QuestionSummary = QuestionPage['items'][number];
type QuestionQuery = NonNullable<paths['/v1/community/questions']['get']['parameters']['query']>;
export type QuestionSort = NonNullable<QuestionQuery['sort']>;
export type Question = Json<paths['/v1/community/questions/{id}']['get']['responses'][200]>;
export type Answer = Question['answers'][number];
export type NewQuestion = Json<paths['/v1/community/questions']['post']['requestBody']>;
export type QuestionChanges = Json<paths['/v1/community/questions/{id}']['patch']['requestBody']>;
export type Comment = Question['comments'][number];
export type MemberRef = Question['author'];
export type Revision = Json<paths['/v1/community/questions/{id}/revisions']['get']['responses'][200]>[number];

export type IdeaPage = Json<paths['/v1/community/ideas']['get']['responses'][200]>;
export type IdeaSummary = IdeaPage['items'][number];
type IdeaQuery = NonNullable<paths['/v1/community/ideas']['get']['parameters']['query']>;
export type IdeaStatus = IdeaSummary['status'];
export type IdeaSort = NonNullable<IdeaQuery['sort']>;
export type Idea = Json<paths['/v1/community/ideas/{id}']['get']['responses'][200]>;
export type NewIdea = Json<paths['/v1/community/ideas']['post']['requestBody']>;
export type IdeaStatusChange = Json<paths['/v1/community/ideas/{id}/status']['post']['requestBody']>;

export type Policy = Json<paths['/v1/community/contribution-policy']['get']['responses'][200]>;
export type BadgeInfo = Json<paths['/v1/community/badges']['get']['responses'][200]>[number];
export type Leaderboard = Json<paths['/v1/community/leaderboard']['get']['responses'][200]>;
export type LeaderboardWindow = Leaderboard['window'];
export type MemberProfile = Json<paths['/v1/community/members/{id}']['get']['responses'][200]>;
export type ContributionLine = MemberProfile['recent'][number];

/** What a comment, a hide or a revision list is about. */
export type ContentKind = 'question' | 'answer' | 'idea' | 'comment';

const communityKey = ['community'] as const;
const questionKey = (id: string) => ['community', 'question', id] as const;
const ideaKey = (id: string) => ['community', 'idea', id] as const;

/** Anything posted, voted or moderated can change lists, counts, points and profiles: refresh the community's queries. */
function useCommunityMutation<I, O>(run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: communityKey }) });
}

/**
 * Who is asking, for public routes whose answer depends on the caller (votes, "can accept", hidden
 * content): part of the query key, and undefined while the session is being restored, so nothing
 * is fetched anonymously and then kept once the member turns out to be signed in.
 */
function useViewer(): string | undefined {
  const auth = useAuth();
  return auth.status === 'restoring' ? undefined : auth.status === 'signed-in' ? auth.user.id : 'anonymous';
}

// ---- Q&A ----

export interface QuestionFilter {
  q?: string;
  tag?: string;
  /** Only questions about this listing (`namespace/plugin`) */
  listing?: string;
  sort: QuestionSort;
}

export function useQuestions(filter: QuestionFilter) {
  const viewer = useViewer();
  return useInfiniteQuery({
    queryKey: ['community', 'questions', filter, viewer],
    enabled: viewer !== undefined,
    queryFn: async ({ pageParam }) => {
      const query: QuestionQuery = { sort: filter.sort, ...(filter.q ? { q: filter.q } : {}), ...(filter.tag ? { tag: filter.tag } : {}), ...(filter.listing ? { listing: filter.listing } : {}), ...(pageParam ? { cursor: pageParam } : {}) };
      return unwrap(await api.GET('/v1/community/questions', { params: { query } }));
    },
    ...cursorPaging,
  });
}

export function useQuestionTags() {
  return useQuery({
    queryKey: ['community', 'question-tags'],
    queryFn: async () => unwrap(await api.GET('/v1/community/questions/tags')),
  });
}

export function useQuestion(id: string) {
  const viewer = useViewer();
  return useQuery({
    queryKey: [...questionKey(id), viewer],
    enabled: viewer !== undefined,
    queryFn: async () => unwrap(await api.GET('/v1/community/questions/{id}', { params: { path: { id } } })),
  });
}

export function useAskQuestion() {
  return useCommunityMutation(async (input: NewQuestion) => unwrap(await api.POST('/v1/community/questions', { body: input })));
}

export function useEditQuestion(id: string) {
  return useCommunityMutation(async (changes: QuestionChanges) => unwrap(await api.PATCH('/v1/community/questions/{id}', { params: { path: { id } }, body: changes })));
}

export function useAnswer(questionId: string) {
  return useCommunityMutation(async (body: string) => unwrap(await api.POST('/v1/community/questions/{id}/answers', { params: { path: { id: questionId } }, body: { body } })));
}

export function useEditAnswer(id: string) {
  return useCommunityMutation(async (body: string) => unwrap(await api.PATCH('/v1/community/answers/{id}', { params: { path: { id } }, body: { body } })));
}

/** Marks (or unmarks) an answer helpful: both are idempotent. */
export function useHelpful(id: string) {
  return useCommunityMutation(async (helpful: boolean) => {
    const params = { path: { id } };
    return unwrap(helpful ? await api.PUT('/v1/community/answers/{id}/helpful', { params }) : await api.DELETE('/v1/community/answers/{id}/helpful', { params }));
  });
}

/** The asker accepts an answer (replacing an earlier one) or takes the acceptance back. */
export function useAccept(id: string) {
  return useCommunityMutation(async (accept: boolean) => {
    const params = { path: { id } };
    return unwrap(accept ? await api.POST('/v1/community/answers/{id}/accept', { params }) : await api.DELETE('/v1/community/answers/{id}/accept', { params }));
  });
}

// ---- Ideas ----

export interface IdeaFilter {
  status?: IdeaStatus;
  q?: string;
  sort: IdeaSort;
}

export function useIdeas(filter: IdeaFilter) {
  const viewer = useViewer();
  return useInfiniteQuery({
    queryKey: ['community', 'ideas', filter, viewer],
    enabled: viewer !== undefined,
    queryFn: async ({ pageParam }) => {
      const query: IdeaQuery = { sort: filter.sort, ...(filter.status ? { status: filter.status } : {}), ...(filter.q ? { q: filter.q } : {}), ...(pageParam ? { cursor: pageParam } : {}) };
      return unwrap(await api.GET('/v1/community/ideas', { params: { query } }));
    },
    ...cursorPaging,
  });
}

export function useIdea(id: string) {
  const viewer = useViewer();
  return useQuery({
    queryKey: [...ideaKey(id), viewer],
    enabled: viewer !== undefined,
    queryFn: async () => unwrap(await api.GET('/v1/community/ideas/{id}', { params: { path: { id } } })),
  });
}

export function useSubmitIdea() {
  return useCommunityMutation(async (input: NewIdea) => unwrap(await api.POST('/v1/community/ideas', { body: input })));
}

export function useEditIdea(id: string) {
  return useCommunityMutation(async (changes: { title?: string; body?: string }) => unwrap(await api.PATCH('/v1/community/ideas/{id}', { params: { path: { id } }, body: changes })));
}

export function useVote(id: string) {
  return useCommunityMutation(async (vote: boolean) => {
    const params = { path: { id } };
    return unwrap(vote ? await api.PUT('/v1/community/ideas/{id}/vote', { params }) : await api.DELETE('/v1/community/ideas/{id}/vote', { params }));
  });
}

export function useMoveIdea(id: string) {
  return useCommunityMutation(async (change: IdeaStatusChange) => unwrap(await api.POST('/v1/community/ideas/{id}/status', { params: { path: { id } }, body: change })));
}

export function useCreditIdea(id: string) {
  return useCommunityMutation(async (commentIds: string[]) => unwrap(await api.PUT('/v1/community/ideas/{id}/credits', { params: { path: { id } }, body: { commentIds } })));
}

// ---- Comments, moderation, revisions ----

/** Adds a comment under a question, an answer or an idea. */
export function useAddComment(kind: Exclude<ContentKind, 'comment'>, id: string) {
  return useCommunityMutation(async (body: string) => {
    const params = { path: { id } };
    switch (kind) {
      case 'question':
        return unwrap(await api.POST('/v1/community/questions/{id}/comments', { params, body: { body } }));
      case 'answer':
        return unwrap(await api.POST('/v1/community/answers/{id}/comments', { params, body: { body } }));
      case 'idea':
        return unwrap(await api.POST('/v1/community/ideas/{id}/comments', { params, body: { body } }));
    }
  });
}

export function useEditComment(id: string) {
  return useCommunityMutation(async (body: string) => unwrap(await api.PATCH('/v1/community/comments/{id}', { params: { path: { id } }, body: { body } })));
}

/** A moderator hides content with a reason (its author sees the reason), or shows it again. */
export function useModerate(kind: ContentKind, id: string) {
  return useCommunityMutation(async ({ hide, reason }: { hide: boolean; reason?: string }) => {
    const params = { path: { id } };
    const body = { reason: reason ?? '' };
    switch (kind) {
      case 'question':
        return unwrap(hide ? await api.POST('/v1/staff/community/questions/{id}/hide', { params, body }) : await api.POST('/v1/staff/community/questions/{id}/unhide', { params }));
      case 'answer':
        return unwrap(hide ? await api.POST('/v1/staff/community/answers/{id}/hide', { params, body }) : await api.POST('/v1/staff/community/answers/{id}/unhide', { params }));
      case 'idea':
        return unwrap(hide ? await api.POST('/v1/staff/community/ideas/{id}/hide', { params, body }) : await api.POST('/v1/staff/community/ideas/{id}/unhide', { params }));
      case 'comment':
        return unwrap(hide ? await api.POST('/v1/staff/community/comments/{id}/hide', { params, body }) : await api.POST('/v1/staff/community/comments/{id}/unhide', { params }));
    }
  });
}

/** Every version of a piece of content, the original first; asked only once the panel opens. */
export function useRevisions(kind: ContentKind, id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['community', 'revisions', kind, id],
    enabled,
    queryFn: async (): Promise<Revision[]> => {
      const params = { path: { id } };
      switch (kind) {
        case 'question':
          return unwrap(await api.GET('/v1/community/questions/{id}/revisions', { params }));
        case 'answer':
          return unwrap(await api.GET('/v1/community/answers/{id}/revisions', { params }));
        case 'idea':
          return unwrap(await api.GET('/v1/community/ideas/{id}/revisions', { params }));
        case 'comment':
          return unwrap(await api.GET('/v1/community/comments/{id}/revisions', { params }));
      }
    },
  });
}

// ---- Credit ----

export function usePolicy() {
  return useQuery({
    queryKey: ['community', 'policy'],
    queryFn: async () => unwrap(await api.GET('/v1/community/contribution-policy')),
    staleTime: Infinity,
  });
}

export function useBadges() {
  return useQuery({
    queryKey: ['community', 'badges'],
    queryFn: async () => unwrap(await api.GET('/v1/community/badges')),
  });
}

export function useLeaderboard(window: LeaderboardWindow) {
  return useInfiniteQuery({
    queryKey: ['community', 'leaderboard', window],
    queryFn: async ({ pageParam }) => unwrap(await api.GET('/v1/community/leaderboard', { params: { query: { window, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    ...cursorPaging,
  });
}

export function useMemberProfile(id: string) {
  const viewer = useViewer();
  return useQuery({
    queryKey: ['community', 'member', id, viewer],
    enabled: viewer !== undefined,
    queryFn: async () => unwrap(await api.GET('/v1/community/members/{id}', { params: { path: { id } } })),
  });
}

export function useContributions(id: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['community', 'member', id, 'contributions'],
    enabled,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/v1/community/members/{id}/contributions', { params: { path: { id }, query: pageParam ? { cursor: pageParam } : {} } })),
    ...cursorPaging,
  });
}
