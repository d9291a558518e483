import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { useFieldErrors } from '../../shared/errors/useFieldErrors.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { useLocalizedName } from '../../shared/i18n/localized.ts';
import { Button } from '../../shared/ui/Button.tsx';
import { Card } from '../../shared/ui/Card.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Select, TextField } from '../../shared/ui/Field.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import { parseDuration, parseSettings, settingsForm, splitHours, validationError, type SettingsForm, type SettingsValues } from './admin-forms.ts';
import {
  AddGroupMutation,
  AdminSettingsQuery,
  SaveCategoryMutation,
  UpdateCommunitySettingsMutation,
  type CategoryFields,
  type GroupFields,
} from './admin.documents.ts';
import type { AdminSectionProps } from './AdminPage.tsx';
import styles from './admin.module.css';

type Category = ResultOf<typeof CategoryFields>;
type Group = ResultOf<typeof GroupFields>;

/** The community's deadlines, thresholds and visibility, each category's deadline, and its groups. */
export function SettingsSection({ communityId, slug }: AdminSectionProps) {
  const { t } = useTranslation('admin');
  const [{ data, error }, refetch] = useQuery({ query: AdminSettingsQuery, variables: { slug } });
  const community = data?.community;
  if (!community) {
    return error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : <Skeleton lines={8} />;
  }
  const values: SettingsValues = { ...community.settings, isPublic: community.isPublic };
  return (
    <>
      <section className={styles.section} aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('settings.heading')}</h2>
        {/* Keyed by the saved values: after a save (here or elsewhere) the form starts from the server's. */}
        <GeneralSettingsForm key={JSON.stringify(values)} communityId={communityId} values={values} />
      </section>
      <section className={styles.section} aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t('categories.heading')}</h2>
        <p className={styles.muted}>{t('categories.intro')}</p>
        {community.categories.length === 0 ? <EmptyState title={t('categories.empty')} headingLevel={3} /> : null}
        <ul className={styles.list}>
          {community.categories.map((category) => (
            <CategoryDeadline key={`${category.id}-${category.echoHours}`} communityId={communityId} category={category} />
          ))}
        </ul>
      </section>
      <section className={styles.section} aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t('groups.heading')}</h2>
        <p className={styles.muted}>{t('groups.intro')}</p>
        <GroupsList groups={community.groups} />
        <AddGroupForm communityId={communityId} onAdded={() => refetch({ requestPolicy: 'network-only' })} />
      </section>
    </>
  );
}

function GeneralSettingsForm({ communityId, values }: { communityId: string; values: SettingsValues }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const announcer = useAnnouncer();
  const [form, setForm] = useState<SettingsForm>(() => settingsForm(values));
  const { error, issues, setError, edited } = useFieldErrors();
  const [{ fetching }, update] = useMutation(UpdateCommunitySettingsMutation);

  const change = (field: keyof SettingsForm, value: string | boolean, issueField: string = field) => {
    setForm({ ...form, [field]: value });
    edited(issueField);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const parsed = parseSettings(form, values);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    if (Object.keys(parsed.changes).length === 0) {
      setError(null);
      announcer.toast(t('settings.nothingChanged'));
      return;
    }
    const result = await update({ communityId, input: parsed.changes });
    const outcome = mutationOutcome(result.error, result.data?.updateCommunitySettings);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setError(null);
    announcer.toast(t('settings.saved'), { tone: 'success' });
  };

  const dissatisfaction = Number(form.dissatisfactionPercent);
  const validDissatisfaction = Number.isInteger(dissatisfaction) && dissatisfaction >= 1 && dissatisfaction <= 100;
  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      {error ? <ErrorNotice error={error} title={t('settings.saveFailed')} /> : null}
      <fieldset className={styles.fieldset}>
        <legend>{t('settings.visibility.legend')}</legend>
        {[true, false].map((isPublic) => (
          <label key={String(isPublic)} className={styles.choice}>
            <input
              type="radio"
              name="isPublic"
              checked={form.isPublic === isPublic}
              onChange={() => change('isPublic', isPublic)}
            />
            <span>{t(isPublic ? 'settings.visibility.public' : 'settings.visibility.private')}</span>
          </label>
        ))}
        {issues.isPublic ? <p className={styles.error}>{issues.isPublic}</p> : null}
      </fieldset>
      <DurationInputs
        legend={t('settings.echo.legend')}
        hint={t('settings.echo.hint')}
        days={form.defaultEchoDays}
        hours={form.defaultEchoHours}
        daysLabel={t('settings.echo.days')}
        hoursLabel={t('settings.echo.hours')}
        error={issues.defaultEchoHours}
        onDays={(value) => change('defaultEchoDays', value, 'defaultEchoHours')}
        onHours={(value) => change('defaultEchoHours', value, 'defaultEchoHours')}
      />
      <TextField
        label={t('settings.quorum.label')}
        hint={t('settings.quorum.hint')}
        inputMode="numeric"
        name="quorumPercent"
        value={form.quorumPercent}
        onChange={(event) => change('quorumPercent', event.target.value)}
        error={issues.quorumPercent}
      />
      <TextField
        label={t('settings.threshold.label')}
        hint={t('settings.threshold.hint')}
        inputMode="numeric"
        name="thresholdPercent"
        value={form.thresholdPercent}
        onChange={(event) => change('thresholdPercent', event.target.value)}
        error={issues.thresholdPercent}
      />
      <TextField
        label={t('settings.dissatisfaction.label')}
        hint={t('settings.dissatisfaction.hint')}
        inputMode="numeric"
        name="dissatisfactionPercent"
        value={form.dissatisfactionPercent}
        onChange={(event) => change('dissatisfactionPercent', event.target.value)}
        error={issues.dissatisfactionPercent}
      />
      {/* The same number on a slider, for those who would rather drag than type. */}
      <input
        className={styles.slider}
        type="range"
        min={1}
        max={100}
        step={1}
        aria-label={t('settings.dissatisfaction.slider')}
        aria-valuetext={validDissatisfaction ? format.percent(dissatisfaction / 100) : undefined}
        value={validDissatisfaction ? dissatisfaction : values.dissatisfactionPercent}
        onChange={(event) => change('dissatisfactionPercent', event.target.value)}
      />
      {validDissatisfaction ? (
        <p className={styles.muted} aria-live="polite">
          {t('settings.dissatisfaction.value', { percent: format.percent(dissatisfaction / 100), count: format.number(dissatisfaction) })}
        </p>
      ) : null}
      <div>
        <Button type="submit" loading={fetching}>
          {t('settings.save')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Days and hours side by side, with one error for both: the server knows only the total in hours, so
 * its objection belongs to the pair. Both inputs point at it (aria-describedby) and are marked invalid.
 */
function DurationInputs(props: {
  legend: ReactNode;
  hint?: string;
  days: string;
  hours: string;
  daysLabel: string;
  hoursLabel: string;
  error?: string;
  onDays: (value: string) => void;
  onHours: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [props.error ? `${id}-error` : null, props.hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const input = (label: string, value: string, onChange: (value: string) => void) => (
    <label className={styles.durationPart}>
      {label}
      <input
        className={styles.input}
        inputMode="numeric"
        value={value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
  return (
    <fieldset className={styles.fieldset}>
      <legend>{props.legend}</legend>
      {props.hint ? (
        <p id={`${id}-hint`} className={styles.muted}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} className={styles.error}>
          <span className="visually-hidden">{t('form.errorPrefix')}</span>
          {props.error}
        </p>
      ) : null}
      <div className={styles.duration}>
        {input(props.daysLabel, props.days, props.onDays)}
        {input(props.hoursLabel, props.hours, props.onHours)}
      </div>
    </fieldset>
  );
}

function CategoryDeadline({ communityId, category }: { communityId: string; category: Category }) {
  const { t } = useTranslation('admin');
  const localizedName = useLocalizedName();
  const announcer = useAnnouncer();
  const start = splitHours(category.echoHours);
  const [days, setDays] = useState(String(start.days));
  const [hours, setHours] = useState(String(start.hours));
  const { error, issues, setError, edited } = useFieldErrors();
  const [{ fetching }, save] = useMutation(SaveCategoryMutation);
  const name = localizedName(category);
  const duration = useDurationText();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const parsed = parseDuration(days, hours);
    if (!parsed.ok) {
      setError(validationError({ echoHours: parsed.issue }));
      return;
    }
    const { id: _id, ...input } = category;
    const result = await save({ communityId, input: { ...input, echoHours: parsed.value } });
    const outcome = mutationOutcome(result.error, result.data?.saveCategory);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setError(null);
    announcer.toast(t('categories.saved', { name, duration: duration(outcome.data.echoHours) }), { tone: 'success' });
  };

  return (
    <Card as="li">
      <form className={styles.categoryRow} onSubmit={(event) => void submit(event)} noValidate aria-label={name}>
        <div>
          <p className={styles.name}>{name}</p>
          <p className={styles.facts}>{t('categories.current', { duration: duration(category.echoHours) })}</p>
        </div>
        <DurationInputs
          legend={<span className="visually-hidden">{name}</span>}
          days={days}
          hours={hours}
          daysLabel={t('settings.echo.days')}
          hoursLabel={t('settings.echo.hours')}
          error={issues.echoHours}
          onDays={(value) => {
            setDays(value);
            edited('echoHours');
          }}
          onHours={(value) => {
            setHours(value);
            edited('echoHours');
          }}
        />
        <div>
          <Button type="submit" variant="secondary" loading={fetching} aria-label={t('categories.saveOf', { name })}>
            {t('categories.save')}
          </Button>
        </div>
        {error && !issues.echoHours ? <ErrorNotice error={error} title={t('categories.saveFailed')} /> : null}
      </form>
    </Card>
  );
}

/** "3 天", "6 小时", "1 天 6 小时". */
function useDurationText() {
  const { t } = useTranslation('admin');
  return (total: number) => {
    const { days, hours } = splitHours(total);
    if (hours === 0) return t('categories.durationDays', { days });
    if (days === 0) return t('categories.durationHours', { hours });
    return t('categories.duration', { days, hours });
  };
}

function GroupsList({ groups }: { groups: readonly Group[] }) {
  const { t } = useTranslation('admin');
  const localizedName = useLocalizedName();
  if (groups.length === 0) return <EmptyState title={t('groups.empty')} headingLevel={3} />;
  return (
    <ul className={styles.list}>
      {groups.map((group) => (
        <Card as="li" key={group.id}>
          <p className={styles.name}>{localizedName(group)}</p>
          <p className={styles.facts}>
            {t(`groups.kindLabel.${group.kind}`)} · {group.name} / {group.nameEn}
          </p>
        </Card>
      ))}
    </ul>
  );
}

const GROUP_KINDS = ['BUILDING', 'COMPOUND', 'HAMLET', 'OTHER'] as const;

function AddGroupForm({ communityId, onAdded }: { communityId: string; onAdded: () => void }) {
  const { t } = useTranslation('admin');
  const announcer = useAnnouncer();
  const [form, setForm] = useState({ kind: 'BUILDING' as (typeof GROUP_KINDS)[number], name: '', nameEn: '' });
  const { error, issues, setError, edited } = useFieldErrors();
  const [{ fetching }, add] = useMutation(AddGroupMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const input = { kind: form.kind, name: form.name.trim(), nameEn: form.nameEn.trim() };
    const missing = Object.fromEntries(
      (['name', 'nameEn'] as const).filter((field) => !input[field]).map((field) => [field, { code: 'REQUIRED', message: 'Required' }]),
    );
    if (Object.keys(missing).length > 0) {
      setError(validationError(missing));
      return;
    }
    const result = await add({ communityId, input });
    const outcome = mutationOutcome(result.error, result.data?.addGroup);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setError(null);
    setForm({ ...form, name: '', nameEn: '' });
    announcer.toast(t('groups.added', { name: input.name }), { tone: 'success' });
    onAdded();
  };

  const change = (field: 'kind' | 'name' | 'nameEn', value: string) => {
    setForm({ ...form, [field]: value });
    edited(field);
  };
  return (
    <form className={[styles.form, styles.section].join(' ')} onSubmit={(event) => void submit(event)} noValidate>
      {error ? <ErrorNotice error={error} title={t('groups.addFailed')} /> : null}
      <Select
        label={t('groups.kind')}
        value={form.kind}
        onChange={(event) => change('kind', event.target.value)}
        options={GROUP_KINDS.map((kind) => ({ value: kind, label: t(`groups.kindLabel.${kind}`) }))}
      />
      <TextField label={t('groups.name')} required maxLength={30} value={form.name} onChange={(event) => change('name', event.target.value)} error={issues.name} />
      <TextField
        label={t('groups.nameEn')}
        hint={t('groups.nameEnHint')}
        required
        maxLength={40}
        value={form.nameEn}
        onChange={(event) => change('nameEn', event.target.value)}
        error={issues.nameEn}
      />
      <div>
        <Button type="submit" variant="secondary" loading={fetching}>
          {t('groups.add')}
        </Button>
      </div>
    </form>
  );
}
