namespace Gamgyul.Data.Entities;

public enum ChatMessageKind
{
    /// <summary>Written by a member.</summary>
    Text,

    /// <summary>Written by the server: a member joined or left, the room was renamed.</summary>
    System,
}
