using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gamgyul.Data.Configurations;

/// <summary>A like is unique per user and target: the primary key enforces it.</summary>
internal sealed class LikeConfiguration : IEntityTypeConfiguration<PostLike>, IEntityTypeConfiguration<CommentLike>
{
    public void Configure(EntityTypeBuilder<PostLike> builder)
    {
        builder.HasKey(l => new { l.UserId, l.PostId });
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Post>().WithMany().HasForeignKey(l => l.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.PostId, l.CreatedAt });
        builder.HasIndex(l => new { l.UserId, l.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<CommentLike> builder)
    {
        builder.HasKey(l => new { l.UserId, l.CommentId });
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Comment>().WithMany().HasForeignKey(l => l.CommentId).OnDelete(DeleteBehavior.Cascade);
        // Who liked a comment, newest first.
        builder.HasIndex(l => new { l.CommentId, l.CreatedAt });
    }
}
