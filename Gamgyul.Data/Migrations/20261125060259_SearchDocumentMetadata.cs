using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gamgyul.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchDocumentMetadata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_reports_asp_net_users_handled_by_id",
                table: "reports");

            migrationBuilder.DropForeignKey(
                name: "fk_reports_asp_net_users_reporter_id",
                table: "reports");

            migrationBuilder.DropForeignKey(
                name: "fk_reports_asp_net_users_target_user_id",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_reports_reporter_id_target_type_target_id",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_reports_status_created_at",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_comments_author_id_created_at",
                table: "comments");

            migrationBuilder.DropIndex(
                name: "ix_comments_parent_id_created_at",
                table: "comments");

            migrationBuilder.DropIndex(
                name: "ix_comments_post_id_parent_id_created_at",
                table: "comments");

            migrationBuilder.DropIndex(
                name: "ix_comment_likes_comment_id",
                table: "comment_likes");

            migrationBuilder.AddColumn<string>(
                name: "action",
                table: "reports",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "reports",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    target_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    target_id = table.Column<Guid>(type: "uuid", nullable: true),
                    report_id = table.Column<Guid>(type: "uuid", nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_audit_log_asp_net_users_actor_id",
                        column: x => x.actor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_audit_log_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "user_suspensions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    report_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_suspensions", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_suspensions_asp_net_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_user_suspensions_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_suspensions_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_reports_created_at_id",
                table: "reports",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_reporter_id_created_at_id",
                table: "reports",
                columns: new[] { "reporter_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_status_created_at_id",
                table: "reports",
                columns: new[] { "status", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_reports_open_per_reporter_and_target",
                table: "reports",
                columns: new[] { "reporter_id", "target_type", "target_id" },
                unique: true,
                filter: "status IN ('Pending', 'InReview')");

            migrationBuilder.CreateIndex(
                name: "ix_products_owner_id_external_url",
                table: "products",
                columns: new[] { "owner_id", "external_url" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_comments_author_id_created_at_id",
                table: "comments",
                columns: new[] { "author_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_comments_parent_id_created_at_id",
                table: "comments",
                columns: new[] { "parent_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_comments_post_id_parent_id_created_at_id",
                table: "comments",
                columns: new[] { "post_id", "parent_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_comment_likes_comment_id_created_at",
                table: "comment_likes",
                columns: new[] { "comment_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_actor_id",
                table: "audit_log",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_created_at_id",
                table: "audit_log",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_report_id",
                table: "audit_log",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_target_type_target_id",
                table: "audit_log",
                columns: new[] { "target_type", "target_id" });

            migrationBuilder.CreateIndex(
                name: "ix_user_suspensions_created_by_id",
                table: "user_suspensions",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_suspensions_report_id",
                table: "user_suspensions",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_suspensions_user_id_ends_at",
                table: "user_suspensions",
                columns: new[] { "user_id", "ends_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_reports_users_handled_by_id",
                table: "reports",
                column: "handled_by_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_reports_users_reporter_id",
                table: "reports",
                column: "reporter_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_reports_users_target_user_id",
                table: "reports",
                column: "target_user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_reports_users_handled_by_id",
                table: "reports");

            migrationBuilder.DropForeignKey(
                name: "fk_reports_users_reporter_id",
                table: "reports");

            migrationBuilder.DropForeignKey(
                name: "fk_reports_users_target_user_id",
                table: "reports");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "user_suspensions");

            migrationBuilder.DropIndex(
                name: "ix_reports_created_at_id",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_reports_reporter_id_created_at_id",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_reports_status_created_at_id",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ux_reports_open_per_reporter_and_target",
                table: "reports");

            migrationBuilder.DropIndex(
                name: "ix_products_owner_id_external_url",
                table: "products");

            migrationBuilder.DropIndex(
                name: "ix_comments_author_id_created_at_id",
                table: "comments");

            migrationBuilder.DropIndex(
                name: "ix_comments_parent_id_created_at_id",
                table: "comments");

            migrationBuilder.DropIndex(
                name: "ix_comments_post_id_parent_id_created_at_id",
                table: "comments");

            migrationBuilder.DropIndex(
                name: "ix_comment_likes_comment_id_created_at",
                table: "comment_likes");

            migrationBuilder.DropColumn(
                name: "action",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "reports");

            migrationBuilder.CreateIndex(
                name: "ix_reports_reporter_id_target_type_target_id",
                table: "reports",
                columns: new[] { "reporter_id", "target_type", "target_id" },
                unique: true,
                filter: "status IN ('Open', 'InReview')");

            migrationBuilder.CreateIndex(
                name: "ix_reports_status_created_at",
                table: "reports",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_comments_author_id_created_at",
                table: "comments",
                columns: new[] { "author_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_comments_parent_id_created_at",
                table: "comments",
                columns: new[] { "parent_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_comments_post_id_parent_id_created_at",
                table: "comments",
                columns: new[] { "post_id", "parent_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_comment_likes_comment_id",
                table: "comment_likes",
                column: "comment_id");

            migrationBuilder.AddForeignKey(
                name: "fk_reports_asp_net_users_handled_by_id",
                table: "reports",
                column: "handled_by_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_reports_asp_net_users_reporter_id",
                table: "reports",
                column: "reporter_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_reports_asp_net_users_target_user_id",
                table: "reports",
                column: "target_user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }
    }
}
