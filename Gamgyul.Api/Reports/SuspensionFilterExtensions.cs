namespace Gamgyul.Api.Reports;

public static class SuspensionFilterExtensions
{
    /// <summary>Requires a signed-in user who is not suspended: for every endpoint that writes content.</summary>
    public static RouteHandlerBuilder RequireActiveWriter(this RouteHandlerBuilder builder) =>
        builder.RequireAuthorization().AddEndpointFilter<SuspensionFilter>();
}
