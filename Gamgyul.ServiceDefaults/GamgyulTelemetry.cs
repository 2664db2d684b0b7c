using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Microsoft.Extensions.Hosting;

/// <summary>Names of the activity source and meter that Gamgyul's own code reports under.</summary>
public static class GamgyulTelemetry
{
    public const string ActivitySourceName = "Gamgyul";
    public const string MeterName = "Gamgyul";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}
