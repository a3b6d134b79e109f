// A link that opens outside the popup. Only http(s) URLs become links: list data is
// validated at build time, but a javascript: or data: URL must never be clickable.
import type { ComponentChildren } from 'preact';

interface Props {
  href: string;
  children: ComponentChildren;
  label?: string;
}

export function isSafeHref(href: string): boolean {
  try {
    const u = new URL(href);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export function ExternalLink({ href, children, label }: Props) {
  if (!isSafeHref(href)) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" aria-label={label}>
      {children}
    </a>
  );
}
