import { ApiProperty } from '@nestjs/swagger';

export class MemberPartnerView {
  @ApiProperty({ example: 'acme' })
  namespace: string;

  @ApiProperty({ example: 'Acme Tools' })
  name: string;
}

/** Who wrote something, as the community shows them: partners' and staff's posts are marked. */
export class MemberRefView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ description: 'The member is Guild staff' })
  staff: boolean;

  @ApiProperty({ type: [MemberPartnerView], description: 'Partners the member belongs to (empty for customers)' })
  partners: MemberPartnerView[];
}
