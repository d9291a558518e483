import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { useNow } from '../../shared/hooks/useNow.ts';
import { statusLabel } from '../../shared/i18n/dynamic-key.ts';
import { Badge, type Tone } from '../../shared/ui/Badge.tsx';
import { reviewState } from './rule-review.ts';
import type { RuleListFields } from './rules.documents.ts';
import styles from './rules.module.css';

const RULE_TONES: Record<string, Tone> = { IN_FORCE: 'success', DRAFT: 'neutral', RETIRED: 'neutral' };

export type ListedRule = ResultOf<typeof RuleListFields>;

/** Status, and whether its review is due: within the community's notice days of reviewAt, or past it. */
export function RuleBadges({ rule, noticeDays }: { rule: ListedRule; noticeDays: number }) {
  const { t, i18n } = useTranslation(['rules', 'common']);
  const review = reviewState(rule, noticeDays, useNow());
  return (
    <div className={styles.badges}>
      <Badge tone={RULE_TONES[rule.status] ?? 'neutral'}>{statusLabel(i18n, 'Rule', rule.status) ?? rule.status}</Badge>
      {review ? <Badge tone={review === 'overdue' ? 'danger' : 'warning'}>{t(review === 'overdue' ? 'reviewOverdue' : 'reviewDue')}</Badge> : null}
    </div>
  );
}

export function RuleMeta({ rule }: { rule: ListedRule }) {
  const { t } = useTranslation(['rules', 'common']);
  const format = useFormat();
  return (
    <p className={styles.meta}>
      <span>{t('effective', { date: format.date(rule.effectiveAt) })}</span>
      <span>{t('reviewAt', { date: format.date(rule.reviewAt) })}</span>
      <span>{t('version', { n: rule.currentVersion })}</span>
      {rule.adoptionCount > 0 ? <span>{t('adoptedCount', { count: rule.adoptionCount })}</span> : null}
    </p>
  );
}

