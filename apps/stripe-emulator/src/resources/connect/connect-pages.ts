import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Stripe from 'stripe';
import { stateEmit } from '../../core/router.js';
import type { PageEnvironment } from '../../pages/pages.js';
import { dashboardLink, onboardingLink, type OnboardingLink } from './account-links.js';
import { accountSecrets } from './account-state.js';
import { expressDashboardPage } from './express-dashboard-page.js';
import { applyOnboarding, formErrors, readForm, type OnboardingForm } from './onboarding.js';
import { notFoundPage, onboardingPage } from './onboarding-page.js';

type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

/** Hosted Connect pages: onboarding behind account links, the Express dashboard behind login links. */
export function registerConnectPages(app: FastifyInstance, env: PageEnvironment): void {
  const { state } = env.emulator;

  app.get('/connect/onboarding/:token', async (request: TokenRequest, reply) => {
    const link = onboardingLink(state, request.params.token);
    const account = link && state.find<Stripe.Account>(link.account);
    if (!link || !account) return html(reply, 404, notFoundPage('Link not valid', 'This onboarding link is not valid. Ask the platform for a new one.'));
    // A link works once and only until it expires; after that it leads back to the platform for a fresh one.
    if (link.visited || link.used || state.now() > link.expiresAt) return spend(reply, link, 302, env);
    link.visited = true;
    env.emulator.scheduleSnapshot();
    const secrets = accountSecrets(state, account.id);
    const form: OnboardingForm = {
      legalName: secrets.legalName ?? '',
      email: account.email ?? '',
      website: account.business_profile?.url ?? '',
      routingNumber: secrets.draftRouting ?? '',
      accountNumber: secrets.draftAccountNumber ?? '',
    };
    return html(reply, 200, onboardingPage({ account, form, errors: [], action: request.url, update: link.type === 'account_update' }));
  });

  app.post('/connect/onboarding/:token', async (request: TokenRequest, reply) => {
    const link = onboardingLink(state, request.params.token);
    const account = link && state.find<Stripe.Account>(link.account);
    if (!link || !account) return html(reply, 404, notFoundPage('Link not valid', 'This onboarding link is not valid. Ask the platform for a new one.'));
    if (link.used || (!link.visited && state.now() > link.expiresAt)) return spend(reply, link, 303, env);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const complete = body.action !== 'save';
    const form = readForm(body);
    const errors = formErrors(form, complete);
    if (errors.length) return html(reply, 400, onboardingPage({ account, form, errors, action: request.url, update: link.type === 'account_update' }));
    applyOnboarding(state, stateEmit(state), account, form, complete, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
    link.visited = true;
    link.used = true;
    env.emulator.scheduleSnapshot();
    return reply.redirect(link.returnUrl, 303);
  });

  app.get('/connect/express/:token', async (request: TokenRequest, reply) => {
    const link = dashboardLink(state, request.params.token);
    const account = link && state.find<Stripe.Account>(link.account);
    if (!link || !account) return html(reply, 404, notFoundPage('Link not valid', 'This dashboard link is not valid. Open the dashboard again from the platform.'));
    return html(reply, 200, expressDashboardPage(state, account));
  });
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
}

function spend(reply: FastifyReply, link: OnboardingLink, status: 302 | 303, env: PageEnvironment): FastifyReply {
  link.used = true;
  env.emulator.scheduleSnapshot();
  return reply.redirect(link.refreshUrl, status);
}
