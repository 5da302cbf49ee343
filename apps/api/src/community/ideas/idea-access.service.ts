import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../identity/caller.js';
import { PartnerAccess } from '../../partners/partner-access.service.js';
import { ListingAccess, PUBLISHER_ROLES } from '../../plugins/listing-access.service.js';
import { CommunityError } from '../community.errors.js';
import { isModerator } from '../community-staff.js';
import { Idea } from '../entities/idea.entity.js';

/** Who may move an idea (seeing one is `visibleIdea` in idea-records.ts). */
@Injectable()
export class IdeaAccess {
  constructor(
    private readonly listings: ListingAccess,
    private readonly partners: PartnerAccess,
  ) {}

  /** Nothing is added to a hidden idea (votes, comments, status, credits) until a moderator shows it again. */
  static assertShown(idea: Idea, doing: string): void {
    if (idea.hiddenAt) throw new CommunityError('CONTENT_HIDDEN', `This idea is hidden by a moderator (${idea.hiddenReason ?? 'no reason given'}), so you cannot ${doing} now.`);
  }

  /**
   * Moderators move any idea; for an idea about a listing, so do the owner and developers of the
   * listing's partner (while the partner is not suspended).
   */
  async mayMove(caller: Caller | null, idea: Idea, manager: EntityManager): Promise<boolean> {
    if (!caller) return false;
    if (isModerator(caller)) return true;
    if (!idea.listingId) return false;
    const ref = (await this.listings.refs(caller, [idea.listingId], manager)).get(idea.listingId);
    if (!ref) return false;
    const publishers = await this.partners.memberIds(ref.partnerId, PUBLISHER_ROLES, manager);
    if (!publishers.includes(caller.userId)) return false;
    const partner = (await this.partners.byIds([ref.partnerId], manager)).get(ref.partnerId);
    return partner?.status !== 'suspended';
  }
}
