namespace Gamgyul.Data.Entities;

public enum MediaState
{
    Uploading,
    Pending,
    Ready,
    Failed,
}
