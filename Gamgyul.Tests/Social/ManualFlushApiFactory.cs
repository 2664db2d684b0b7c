using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Social;

/// <summary>The Api with the background flush off, so the tests decide when buffered views reach Postgres.</summary>
public sealed class ManualFlushApiFactory : ApiFactory
{
    public ManualFlushApiFactory() => WithSetting("Posts:Views:BackgroundFlush", "false");
}
