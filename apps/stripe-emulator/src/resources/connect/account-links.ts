import type Stripe from 'stripe';
import { invalid, missingParam } from '../../core/errors.js';
import { secretToken } from '../../core/ids.js';
import type { ApiRouter, RequestContext } from '../../core/router.js';
import type { EmulatorState } from '../../core/state.js';
import { connectedAccount } from './account-state.js';

/** Account links stay valid this long, as in Stripe. */
export const LINK_LIFETIME_SECONDS = 300;

/** What an account link's token stands for; Stripe never shows it. */
export interface OnboardingLink {
  account: string;
  type: string;
  refreshUrl: string;
  returnUrl: string;
  expiresAt: number;
  /** The page was opened: the link itself is spent, the form it showed may still be sent. */
  visited: boolean;
  /** The form was sent (or the page opened again): the link only leads to `refresh_url` now. */
  used: boolean;
}

export interface DashboardLink {
  account: string;
}

const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** The record behind a hosted-page token, if the token is one; never creates one for a guessed token. */
function record<T extends { account: string }>(state: EmulatorState, key: string, token: string): T | undefined {
  if (!TOKEN.test(token)) return undefined;
  const found = state.hidden<Partial<T>>(`${key}_${token}`);
  if (found.account) return found as T;
  state.remove(`${key}_${token}`);
  return undefined;
}

export function onboardingLink(state: EmulatorState, token: string): OnboardingLink | undefined {
  return record<OnboardingLink>(state, 'account_link', token);
}

export function dashboardLink(state: EmulatorState, token: string): DashboardLink | undefined {
  return record<DashboardLink>(state, 'login_link', token);
}

/** Account links (hosted onboarding) and login links (the Express dashboard). */
export function registerAccountLinks(api: ApiRouter): void {
  api.post('/v1/account_links', createAccountLink, ['account', 'type', 'refresh_url', 'return_url', 'collect', 'collection_options']);
  api.post('/v1/accounts/:id/login_links', createLoginLink, []);
}

function createAccountLink(ctx: RequestContext): Stripe.AccountLink {
  const { params, state } = ctx;
  const account = connectedAccount(state, params.string('account', { required: true }), 'account');
  const type = params.string('type', { required: true, oneOf: ['account_onboarding', 'account_update'] });
  const refreshUrl = url(ctx, 'refresh_url');
  const returnUrl = url(ctx, 'return_url');
  params.string('collect', { oneOf: ['currently_due', 'eventually_due'] });
  const options = params.object('collection_options');
  if (options) {
    options.allowOnly(['fields', 'future_requirements']);
    options.string('fields', { oneOf: ['currently_due', 'eventually_due'] });
    options.string('future_requirements', { oneOf: ['include', 'omit'] });
  }
  const now = state.now();
  const token = secretToken();
  const link: OnboardingLink = { account: account.id, type, refreshUrl, returnUrl, expiresAt: now + LINK_LIFETIME_SECONDS, visited: false, used: false };
  Object.assign(state.hidden(`account_link_${token}`), link);
  return { object: 'account_link', created: now, expires_at: link.expiresAt, url: `${ctx.publicUrl}/connect/onboarding/${token}` };
}

function url(ctx: RequestContext, param: string): string {
  const value = ctx.params.string(param);
  if (!value) throw missingParam(param);
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) throw invalid('Not a valid URL', param, 'url_invalid');
  return value;
}

function createLoginLink(ctx: RequestContext): Stripe.LoginLink {
  const account = connectedAccount(ctx.state, ctx.path.id);
  if (account.controller?.stripe_dashboard?.type !== 'express') {
    throw invalid('Login links can only be created for accounts that use the Express Dashboard.', 'account');
  }
  if (!account.details_submitted) throw invalid('Cannot create a login link for an account that has not completed onboarding.', 'account');
  const token = secretToken();
  const link: DashboardLink = { account: account.id };
  Object.assign(ctx.state.hidden(`login_link_${token}`), link);
  return { object: 'login_link', created: ctx.state.now(), url: `${ctx.publicUrl}/connect/express/${token}` };
}
