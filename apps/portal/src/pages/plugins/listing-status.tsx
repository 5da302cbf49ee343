/** Draft or public, and whether the public copy is behind the draft. */
export function ListingStatusBadge({ status }: { status: string }) {
  return status === 'public' ? <span className="badge badge--processed">Public</span> : <span className="badge badge--ignored">Draft</span>;
}
