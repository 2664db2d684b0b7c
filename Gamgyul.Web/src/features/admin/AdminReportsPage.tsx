import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ReportReason } from '../../api/types';
import { useCursorList } from '../../api/useCursorList';
import { relativeTime, useLocale, useT } from '../../i18n/i18n';
import { reportQueuePath, reportStatuses, reportTargetTypes, type ReportStatus, type ReportTargetType } from '../../lib/moderation';
import { InfiniteList } from '../../ui/InfiniteList';
import { reportReasons, type AdminReport } from './adminApi';
import { RequireAdmin } from './RequireAdmin';

/** The admins' report queue, newest first, filtered by status, target type and reason (kept in the URL). */
export default function AdminReportsPage() {
  return <RequireAdmin><Queue /></RequireAdmin>;
}

function Queue() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filters = {
    status: (params.get('status') ?? '') as ReportStatus | '',
    target_type: (params.get('target_type') ?? '') as ReportTargetType | '',
    reason: params.get('reason') ?? '',
  };
  const path = reportQueuePath(filters);
  const reports = useCursorList<AdminReport>(['admin', 'reports', path], path, (r) => r.uuid, { pageSize: 20 });

  function choose(name: keyof typeof filters, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  return (
    <>
      <h1>{t('admin.queue')}</h1>
      <fieldset className="admin-filters">
        <legend className="visually-hidden">{t('admin.filters')}</legend>
        <Filter label={t('admin.filter.status')} value={filters.status} onChange={(v) => choose('status', v)}
          options={reportStatuses.map((s) => [s, t(`admin.status.${s}`)])} />
        <Filter label={t('admin.filter.type')} value={filters.target_type} onChange={(v) => choose('target_type', v)}
          options={reportTargetTypes.map((s) => [s, t(`admin.type.${s}`)])} />
        <Filter label={t('admin.filter.reason')} value={filters.reason} onChange={(v) => choose('reason', v)}
          options={reportReasons.map((r) => [r, t(`report.reason.${r}`)])} />
      </fieldset>
      <InfiniteList {...reports} items={reports.items} keyOf={(r) => r.uuid} render={(r) => <ReportRow report={r} />}
        empty={t('admin.queue.empty')} />
    </>
  );
}

function Filter({ label, value, options, onChange }: {
  label: string;
  value: string;
  options: Array<[string, string]>;
  onChange(value: string): void;
}) {
  const t = useT();
  const id = useId();
  // Labelled by `for`, not by wrapping: a wrapping label would put the chosen option into the select's name.
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('admin.filter.all')}</option>
        {options.map(([id, text]) => <option key={id} value={id}>{text}</option>)}
      </select>
    </div>
  );
}

export function StatusBadge({ status }: { status: ReportStatus }) {
  const t = useT();
  return <span className={`badge badge--${status}`} data-testid="report-status">{t(`admin.status.${status}`)}</span>;
}

function ReportRow({ report }: { report: AdminReport }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <Link to={`/admin/reports/${report.uuid}`} className="report-row" data-testid="report-row">
      <span className="report-row__top">
        <span>{t('admin.queue.item', { type: t(`admin.type.${report.target_type}`), reason: t(`report.reason.${report.reason as ReportReason}`) })}</span>
        <StatusBadge status={report.status} />
      </span>
      <span className="muted">
        @{report.reporter.handle} → {report.target_user ? `@${report.target_user.handle}` : t('admin.report.goneUser')} ·{' '}
        <time dateTime={report.created_at}>{relativeTime(locale, report.created_at)}</time>
      </span>
      {report.detail && <p className="report-row__detail">{report.detail}</p>}
    </Link>
  );
}
