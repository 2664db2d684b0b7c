using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gamgyul.Data.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.Content).HasMaxLength(2000);
        builder.HasOne(c => c.Post).WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
        // Top-level comments of a post, and replies of a comment, in order.
        builder.HasIndex(c => new { c.PostId, c.ParentId, c.CreatedAt, c.Id });
        builder.HasIndex(c => new { c.ParentId, c.CreatedAt, c.Id });
        builder.HasIndex(c => new { c.AuthorId, c.CreatedAt, c.Id });
    }
}
