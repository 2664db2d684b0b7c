namespace Gamgyul.Api.Reports;

/// <summary>
/// The body of <c>PATCH /reports/{uuid}/</c> (admins): a status move, a note, and on resolving an action
/// (<c>none</c>, <c>hide_content</c>, or <c>suspend_user</c> for <c>suspend_days</c> days).
/// </summary>
public sealed record ReviewRequest(string? Status, string? AdminNote, string? Action, int? SuspendDays);
