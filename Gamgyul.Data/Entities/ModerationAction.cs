namespace Gamgyul.Data.Entities;

/// <summary>What an admin did about a resolved report.</summary>
public enum ModerationAction
{
    None,

    /// <summary>The reported post, comment, product or chat message was hidden from everyone but its author and admins.</summary>
    HideContent,

    /// <summary>The author of the reported object may not write for a period.</summary>
    SuspendUser,
}
