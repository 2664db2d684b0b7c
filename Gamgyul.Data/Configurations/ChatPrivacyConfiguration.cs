using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gamgyul.Data.Configurations;

internal sealed class ChatPrivacyConfiguration :
    IEntityTypeConfiguration<UserBlock>,
    IEntityTypeConfiguration<ChatSettings>
{
    public void Configure(EntityTypeBuilder<UserBlock> builder)
    {
        builder.HasKey(b => new { b.BlockerId, b.BlockedId });
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.BlockerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.BlockedId).OnDelete(DeleteBehavior.Cascade);
        // "Has anyone blocked me?" looks up by the blocked side.
        builder.HasIndex(b => new { b.BlockedId, b.BlockerId });
    }

    public void Configure(EntityTypeBuilder<ChatSettings> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.HasOne<User>().WithOne().HasForeignKey<ChatSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
