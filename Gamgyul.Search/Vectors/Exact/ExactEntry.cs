using Gamgyul.Data.Entities;

namespace Gamgyul.Search.Vectors.Exact;

/// <summary>The metadata of one slot of an <see cref="ExactVectorSet"/>.</summary>
internal struct ExactEntry
{
    public Guid Id;
    public Guid? AuthorId;
    public DateTimeOffset CreatedAt;
    public ContentStatus Status;

    /// <summary>The version of the entry (the database's <c>indexed_at</c>), so older news never overwrites newer.</summary>
    public DateTimeOffset Version;

    public bool Live;
}
