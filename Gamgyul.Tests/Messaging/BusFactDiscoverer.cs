using Xunit.Abstractions;
using Xunit.Sdk;

namespace Gamgyul.Tests.Messaging;

/// <summary>
/// Discovers <see cref="BusFactAttribute"/> tests like plain facts, except that the test class (not the method,
/// which lives in the shared base class) decides whether they can run here.
/// </summary>
public sealed class BusFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod,
        IAttributeInfo factAttribute)
    {
        var missing = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute))
            .SelectMany(a => (string[])a.GetConstructorArguments().Single())
            .Where(name => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name)))
            .ToList();
        if (missing.Count == 0)
        {
            return base.Discover(discoveryOptions, testMethod, factAttribute);
        }

        var reason = $"Not run: set {string.Join(" and ", missing)} to run this suite against a live broker.";
        return
        [
            new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason),
        ];
    }
}
