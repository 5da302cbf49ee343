import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp } from './app.js';

/** Debian's Chromium (`apt-get install chromium`); a browser is never downloaded. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface BrowserSuite {
  /** The app listening on a random port (its portal is `apps/portal/dist`: run `npm run build` first). */
  server: Awaited<ReturnType<typeof startTestApp>>;
  browser: Browser;
  /**
   * A fresh browser profile (no cookies) per call, based at the app's URL; on failure a full-page
   * screenshot goes to /tmp and the page's errors are added to the failure message.
   */
  withPage(name: string, run: (page: Page) => Promise<void>): Promise<void>;
}

/** For one test file: the real app, listening, and headless Chromium; both closed after the file. */
export function useBrowserApp(overrides: Record<string, string> = {}, options: { viewport?: { width: number; height: number } } = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.server = await startTestApp(overrides);
    suite.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  }, 60_000);
  suite.withPage = async (name, run) => {
    const context = await suite.browser.newContext({ baseURL: suite.server.url, viewport: options.viewport ?? { width: 1100, height: 800 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    try {
      await run(page);
    } catch (error) {
      const file = `/tmp/guild-browser-${name}-${Date.now()}.png`;
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      const details = [`page: ${page.url()}`, `screenshot: ${file}`, ...problems].join('\n  ');
      if (error instanceof Error) {
        error.message = `${error.message}\n  ${details}`;
        error.stack = `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).join('\n')}`;
      }
      throw error;
    } finally {
      await context.close();
    }
  };
  return suite;
}

/** The page's header (the banner landmark) and its main navigation. */
export const header = (page: Page) => page.getByRole('banner');
export const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Signs in through the form and waits for the profile, with the user's name in the header. */
export async function signIn(page: Page, user: { email: string; password: string; displayName: string }): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your profile' }).waitFor();
  await header(page).getByText(user.displayName).waitFor();
}

/** The text of every element a control's aria-describedby points at: its hint and its errors. */
export async function describedText(page: Page, control: ReturnType<Page['getByLabel']>): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join('\n');
}
