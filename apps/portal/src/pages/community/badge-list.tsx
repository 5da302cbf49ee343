import { Badge } from '../../components/badge';
import { useBadges } from './community-api';

/** Badge codes shown by name, each with its criterion as the title text. */
export function BadgeList({ codes }: { codes: readonly string[] }) {
  const badges = useBadges();
  if (codes.length === 0) return <span className="muted">None</span>;
  const info = new Map((badges.data ?? []).map((badge) => [badge.code, badge]));
  return (
    <span className="badges">
      {codes.map((code) => (
        <span key={code} title={info.get(code)?.description}>
          <Badge tone="processed">{info.get(code)?.name ?? code}</Badge>{' '}
        </span>
      ))}
    </span>
  );
}
