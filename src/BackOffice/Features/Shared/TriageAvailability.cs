using QualityVoice.Feedback.Triage;

namespace QualityVoice.BackOffice.Features.Shared;

/// <summary>
/// The inbox, item pages, dashboard, downloads and "you said, we did" publishing read the feedback store's triage and insight queries, which
/// the SQLite store has and the Azure Cosmos DB store does not yet. With Cosmos DB those pages answer
/// 501 Not Implemented with a page that says so, rather than failing; sign-in, accounts, the audit log and the
/// analysis worker work as usual.
/// </summary>
internal static class TriageAvailability
{
    private static readonly string[] TriagePaths = ["/inbox", "/dashboard", "/exports", "/updates"];

    public static WebApplication UseTriageWhereTheStoreHasIt(this WebApplication app)
    {
        if (app.Services.GetService<ITriageStore>() is not null)
        {
            return app;
        }

        app.UseWhen(
            context => TriagePaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)),
            branch => branch.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status501NotImplemented;
                return Task.CompletedTask;
            }));
        return app;
    }
}
