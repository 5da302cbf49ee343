// The staff Partners screen, in headless Chromium against the real API: an admin finds a partner,
// suspends it with a reason (its public profile goes away) and reinstates it; a reviewer sees the
// list without the buttons; a member without a staff role is kept out.
// Run after `npm run build` (the API serves apps/portal/dist).
import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import type { StaffRole } from '@guild/contracts';
import { UsersService } from '../../apps/api/src/identity/users.service.js';
import { PartnersService } from '../../apps/api/src/partners/partners.service.js';
import { nav, signIn, useBrowserApp } from '../support/browser.js';
import { call } from '../support/http.js';
import { PASSWORD } from './people.js';

const suite = useBrowserApp({}, { viewport: { width: 1280, height: 900 } });
const { withPage } = suite;

const partnerRow = (page: Page, name: string) => page.getByRole('table', { name: 'Partners' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });

let seq = 0;
const uniqueEmail = (label: string) => `${label}.${Date.now()}.${seq++}@example.com`;

async function newUser(label: string, staffRoles: StaffRole[] = []) {
  const user = { email: uniqueEmail(label), password: PASSWORD, displayName: `${label} user`, staffRoles };
  const created = await suite.server.app.get(UsersService).create(user);
  return { ...user, id: created.id };
}

async function newPartner(owner: { id: string }) {
  const suffix = randomBytes(3).toString('hex');
  const name = `Suspendable ${suffix}`;
  const input = { applicationId: randomUUID(), name, website: null, namespace: `susp-${suffix}`, ownerId: owner.id };
  const created = await suite.server.app.get(PartnersService).createForApplication(input, suite.server.app.get(DataSource).manager);
  return { id: created.id, namespace: created.namespace, name };
}

/** Opens Partners from the nav and searches for the namespace. */
async function findPartner(page: Page, namespace: string) {
  await nav(page).getByRole('link', { name: 'Partners', exact: true }).click();
  await page.getByRole('heading', { name: 'Partners', exact: true }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/staff/partners');
  expect(await page.getByLabel('Status').inputValue()).toBe('all');
  await page.getByLabel('Search').fill(namespace);
  await page.getByRole('button', { name: 'Apply' }).click();
  expect(new URL(page.url()).searchParams.get('q')).toBe(namespace);
}

const publicProfileStatus = async (namespace: string) => (await call(suite.server.app, 'GET', `/v1/partners/${namespace}`)).status;

describe('portal: partners for staff', () => {
  it('lets an admin suspend a partner with a reason, then reinstate it', async () => {
    const owner = await newUser('owner');
    const partner = await newPartner(owner);
    const admin = await newUser('admin', ['admin']);

    await withPage('staff-partners-admin', async (page) => {
      await signIn(page, admin);
      await findPartner(page, partner.namespace);

      const row = partnerRow(page, partner.name);
      await row.waitFor();
      const cells = await row.innerText();
      expect(cells).toContain(partner.namespace);
      expect(cells).toContain(owner.email.toLowerCase());
      expect(cells).toContain('Active');
      expect(cells).toContain('No');
      expect(await row.getByRole('link', { name: partner.name }).getAttribute('href')).toBe(`/partners/${partner.namespace}`);

      // Suspending needs a reason: the API's message shows under the field.
      await row.getByRole('button', { name: `Suspend ${partner.name}` }).click();
      const dialog = page.getByRole('dialog', { name: `Suspend ${partner.name}?` });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Suspend partner' }).click();
      await dialog.getByText('reason must be 3 to 2000 characters').waitFor();
      expect(await dialog.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');

      await dialog.getByLabel('Reason').fill('Selling plugins that are not theirs.');
      await dialog.getByRole('button', { name: 'Suspend partner' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('status').filter({ hasText: `${partner.name} is suspended` }).waitFor();
      await row.getByText('Suspended', { exact: true }).waitFor();
      await row.getByText('Selling plugins that are not theirs.').waitFor();
      expect(await row.getByRole('link').count()).toBe(0);
      expect(await publicProfileStatus(partner.namespace)).toBe(404);

      // The Suspended filter lists it; reinstating (no reason needed) brings the profile back.
      await page.getByLabel('Status').selectOption('suspended');
      expect(new URL(page.url()).searchParams.get('status')).toBe('suspended');
      await row.waitFor();
      await row.getByRole('button', { name: `Reinstate ${partner.name}` }).click();
      const reinstate = page.getByRole('dialog', { name: `Reinstate ${partner.name}?` });
      await reinstate.getByRole('button', { name: 'Reinstate partner' }).click();
      await reinstate.waitFor({ state: 'detached' });
      await page.getByRole('status').filter({ hasText: `${partner.name} is reinstated` }).waitFor();
      await page.getByText(`No suspended partners matching “${partner.namespace}”.`).waitFor();
      expect(await publicProfileStatus(partner.namespace)).toBe(200);

      await page.getByLabel('Status').selectOption('active');
      await row.waitFor();
      expect(await row.innerText()).toContain('Active');
      await row.getByRole('button', { name: `Suspend ${partner.name}` }).waitFor();
    });
  }, 120_000);

  it('shows reviewers the list without the buttons, and keeps members out', async () => {
    const owner = await newUser('owner');
    const partner = await newPartner(owner);
    const reviewer = await newUser('reviewer', ['reviewer']);
    const member = await newUser('member');

    await withPage('staff-partners-reviewer', async (page) => {
      await signIn(page, reviewer);
      await findPartner(page, partner.namespace);
      const row = partnerRow(page, partner.name);
      await row.waitFor();
      expect(await row.innerText()).toContain('Active');
      expect(await page.getByRole('button', { name: /Suspend|Reinstate/ }).count()).toBe(0);
    });

    await withPage('staff-partners-member', async (page) => {
      await signIn(page, member);
      await nav(page).getByRole('link', { name: 'API tokens' }).waitFor();
      expect(await nav(page).getByRole('link', { name: 'Partners', exact: true }).count()).toBe(0);
      await page.goto('/staff/partners');
      await page.getByText('You need the reviewer or admin role to see this page.').waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
    });
  }, 90_000);
});
