import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { PartnerStripeService } from './partner-stripe.service.js';
import { OnboardingLinkView, PartnerStripeStatus } from './partner.view.js';
import { NamespaceParams } from './partners.dto.js';

@ApiTags('partners')
@Controller('partners/:namespace/stripe')
@ApiForbiddenResponse({ description: 'PARTNER_ACCESS_DENIED, or PARTNER_ROLE_REQUIRED (owner or finance)' })
@ApiNotFoundResponse({ description: 'PARTNER_NOT_FOUND' })
export class PartnerStripeController {
  constructor(private readonly stripe: PartnerStripeService) {}

  @Get()
  @Access.member()
  @ApiOkResponse({ type: PartnerStripeStatus })
  status(@CurrentCaller() caller: Caller, @Param() params: NamespaceParams): Promise<PartnerStripeStatus> {
    return this.stripe.status(caller, params.namespace);
  }

  @Post('onboarding')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: OnboardingLinkView, description: 'Creates the Express account on first use; then a link to onboarding (or, once details are submitted, to updating them).' })
  @ApiConflictResponse({ description: 'PARTNER_SUSPENDED' })
  onboarding(@CurrentCaller() caller: Caller, @Param() params: NamespaceParams): Promise<OnboardingLinkView> {
    return this.stripe.startOnboarding(caller, params.namespace);
  }

  @Post('refresh')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: PartnerStripeStatus, description: 'Reads the account from Stripe now (after returning from onboarding).' })
  refresh(@CurrentCaller() caller: Caller, @Param() params: NamespaceParams): Promise<PartnerStripeStatus> {
    return this.stripe.refresh(caller, params.namespace);
  }
}
