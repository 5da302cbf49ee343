// Publishing a plugin in headless Chromium against the real API, each person in a browser of their
// own: a partner creates a listing and fills it in, uploads a package the validator refuses (and
// reads why), then the example plugin (watching the upload's progress); a reviewer claims it on the
// desk, reads its permissions and approves; the listing is public to a visitor who is signed out,
// and a reviewer can still yank the version for security.
// Run after `npm run build` (the API serves apps/portal/dist).
import type { Page } from 'playwright-core';
import { header, nav, signIn, useBrowserApp } from '../support/browser.js';
import { png } from '../support/images.js';
import { approvedPartner, createUsers, person, uniqueNamespace } from './people.js';
import { packExample, packWithUnknownPermission, tempFile } from './plugin-fixtures.js';

const suite = useBrowserApp({}, { viewport: { width: 1280, height: 900 } });
const { withPage } = suite;

const DESCRIPTION = '## Tiers that fit your shop\n\nTake **5 %** off from 10 units, 10 % from 50.\n\n- Any number of tiers\n- A cap per line';

const main = (page: Page) => page.getByRole('main');

describe('portal: publishing a plugin', () => {
  it('takes a listing from draft through upload and review to the public catalog', async () => {
    const owner = person('owner', 'Olga Owner');
    const reviewer = person('plugin-reviewer', 'Rita Reviewer');
    const namespace = uniqueNamespace('shopkit');
    await createUsers(suite.server.app, owner, { ...reviewer, staffRoles: ['reviewer'] });
    await approvedPartner(suite.server.app, owner, 'Shopkit', namespace);
    const good = await packExample(namespace);
    const bad = await packWithUnknownPermission(namespace);

    await withPage('plugin-publishing-partner', async (partnerPage) => {
      // From the dashboard to the partner's plugins, and a new listing.
      await signIn(partnerPage, owner);
      await nav(partnerPage).getByRole('link', { name: 'Shopkit partner dashboard' }).click();
      await partnerPage.getByRole('heading', { name: /Shopkit/, level: 1 }).waitFor();
      await main(partnerPage).getByRole('link', { name: 'Plugins', exact: true }).click();
      await partnerPage.getByRole('heading', { name: 'Plugins', level: 1 }).waitFor();
      await partnerPage.getByText('No listings yet.').waitFor();
      await partnerPage.getByRole('button', { name: 'New listing' }).click();
      const create = partnerPage.getByRole('form', { name: 'Create a listing' });
      await create.getByLabel('Plugin name').fill('volume-discount');
      await create.getByLabel('Display name').fill('Volume discount');
      await create.getByRole('button', { name: 'Create listing' }).click();
      await partnerPage.getByRole('heading', { name: /Volume discount\s*Draft/, level: 1 }).waitFor();
      expect(new URL(partnerPage.url()).pathname).toBe(`/partners/${namespace}/plugins/volume-discount`);
      await partnerPage.getByRole('status').filter({ hasText: 'The listing is created.' }).waitFor();
      await partnerPage.getByText('Finish the listing first.').waitFor();

      // The draft: text, a Markdown description checked in the preview, categories, links and a price.
      const form = partnerPage.getByRole('form', { name: 'Edit the listing' });
      await form.getByLabel('Summary').fill('Takes a percentage off cart lines bought in quantity.');
      await form.getByLabel('Description', { exact: true }).fill(DESCRIPTION);
      await form.getByRole('button', { name: 'Preview' }).click();
      const preview = form.getByRole('region', { name: 'Description preview' });
      await preview.getByRole('heading', { name: 'Tiers that fit your shop', level: 2 }).waitFor();
      expect(await preview.locator('strong').innerText()).toBe('5 %');
      await form.getByLabel('Finance').check();
      await form.getByLabel('Support URL').fill('javascript:alert(1)');
      await form.getByLabel('One-time purchase').check();
      await form.getByLabel('Price').fill('1900');
      expect(await form.locator('output.money-preview').innerText()).toContain('19.00');
      await form.getByRole('button', { name: 'Save draft' }).click();
      // The API's field error, beside its field.
      const support = form.getByLabel('Support URL');
      await form.locator('.field--invalid').getByLabel('Support URL').waitFor();
      expect(await support.getAttribute('aria-invalid')).toBe('true');
      await support.fill('https://shopkit.example.com/support');
      await form.getByRole('button', { name: 'Save draft' }).click();
      await form.getByRole('status').filter({ hasText: 'The draft is saved.' }).waitFor();

      // An icon and a captioned screenshot, each checked by the API as it arrives.
      const media = partnerPage.getByRole('region', { name: 'Icon and screenshots' });
      await media.getByLabel('Upload an icon').setInputFiles(await tempFile('icon.png', png(128, 128, { rgb: [51, 79, 209] })));
      await media.getByRole('img', { name: 'Volume discount icon' }).waitFor();
      expect(await media.getByRole('progressbar', { name: 'Icon upload progress' }).getAttribute('value')).toBe('100');
      const addScreenshot = media.getByRole('form', { name: 'Add a screenshot' });
      await addScreenshot.getByLabel('Screenshot').setInputFiles(await tempFile('tiers.png', png(640, 400, { rgb: [29, 122, 70] })));
      await addScreenshot.getByLabel('Caption').fill('Tiers at checkout');
      await addScreenshot.getByRole('button', { name: 'Add screenshot' }).click();
      await media.getByLabel('Caption of screenshot 1').waitFor();
      expect(await media.getByLabel('Caption of screenshot 1').inputValue()).toBe('Tiers at checkout');
      // Captions are edited in place and saved together with the order.
      await media.getByLabel('Caption of screenshot 1').fill('Tiers at checkout, per cart line');
      await media.getByRole('button', { name: 'Save captions and order' }).click();
      await media.getByRole('status').filter({ hasText: 'Captions and order are saved.' }).waitFor();

      // A package the validator refuses: its report names every problem, with its code.
      const upload = partnerPage.getByRole('form', { name: 'Upload a version' });
      await upload.getByLabel('Package (.tgz)').setInputFiles(bad);
      await upload.getByRole('button', { name: 'Upload version' }).click();
      const report = upload.getByRole('region', { name: 'Validation report' });
      await report.getByText('The package was refused. Nothing of it was kept.').waitFor();
      const problems = report.getByRole('table', { name: 'Problems found in the package' });
      expect(await problems.innerText()).toMatch(/PERMISSION_INVALID[\s\S]*guild-plugin\.json[\s\S]*teleport/);
      await partnerPage.getByText('No versions yet.').waitFor();

      // The real package: the progress bar runs to 100 %, and the version waits for review.
      await upload.getByLabel('Package (.tgz)').setInputFiles(good.file);
      await upload.getByRole('button', { name: 'Upload version' }).click();
      await upload.getByText('Version 1.0.0 is uploaded.').waitFor({ timeout: 60_000 });
      const progress = upload.getByRole('progressbar', { name: 'Package upload progress' });
      expect(await progress.getAttribute('value')).toBe('100');
      expect(await upload.getByRole('status').filter({ hasText: 'Uploaded volume-discount-1.0.0.tgz' }).count()).toBe(1);
      expect(await report.count()).toBe(0);
      const versions = partnerPage.getByRole('table', { name: 'Versions' });
      expect(await versions.getByRole('row').filter({ hasText: '1.0.0' }).innerText()).toContain('Waiting for review');
      await partnerPage.getByTestId('review-state').getByText('Version 1.0.0: waiting for a reviewer.').waitFor();

      await withPage('plugin-publishing-reviewer', async (reviewerPage) => {
        // The reviewer finds it at the top of the desk, claims it and reads what it asks for.
        await signIn(reviewerPage, reviewer);
        await nav(reviewerPage).getByRole('link', { name: 'Plugin reviews' }).click();
        await reviewerPage.getByRole('heading', { name: 'Plugin reviews', level: 1 }).waitFor();
        const row = reviewerPage.getByRole('table', { name: 'Review queue' }).getByRole('row').filter({ hasText: `${namespace}/volume-discount` });
        expect(await row.innerText()).toMatch(/Version\s*1\.0\.0[\s\S]*Shopkit[\s\S]*under a minute[\s\S]*Waiting for review/);
        await row.getByRole('link', { name: 'Volume discount' }).click();
        await reviewerPage.getByRole('heading', { name: /Volume discount 1\.0\.0\s*Waiting for review/, level: 1 }).waitFor();
        await reviewerPage.getByText('Claim the item to decide on it.').waitFor();
        await reviewerPage.getByRole('button', { name: 'Claim' }).click();
        await reviewerPage.getByText('You are reviewing this').waitFor();
        const permissions = reviewerPage.getByRole('list', { name: 'Permission changes' });
        expect(await permissions.innerText()).toContain('functions:cart.discounts');
        expect(await permissions.locator('.diff__line--added').innerText()).toContain('functions:cart.discounts');
        await reviewerPage.getByText('No earlier approved version: every permission is new.').waitFor();
        await reviewerPage.getByRole('region', { name: 'Validation report' }).getByText(/Passed every check/).waitFor();
        // The README from the package, and the listing copy approval will publish (the listing is still a draft).
        await reviewerPage.getByRole('heading', { name: 'README' }).waitFor();
        await reviewerPage.getByRole('region', { name: 'Proposed listing' }).getByRole('heading', { name: 'Tiers that fit your shop' }).waitFor();

        // Approve: the version is published and the listing goes public with the copy it carried.
        await reviewerPage.getByRole('button', { name: 'Approve' }).click();
        await reviewerPage.getByRole('status').filter({ hasText: 'Approved: the version is published' }).waitFor();
        await reviewerPage.getByRole('heading', { name: /Volume discount 1\.0\.0\s*Approved/, level: 1 }).waitFor();
        expect(await reviewerPage.getByRole('list', { name: 'Review history' }).innerText()).toMatch(/Submitted[\s\S]*Claimed[\s\S]*Rita Reviewer[\s\S]*Approved/);
        await reviewerPage.getByRole('link', { name: 'Plugin reviews' }).first().click();
        await reviewerPage.getByText('The queue is empty').waitFor();
        expect(await reviewerPage.locator('.stat').filter({ hasText: 'Decided, last 30 days' }).locator('dd').innerText()).toBe('1');
      });

      // The partner sees the decision and the public listing.
      await partnerPage.reload();
      await partnerPage.getByRole('heading', { name: /Volume discount\s*Public/, level: 1 }).waitFor();
      await partnerPage.getByTestId('review-state').getByText('Version 1.0.0: approved.').waitFor();
      const published = partnerPage.getByRole('table', { name: 'Versions' }).getByRole('row').filter({ hasText: '1.0.0' });
      expect(await published.innerText()).toContain('Published');

      // Deprecating needs a message for buyers; the version stays listed, marked.
      await published.getByRole('button', { name: 'Deprecate 1.0.0' }).click();
      const dialog = partnerPage.getByRole('dialog', { name: 'Deprecate 1.0.0?' });
      await dialog.getByLabel('Message to buyers').fill('Use 1.1.0 when it is out: it caps discounts per cart.');
      await dialog.getByRole('button', { name: 'Deprecate' }).click();
      await dialog.waitFor({ state: 'detached' });
      await published.getByText('Deprecated').waitFor();
    });

    // Anyone, signed out, finds it in the catalog and reads its page.
    await withPage('plugin-publishing-visitor', async (visitor) => {
      await visitor.goto('/plugins');
      await header(visitor).getByRole('link', { name: 'Sign in' }).waitFor();
      const entry = visitor.getByRole('list', { name: 'Plugins' }).getByRole('listitem').filter({ hasText: 'Volume discount' });
      expect(await entry.innerText()).toMatch(/by Shopkit[\s\S]*Takes a percentage off[\s\S]*19\.00 once/);
      await entry.getByRole('link', { name: 'Volume discount' }).click();
      await visitor.getByRole('heading', { name: 'Volume discount', level: 1 }).waitFor();
      expect(new URL(visitor.url()).pathname).toBe(`/plugins/${namespace}/volume-discount`);
      await visitor.getByTestId('listing-description').getByRole('heading', { name: 'Tiers that fit your shop' }).waitFor();
      expect(await visitor.getByTestId('listing-price').innerText()).toContain('19.00 once');
      await visitor.getByRole('link', { name: 'https://shopkit.example.com/support' }).waitFor();
      expect(await visitor.getByRole('table', { name: 'Published versions' }).innerText()).toMatch(/1\.0\.0\s*Deprecated[\s\S]*\^1\.0\.0[\s\S]*Use 1\.1\.0 when it is out/);
      await visitor.getByRole('img', { name: 'Volume discount icon' }).waitFor();
      await visitor.getByRole('figure').filter({ hasText: 'Tiers at checkout' }).getByRole('img', { name: 'Tiers at checkout' }).waitFor();
      // The image really loads from the media route (right type, allowed by the page's CSP).
      const screenshot = visitor.getByRole('img', { name: 'Tiers at checkout' });
      await screenshot.scrollIntoViewIfNeeded();
      const loaded = await screenshot.evaluate(async (element) => {
        const image = element as unknown as { decode(): Promise<void>; naturalWidth: number };
        await image.decode();
        return image.naturalWidth;
      });
      expect(loaded).toBe(640);
      expect(await visitor.getByRole('button', { name: /Yank/ }).count()).toBe(0);
    });

    // A reviewer yanks it for security from the public page; buyers are told not to install it.
    await withPage('plugin-publishing-security-yank', async (staffPage) => {
      await signIn(staffPage, reviewer);
      await staffPage.goto(`/plugins/${namespace}/volume-discount`);
      await staffPage.getByRole('button', { name: 'Yank for security 1.0.0' }).click();
      const dialog = staffPage.getByRole('dialog', { name: 'Yank 1.0.0 for security?' });
      await dialog.getByLabel('Reason').fill('Applies discounts twice on split carts.');
      await dialog.getByRole('button', { name: 'Yank' }).click();
      await dialog.waitFor({ state: 'detached' });
      const row = staffPage.getByRole('table', { name: 'Published versions' }).getByRole('row').filter({ hasText: '1.0.0' });
      await row.getByText('Yanked by Guild').waitFor();
      expect(await row.innerText()).toContain('Do not install: Applies discounts twice on split carts.');
      await staffPage.getByRole('button', { name: 'Undo the yank of 1.0.0' }).waitFor();
    });
  }, 240_000);
});
