using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gamgyul.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChatPrivacyAndReadPointer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "chat_messages",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Text");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_read_at",
                table: "chat_members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "chat_settings",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    who_can_message = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_settings", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_chat_settings_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_blocks",
                columns: table => new
                {
                    blocker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    blocked_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_blocks", x => new { x.blocker_id, x.blocked_id });
                    table.ForeignKey(
                        name: "fk_user_blocks_asp_net_users_blocked_id",
                        column: x => x.blocked_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_blocks_asp_net_users_blocker_id",
                        column: x => x.blocker_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_room_id_created_at_id",
                table: "chat_messages",
                columns: new[] { "room_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_user_blocks_blocked_id_blocker_id",
                table: "user_blocks",
                columns: new[] { "blocked_id", "blocker_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chat_settings");

            migrationBuilder.DropTable(
                name: "user_blocks");

            migrationBuilder.DropIndex(
                name: "ix_chat_messages_room_id_created_at_id",
                table: "chat_messages");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "chat_messages");

            migrationBuilder.DropColumn(
                name: "last_read_at",
                table: "chat_members");
        }
    }
}
