/** Staff roles. Every signed-up user is a member; staff roles are granted by an admin. */
export const STAFF_ROLES = ['reviewer', 'finance', 'moderator', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const ROLES = ['member', ...STAFF_ROLES] as const;
/** Staff who review: partner applications and plugin versions (admins may do whatever reviewers do). */
export const REVIEWER_ROLES = ['reviewer', 'admin'] as const satisfies readonly StaffRole[];
/** Staff who moderate the community (hide content, move ideas, award points, invite advocates). */
export const MODERATOR_ROLES = ['moderator', 'admin'] as const satisfies readonly StaffRole[];
export type Role = (typeof ROLES)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}
