using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gamgyul.Data.Configurations;

internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public void Configure(EntityTypeBuilder<SearchDocument> builder)
    {
        builder.HasKey(d => new { d.Kind, d.DocumentId });
        builder.Property(d => d.Embedding).HasColumnType("real[]");
        builder.Property(d => d.Model).HasMaxLength(100);
        // Caches poll "what changed since my watermark"; this keeps that poll an index range scan.
        builder.HasIndex(d => d.IndexedAt);
    }
}
