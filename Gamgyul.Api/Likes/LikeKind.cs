namespace Gamgyul.Api.Likes;

/// <summary>What a like endpoint likes: posts, top-level comments or replies.</summary>
public enum LikeKind
{
    Post,
    Comment,
    Reply,
}
