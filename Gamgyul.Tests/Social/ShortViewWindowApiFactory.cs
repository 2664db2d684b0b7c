using Gamgyul.Tests.Infrastructure;

namespace Gamgyul.Tests.Social;

/// <summary>A one-second de-duplication window, to see it expire.</summary>
public sealed class ShortViewWindowApiFactory : ApiFactory
{
    public ShortViewWindowApiFactory()
    {
        WithSetting("Posts:Views:BackgroundFlush", "false");
        WithSetting("Posts:Views:DedupWindowSeconds", "1");
    }
}
