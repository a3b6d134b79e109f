// Reviewed verdicts of the precision audit (tests/audit/*.json) and how a new audit run
// compares with them. A reviewer judges every flagged (entity, text) pair right or wrong,
// and every possible mark; the comparison says which wrong flags came back, which right
// flags disappeared, and which flags nobody has reviewed yet.
import { readFileSync } from 'node:fs';
import { normalizeName } from '../../src/core/normalize';
import type { AuditPair, AuditResult } from './audit-scan';

export interface PairVerdict {
  entity: string;
  text: string;
  verdict: 'right' | 'wrong';
  why: string;
}

export interface PossibleVerdict {
  entity: string;
  text: string;
  /** `clear`: rightly not a flag. `missed`: names the listed company; a known miss. */
  verdict: 'clear' | 'missed';
  why: string;
}

export interface AuditVerdicts {
  corpus: string;
  /** Where the folder is, relative to the repository's root. */
  dir: string;
  /** Optional index TSV giving each file's URL (product pages). */
  index?: string;
  reviewed: string;
  note: string;
  flags: PairVerdict[];
  possibles: PossibleVerdict[];
  mentions: { token: string; verdict: 'clear' | 'missed'; why: string }[];
}

export function readVerdicts(path: string): AuditVerdicts {
  return JSON.parse(readFileSync(path, 'utf8')) as AuditVerdicts;
}

const key = (entity: string, text: string) => `${entity}\u0000${normalizeName(text)}`;

export interface Comparison {
  /** Flags judged wrong that the matcher flags again. */
  wrongBack: PairVerdict[];
  /** Flags judged right that no longer flag. */
  rightGone: PairVerdict[];
  /** Flags with no verdict (a possible judged clear that now flags is one of these). */
  unreviewed: AuditPair[];
  /** Flagged pairs of this run judged right, and judged wrong. */
  right: number;
  wrong: number;
  /** right / (right + wrong) over the flagged pairs of this run that have a verdict. */
  precision: number;
  missed: PossibleVerdict[];
}

export function compare(result: AuditResult, verdicts: AuditVerdicts): Comparison {
  const flagged = new Map(result.flags.map((p) => [key(p.entityName, p.text), p]));
  const judged = new Map(verdicts.flags.map((v) => [key(v.entity, v.text), v]));
  const wrongBack = verdicts.flags.filter((v) => v.verdict === 'wrong' && flagged.has(key(v.entity, v.text)));
  const rightGone = verdicts.flags.filter((v) => v.verdict === 'right' && !flagged.has(key(v.entity, v.text)));
  const unreviewed = result.flags.filter((p) => !judged.has(key(p.entityName, p.text)));
  let right = 0;
  let wrong = 0;
  for (const p of result.flags) {
    const v = judged.get(key(p.entityName, p.text));
    if (v?.verdict === 'right') right++;
    else if (v?.verdict === 'wrong') wrong++;
  }
  return {
    wrongBack,
    rightGone,
    unreviewed,
    right,
    wrong,
    precision: right + wrong === 0 ? 1 : right / (right + wrong),
    missed: verdicts.possibles.filter((v) => v.verdict === 'missed'),
  };
}
