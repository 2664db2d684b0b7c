using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gamgyul.Data.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("ck_products_price_non_negative", "price >= 0"));
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Price).HasPrecision(14, 2);
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.Description).HasMaxLength(5000);
        builder.Property(p => p.ExternalUrl).HasMaxLength(1000);
        builder.HasOne(p => p.Owner).WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsMany(p => p.Images, images =>
        {
            images.ToTable("product_images");
            images.WithOwner().HasForeignKey(i => i.ProductId);
            images.HasKey(i => new { i.ProductId, i.Position });
            images.Property(i => i.Url).HasMaxLength(1000);
            // The display order is the client's, never a generated number.
            images.Property(i => i.Position).ValueGeneratedNever();
            // The media sweep looks up whether anything still shows an upload.
            images.HasIndex(i => i.MediaId).HasFilter("media_id IS NOT NULL");
        });
        builder.HasIndex(p => new { p.OwnerId, p.CreatedAt, p.Id }).IsDescending(false, true, true);
        builder.HasIndex(p => new { p.CreatedAt, p.Id }).IsDescending(true, true);
        // A seller lists one store link once (the original checked this on update only).
        builder.HasIndex(p => new { p.OwnerId, p.ExternalUrl }).IsUnique();
        // GiST trigram indexes (siglen=256 in the migration, see PostConfiguration): lexical search walks each in
        // word-similarity distance order and stops at its limit.
        builder.HasIndex(p => p.Name).HasMethod("gist").HasOperators("gist_trgm_ops").HasDatabaseName("ix_products_name_trgm");
        builder.HasIndex(p => p.Description).HasMethod("gist").HasOperators("gist_trgm_ops").HasDatabaseName("ix_products_description_trgm");
    }
}
