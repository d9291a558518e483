import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { useFieldErrors } from '../../shared/errors/useFieldErrors.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { useRequiredParams } from '../../shared/hooks/useRequiredParams.ts';
import { useLocalizedName } from '../../shared/i18n/localized.ts';
import { paths } from '../../shared/routing/paths.ts';
import { Button } from '../../shared/ui/Button.tsx';
import { Dialog } from '../../shared/ui/Dialog.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { ReasonDialog } from '../../shared/ui/ReasonDialog.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import { missingDates, RuleForm, type RuleFormValues } from './RuleForm.tsx';
import { AmendRuleMutation, PublishRuleMutation, RetireRuleMutation, RulePageQuery } from './rules.documents.ts';
import styles from './rules.module.css';
import { RuleBadges, RuleMeta } from './RuleSummary.tsx';
import { diffRows, type DiffRow } from './version-diff.ts';

const MAX_REASON = 500;

type RuleData = NonNullable<ResultOf<typeof RulePageQuery>['rule']>;
type VersionData = RuleData['versions'][number];

/** `/c/:slug/rules/:ruleId`: a rule's text, where it came from, every version with what changed. */
export function RulePage() {
  const { t } = useTranslation(['rules', 'common']);
  const { slug, ruleId } = useRequiredParams('slug', 'ruleId');
  const [{ data, error, fetching }, refetch] = useQuery({ query: RulePageQuery, variables: { id: ruleId } });
  const back = { to: paths.rules(slug), label: t('back') };
  if (!data) {
    return (
      <>
        <PageHeader title={t('title')} back={back} />
        {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : fetching ? <Skeleton lines={8} /> : null}
      </>
    );
  }
  const rule = data.rule;
  if (!rule) {
    return (
      <>
        <PageHeader title={t('notFound')} back={back} />
        <EmptyState title={t('notFound')} body={t('notFoundBody')} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={rule.title} back={back} />
      <RuleBadges rule={rule} noticeDays={rule.community.settings.ruleReviewNoticeDays} />
      <RuleMeta rule={rule} />
      <RuleOrigin rule={rule} />
      {rule.status === 'RETIRED' && rule.retiredAt ? <RetiredNotice rule={rule} /> : null}
      <h2>{t('text')}</h2>
      <div className={styles.body}>{rule.body}</div>
      {rule.canManage && rule.status !== 'RETIRED' ? <ManagePanel rule={rule} /> : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('history')}</h2>
        <ol className={styles.versions}>
          {[...rule.versions].reverse().map((version) => (
            <li key={version.version} className={styles.versionItem}>
              <Version version={version} />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function RetiredNotice({ rule }: { rule: RuleData }) {
  const { t } = useTranslation(['rules', 'common']);
  const format = useFormat();
  return <p className={styles.retired}>{t('retired', { date: format.date(rule.retiredAt!), reason: rule.retireReason ?? '' })}</p>;
}

/** The decision it came from, or the library rule it was copied from (a link to the origin). */
function RuleOrigin({ rule }: { rule: RuleData }) {
  const { t } = useTranslation(['rules', 'common']);
  const format = useFormat();
  const name = useLocalizedName();
  if (rule.sourceDecision) {
    return (
      <p className={styles.origin}>
        {t('fromDecision')} <Link to={paths.concern(rule.community.slug, rule.sourceDecision.concern.id)}>{rule.sourceDecision.concern.title}</Link>
      </p>
    );
  }
  const adoption = rule.adoptedFrom;
  if (!adoption) return null;
  const base = { date: format.date(adoption.adoptedAt), name: adoption.adoptedBy.displayName, version: adoption.sourceVersion };
  const source = adoption.sourceRule;
  if (!source) return <p className={styles.origin}>{t('adoptedFromGone', base)}</p>;
  return (
    <p className={styles.origin}>
      {t('adoptedFrom', { ...base, community: name(source.community) })} <Link to={paths.rule(source.community.slug, source.id)}>{source.title}</Link>
    </p>
  );
}

function Version({ version }: { version: VersionData }) {
  const { t } = useTranslation(['rules', 'common']);
  const format = useFormat();
  const rows = version.bodyDiff ? diffRows(version.bodyDiff) : null;
  return (
    <article aria-labelledby={`version-${version.version}`}>
      <h3 id={`version-${version.version}`}>{t('version', { n: version.version })}</h3>
      <p className={styles.meta}>
        <span>{t('versionBy', { name: version.createdBy.displayName, date: format.date(version.createdAt) })}</span>
        <span>{t('effective', { date: format.date(version.effectiveAt) })}</span>
      </p>
      {version.version === 1 ? <p className={styles.muted}>{t('firstVersion')}</p> : null}
      {version.changeNote ? <p className={styles.note}>{t('changeNote', { note: version.changeNote })}</p> : null}
      {version.previousTitle ? <p>{t('titleChanged', { before: version.previousTitle, after: version.title })}</p> : null}
      {rows ? <VersionDiff rows={rows} /> : null}
    </article>
  );
}

/** The text against the version before: rewritten lines with the words taken out struck through and the new ones underlined. */
function VersionDiff({ rows }: { rows: readonly DiffRow[] }) {
  const { t } = useTranslation(['rules', 'common']);
  if (!rows.some((row) => row.kind !== 'same')) return <p className={styles.muted}>{t('noChange')}</p>;
  const added = <span className="visually-hidden">{t('added')}</span>;
  const removed = <span className="visually-hidden">{t('removed')}</span>;
  return (
    <>
      <h4>{t('showDiff')}</h4>
      <p className={styles.legend}>
        <ins>{t('legendAdded')}</ins>
        <del>{t('legendRemoved')}</del>
      </p>
      <ul className={styles.diff}>
        {rows.map((row, index) => {
          if (row.kind === 'changed') {
            return (
              <li key={index} className={styles.diffChanged}>
                {row.parts.map((part, i) =>
                  part.kind === 'same' ? (
                    <span key={i}>{part.text}</span>
                  ) : part.kind === 'added' ? (
                    <ins key={i}>
                      {added}
                      {part.text}
                    </ins>
                  ) : (
                    <del key={i}>
                      {removed}
                      {part.text}
                    </del>
                  ),
                )}
              </li>
            );
          }
          if (row.kind === 'added') {
            return (
              <li key={index} className={styles.diffAdded}>
                <ins>
                  {added}
                  {row.text}
                </ins>
              </li>
            );
          }
          if (row.kind === 'removed') {
            return (
              <li key={index} className={styles.diffRemoved}>
                <del>
                  {removed}
                  {row.text}
                </del>
              </li>
            );
          }
          return (
            <li key={index} className={styles.diffSame}>
              {row.text}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Cadres of the rule's community: put a draft into force, amend (a new version), or retire it. */
function ManagePanel({ rule }: { rule: RuleData }) {
  const { t } = useTranslation(['rules', 'common']);
  const announcer = useAnnouncer();
  const [amending, setAmending] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const [publishError, setPublishError] = useState<unknown>(null);
  const [{ fetching: publishing }, publish] = useMutation(PublishRuleMutation);
  const onPublish = async () => {
    const result = await publish({ ruleId: rule.id });
    const outcome = mutationOutcome(result.error, result.data?.publishRule);
    if (!outcome.ok) return setPublishError(outcome.error);
    setPublishError(null);
    announcer.toast(t('manage.published'), { tone: 'success' });
  };
  return (
    <section className={styles.section} aria-labelledby="manage-heading">
      <h2 id="manage-heading">{t('manage.heading')}</h2>
      {publishError ? <ErrorNotice error={publishError} title={t('manage.failed')} /> : null}
      <div className={styles.buttons}>
        {rule.status === 'DRAFT' ? (
          <Button loading={publishing} onClick={() => void onPublish()}>
            {t('manage.publish')}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={() => setAmending(true)}>
          {t('manage.amend')}
        </Button>
        <Button variant="danger" onClick={() => setRetiring(true)}>
          {t('manage.retire')}
        </Button>
      </div>
      {amending ? <AmendDialog rule={rule} onClose={() => setAmending(false)} /> : null}
      <RetireDialog open={retiring} ruleId={rule.id} onClose={() => setRetiring(false)} />
    </section>
  );
}

function AmendDialog({ rule, onClose }: { rule: RuleData; onClose: () => void }) {
  const { t } = useTranslation(['rules', 'common']);
  const announcer = useAnnouncer();
  const { error, setError, issues, edited } = useFieldErrors();
  const [{ fetching }, amend] = useMutation(AmendRuleMutation);
  const submit = async (values: RuleFormValues) => {
    if (fetching) return;
    const missing = missingDates(values);
    if (missing) return setError(missing);
    const result = await amend({
      ruleId: rule.id,
      input: { title: values.title, body: values.body, effectiveAt: values.effectiveAt!, reviewAt: values.reviewAt!, changeNote: values.changeNote },
    });
    const outcome = mutationOutcome(result.error, result.data?.amendRule);
    if (!outcome.ok) return setError(outcome.error);
    onClose();
    announcer.toast(t('manage.amended'), { tone: 'success' });
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('manage.amendTitle')}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('actions.cancel', { ns: 'common' })}
          </Button>
          <Button type="submit" form="amend-rule" loading={fetching}>
            {t('form.save')}
          </Button>
        </>
      }
    >
      <RuleForm
        id="amend-rule"
        kind="amend"
        initial={{ title: rule.title, body: rule.body, effectiveAt: new Date().toISOString(), reviewAt: rule.reviewAt }}
        error={error}
        issues={issues}
        edited={edited}
        failedTitle={t('manage.failed')}
        onSubmit={(values) => void submit(values)}
      />
    </Dialog>
  );
}

function RetireDialog({ open, ruleId, onClose }: { open: boolean; ruleId: string; onClose: () => void }) {
  const { t } = useTranslation(['rules', 'common']);
  const announcer = useAnnouncer();
  const [, retire] = useMutation(RetireRuleMutation);
  return (
    <ReasonDialog
      open={open}
      onClose={onClose}
      title={t('manage.retireTitle')}
      label={t('manage.retireReason')}
      hint={t('manage.retireHint', { max: MAX_REASON })}
      maxLength={MAX_REASON}
      confirmLabel={t('manage.retireConfirm')}
      failedTitle={t('manage.failed')}
      onSubmit={async (reason) => {
        const result = await retire({ ruleId, reason });
        const outcome = mutationOutcome(result.error, result.data?.retireRule);
        if (outcome.ok) announcer.toast(t('manage.retiredDone'), { tone: 'success' });
        return outcome;
      }}
    />
  );
}
