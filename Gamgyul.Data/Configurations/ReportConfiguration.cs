using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gamgyul.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.Property(r => r.Detail).HasMaxLength(2000);
        builder.Property(r => r.AdminNote).HasMaxLength(2000);
        builder.HasOne(r => r.Reporter).WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.TargetUser).WithMany().HasForeignKey(r => r.TargetUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.HandledBy).WithMany().HasForeignKey(r => r.HandledById).OnDelete(DeleteBehavior.SetNull);
        // The admin queue: by status, newest first, and the statistics by day.
        builder.HasIndex(r => new { r.Status, r.CreatedAt, r.Id });
        builder.HasIndex(r => new { r.CreatedAt, r.Id });
        builder.HasIndex(r => new { r.TargetType, r.TargetId });
        builder.HasIndex(r => new { r.ReporterId, r.CreatedAt, r.Id });
        // One open report per reporter and target: repeated clicks do not flood the queue.
        builder.HasIndex(r => new { r.ReporterId, r.TargetType, r.TargetId })
            .IsUnique()
            .HasFilter("status IN ('Pending', 'InReview')")
            .HasDatabaseName("ux_reports_open_per_reporter_and_target");
    }
}
