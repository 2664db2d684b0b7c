namespace Gamgyul.Data.Entities;

public enum ChatMemberRole
{
    Member,
    Owner,
}
