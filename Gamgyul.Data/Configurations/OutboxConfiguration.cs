using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gamgyul.Data.Configurations;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>, IEntityTypeConfiguration<ProcessedEvent>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.Property(m => m.Type).HasMaxLength(100);
        builder.Property(m => m.Key).HasMaxLength(100);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.Property(m => m.LastError).HasMaxLength(2000);
        // The relay's work queue stays small: only rows not yet published or dead-lettered.
        builder.HasIndex(m => new { m.NextAttemptAt, m.OccurredAt })
            .HasFilter("published_at IS NULL AND dead_lettered_at IS NULL")
            .HasDatabaseName("ix_outbox_messages_pending");
    }

    public void Configure(EntityTypeBuilder<ProcessedEvent> builder)
    {
        builder.HasKey(e => new { e.Consumer, e.EventId });
        builder.Property(e => e.Consumer).HasMaxLength(100);
    }
}
