import { Badge } from '../../components/badge';

/** Draft until the first version is approved, public after. */
export function ListingStatusBadge({ status }: { status: 'draft' | 'public' }) {
  return status === 'public' ? <Badge tone="processed">Public</Badge> : <Badge tone="ignored">Draft</Badge>;
}
