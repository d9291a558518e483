import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { localizedName } from '../../shared/i18n/localized.ts';
import { Button } from '../../shared/ui/Button.tsx';
import { Select } from '../../shared/ui/Field.tsx';
import type { BoardCountsQuery } from './board.documents.ts';
import { activeFilterCount, SORTS, STATUS_GROUP_IDS, type BoardFilters, type BoardSort } from './board-filters.ts';
import type { BoardCommunity } from './BoardPage.tsx';
import styles from './board.module.css';

type Counts = ResultOf<typeof BoardCountsQuery>;

/**
 * The status groups as big radio "chips" that wrap on a phone (no sideways scrolling to find one), each
 * with how many concerns it holds. Arrow keys move between them, as in any radio group.
 */
export function StatusFilter({ filters, counts, onChange }: { filters: BoardFilters; counts: Counts | undefined; onChange: (next: BoardFilters) => void }) {
  const { t } = useTranslation(['board', 'common']);
  const format = useFormat();
  const name = useId();
  return (
    <fieldset className={styles.statusFilter}>
      <legend className={styles.legend}>{t('status.legend')}</legend>
      <div className={styles.chips}>
        {STATUS_GROUP_IDS.map((group) => {
          const count = counts?.[group]?.totalCount;
          const id = `${name}-${group}`;
          return (
            <div key={group} className={styles.chip}>
              <input
                type="radio"
                id={id}
                name={name}
                value={group}
                checked={filters.status === group}
                onChange={() => onChange({ ...filters, status: group })}
              />
              <label htmlFor={id}>
                {t(`status.${group}`)}
                {count !== undefined ? <span className={styles.chipCount}>{format.number(count)}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Category, building or hamlet, "only overdue", and the order: folded away until wanted. */
export function BoardFilterPanel({ community, filters, onChange }: { community: BoardCommunity; filters: BoardFilters; onChange: (next: BoardFilters) => void }) {
  const { t, i18n } = useTranslation(['board', 'common']);
  const overdueId = useId();
  const active = activeFilterCount(filters);
  const hamlets = community.groups.length > 0 && community.groups.every((group) => group.kind === 'HAMLET');
  return (
    <details className={styles.filterPanel} open={active > 0 || undefined}>
      <summary className={styles.filterSummary}>
        {t('filters.summary')}
        {active > 0 ? t('filters.active', { count: active }) : null}
        <span className={styles.sortNow}>· {t(`sort.${filters.sort}`)}</span>
      </summary>
      <div className={styles.filterGrid}>
        <Select
          label={t('filters.category')}
          value={filters.categoryKey ?? ''}
          placeholder={t('filters.anyCategory')}
          options={community.categories.map((category) => ({ value: category.key, label: localizedName(i18n.language, category) }))}
          onChange={(event) => onChange({ ...filters, categoryKey: event.target.value || null })}
        />
        {community.groups.length ? (
          <Select
            label={hamlets ? t('filters.groupHamlet') : t('filters.group')}
            value={filters.groupId ?? ''}
            placeholder={t('filters.anyGroup')}
            options={community.groups.map((group) => ({ value: group.id, label: localizedName(i18n.language, group) }))}
            onChange={(event) => onChange({ ...filters, groupId: event.target.value || null })}
          />
        ) : null}
        <Select
          label={t('filters.sort')}
          value={filters.sort}
          options={SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))}
          onChange={(event) => onChange({ ...filters, sort: event.target.value as BoardSort })}
        />
        <div className={styles.check}>
          <input id={overdueId} type="checkbox" checked={filters.overdue} onChange={(event) => onChange({ ...filters, overdue: event.target.checked })} />
          <label htmlFor={overdueId}>{t('filters.overdue')}</label>
        </div>
      </div>
      {active > 0 ? (
        <Button variant="quiet" onClick={() => onChange({ ...filters, categoryKey: null, groupId: null, overdue: false })}>
          {t('filters.clear')}
        </Button>
      ) : null}
    </details>
  );
}
