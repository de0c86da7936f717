using QualityVoice.BackOffice.Features.Shared;

namespace QualityVoice.BackOffice.Features.Reports;

/// <summary>The insight reports for quality governance.</summary>
internal static class ReportsExtensions
{
    public static WebApplicationBuilder AddInsightReports(this WebApplicationBuilder builder)
    {
        // Scoped: the insight queries are per request on some stores.
        builder.Services.AddScoped<WeeklyInsightsReader>();
        builder.Services.AddScoped<ServiceQualityReader>();
        builder.Services.AddScoped<VoicesReader>();
        builder.Services.Configure<ReportPdfOptions>(builder.Configuration.GetSection(ReportPdfOptions.Section));
        builder.Services.AddSingleton<ChromiumPdf>();

        // Kept reports: made in the background, when asked for and on the schedule.
        builder.Services.AddSingleton<ReportJobs>();
        builder.Services.AddSingleton<ReportGenerator>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ReportGenerator>());
        builder.Services.Configure<ReportScheduleOptions>(builder.Configuration.GetSection(ReportScheduleOptions.Section));
        builder.Services.AddSingleton<ReportSchedule>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ReportSchedule>());
        return builder;
    }
}
