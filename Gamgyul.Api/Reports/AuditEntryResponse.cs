using System.Text.Json;

namespace Gamgyul.Api.Reports;

/// <summary>One audit log entry, for admins.</summary>
public sealed record AuditEntryResponse(Guid Uuid, string? Actor, string Action, string TargetType, Guid? TargetId,
    Guid? Report, JsonElement Details, DateTimeOffset CreatedAt);
