using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gamgyul.Data.Configurations;

internal sealed class MediaConfiguration : IEntityTypeConfiguration<MediaObject>
{
    public void Configure(EntityTypeBuilder<MediaObject> builder)
    {
        builder.ToTable("media");
        builder.Property(m => m.StorageKey).HasMaxLength(300);
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.Property(m => m.Placeholder).HasMaxLength(200);
        builder.Property(m => m.FailureReason).HasMaxLength(500);
        builder.HasIndex(m => m.StorageKey).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsMany(m => m.Variants, variants => variants.ToJson());
        // The sweep of abandoned uploads.
        builder.HasIndex(m => m.CreatedAt).HasFilter("attached_at IS NULL");
    }
}
