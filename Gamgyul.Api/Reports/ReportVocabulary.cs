using Gamgyul.Data.Entities;

namespace Gamgyul.Api.Reports;

/// <summary>The API's words for report fields (snake_case, as the JSON shows them) and their model values.</summary>
public static class ReportVocabulary
{
    /// <summary>Target types a client may send; a reply is a comment, and <c>chat</c> is the original's name for a chat message.</summary>
    public static readonly IReadOnlyDictionary<string, ReportTargetType> TargetTypes = new Dictionary<string, ReportTargetType>(StringComparer.Ordinal)
    {
        ["user"] = ReportTargetType.User,
        ["post"] = ReportTargetType.Post,
        ["comment"] = ReportTargetType.Comment,
        ["reply"] = ReportTargetType.Comment,
        ["product"] = ReportTargetType.Product,
        ["chat_message"] = ReportTargetType.ChatMessage,
        ["chat"] = ReportTargetType.ChatMessage,
    };

    public static readonly IReadOnlyDictionary<string, ReportReason> Reasons = Enum.GetValues<ReportReason>()
        .ToDictionary(Name, r => r, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, ReportStatus> Statuses = Enum.GetValues<ReportStatus>()
        .ToDictionary(Name, s => s, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, ModerationAction> Actions = Enum.GetValues<ModerationAction>()
        .ToDictionary(Name, a => a, StringComparer.Ordinal);

    /// <summary>The snake_case name of an enum value, as the JSON converter writes it.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
