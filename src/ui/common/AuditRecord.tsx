// The printable audit record (A4, via the browser's print dialog: "Save as PDF"). Rendered
// from the record alone, as text only: names, page text and list data may contain markup and
// must print literally. URLs print as text so a paper copy still says where things come from.
import { resultLabel } from '../presentation/explain';
import type { EntryRef } from '../../core/types';
import {
  attribution,
  cautionNotes,
  criterionLabel,
  fieldLabel,
  historyEventLabel,
  kindLabel,
  matchTypeExplanation,
  statusText,
} from '../presentation/explain';
import { groundIsNotSettlements } from '../../core/entry-wording';
import type { EvidenceItem } from '../presentation/view-model';
import type {
  AuditEntity,
  AuditList,
  AuditMatch,
  AuditRecord,
  AuditRow,
  BulkAuditRecord,
  PageAuditRecord,
} from '../presentation/audit/types';
import { formatCount, formatListDate } from '../../shared/format';
import { t, uiLanguage } from '../../shared/i18n';

export function formatDateTime(iso: string, locale: string = uiLanguage()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'long' }).format(d);
  } catch {
    return iso;
  }
}

/** An AuditMatch in the shape explain.ts reads. */
function asItem(m: AuditMatch): EvidenceItem {
  return {
    text: m.text,
    matchType: m.matchType,
    level: m.level,
    name: m.name,
    nameId: -1,
    field: m.field,
    evidence: m.evidence,
    rule: m.rule,
    context: '',
    occurrences: [],
    fromPageData: false,
  };
}

function Entry({ entry, list }: { entry: EntryRef; list: AuditList | undefined }) {
  return (
    <li class="r-entry">
      <p class="r-entry-name">
        <strong>{entry.entry}</strong> <span class="r-status">({statusText(entry)})</span>
      </p>
      <p class="r-attribution">{attribution(entry, list)}</p>
      {groundIsNotSettlements(entry) ? <p class="r-ground">{t('groundNotSettlements')}</p> : null}
      <p class="r-list">
        {list?.title ?? entry.list}
        {list?.kind ? ` · ${kindLabel(list.kind)}` : ''}
        {list ? ` · ${t('labelVersion')}: ${list.version}` : ''}
      </p>
      {entry.history && entry.history.length > 0 ? (
        <p class="r-history">
          {t('historyHeading')}:{' '}
          {entry.history
            .map((h) => `${formatListDate(h.date)}: ${historyEventLabel(h, list)}${h.note ? ` (${h.note})` : ''}`)
            .join('; ')}
        </p>
      ) : null}
      {entry.criteria.length > 0 ? (
        <ul class="r-criteria">
          {entry.criteria.map((c) => (
            <li key={c.code}>
              {criterionLabel(c) ? `${criterionLabel(c)} ` : ''}
              {c.text}
            </li>
          ))}
        </ul>
      ) : null}
      {entry.rationale ? <p class="r-rationale">{entry.rationale}</p> : null}
      {entry.sourceUrl ? (
        <p class="r-url">
          {t('sourceLink')}: <span class="url">{entry.sourceUrl}</span>
        </p>
      ) : null}
    </li>
  );
}

function MatchBlock({
  m,
  entity,
  lists,
}: {
  m: AuditMatch;
  entity: AuditEntity | undefined;
  lists: Map<string, AuditList>;
}) {
  const named = new Set(m.lists.map((l) => `${l.list}\u0000${l.entry}`));
  const entries = (entity?.entries ?? []).filter((e) => named.has(`${e.list}\u0000${e.entry}`));
  return (
    <div class="r-match">
      <p>
        <q class="r-matched">{m.text}</q> → <strong>{m.entityName}</strong>
        <span class={`r-level r-level-${m.level}`}> [{resultLabel(m.level)}]</span>
      </p>
      <p class="r-explanation">{matchTypeExplanation(asItem(m), undefined)}</p>
      {m.field && m.matchType !== 'weak-alias' ? <p>{t('fieldOnPage', fieldLabel(m.field))}</p> : null}
      {cautionNotes(m.evidence).map((n) => (
        <p class="r-caution" key={n}>
          {n}
        </p>
      ))}
      {m.dismissed ? <p class="r-dismissed">{t('reportDismissedBecause', m.dismissed.reason)}</p> : null}
      <ul class="r-entries">
        {entries.map((e) => (
          <Entry key={`${e.list}:${e.entry}`} entry={e} list={lists.get(e.list)} />
        ))}
      </ul>
    </div>
  );
}

function ListsTable({ lists }: { lists: AuditList[] }) {
  // One block per list: the facts on one line, the SHA-256 in full on the next (a hash
  // broken across a narrow column is hard to compare).
  return (
    <table class="r-table r-lists">
      <colgroup>
        <col class="c-list" />
        <col class="c-date" />
        <col class="c-version" />
        <col class="c-used" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">
            {t('labelList')} · {t('labelPublisher')}
          </th>
          <th scope="col">{t('labelPublished')}</th>
          <th scope="col">{t('labelVersion')}</th>
          <th scope="col">{t('reportListUsed')}</th>
        </tr>
      </thead>
      {lists.map((l) => (
        <tbody key={l.id} class="r-list-block">
          <tr>
            <td>
              {l.title}
              {l.kind ? <span class="r-kind"> ({kindLabel(l.kind)})</span> : null}
              {l.partial ? <span class="r-partial"> ({t('partialBadge')})</span> : null}
              {l.origin === 'imported' ? <span class="r-partial"> ({t('reportImported')})</span> : null}
              <br />
              <span class="r-publisher">{l.publisher}</span>
            </td>
            <td>{l.published ? formatListDate(l.published) : t('dateNotGiven')}</td>
            <td>{l.version}</td>
            <td>{l.enabled ? t('reportListOn') : t('reportListOff')}</td>
          </tr>
          <tr class="r-hash-row">
            <td colSpan={4}>
              {t('reportSha256')}: <span class="hash">{l.sha256}</span>
            </td>
          </tr>
        </tbody>
      ))}
    </table>
  );
}

function Dismissals({ record }: { record: AuditRecord }) {
  return (
    <section class="r-section">
      <h2>{t('reportDismissalsHeading')}</h2>
      {record.dismissals.length === 0 ? (
        <p>{t('reportNoDismissals')}</p>
      ) : (
        <table class="r-table">
          <thead>
            <tr>
              <th scope="col">{t('reportEntity')}</th>
              <th scope="col">{t('reportDismissalScope')}</th>
              <th scope="col">{t('reportDismissalReason')}</th>
              <th scope="col">{t('reportDismissalDate')}</th>
            </tr>
          </thead>
          <tbody>
            {record.dismissals.map((d, i) => (
              <tr key={i}>
                <td>{d.entityName}</td>
                <td>{d.site ? t('reportDismissalSite', d.site) : t('reportDismissalEverywhere')}</td>
                <td>{d.reason}</td>
                <td>{formatDateTime(d.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Header({ record }: { record: AuditRecord }) {
  return (
    <header class="r-header">
      <h1>{record.kind === 'bulk' ? t('reportTitleBulk') : t('reportTitlePage')}</h1>
      <dl class="r-meta">
        <dt>{t('reportCreated')}</dt>
        <dd>
          {formatDateTime(record.createdAt)} <span class="iso">({record.createdAt})</span>
        </dd>
        {record.kind === 'bulk' ? <BulkMeta record={record} /> : <PageMeta record={record} />}
        <dt>{t('reportGenerator')}</dt>
        <dd>
          {record.generator.name} {record.generator.version}
        </dd>
      </dl>
    </header>
  );
}

function BulkMeta({ record }: { record: BulkAuditRecord }) {
  const c = record.counts;
  const where = [
    record.input.sheet ? t('reportSheet', record.input.sheet) : null,
    record.input.column ? t('reportColumn', record.input.column) : null,
  ].filter(Boolean);
  return (
    <>
      <dt>{t('reportInput')}</dt>
      <dd>
        {record.input.fileName ?? t('reportPasted')}
        {where.length > 0 ? ` (${where.join(', ')})` : ''}
      </dd>
      <dt>{t('reportInputSha256')}</dt>
      <dd class="hash">{record.input.sha256}</dd>
      <dt>{t('reportCounts')}</dt>
      <dd>
        {t('reportCountsBulk', [
          formatCount(c.checked),
          formatCount(c.flag),
          formatCount(c.possible),
          formatCount(c.removed),
          formatCount(c.clear),
        ])}
      </dd>
      {record.warnings.length > 0 ? (
        <>
          <dt>{t('reportWarnings')}</dt>
          <dd>
            {record.warnings.map((w) => (
              <p key={w}>{w}</p>
            ))}
          </dd>
        </>
      ) : null}
    </>
  );
}

function PageMeta({ record }: { record: PageAuditRecord }) {
  const c = record.counts;
  return (
    <>
      <dt>{t('reportPageUrl')}</dt>
      <dd class="url">{record.page.url}</dd>
      {record.page.title ? (
        <>
          <dt>{t('reportPageTitle')}</dt>
          <dd>{record.page.title}</dd>
        </>
      ) : null}
      {record.page.scannedAt ? (
        <>
          <dt>{t('reportScannedAt')}</dt>
          <dd>{formatDateTime(record.page.scannedAt)}</dd>
        </>
      ) : null}
      <dt>{t('reportCounts')}</dt>
      <dd>
        {t('reportCountsPage', [
          formatCount(c.flag),
          formatCount(c.possible),
          formatCount(c.removed),
          formatCount(c.lookalikes),
        ])}
      </dd>
    </>
  );
}

function rowHeading(r: AuditRow): string {
  return t('reportRowHeading', [r.row, r.source]);
}

function BulkBody({ record }: { record: BulkAuditRecord }) {
  const entities = new Map(record.entities.map((e) => [e.id, e]));
  const lists = new Map(record.lists.map((l) => [l.id, l]));
  const found = record.rows.filter((r) => r.result !== 'clear');
  const clear = record.rows.filter((r) => r.result === 'clear');
  return (
    <>
      <section class="r-section">
        <h2>{t('reportFindingsHeading', formatCount(found.length))}</h2>
        {found.length === 0 ? <p>{t('reportNoFindings')}</p> : null}
        {found.map((r) => (
          <article class={`r-row r-row-${r.result}`} key={r.row}>
            <h3>
              <span class="r-input">{r.input}</span>{' '}
              <span class={`r-level r-level-${r.result}`}>[{resultLabel(r.result)}]</span>
            </h3>
            <p class="r-source">
              {rowHeading(r)}
              {r.field ? ` · ${fieldLabel(r.field)}` : ''}
            </p>
            {r.matches.map((m, i) => (
              <MatchBlock key={i} m={m} entity={entities.get(m.entity)} lists={lists} />
            ))}
          </article>
        ))}
      </section>
      <section class="r-section">
        <h2>{t('reportClearHeading', formatCount(clear.length))}</h2>
        <p class="r-intro">{t('reportClearIntro')}</p>
        {clear.length > 0 ? (
          <table class="r-table r-clear">
            <thead>
              <tr>
                <th scope="col">{t('screenColRow')}</th>
                <th scope="col">{t('screenColName')}</th>
                <th scope="col">{t('screenColSource')}</th>
              </tr>
            </thead>
            <tbody>
              {clear.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>
                    {r.input}
                    {r.lookalikes.map((g) => (
                      <span class="r-lookalike" key={g.text}>
                        {' — '}
                        <q>{g.text}</q>{' '}
                        {g.notEntityName ? t('lookalikeNotEntity', g.notEntityName) : t('lookalikeNoDetails')}
                      </span>
                    ))}
                  </td>
                  <td>{r.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}

function PageBody({ record }: { record: PageAuditRecord }) {
  const entities = new Map(record.entities.map((e) => [e.id, e]));
  const lists = new Map(record.lists.map((l) => [l.id, l]));
  return (
    <>
      <section class="r-section">
        <h2>{t('reportFindingsHeading', formatCount(record.findings.length))}</h2>
        {record.findings.length === 0 ? <p>{t('reportNoFindings')}</p> : null}
        {record.findings.map((f) => (
          <article class={`r-row r-row-${f.section}`} key={f.entity}>
            <h3>
              {f.entityName} <span class={`r-level r-level-${f.section}`}>[{resultLabel(f.section)}]</span>
            </h3>
            {f.matches.map((m, i) => (
              <div key={i}>
                <MatchBlock m={m} entity={i === 0 ? entities.get(f.entity) : undefined} lists={lists} />
                {m.occurrences > 1 ? <p class="r-source">{t('occurrences', m.occurrences)}</p> : null}
                {m.context ? <p class="r-context">{m.context}</p> : null}
              </div>
            ))}
          </article>
        ))}
      </section>
      {record.lookalikes.length > 0 ? (
        <section class="r-section">
          <h2>{t('lookalikesHeading', record.lookalikes.length)}</h2>
          <ul>
            {record.lookalikes.map((g, i) => (
              <li key={i}>
                <q>{g.text}</q> {g.notEntityName ? t('lookalikeNotEntity', g.notEntityName) : t('lookalikeNoDetails')}
                {g.reason ? ` ${g.reason}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function AuditRecordView({ record }: { record: AuditRecord }) {
  return (
    <div class="report">
      <Header record={record} />
      <section class="r-section">
        <h2>{t('reportListsHeading')}</h2>
        <ListsTable lists={record.lists} />
      </section>
      <Dismissals record={record} />
      {record.kind === 'bulk' ? <BulkBody record={record} /> : <PageBody record={record} />}
      <footer class="r-footer">
        <p>{t('reportFooter')}</p>
      </footer>
    </div>
  );
}
