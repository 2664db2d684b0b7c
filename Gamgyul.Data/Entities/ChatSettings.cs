namespace Gamgyul.Data.Entities;

/// <summary>A user's chat preferences. A user without a row has the defaults (everyone may start a chat).</summary>
public class ChatSettings
{
    public Guid UserId { get; set; }
    public ChatPermission WhoCanMessage { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
