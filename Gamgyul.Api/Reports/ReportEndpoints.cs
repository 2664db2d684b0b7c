using Gamgyul.Api.Accounts;
using Gamgyul.Api.Infrastructure;

namespace Gamgyul.Api.Reports;

public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").WithTags("Reports");

        reports.MapPost("", ReportHandlers.CreateAsync)
            .WithName("CreateReport")
            .WithSummary("Report a user, post, comment or reply, product or chat message (one open report per target)")
            .RequireAuthorization()
            .Validate<ReportRequest>();
        reports.MapGet("/mine", ReportHandlers.MineAsync)
            .WithName("MyReports")
            .WithSummary("The caller's reports and how far they got")
            .RequireAuthorization();

        var admin = reports.MapGroup("").RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        admin.MapGet("", ReportAdminHandlers.ListAsync)
            .WithName("ListReports")
            .WithSummary("Admin queue, newest first; filters ?status=, ?target_type=, ?reason=, ?from=, ?to=");
        admin.MapGet("/stats", ReportStatsHandler.GetAsync)
            .WithName("ReportStats")
            .WithSummary("Counts by status, target type and reason, and per day, over ?from=..?to= (UTC days)");
        admin.MapGet("/audit", AuditLogHandler.ListAsync)
            .WithName("AuditLog")
            .WithSummary("Every administrative action, newest first");
        admin.MapGet("/{uuid:guid}", ReportAdminHandlers.GetAsync)
            .WithName("GetReport")
            .WithSummary("One report");
        admin.MapPatch("/{uuid:guid}", ReportAdminHandlers.ReviewAsync)
            .WithName("ReviewReport")
            .WithSummary("Move a report pending → in_review → resolved | rejected, with a note and an action (409 for other moves)")
            .Validate<ReviewRequest>();

        return app;
    }
}
