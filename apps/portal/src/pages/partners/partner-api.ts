import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Json, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

export type Dashboard = Json<paths['/v1/partners/{namespace}/dashboard']['get']['responses'][200]>;
export type PartnerView = Dashboard['partner'];
export type PartnerRole = Dashboard['role'];
export type PartnerMember = Dashboard['members'][number];
export type PartnerInvitation = Dashboard['invitations'][number];
export type StripeStatus = Json<paths['/v1/partners/{namespace}/stripe']['get']['responses'][200]>;
export type PartnerChanges = Json<paths['/v1/partners/{namespace}']['patch']['requestBody']>;
export type InvitationInput = Json<paths['/v1/partners/{namespace}/invitations']['post']['requestBody']>;
export type MemberRoleInput = Json<paths['/v1/partners/{namespace}/members/{userId}']['put']['requestBody']>;
export type PublicProfile = Json<paths['/v1/partners/{namespace}']['get']['responses'][200]>;
export type InvitationPreview = Json<paths['/v1/partner-invitations/{token}']['get']['responses'][200]>;

export const ROLE_LABELS: Record<PartnerRole, string> = { owner: 'Owner', developer: 'Developer', finance: 'Finance' };
/** Who may see and start Stripe onboarding (the API checks the same roles). */
export const canManagePayouts = (role: PartnerRole) => role === 'owner' || role === 'finance';
/** Who may create and edit listings and publish versions (the API checks the same roles); finance members only read. */
export const canPublishPlugins = (role: PartnerRole) => role === 'owner' || role === 'developer';

const myPartnersKey = ['me', 'partners'] as const;
const partnerKey = (namespace: string) => ['partners', namespace] as const;
const dashboardKey = (namespace: string) => [...partnerKey(namespace), 'dashboard'] as const;

/** The partners the member belongs to, with their role in each. */
export function useMyPartners() {
  return useQuery({
    queryKey: myPartnersKey,
    queryFn: async () => unwrap(await api.GET('/v1/me/partners')).items,
  });
}

export function useDashboard(namespace: string) {
  return useQuery({
    queryKey: dashboardKey(namespace),
    queryFn: async () => unwrap(await api.GET('/v1/partners/{namespace}/dashboard', { params: { path: { namespace } } })),
  });
}

export function usePublicProfile(namespace: string) {
  return useQuery({
    queryKey: [...partnerKey(namespace), 'profile'],
    queryFn: async () => unwrap(await api.GET('/v1/partners/{namespace}', { params: { path: { namespace } } })),
  });
}

/** Every change on the dashboard refreshes it (and the nav's list of partners), also after a 409 that says it was out of date. */
function usePartnerMutation<I, O>(namespace: string, run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: partnerKey(namespace) }), queryClient.invalidateQueries({ queryKey: myPartnersKey })]);
    },
  });
}

export function useUpdatePartner(namespace: string) {
  return usePartnerMutation(namespace, async (changes: PartnerChanges) => unwrap(await api.PATCH('/v1/partners/{namespace}', { params: { path: { namespace } }, body: changes })));
}

export function useInvite(namespace: string) {
  return usePartnerMutation(namespace, async (input: InvitationInput) =>
    unwrap(await api.POST('/v1/partners/{namespace}/invitations', { params: { path: { namespace } }, body: input })),
  );
}

export function useRevokeInvitation(namespace: string) {
  return usePartnerMutation(namespace, async (id: string) => unwrap(await api.DELETE('/v1/partners/{namespace}/invitations/{id}', { params: { path: { namespace, id } } })));
}

export function useChangeMemberRole(namespace: string) {
  return usePartnerMutation(namespace, async ({ userId, role }: { userId: string } & MemberRoleInput) =>
    unwrap(await api.PUT('/v1/partners/{namespace}/members/{userId}', { params: { path: { namespace, userId } }, body: { role } })),
  );
}

/** Removes a member; the member's own id means leaving the partner. */
export function useRemoveMember(namespace: string) {
  return usePartnerMutation(namespace, async (userId: string) => unwrap(await api.DELETE('/v1/partners/{namespace}/members/{userId}', { params: { path: { namespace, userId } } })));
}

export function useTransferOwnership(namespace: string) {
  return usePartnerMutation(namespace, async (userId: string) =>
    unwrap(await api.POST('/v1/partners/{namespace}/transfer-ownership', { params: { path: { namespace } }, body: { userId } })),
  );
}

export function useStripeStatus(namespace: string) {
  return useQuery({
    queryKey: [...partnerKey(namespace), 'stripe'],
    queryFn: async () => unwrap(await api.GET('/v1/partners/{namespace}/stripe', { params: { path: { namespace } } })),
  });
}

/** Asks Stripe for the account's state now (after the partner comes back from onboarding). */
export function useRefreshStripe(namespace: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/partners/{namespace}/stripe/refresh', { params: { path: { namespace } } })),
    onSuccess: (status) => {
      queryClient.setQueryData([...partnerKey(namespace), 'stripe'], status);
      return queryClient.invalidateQueries({ queryKey: dashboardKey(namespace) });
    },
  });
}

/** Gets a single-use onboarding link and leaves for Stripe's hosted page. */
export function useStartOnboarding(namespace: string) {
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/partners/{namespace}/stripe/onboarding', { params: { path: { namespace } } })),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['partner-invitations', token],
    queryFn: async () => unwrap(await api.GET('/v1/partner-invitations/{token}', { params: { path: { token } } })),
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/partner-invitations/{token}/accept', { params: { path: { token } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myPartnersKey }),
  });
}
