import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../platform/http/domain-error.js';

const STATUS = {
  QUESTION_NOT_FOUND: HttpStatus.NOT_FOUND,
  ANSWER_NOT_FOUND: HttpStatus.NOT_FOUND,
  COMMENT_NOT_FOUND: HttpStatus.NOT_FOUND,
  IDEA_NOT_FOUND: HttpStatus.NOT_FOUND,
  MEMBER_NOT_FOUND: HttpStatus.NOT_FOUND,
  EDIT_FORBIDDEN: HttpStatus.FORBIDDEN,
  VOTE_OWN_CONTENT: HttpStatus.FORBIDDEN,
  ANSWER_ACCEPT_FORBIDDEN: HttpStatus.FORBIDDEN,
  CONTENT_HIDDEN: HttpStatus.CONFLICT,
  MODERATION_STATE: HttpStatus.CONFLICT,
  IDEA_STATUS_FORBIDDEN: HttpStatus.FORBIDDEN,
  IDEA_TRANSITION_INVALID: HttpStatus.CONFLICT,
  IDEA_NOT_SHIPPED: HttpStatus.CONFLICT,
  AWARD_SELF: HttpStatus.FORBIDDEN,
  ADVOCATE_IS_PARTNER: HttpStatus.CONFLICT,
  ADVOCATE_ALREADY_INVITED: HttpStatus.CONFLICT,
  IDEA_CREDIT_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  POSTING_TOO_FAST: HttpStatus.TOO_MANY_REQUESTS,
  REPORT_OWN_CONTENT: HttpStatus.FORBIDDEN,
  REPORT_NOT_FOUND: HttpStatus.NOT_FOUND,
} as const;

export type CommunityErrorCode = keyof typeof STATUS;

export class CommunityError extends DomainError {
  constructor(code: CommunityErrorCode, message: string, details?: unknown) {
    super(code, STATUS[code], message, details);
  }
}

/** The same 404s from every route; hidden content answers them too, except to its author and moderators. */
export const notFound = {
  question: () => new CommunityError('QUESTION_NOT_FOUND', 'No question has this id; GET /v1/community/questions lists them.'),
  answer: () => new CommunityError('ANSWER_NOT_FOUND', 'No answer has this id; answers are listed on their question.'),
  comment: () => new CommunityError('COMMENT_NOT_FOUND', 'No comment has this id; comments are listed on what they comment on.'),
  idea: () => new CommunityError('IDEA_NOT_FOUND', 'No idea has this id; GET /v1/community/ideas lists them.'),
  member: () => new CommunityError('MEMBER_NOT_FOUND', 'No member has this id; the leaderboard at GET /v1/community/leaderboard lists active members.'),
};
