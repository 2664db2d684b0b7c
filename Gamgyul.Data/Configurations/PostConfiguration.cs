using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gamgyul.Data.Configurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint("ck_posts_tags_max_10", "cardinality(tags) <= 10"));
        builder.Property(p => p.Text).HasMaxLength(5000);
        builder.Property(p => p.Category).HasMaxLength(50);
        builder.HasOne(p => p.Author).WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsMany(p => p.Images, images =>
        {
            images.ToTable("post_images");
            images.WithOwner().HasForeignKey(i => i.PostId);
            images.HasKey(i => new { i.PostId, i.Position });
            images.Property(i => i.Url).HasMaxLength(1000);
            // The display order is the client's, never a generated number.
            images.Property(i => i.Position).ValueGeneratedNever();
            // The media sweep looks up whether anything still shows an upload.
            images.HasIndex(i => i.MediaId).HasFilter("media_id IS NOT NULL");
        });

        // Feed keyset pagination: per author, then globally ("latest").
        builder.HasIndex(p => new { p.AuthorId, p.CreatedAt, p.Id }).IsDescending(false, true, true);
        builder.HasIndex(p => new { p.CreatedAt, p.Id }).IsDescending(true, true);
        // Exact tag match (`tags @> ARRAY[...]`) and lexical search.
        builder.HasIndex(p => p.Tags).HasMethod("gin");
        // GiST, not GIN: lexical search orders by word-similarity distance (<<->) and stops at its candidate limit,
        // which only a GiST trigram index can serve in distance order (GIN returns every match unordered). The
        // migration LexicalSearchGistIndexes creates it with siglen=256, which EF cannot express: at the default 12
        // bytes inner-page signatures of whole posts saturate and a rare word walked the whole index (370 ms at
        // 100 000 posts against 0.3 ms at 256).
        builder.HasIndex(p => p.Text).HasMethod("gist").HasOperators("gist_trgm_ops").HasDatabaseName("ix_posts_text_trgm");
    }
}
