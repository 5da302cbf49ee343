import type { ReactNode } from 'react';

/** A link someone else wrote (a partner's site, a support page): a new tab, no referrer, no endorsement. */
export function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  return (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank">
      {children ?? href}
    </a>
  );
}

/** The link, or `none` in muted text when there is no URL. */
export function ExternalLinkOr({ href, none }: { href: string | null | undefined; none: string }) {
  return href ? <ExternalLink href={href} /> : <span className="muted">{none}</span>;
}
