using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace QualityVoice.Content.Hosting;

/// <summary>Registers the configured content pack.</summary>
public static class ContentHostingExtensions
{
    /// <summary>
    /// Loads and validates the configured content pack now, so that a broken pack stops start-up with the file
    /// and line at fault, and registers it as the content source (unless another source, such as Umbraco, is
    /// registered). <see cref="ContentPack"/> resolves to the source's current content.
    /// </summary>
    public static IHostApplicationBuilder AddContentPack(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        var pack = ContentPackLoader.Load(options.ResolveRoot(), options.Pack);
        builder.Services.AddSingleton(new ContentPackSource(pack));
        builder.Services.TryAddSingleton<IContentSource>(services => services.GetRequiredService<ContentPackSource>());
        builder.Services.AddTransient(services => services.GetRequiredService<IContentSource>().Current);
        // The taxonomy maps the analyzer's categories to the themes: it is the pack's whatever the content source.
        builder.Services.AddSingleton(pack.Taxonomy);
        return builder;
    }
}
