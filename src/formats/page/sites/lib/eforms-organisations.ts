// eForms notices as TED and the national portals render them (the OP-TED notice viewer's
// layout, used by ted.europa.eu, the Belgian e-Procurement publications, TenderNed and
// BOAMP for European notices) name each organisation once, in the "Organisations" section:
//
//   8.1 ORG-0003
//     Official name: Acme NV
//     ...
//     Roles of this organisation:
//       Tenderer
//       Winner of these lots: LOT-0001
//
// The role comes after the name, so no label precedes the value: this module walks from an
// "Official name" row back to its ORG-nnnn heading and forward to the organisation's roles.
// Walks are bounded in text nodes, and the roles of each organisation are read once.
import type { FieldRole } from '../../../../core/types';
import { normalizeName } from '../../../../core/normalize';
import { labelPrefixRole } from '../../fields/labels';
import { leadingText } from '../../fields/dom-text';

const TEXT_NODE = 3;
/** An organisation heading: "ORG-0003", "8.1 ORG-0003". */
const ORG_ID = /(?:^|\s)ORG-\d{4}\s*$/;

/** "Official name" in the languages we read, normalised. */
const OFFICIAL_NAME = [
  'official name',
  'officiele naam',
  'officiele benaming',
  'nom officiel',
  'offizielle bezeichnung',
  'offizieller name',
  'nombre oficial',
];

/** "Roles of this organisation", normalised. */
const ROLES_HEADER = [
  'roles of this organisation',
  'roles of this organization',
  'role of this organisation',
  'rollen van deze organisatie',
  'rol van deze organisatie',
  'roles de cette organisation',
  'role de cette organisation',
  'rollen dieser organisation',
  'funciones de esta organizacion',
  'roles de esta organizacion',
];

/** When an organisation has several roles, the one that matters most to a screener. */
const PRIORITY: FieldRole[] = ['winner', 'contractor', 'tenderer', 'subcontractor', 'supplier', 'buyer'];

/** The official name row follows its ORG heading within a few text nodes. */
const BACK_LIMIT = 24;
/** An organisation's block (address, contacts, identifiers, roles) is at most this long. */
const FORWARD_LIMIT = 400;

const startsWithAny = (text: string, phrases: readonly string[]) => {
  const n = normalizeName(text);
  return phrases.some((p) => n === p || n.startsWith(`${p} `));
};

/** The text node before `node` in document order, not inside `node`. */
function previousText(node: Node): Text | null {
  let n: Node | null = node;
  for (;;) {
    while (n && !n.previousSibling) {
      n = n.parentNode;
      if (!n) return null;
    }
    if (!n) return null;
    n = n.previousSibling as Node;
    while (n.lastChild) n = n.lastChild;
    if (n.nodeType === TEXT_NODE) return n as Text;
  }
}

/** The text node after `node` in document order (descending into `node` first). */
function nextText(node: Node): Text | null {
  let n: Node | null = node;
  for (;;) {
    if (n.firstChild) n = n.firstChild;
    else {
      while (n && !n.nextSibling) n = n.parentNode;
      if (!n) return null;
      n = n.nextSibling as Node;
    }
    if (n.nodeType === TEXT_NODE) return n as Text;
  }
}

const rolesCache = new WeakMap<Text, FieldRole | null>();

/** The most important role listed after the ORG heading `marker`, up to the next ORG heading. */
function rolesAfter(marker: Text): FieldRole | null {
  const cached = rolesCache.get(marker);
  if (cached !== undefined) return cached;
  const found = new Set<FieldRole>();
  let inRoles = false;
  let t: Text | null = marker;
  for (let i = 0; i < FORWARD_LIMIT && (t = nextText(t)); i++) {
    const data = t.data.trim();
    if (!data) continue;
    if (ORG_ID.test(data)) break;
    if (!inRoles) {
      inRoles = startsWithAny(data, ROLES_HEADER);
      continue;
    }
    const role = labelPrefixRole(data);
    if (role) found.add(role);
  }
  const role = PRIORITY.find((r) => found.has(r)) ?? null;
  rolesCache.set(marker, role);
  return role;
}

/**
 * The role of the organisation whose "Official name: ..." row `el` is, or null when `el`
 * is not such a row (or the notice does not list the organisation's roles).
 */
export function eformsOrganisationRole(el: Element): FieldRole | null {
  const lead = leadingText(el, 80).text;
  if (!lead || !startsWithAny(lead.split(/[:：]/)[0], OFFICIAL_NAME)) return null;
  let t: Text | null = previousText(el);
  for (let i = 0; i < BACK_LIMIT && t; i++, t = previousText(t)) {
    const data = t.data;
    if (ORG_ID.test(data)) return rolesAfter(t);
    // Another organisation's name row first: `el` is not in an ORG block.
    if (startsWithAny(data, OFFICIAL_NAME)) return null;
  }
  return null;
}
