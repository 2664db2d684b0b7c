using Gamgyul.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gamgyul.Data.Configurations;

internal sealed class ChatConfiguration :
    IEntityTypeConfiguration<ChatRoom>,
    IEntityTypeConfiguration<ChatMember>,
    IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatRoom> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.DirectKey).HasMaxLength(80);
        builder.HasIndex(r => r.DirectKey).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Members).WithOne().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ChatMember> builder)
    {
        builder.HasKey(m => new { m.RoomId, m.UserId });
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        // A user's rooms.
        builder.HasIndex(m => new { m.UserId, m.RoomId });
    }

    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.Property(m => m.Text).HasMaxLength(4000);
        // Messages belong to the room, not to a membership, so they survive a member leaving.
        builder.HasOne<ChatRoom>().WithMany().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.SenderId).OnDelete(DeleteBehavior.SetNull);
        // History pages and unread counts: messages of a room after a given (time-ordered) id.
        builder.HasIndex(m => new { m.RoomId, m.Id });
        // History pages newest first, keyset over (created_at, id) like every other list of the Api.
        builder.HasIndex(m => new { m.RoomId, m.CreatedAt, m.Id });
        // The media sweep looks up whether a message still shows an upload.
        builder.HasIndex(m => m.MediaId).HasFilter("media_id IS NOT NULL");
    }
}
