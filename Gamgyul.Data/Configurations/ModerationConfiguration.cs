using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gamgyul.Data.Configurations;

internal sealed class ModerationConfiguration :
    IEntityTypeConfiguration<UserSuspension>,
    IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<UserSuspension> builder)
    {
        builder.Property(s => s.Reason).HasMaxLength(2000);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.SetNull);
        // "Is this user suspended now?" on every write.
        builder.HasIndex(s => new { s.UserId, s.EndsAt });
    }

    public void Configure(EntityTypeBuilder<AuditLogEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.TargetType).HasMaxLength(32);
        builder.Property(e => e.Details).HasColumnType("jsonb");
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Report>().WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.CreatedAt, e.Id });
        builder.HasIndex(e => new { e.TargetType, e.TargetId });
        builder.HasIndex(e => e.ReportId);
    }
}
