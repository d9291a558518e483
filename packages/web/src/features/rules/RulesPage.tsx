import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { useFieldErrors } from '../../shared/errors/useFieldErrors.ts';
import { useRequiredParams } from '../../shared/hooks/useRequiredParams.ts';
import { paths } from '../../shared/routing/paths.ts';
import { Button, ButtonLink } from '../../shared/ui/Button.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import { isCadreRole } from '../../shared/session/roles.ts';
import { missingDates, RuleForm, type RuleFormValues } from './RuleForm.tsx';
import { DraftRuleMutation, RulesCommunityQuery } from './rules.documents.ts';
import { RuleBadges, RuleMeta, type ListedRule } from './RuleSummary.tsx';
import styles from './rules.module.css';

const GROUPS = ['IN_FORCE', 'DRAFT', 'RETIRED'] as const;

/** `/c/:slug/rules`: the community's standing rules, in force first; `?decision=…` opens a draft from a decision. */
export function RulesPage() {
  const { t } = useTranslation(['rules', 'common']);
  const { slug } = useRequiredParams('slug');
  const [searchParams] = useSearchParams();
  const decisionId = searchParams.get('decision');
  const [{ data, error, fetching }, refetch] = useQuery({ query: RulesCommunityQuery, variables: { slug } });
  const header = <PageHeader title={t('title')} description={t('intro')} actions={<ButtonLink to={paths.library()}>{t('libraryTitle')}</ButtonLink>} />;
  if (!data) return <>{header}{error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : fetching ? <Skeleton lines={6} /> : null}</>;
  const community = data.community;
  if (!community) return <>{header}<EmptyState title={t('notFound')} body={t('notFoundBody')} /></>;
  const isCadre = isCadreRole(community.myRole);
  return (
    <>
      {header}
      {decisionId && isCadre ? <DraftFromDecision slug={slug} decisionId={decisionId} /> : null}
      {community.rules.length ? (
        GROUPS.map((status) => {
          const rules = community.rules.filter((rule) => rule.status === status);
          if (!rules.length) return null;
          return (
            <section key={status} className={styles.group} aria-labelledby={`rules-${status}`}>
              <h2 id={`rules-${status}`}>{t(`groups.${status}`)}</h2>
              <ul className={styles.list}>
                {rules.map((rule) => (
                  <li key={rule.id}>
                    <RuleCard slug={slug} rule={rule} noticeDays={community.settings.ruleReviewNoticeDays} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      ) : (
        <EmptyState title={t('empty')} body={t('emptyBody')} />
      )}
      <p>
        <Link to={paths.library()}>{t('libraryLink')}</Link>
      </p>
    </>
  );
}

function RuleCard({ slug, rule, noticeDays }: { slug: string; rule: ListedRule; noticeDays: number }) {
  return (
    <article className={styles.card}>
      <RuleBadges rule={rule} noticeDays={noticeDays} />
      <h3>
        <Link to={paths.rule(slug, rule.id)}>{rule.title}</Link>
      </h3>
      <RuleMeta rule={rule} />
    </article>
  );
}

/** A cadre writes a standing rule from what a decision adopted; it starts as a draft. */
function DraftFromDecision({ slug, decisionId }: { slug: string; decisionId: string }) {
  const { t } = useTranslation(['rules', 'common']);
  const navigate = useNavigate();
  const announcer = useAnnouncer();
  const { error, setError, issues, edited } = useFieldErrors();
  const [{ fetching }, draft] = useMutation(DraftRuleMutation);
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  const submit = async (values: RuleFormValues) => {
    const missing = missingDates(values);
    if (missing) return setError(missing);
    const result = await draft({
      decisionId,
      input: { title: values.title, body: values.body, effectiveAt: values.effectiveAt!, reviewAt: values.reviewAt!, isPublic: values.isPublic },
    });
    const outcome = mutationOutcome(result.error, result.data?.draftRule);
    if (!outcome.ok) return setError(outcome.error);
    announcer.toast(t('draft.drafted'), { tone: 'success' });
    void navigate(paths.rule(slug, outcome.data.id));
  };
  return (
    <section className={styles.section} aria-labelledby="draft-heading">
      <h2 id="draft-heading">{t('draft.heading')}</h2>
      <RuleForm id="draft-rule" kind="draft" initial={{ title: '', body: '' }} error={error} issues={issues} edited={edited} failedTitle={t('manage.failed')} onSubmit={(values) => void submit(values)} />
      <div className={styles.buttons}>
        <Button type="submit" form="draft-rule" loading={fetching}>
          {t('form.draft')}
        </Button>
        <Button variant="secondary" onClick={() => setDismissed(true)}>
          {t('actions.cancel', { ns: 'common' })}
        </Button>
      </div>
    </section>
  );
}
