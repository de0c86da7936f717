using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace QualityVoice.Content.Hosting;

/// <summary>Registers the configured content pack.</summary>
public static class ContentHostingExtensions
{
    /// <summary>
    /// Loads and validates the configured content pack now, so that a broken pack stops start-up with the file
    /// and line at fault, and registers it as a singleton.
    /// </summary>
    public static IHostApplicationBuilder AddContentPack(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        var pack = ContentPackLoader.Load(options.ResolveRoot(), options.Pack);
        builder.Services.AddSingleton(pack);
        builder.Services.AddSingleton(pack.Taxonomy);
        return builder;
    }
}
