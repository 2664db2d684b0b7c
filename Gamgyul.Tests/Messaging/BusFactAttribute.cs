using Xunit.Sdk;

namespace Gamgyul.Tests.Messaging;

/// <summary>
/// A fact of the bus conformance suite. Inherited by every adapter's test class; a class marked with
/// <see cref="RequiresEnvironmentAttribute"/> reports these facts as skipped when its broker is not configured.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Gamgyul.Tests.Messaging.BusFactDiscoverer", "Gamgyul.Tests")]
public sealed class BusFactAttribute : FactAttribute;
