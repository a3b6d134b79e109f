// Look-alikes seen on the page and deliberately left clear ("Volvo Cars is not the
// Volvo Group"), with the reason and its source, so the user sees why nothing flagged.
import { t } from '../../../shared/i18n';
import type { GuardView } from '../../presentation/view-model';
import { ExternalLink } from '../../common/ExternalLink';

export function GuardList({ guards }: { guards: GuardView[] }) {
  if (guards.length === 0) return null;
  return (
    <section class="entity-section guards" id="lookalikes">
      <details>
        <summary>
          <h2>{t('lookalikesHeading', guards.length)}</h2>
        </summary>
        <ul>
          {guards.map((g) => (
            <li key={`${g.key}:${g.text}`}>
              <p>
                <q>{g.text}</q> {g.notEntityName ? t('lookalikeNotEntity', g.notEntityName) : t('lookalikeNoDetails')}
              </p>
              {g.reason ? <p class="reason">{g.reason}</p> : null}
              {g.sourceUrl ? (
                <p class="source">
                  <ExternalLink href={g.sourceUrl}>{t('sourceLink')}</ExternalLink>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
