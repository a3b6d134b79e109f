// Turning what a user typed into a storable dismissal. Separate from rules.ts because it
// uses the settings' hostname normaliser (and with it the extension APIs).
import { normalizeHostname } from '../settings';
import { dismissalId } from './rules';
import type { Dismissal, DismissalInput } from './types';

export const MAX_REASON_CHARS = 1000;
const MAX_ENTITY_CHARS = 300;
const MAX_NAME_CHARS = 500;

export class DismissalInputError extends Error {
  override readonly name = 'DismissalInputError';
  constructor(
    readonly code: 'no-entity' | 'no-site' | 'bad-scope' | 'reason-too-long',
    message: string,
  ) {
    super(message);
  }
}

/** Validate and normalise what the user typed into a storable Dismissal. Throws DismissalInputError. */
export function makeDismissal(input: DismissalInput, now: Date = new Date()): Dismissal {
  const entity = typeof input.entity === 'string' ? input.entity.trim() : '';
  if (!entity || entity.length > MAX_ENTITY_CHARS) throw new DismissalInputError('no-entity', 'No company to dismiss.');
  if (input.scope !== 'site' && input.scope !== 'everywhere') {
    throw new DismissalInputError('bad-scope', 'A dismissal applies on one site or everywhere.');
  }
  let site: string | null = null;
  if (input.scope === 'site') {
    site = typeof input.site === 'string' ? normalizeHostname(input.site) : null;
    if (!site) throw new DismissalInputError('no-site', 'A dismissal for one site needs the site.');
  }
  const reason = (typeof input.reason === 'string' ? input.reason : '').trim();
  if (reason.length > MAX_REASON_CHARS) {
    throw new DismissalInputError('reason-too-long', `The reason is longer than ${MAX_REASON_CHARS} characters.`);
  }
  const entityName = (typeof input.entityName === 'string' ? input.entityName : '').trim().slice(0, MAX_NAME_CHARS);
  return {
    id: dismissalId(entity, input.scope, site),
    entity,
    entityName: entityName || entity,
    scope: input.scope,
    site,
    reason,
    createdAt: now.toISOString(),
  };
}
