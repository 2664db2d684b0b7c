namespace Gamgyul.Data.Entities;

public enum MediaPurpose
{
    Post,
    Product,
    Avatar,
    Chat,
}
