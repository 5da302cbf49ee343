/** Staff roles. Every signed-up user is a member; staff roles are granted by an admin. */
export const STAFF_ROLES = ['reviewer', 'finance', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const ROLES = ['member', ...STAFF_ROLES] as const;
export type Role = (typeof ROLES)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}
