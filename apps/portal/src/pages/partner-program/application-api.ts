import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Json, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export type Application = Json<paths['/v1/partner-applications/{id}']['get']['responses'][200]>;
export type ApplicationStatus = Application['status'];
export type ApplicationHistoryEntry = Application['history'][number];
export type ApplicationInput = Json<paths['/v1/partner-applications']['post']['requestBody']>;
export type ApplicationChanges = Json<paths['/v1/partner-applications/{id}']['patch']['requestBody']>;
export type NamespaceCheck = Json<paths['/v1/partner-applications/namespace-check']['get']['responses'][200]>;

const myApplicationsKey = ['me', 'partner-applications'] as const;

/** An application that still waits on someone: the member cannot open another one meanwhile. */
export const isOpen = (application: Pick<Application, 'status'>) => application.status === 'submitted' || application.status === 'changes_requested';

/** The member's applications, newest first. */
export function useMyApplications() {
  return useQuery({
    queryKey: myApplicationsKey,
    queryFn: async () => unwrap(await api.GET('/v1/partner-applications/mine')).items,
  });
}

/** Whether a namespace could be claimed now; only asked for a non-empty, settled value. */
export function useNamespaceCheck(namespace: string) {
  return useQuery({
    queryKey: ['partner-applications', 'namespace-check', namespace],
    queryFn: async ({ signal }) => unwrap(await api.GET('/v1/partner-applications/namespace-check', { params: { query: { namespace } }, signal })),
    enabled: namespace.length > 0,
    staleTime: 10_000,
  });
}

function useApplicationMutation<I>(run: (input: I) => Promise<Application>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    // Also after a 409: the application changed under us (a reviewer decided meanwhile), so show its real state.
    onSettled: () => queryClient.invalidateQueries({ queryKey: myApplicationsKey }),
  });
}

export function useApply() {
  return useApplicationMutation(async (input: ApplicationInput) => unwrap(await api.POST('/v1/partner-applications', { body: input })));
}

/** Saves the edits and, when asked, sends the application back to the reviewers in the same step. */
export function useEditApplication(id: string) {
  return useApplicationMutation(async ({ changes, resubmit }: { changes: ApplicationChanges; resubmit: boolean }) => {
    const saved = unwrap(await api.PATCH('/v1/partner-applications/{id}', { params: { path: { id } }, body: changes }));
    if (!resubmit) return saved;
    return unwrap(await api.POST('/v1/partner-applications/{id}/resubmit', { params: { path: { id } } }));
  });
}

export function useWithdrawApplication(id: string) {
  return useApplicationMutation(async () => unwrap(await api.POST('/v1/partner-applications/{id}/withdraw', { params: { path: { id } } })));
}
