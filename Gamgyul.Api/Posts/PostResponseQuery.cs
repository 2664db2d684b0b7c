using Gamgyul.Api.Social;
using Gamgyul.Data;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Posts;

/// <summary>
/// Posts projected to responses. It is not an <see cref="IQueryable"/> on purpose: the only ways to run it
/// also load the comment previews (a second statement), so no list can come out with empty comments.
/// </summary>
public readonly struct PostResponseQuery(IQueryable<PostResponse> query, GamgyulDbContext db, Viewer viewer)
{
    public Task<List<PostResponse>> ToListAsync(CancellationToken cancellationToken) =>
        PostQueries.ToListWithPreviewsAsync(query, db, viewer, cancellationToken);

    public async Task<PostResponse?> FirstOrDefaultAsync(CancellationToken cancellationToken) =>
        (await PostQueries.ToListWithPreviewsAsync(query.Take(1), db, viewer, cancellationToken)).FirstOrDefault();

    /// <summary>The SQL of the first statement, for the benchmark's baseline.</summary>
    public string ToQueryString() => query.ToQueryString();
}
