using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gamgyul.Data.Configurations;

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("ck_follows_not_self", "follower_id <> followee_id"));
        builder.HasKey(f => new { f.FollowerId, f.FolloweeId });
        builder.HasOne(f => f.Follower).WithMany().HasForeignKey(f => f.FollowerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Followee).WithMany().HasForeignKey(f => f.FolloweeId).OnDelete(DeleteBehavior.Cascade);
        // "Who follows X" and "whom X follows", newest first.
        builder.HasIndex(f => new { f.FolloweeId, f.CreatedAt });
        builder.HasIndex(f => new { f.FollowerId, f.CreatedAt });
    }
}
