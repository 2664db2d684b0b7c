namespace Gamgyul.Api.Posts;

/// <summary>The writable fields of a post, shared by the create/replace and the patch bodies.</summary>
public interface IPostFields
{
    string? Text { get; }
    List<string?>? Tags { get; }
    List<string?>? Images { get; }
    string? Category { get; }
}
