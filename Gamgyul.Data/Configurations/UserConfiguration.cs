using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gamgyul.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users", t =>
        {
            t.HasCheckConstraint("ck_users_counts_non_negative", "follows_count >= 0 AND followers_count >= 0");
        });
        builder.Property(u => u.UserName).HasColumnName("handle").HasMaxLength(30);
        builder.Property(u => u.NormalizedUserName).HasColumnName("normalized_handle").HasMaxLength(30);
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(254);
        builder.Property(u => u.DisplayName).HasMaxLength(30);
        builder.ComplexProperty(u => u.Profile, profile =>
        {
            profile.Property(p => p.Bio).HasMaxLength(500);
            profile.Property(p => p.Link1).HasMaxLength(300);
            profile.Property(p => p.Link2).HasMaxLength(300);
            profile.Property(p => p.ProfileImageUrl).HasMaxLength(500);
        });

        // Identity's own index on the normalised e-mail is not unique; ours is.
        builder.HasIndex(u => u.NormalizedEmail).IsUnique().HasDatabaseName("ux_users_normalized_email");
        // Trigram indexes back the user search (handle and display name, Hangul included).
        builder.HasIndex(u => u.UserName).HasMethod("gin").HasOperators("gin_trgm_ops")
            .HasDatabaseName("ix_users_handle_trgm");
        builder.HasIndex(u => u.DisplayName).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
