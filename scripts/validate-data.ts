// Validates the list data in data/ (list files, then corporate links against them, then the
// curation files against both; data/lexicon is checked by the build) and prints
// either every problem (exit 1) or one summary line per file (exit 0).
// Usage: tsx scripts/validate-data.ts [DATA_DIR]   (default: data)

import { join } from 'node:path';
import {
  checkCorporateLinks,
  checkCurationFiles,
  checkListFiles,
  NOT_FOR_FLAGGING,
  type ListFile,
} from './lib/load-lists';

function listSummary(list: ListFile): string {
  const n = list.entries.length;
  let text = `list "${list.id}"${list.kind ? ` (${list.kind}${list.partial ? ', partial' : ''})` : ''}, ${n} ${n === 1 ? 'entry' : 'entries'}`;
  const delisted = list.entries.filter((e) => e.status === 'delisted').length;
  const revoked = list.entries.filter((e) => e.status === 'delisted' && e.revoked !== undefined).length;
  if (delisted) text += ` (${n - delisted} current, ${delisted} history${revoked ? `: ${revoked} revoked` : ''})`;
  if (NOT_FOR_FLAGGING.has(list.id)) text += ', not used for flagging';
  return text;
}

function main(dataDir: string): number {
  const { lists, issues } = checkListFiles(join(dataDir, 'lists'));
  const linksCheck = checkCorporateLinks(join(dataDir, 'corporate-links.json'), lists);
  const curationCheck = linksCheck.links
    ? checkCurationFiles(join(dataDir, 'curation'), lists, linksCheck.links)
    : null;
  const all = [...issues, ...linksCheck.issues, ...(curationCheck?.issues ?? [])];

  if (all.length) {
    for (const issue of all) console.error(issue.message);
    console.error(`\n${all.length} problem${all.length === 1 ? '' : 's'} found in ${dataDir}/.`);
    return 1;
  }
  for (const { file, json } of lists) console.log(`${file}: ok, ${listSummary(json)}`);
  const links = linksCheck.links?.json;
  if (links) {
    const targets = new Set(links.links.map((l) => `${l.list}\u0000${l.listed_entity}`)).size;
    console.log(
      `${linksCheck.links?.file}: ok, ${links.links.length} links to ${targets} entries, ${links.not_related.length} not_related records`,
    );
  }
  const curation = curationCheck?.curation;
  if (curationCheck && curation) {
    const [linkStatus, notRelated, weakNames] = curationCheck.files;
    console.log(`${linkStatus}: ok, ${curation.linkStatus.links.length} link statuses`);
    console.log(`${notRelated}: ok, ${curation.notRelatedExtra.not_related.length} not_related records`);
    console.log(`${weakNames}: ok, ${curation.weakNames.names.length} weak names`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv[2] ?? 'data');
} catch (e) {
  // Unreadable files or directories: still a clear one-line message, not a stack trace.
  console.error(`validate-data: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
