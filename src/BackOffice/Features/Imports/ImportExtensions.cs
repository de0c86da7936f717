using QualityVoice.Feedback.Import;

namespace QualityVoice.BackOffice.Features.Imports;

/// <summary>Registers the upload of providers' files and the worker that imports them.</summary>
public static class ImportExtensions
{
    /// <summary>Adds <see cref="ImportJobs"/>, <see cref="ProviderFileImport"/> and <see cref="ImportWorker"/>.</summary>
    public static WebApplicationBuilder AddProviderImports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ImportJobs>();
        builder.Services.AddSingleton<ProviderFileImport>();
        builder.Services.AddSingleton<ImportWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ImportWorker>());
        return builder;
    }
}
