// The report workflow as the Api enforces it (ReportAdminHandlers), so the admin page offers only legal moves.

export type ReportStatus = 'pending' | 'in_review' | 'resolved' | 'rejected';
export type ModerationAction = 'none' | 'hide_content' | 'suspend_user';
export type ReportTargetType = 'user' | 'post' | 'comment' | 'product' | 'chat_message';

export const reportStatuses: ReportStatus[] = ['pending', 'in_review', 'resolved', 'rejected'];
export const reportTargetTypes: ReportTargetType[] = ['user', 'post', 'comment', 'product', 'chat_message'];
export const maxSuspendDays = 365;

/** pending → in_review → resolved | rejected; nothing after that. */
export function nextStatuses(status: ReportStatus): ReportStatus[] {
  switch (status) {
    case 'pending': return ['in_review'];
    case 'in_review': return ['resolved', 'rejected'];
    default: return [];
  }
}

/** A user cannot be hidden (only suspended), and content with no known owner cannot lead to a suspension. */
export function allowedActions(targetType: ReportTargetType, hasTargetUser: boolean): ModerationAction[] {
  const actions: ModerationAction[] = ['none'];
  if (targetType !== 'user') actions.push('hide_content');
  if (hasTargetUser) actions.push('suspend_user');
  return actions;
}

export interface QueueFilters {
  status?: ReportStatus | '';
  target_type?: ReportTargetType | '';
  reason?: string;
}

/** The admin queue's Api path for these filters (empty filters left out, fixed order so query keys are stable). */
export function reportQueuePath(filters: QueueFilters): string {
  const query = new URLSearchParams();
  for (const name of ['status', 'target_type', 'reason'] as const) {
    const value = filters[name];
    if (value) query.set(name, value);
  }
  const text = query.toString();
  return text ? `/reports/?${text}` : '/reports/';
}

export interface ReviewDraft {
  status: ReportStatus | null;
  note: string;
  action: ModerationAction;
  suspendDays: number;
}

/** The PATCH body for a review: an action (and days) only when resolving, as the Api's validator demands. */
export function reviewBody(draft: ReviewDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (draft.status) body.status = draft.status;
  if (draft.note.trim()) body.admin_note = draft.note.trim();
  if (draft.status === 'resolved') {
    body.action = draft.action;
    if (draft.action === 'suspend_user') body.suspend_days = draft.suspendDays;
  }
  return body;
}

/** The last `days` UTC days up to today, as YYYY-MM-DD (the stats endpoint's `from` and `to`, both included). */
export function utcDayRange(days: number, now: Date = new Date()): { from: string; to: string } {
  const day = (offset: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset)).toISOString().slice(0, 10);
  return { from: day(-(days - 1)), to: day(0) };
}
