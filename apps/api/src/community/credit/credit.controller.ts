import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../../identity/access.decorator.js';
import { CurrentCaller, OptionalCaller, type Caller } from '../../identity/caller.js';
import { PageQuery } from '../../platform/http/pagination.js';
import { validationFailed } from '../../platform/http/validation.pipe.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { QuestionsService } from '../questions/questions.service.js';
import { AdvocatesQuery, AdvocateUserParams, InviteAdvocateDto, LeaderboardQuery, MemberIdParams, StaffAwardDto } from './credit.dto.js';
import { CreditService } from './credit.service.js';
import {
  AdvocateInvitationView,
  AdvocateListView,
  BadgeView,
  ContributionLineView,
  ContributionPageView,
  ContributionPolicyView,
  LeaderboardView,
  MemberProfileView,
  MemberRecordView,
  MyInvitationView,
} from './credit.views.js';
import { StaffCreditService } from './staff-credit.service.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,100}$/;

@ApiTags('community')
@Controller()
export class CreditController {
  constructor(
    private readonly credit: CreditService,
    private readonly staff: StaffCreditService,
    private readonly questions: QuestionsService,
    private readonly ideas: IdeasService,
  ) {}

  @Get('community/contribution-policy')
  @Access.public()
  @ApiOkResponse({ type: ContributionPolicyView, description: 'How contributions are priced now, and every version' })
  policy(): ContributionPolicyView {
    return this.credit.policy();
  }

  @Get('community/badges')
  @Access.public()
  @ApiOkResponse({ type: [BadgeView], description: 'Every badge, what earns it, and how many members hold it' })
  badges(): Promise<BadgeView[]> {
    return this.credit.badgeCatalogue();
  }

  @Get('community/leaderboard')
  @Access.public()
  @ApiOkResponse({ type: LeaderboardView, description: 'Members by points in the window (30d: today and the 29 UTC days before; 12m: 365 days; all: all time)' })
  leaderboard(@Query() query: LeaderboardQuery): Promise<LeaderboardView> {
    return this.credit.leaderboard(query.window ?? '30d', query);
  }

  @Get('community/members/:id')
  @Access.public({ identify: true })
  @ApiOkResponse({ type: MemberProfileView })
  @ApiNotFoundResponse({ description: 'MEMBER_NOT_FOUND' })
  profile(@OptionalCaller() caller: Caller | null, @Param() params: MemberIdParams): Promise<MemberProfileView> {
    return this.credit.profile(caller, params.id, [this.questions, this.ideas]);
  }

  @Get('community/members/:id/contributions')
  @Access.public({ identify: true })
  @ApiOkResponse({ type: ContributionPageView, description: 'The member’s points log, newest first' })
  @ApiNotFoundResponse({ description: 'MEMBER_NOT_FOUND' })
  contributions(@OptionalCaller() caller: Caller | null, @Param() params: MemberIdParams, @Query() query: PageQuery): Promise<ContributionPageView> {
    return this.credit.contributions(caller, params.id, query);
  }

  @Get('community/me/invitation')
  @Access.member()
  @ApiOkResponse({ type: MyInvitationView, description: 'Staff’s invitation to apply to the partner program, if any' })
  async myInvitation(@CurrentCaller() caller: Caller): Promise<MyInvitationView> {
    return { invitation: await this.staff.myInvitation(caller) };
  }

  @Post('staff/community/awards')
  @Access.staff('moderator', 'admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried request with the same key (for the same member) awards once and answers the same line' })
  @ApiCreatedResponse({ type: ContributionLineView })
  @ApiForbiddenResponse({ description: 'AWARD_SELF' })
  @ApiNotFoundResponse({ description: 'MEMBER_NOT_FOUND' })
  award(@CurrentCaller() caller: Caller, @Body() body: StaffAwardDto, @Headers('idempotency-key') idempotencyKey?: string): Promise<ContributionLineView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw validationFailed([{ field: 'Idempotency-Key', messages: ['Idempotency-Key must be 1 to 100 letters, digits, or . _ : -'] }]);
    }
    return this.staff.award(caller, body, idempotencyKey);
  }

  @Get('staff/community/advocates')
  @Access.staff('reviewer', 'moderator', 'admin')
  @ApiOkResponse({ type: AdvocateListView, description: 'Members in no partner, most points in the window first' })
  advocates(@Query() query: AdvocatesQuery): Promise<AdvocateListView> {
    return this.staff.advocates(query.days ?? 90, query.limit ?? 25);
  }

  @Post('staff/community/advocates/:userId/invite')
  @Access.staff('reviewer', 'moderator', 'admin')
  @ApiCreatedResponse({ type: AdvocateInvitationView })
  @ApiNotFoundResponse({ description: 'MEMBER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ADVOCATE_IS_PARTNER, ADVOCATE_ALREADY_INVITED' })
  invite(@CurrentCaller() caller: Caller, @Param() params: AdvocateUserParams, @Body() body: InviteAdvocateDto): Promise<AdvocateInvitationView> {
    return this.staff.invite(caller, params.userId, body.message || null);
  }

  @Get('staff/community/members/:id/record')
  @Access.staff('reviewer', 'moderator', 'admin')
  @ApiOkResponse({ type: MemberRecordView })
  @ApiNotFoundResponse({ description: 'MEMBER_NOT_FOUND' })
  record(@Param() params: MemberIdParams): Promise<MemberRecordView> {
    return this.staff.record(params.id);
  }
}
