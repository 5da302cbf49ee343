import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { UsersService } from '../../identity/users.service.js';
import { PartnerAccess } from '../../partners/partner-access.service.js';
import type { MemberRefView } from './member-ref.view.js';

/** Names and marks (staff, partner) of the people behind community content, read in one go per page. */
@Injectable()
export class CommunityPeople {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly partners: PartnerAccess,
  ) {}

  async refs(userIds: readonly (string | null | undefined)[], manager: EntityManager = this.db.manager): Promise<Map<string, MemberRefView>> {
    const ids = [...new Set(userIds.filter((id): id is string => !!id))];
    // One after the other: inside a transaction on PGlite there is a single session.
    const profiles = await this.users.publicProfiles(ids, manager);
    const partners = await this.partners.partnersOfUsers(ids, manager);
    const refs = new Map<string, MemberRefView>();
    for (const [id, profile] of profiles) {
      refs.set(id, {
        id,
        displayName: profile.displayName,
        staff: profile.staffRoles.length > 0,
        partners: (partners.get(id) ?? []).filter((p) => p.status !== 'suspended').map((p) => ({ namespace: p.namespace, name: p.name })),
      });
    }
    return refs;
  }

  /** One member's ref; a deleted user reads as "former member". */
  static orUnknown(refs: Map<string, MemberRefView>, id: string | null): MemberRefView {
    return (id && refs.get(id)) || { id: id ?? '', displayName: 'Former member', staff: false, partners: [] };
  }
}
