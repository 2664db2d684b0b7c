using Gamgyul.AppHost.Infrastructure;
using Gamgyul.AppHost.Services;

namespace Gamgyul.AppHost;

// An explicit, namespaced Program keeps the AppHost's entry point from clashing with the Api's
// public Program in test projects that reference both.
internal static class Program
{
    private static int Main(string[] args)
    {
        var builder = DistributedApplication.CreateBuilder(args);
        try
        {
            var infrastructure = builder.AddGamgyulInfrastructure();
            builder.AddGamgyulServices(infrastructure);
        }
        catch (InfrastructureUnavailableException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        builder.Build().Run();
        return 0;
    }
}
