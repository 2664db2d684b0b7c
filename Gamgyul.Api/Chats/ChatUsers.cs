using Gamgyul.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gamgyul.Api.Chats;

/// <summary>Resolves handles of active users the way Identity compares them.</summary>
public sealed class ChatUsers(GamgyulDbContext db, ILookupNormalizer normalizer)
{
    public sealed record Found(Guid Id, string Handle);

    /// <summary>The users named, and the handles that name no active user.</summary>
    public async Task<(List<Found> Users, List<string> Unknown)> ResolveAsync(IEnumerable<string> handles,
        CancellationToken cancellationToken)
    {
        var wanted = handles.Select(h => h.Trim().TrimStart('@')).ToList();
        var normalized = wanted.Select(h => normalizer.NormalizeName(h)).Distinct().ToArray();
        var found = await db.Users.Where(u => normalized.Contains(u.NormalizedUserName!) && u.DeletedAt == null)
            .Select(u => new { u.NormalizedUserName, User = new Found(u.Id, u.UserName!) })
            .ToListAsync(cancellationToken);
        var byName = found.ToDictionary(u => u.NormalizedUserName!, u => u.User, StringComparer.Ordinal);
        var unknown = wanted.Where(h => !byName.ContainsKey(normalizer.NormalizeName(h))).ToList();
        var users = wanted.Select(h => byName.GetValueOrDefault(normalizer.NormalizeName(h)))
            .OfType<Found>().DistinctBy(u => u.Id).ToList();
        return (users, unknown);
    }

    public Task<string> HandleOfAsync(Guid id, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == id).Select(u => u.UserName!).FirstAsync(cancellationToken);
}
