namespace Gamgyul.Data.Entities;

public enum ReportTargetType
{
    User,
    Post,
    Comment,
    Product,
    ChatMessage,
}
