namespace Gamgyul.Data.Entities;

public enum ChatRoomKind
{
    Direct,
    Group,
}
