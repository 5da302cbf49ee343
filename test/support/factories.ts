import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { StaffRole } from '@guild/contracts';
import { UsersService } from '../../apps/api/src/identity/users.service.js';
import { call } from './http.js';

export const TEST_PASSWORD = 'correct horse battery';

export interface SignedIn {
  id: string;
  email: string;
  accessToken: string;
  refreshToken: string;
}

let counter = 0;
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}-${counter}-${randomBytes(3).toString('hex')}@example.com`;
}

/** Factories: a signed-up member, or a staff member created the way an admin would end up with one. */
export function factories(app: NestFastifyApplication) {
  const signIn = async (email: string, password = TEST_PASSWORD): Promise<SignedIn> => {
    const response = await call(app, 'POST', '/v1/auth/sign-in', { body: { email, password } });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
    const refresh = response.cookies.find((c) => c.name === 'guild_refresh');
    return { id: response.body.user.id, email, accessToken: response.body.accessToken, refreshToken: refresh!.value };
  };
  return {
    signIn,
    async newMember(label = 'member'): Promise<SignedIn> {
      const email = uniqueEmail(label);
      const response = await call(app, 'POST', '/v1/auth/sign-up', { body: { email, password: TEST_PASSWORD, displayName: label } });
      if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
      const refresh = response.cookies.find((c) => c.name === 'guild_refresh');
      return { id: response.body.user.id, email, accessToken: response.body.accessToken, refreshToken: refresh!.value };
    },
    async newStaff(...roles: StaffRole[]): Promise<SignedIn> {
      const email = uniqueEmail(roles.join('-') || 'staff');
      await app.get(UsersService).create({ email, password: TEST_PASSWORD, displayName: `Staff ${roles.join(' ')}`, staffRoles: roles });
      return signIn(email);
    },
  };
}
