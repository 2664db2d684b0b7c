import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { reportStatuses, reportTargetTypes, utcDayRange } from '../../lib/moderation';
import { EmptyState, ErrorState, Spinner } from '../../ui/States';
import { reportReasons, type ReportStats } from './adminApi';
import { CountTable, PerDayChart } from './ReportChart';
import { RequireAdmin } from './RequireAdmin';

const periods = [7, 30, 90] as const;

/** Report statistics over the last 7, 30 or 90 UTC days: a per-day chart and counts by status, target and reason. */
export default function AdminStatsPage() {
  return <RequireAdmin><Stats /></RequireAdmin>;
}

function Stats() {
  const t = useT();
  const [days, setDays] = useState<number>(30);
  const range = utcDayRange(days);
  const stats = useQuery({
    queryKey: ['admin', 'stats', range.from, range.to],
    queryFn: ({ signal }) => api<ReportStats>(`/reports/stats/?from=${range.from}&to=${range.to}`, { signal }),
  });

  return (
    <div className="stats">
      <h1>{t('admin.stats')}</h1>
      <div className="field">
        <label htmlFor="stats-range" className="field__label">{t('admin.stats.range')}</label>
        <select id="stats-range" className="admin-select" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {periods.map((n) => <option key={n} value={n}>{t('admin.stats.days', { n })}</option>)}
        </select>
      </div>
      {stats.isPending ? <Spinner /> : stats.isError ? <ErrorState onRetry={() => stats.refetch()} /> : (
        <>
          <p className="badge" data-testid="stats-total">{t('admin.stats.total', { n: stats.data.total })}</p>
          <section aria-labelledby="per-day">
            <h2 id="per-day">{t('admin.stats.perDay')}</h2>
            {stats.data.total === 0 && stats.data.per_day.every((d) => d.closed === 0)
              ? <EmptyState>{t('admin.stats.empty')}</EmptyState>
              : <PerDayChart stats={stats.data} />}
            <details>
              <summary>{t('admin.stats.table')}</summary>
              <table className="counts" data-testid="stats-days">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.stats.date')}</th>
                    <th scope="col">{t('admin.stats.created')}</th>
                    <th scope="col">{t('admin.stats.closed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.data.per_day.map((d) => (
                    <tr key={d.date}><th scope="row">{d.date}</th><td className="num">{d.created}</td><td className="num">{d.closed}</td></tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
          <div className="stats__grid">
            <section aria-labelledby="by-status">
              <h2 id="by-status">{t('admin.stats.byStatus')}</h2>
              <CountTable caption={t('admin.stats.byStatus')} counts={stats.data.by_status} testId="stats-status"
                label={(k) => (reportStatuses as string[]).includes(k) ? t(`admin.status.${k as 'pending'}`) : k} />
            </section>
            <section aria-labelledby="by-type">
              <h2 id="by-type">{t('admin.stats.byType')}</h2>
              <CountTable caption={t('admin.stats.byType')} counts={stats.data.by_target_type} testId="stats-type"
                label={(k) => (reportTargetTypes as string[]).includes(k) ? t(`admin.type.${k as 'post'}`) : k} />
            </section>
            <section aria-labelledby="by-reason">
              <h2 id="by-reason">{t('admin.stats.byReason')}</h2>
              <CountTable caption={t('admin.stats.byReason')} counts={stats.data.by_reason} testId="stats-reason"
                label={(k) => (reportReasons as string[]).includes(k) ? t(`report.reason.${k as 'spam'}`) : k} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
