using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QualityVoice.Content.Hosting;
using QualityVoice.Content.Umbraco.DeliveryApi;

namespace QualityVoice.Content.Umbraco.Hosting;

/// <summary>Makes the ICB's Umbraco site the content source when <c>Content:Source</c> is <c>Umbraco</c>.</summary>
public static class UmbracoContentExtensions
{
    /// <summary>The configuration key of the data directory, where the last good content is kept.</summary>
    private const string DataDirectoryKey = "QualityVoice:DataDirectory";

    /// <summary>
    /// With <c>Content:Source=Umbraco</c>, replaces the Markdown pack as the content source with the Delivery API of
    /// <c>Content:Umbraco:BaseUrl</c> (call after <c>AddContentPack</c>, whose pack still gives the name and taxonomy); does
    /// nothing otherwise.
    /// </summary>
    public static IHostApplicationBuilder AddUmbracoContent(this IHostApplicationBuilder builder)
    {
        var content = builder.Configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        if (!string.Equals(content.Source, "Umbraco", StringComparison.OrdinalIgnoreCase))
        {
            if (!string.Equals(content.Source, "Markdown", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Content:Source is '{content.Source}'; it is Markdown (the default) or Umbraco.");
            }

            return builder;
        }

        builder.Services.AddOptions<UmbracoOptions>().BindConfiguration(UmbracoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient<DeliveryApiClient>((services, http) => http.Timeout = services.GetRequiredService<IOptions<UmbracoOptions>>().Value.Timeout);
        var data = builder.Configuration[DataDirectoryKey] is { Length: > 0 } configured ? configured : ".qv-data";
        var lastGood = Path.Combine(Path.GetFullPath(data), "umbraco-content.json");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new UmbracoContentSource(
            services.GetRequiredService<DeliveryApiClient>(),
            services.GetRequiredService<IOptions<UmbracoOptions>>(),
            // The pack AddContentPack loaded: its name and taxonomy stay with QualityVoice.
            services.GetRequiredService<ContentPackSource>().Current,
            lastGood,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<UmbracoContentSource>>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<IContentSource>(services => services.GetRequiredService<UmbracoContentSource>()));
        builder.Services.AddHostedService<UmbracoContentRefresher>();
        builder.Services.AddHealthChecks().AddCheck<UmbracoReadinessCheck>("umbraco-content", tags: ["ready"]);
        return builder;
    }
}
