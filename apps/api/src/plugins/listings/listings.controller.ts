import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Access } from '../../identity/access.decorator.js';
import { CurrentCaller, OptionalCaller, type Caller } from '../../identity/caller.js';
import { PageQuery } from '../../platform/http/pagination.js';
import { ListingCatalogService } from './listing-catalog.service.js';
import { CatalogQuery, CreateListingDto, ListingParams, PartnerListingsParams, UpdateListingDto } from './listing.dto.js';
import { ListingPage, ListingView } from './listing.view.js';
import { ListingsService } from './listings.service.js';
import { FreePricingDto, OneTimePricingDto, SubscriptionPricingDto } from './pricing.dto.js';

const MANAGED = 'PARTNER_ACCESS_DENIED, PARTNER_ROLE_REQUIRED (owner or developer)';

@ApiTags('plugins')
@ApiExtraModels(FreePricingDto, OneTimePricingDto, SubscriptionPricingDto)
@Controller()
export class ListingsController {
  constructor(
    private readonly listings: ListingsService,
    private readonly catalog: ListingCatalogService,
  ) {}

  @Post('plugins')
  @Access.member()
  @ApiCreatedResponse({ type: ListingView, description: 'A draft listing for a plugin in your partner’s namespace.' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, LISTING_NAME_INVALID' })
  @ApiForbiddenResponse({ description: MANAGED })
  @ApiNotFoundResponse({ description: 'PARTNER_NOT_FOUND: no partner holds the namespace' })
  @ApiConflictResponse({ description: 'LISTING_EXISTS, PARTNER_SUSPENDED' })
  create(@CurrentCaller() caller: Caller, @Body() body: CreateListingDto): Promise<ListingView> {
    return this.listings.create(caller, body);
  }

  @Get('plugins')
  @Access.public()
  @ApiOkResponse({ type: ListingPage, description: 'Public listings, newest publication first (only public copies).' })
  list(@Query() query: CatalogQuery): Promise<ListingPage> {
    return this.catalog.catalog(query);
  }

  @Get('plugins/:namespace/:plugin')
  @Access.public({ identify: true })
  @ApiOkResponse({ type: ListingView, description: 'With `draft` (and the open review) for the partner’s members and reviewers.' })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: credentials were sent and are not valid (send none to read as anyone)' })
  @ApiNotFoundResponse({ description: 'LISTING_NOT_FOUND (also for a draft, to anyone outside its partner and the reviewers)' })
  get(@OptionalCaller() caller: Caller | null, @Param() params: ListingParams): Promise<ListingView> {
    return this.catalog.get(caller, params.namespace, params.plugin);
  }

  @Patch('plugins/:namespace/:plugin')
  @Access.member()
  @ApiOkResponse({ type: ListingView, description: 'Only the fields sent change, only in the draft; null clears a link.' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (details per field, e.g. pricing.amount)' })
  @ApiForbiddenResponse({ description: MANAGED })
  @ApiNotFoundResponse({ description: 'LISTING_NOT_FOUND' })
  @ApiConflictResponse({ description: 'PARTNER_SUSPENDED' })
  update(@CurrentCaller() caller: Caller, @Param() params: ListingParams, @Body() body: UpdateListingDto): Promise<ListingView> {
    return this.listings.update(caller, params.namespace, params.plugin, body);
  }

  @Post('plugins/:namespace/:plugin/listing-review')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: ListingView, description: 'The draft of a public listing goes to review (see `pendingReview`).' })
  @ApiForbiddenResponse({ description: MANAGED })
  @ApiNotFoundResponse({ description: 'LISTING_NOT_FOUND' })
  @ApiConflictResponse({ description: 'LISTING_NOT_PUBLIC, LISTING_UNCHANGED, LISTING_REVIEW_PENDING, PARTNER_SUSPENDED' })
  @ApiUnprocessableEntityResponse({ description: 'LISTING_INCOMPLETE (details.fields)' })
  submitChanges(@CurrentCaller() caller: Caller, @Param() params: ListingParams): Promise<ListingView> {
    return this.listings.submitChanges(caller, params.namespace, params.plugin);
  }

  @Get('partners/:namespace/plugins')
  @Access.member()
  @ApiOkResponse({ type: ListingPage, description: 'The partner’s listings, drafts included, newest first: for its members (any role).' })
  @ApiForbiddenResponse({ description: 'PARTNER_ACCESS_DENIED' })
  @ApiNotFoundResponse({ description: 'PARTNER_NOT_FOUND' })
  ofPartner(@CurrentCaller() caller: Caller, @Param() params: PartnerListingsParams, @Query() query: PageQuery): Promise<ListingPage> {
    return this.catalog.ofPartner(caller, params.namespace, query);
  }
}
