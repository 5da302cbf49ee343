// Drives the real portal build, served by the real API, in headless Chromium: sign-up, sign-out,
// sign-in, API tokens (create, see the secret once, list, revoke), and the API's field errors.
// Run after `npm run build` (the API serves apps/portal/dist).
import type { Page } from 'playwright-core';
import { describedText, header, useBrowserApp } from '../support/browser.js';
import { PASSWORD } from './people.js';

const suite = useBrowserApp();
const { withPage } = suite;

async function fillSignUp(page: Page, user: { email: string; displayName: string; password: string }) {
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Display name').fill(user.displayName);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
}

async function signOut(page: Page) {
  await header(page).getByRole('button', { name: 'Sign out' }).click();
  await header(page).getByRole('link', { name: 'Sign in' }).waitFor();
}

describe('portal: accounts and API tokens', () => {
  it('signs up, signs out, signs in again, creates, lists and revokes an API token', async () => {
    await withPage('tokens', async (page) => {
      const user = { email: `ada.${Date.now()}@example.com`, displayName: 'Ada Lovelace', password: PASSWORD };

      // Sign up through the form; the API signs the new user in.
      await page.goto('/');
      await header(page).getByRole('link', { name: 'Sign up' }).click();
      await page.getByRole('heading', { name: 'Create your Guild account' }).waitFor();
      await fillSignUp(page, user);
      await page.getByRole('heading', { name: 'Your profile' }).waitFor();
      await header(page).getByText(user.displayName).waitFor();
      await page.getByText(user.email).waitFor();
      expect(await page.getByRole('list', { name: 'Roles' }).innerText()).toContain('member');

      await signOut(page);
      expect(new URL(page.url()).pathname).toBe('/');

      // A protected page sends a stranger to sign in, then back to where they were going.
      await page.goto('/profile/tokens');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(page.url()).toContain('/sign-in?next=%2Fprofile%2Ftokens');
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'API tokens' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/profile/tokens');

      // A reload keeps the session: the access token is only in memory, the refresh cookie restores it.
      await page.reload();
      await page.getByText('You have no API tokens yet.').waitFor();
      await header(page).getByText(user.displayName).waitFor();

      // Create a token with one scope; the secret is shown once.
      await page.getByLabel('Token name').fill('CI publisher');
      await page.getByLabel('profile:read').check();
      await page.getByRole('button', { name: 'Create token' }).click();
      const secretInput = page.getByLabel('New token secret');
      await secretInput.waitFor();
      const secret = await secretInput.inputValue();
      expect(secret).toMatch(/^gld_/);
      await page.getByText(/won.t see this secret again/).waitFor();

      // The secret works against the API, within its scope.
      const asToken = await fetch(`${suite.server.url}/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
      expect(asToken.status).toBe(200);
      expect(((await asToken.json()) as { email: string }).email).toBe(user.email);

      // Once hidden, the secret is gone from the page; the list shows the token without it.
      await page.getByRole('button', { name: /hide the secret/ }).click();
      await secretInput.waitFor({ state: 'detached' });
      const row = page.getByRole('row', { name: /CI publisher/ });
      await row.waitFor();
      expect(await row.innerText()).toContain('profile:read');
      expect(await page.content()).not.toContain(secret);
      await page.reload();
      await row.waitFor();
      expect(await page.content()).not.toContain(secret);

      // Revoke, after confirming.
      await row.getByRole('button', { name: 'Revoke CI publisher' }).click();
      const dialog = page.getByRole('dialog', { name: /Revoke “CI publisher”/ });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Revoke token' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('You have no API tokens yet.').waitFor();
      const revoked = await fetch(`${suite.server.url}/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
      expect(revoked.status).toBe(401);

      // Sign out for good: a reload does not bring the session back.
      await signOut(page);
      await page.reload();
      await header(page).getByRole('link', { name: 'Sign in' }).waitFor();
      expect(await header(page).getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    });
  }, 120_000);

  it('renews an expired access token from the refresh cookie, or signs out when it cannot', async () => {
    await withPage('refresh', async (page) => {
      await page.goto('/sign-up');
      await fillSignUp(page, { email: `alan.${Date.now()}@example.com`, displayName: 'Alan Turing', password: PASSWORD });
      await page.getByRole('heading', { name: 'Your profile' }).waitFor();

      // The next token listing answers 401 as if the access token had expired.
      let listings = 0;
      await page.route('**/v1/me/tokens', async (route) => {
        listings += 1;
        if (listings === 1) await route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Expired' } }) });
        else await route.continue();
      });
      const refreshes: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/v1/auth/refresh')) refreshes.push(request.method());
      });

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
      await page.getByText('You have no API tokens yet.').waitFor();
      expect(listings).toBe(2);
      expect(refreshes).toEqual(['POST']);
      await header(page).getByText('Alan Turing').waitFor();

      // Without a valid refresh cookie the session is over: back to sign-in, and then back here.
      await page.context().clearCookies();
      listings = 0;
      await page.getByLabel('Token name').fill('deploys');
      await page.getByLabel('profile:read').check();
      await page.getByRole('button', { name: 'Create token' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(page.url()).toContain('/sign-in?next=%2Fprofile%2Ftokens');
      expect(refreshes).toEqual(['POST', 'POST']);
    });
  }, 60_000);

  it("shows the API's field error beside the password field on sign-up", async () => {
    await withPage('sign-up-error', async (page) => {
      await page.goto('/sign-up');
      await fillSignUp(page, { email: `grace.${Date.now()}@example.com`, displayName: 'Grace Hopper', password: 'password1234' });

      const password = page.getByLabel('Password');
      await page.locator('input[aria-invalid="true"]').waitFor();
      expect(await password.getAttribute('aria-invalid')).toBe('true');
      expect(await describedText(page, password)).toMatch(/common/i);
      // The message sits with the field, not in a form-level alert, and nobody got signed in.
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBeNull();
      expect(new URL(page.url()).pathname).toBe('/sign-up');
      expect(await header(page).getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    });
  }, 60_000);
});
