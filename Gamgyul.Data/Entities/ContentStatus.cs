namespace Gamgyul.Data.Entities;

/// <summary>Visibility of user content. Hidden content is kept for moderation but shown to nobody else.</summary>
public enum ContentStatus
{
    Published = 0,
    Hidden = 1,
}
