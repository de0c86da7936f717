using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using QualityVoice.Analysis;
using QualityVoice.Analysis.Local;
using QualityVoice.BackOffice.Features.Inbox;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Triage;
using QualityVoice.Web.Downloads;

namespace QualityVoice.BackOffice.Features.Exports;

/// <summary>
/// Downloads: any filtered inbox list (CSV or Excel, redacted text only), the monthly FFT return, staff's corrections
/// as training data in the training file's format, and staff's verdicts on urgency in the urgency set's. Every download
/// is in the audit log.
/// </summary>
internal static class ExportEndpoints
{
    private static readonly string[] ListHeaders =
        ["Reference", "Received (UTC)", "Service", "Who gave it", "FFT answer", "Status", "Owner", "Sentiment", "Urgent", "Themes", "What people said (personal details hidden)"];

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/exports").RequireAuthorization(BackOfficePolicies.Triage);
        exports.MapGet("/feedback.{format:regex(^(csv|xlsx)$)}", FeedbackListAsync);
        exports.MapGet("/fft-return.{format:regex(^(csv|xlsx)$)}", FftReturnAsync);
        exports.MapGet("/training.csv", TrainingAsync);
        exports.MapGet("/urgency-training.csv", UrgencyTrainingAsync);
        return app;
    }

    private static async Task<IResult> FeedbackListAsync(
        string format, [AsParameters] InboxQuery query, HttpContext context, [FromServices] IInboxQueries triage, [FromServices] ContentPack pack, [FromServices] IAuditLog audit, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new ModelStateDictionary();
        var me = StaffMember.NameOf(context.User);
        var filter = query.ToFilter(pack, me, errors);
        if (!errors.IsValid)
        {
            return Invalid(errors);
        }

        var now = time.GetUtcNow();
        await audit.RecordAsync(new AuditEntry(now, me, AuditActions.Exported, $"feedback.{format}", "Filters: " + (query.With() is { Length: > 0 } q ? q[1..] : "none")), cancellationToken);
        var rows = ListRows(triage.EveryRowAsync(filter, cancellationToken), cancellationToken);
        return await SendAsync(context, format, $"feedback-{now:yyyy-MM-dd}", "Feedback", ListHeaders, rows, cancellationToken);
    }

    private static async Task<IResult> FftReturnAsync(
        string format, [FromQuery(Name = "month")] string? month, HttpContext context, [FromServices] IInsightQueries insight, [FromServices] IAuditLog audit, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var chosen = YearMonth.Of(now);
        if (!string.IsNullOrEmpty(month) && !YearMonth.TryParse(month, out chosen))
        {
            var errors = new ModelStateDictionary();
            errors.AddModelError("month", "The month must be written like 2026-03");
            return Invalid(errors);
        }

        await audit.RecordAsync(new AuditEntry(now, StaffMember.NameOf(context.User), AuditActions.Exported, $"fft-return.{format}", $"Month: {chosen}"), cancellationToken);
        var counts = await insight.FftReturnAsync(chosen, cancellationToken);
        string[] headers = ["Month", "Service id", "Service", "Collection mode", .. WireName<FftRating>.All.Select(pair => FftRatingText.Of(pair.Value)), "Total", "Percentage positive", "Percentage negative"];
        var rows = counts.GroupBy(row => (row.ServiceId, row.ServiceName, row.Mode)).Select(group =>
        {
            var score = FftScore.Of(group.Select(row => (row.Fft, row.Count)));
            return (IReadOnlyList<string?>)
            [
                chosen.ToString(), group.Key.ServiceId, group.Key.ServiceName, WireName<CollectionMode>.Of(group.Key.Mode),
                .. WireName<FftRating>.All.Select(pair => group.Where(row => row.Fft == pair.Value).Sum(row => row.Count).ToString(CultureInfo.InvariantCulture)),
                score.Responses.ToString(CultureInfo.InvariantCulture),
                score.PercentPositive?.ToString("0.0", CultureInfo.InvariantCulture),
                score.PercentNegative?.ToString("0.0", CultureInfo.InvariantCulture),
            ];
        });
        return await SendAsync(context, format, $"fft-return-{chosen}", "FFT return", headers, rows.ToAsyncEnumerable(), cancellationToken);
    }

    private static async Task<IResult> TrainingAsync(HttpContext context, [FromServices] IInboxQueries triage, [FromServices] IAuditLog audit, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await audit.RecordAsync(new AuditEntry(now, StaffMember.NameOf(context.User), AuditActions.Exported, "training.csv", "Staff corrections as training data"), cancellationToken);
        var labels = LocalModel.Shipped.Labels;
        string[] headers = ["Comment ID", "Trust", "Respondent ID", "Date", "Service type 1", "Service type 2", "FFT categorical answer", "FFT question", "FFT answer", "Person identifiable info?", QualityVoice.Analysis.Training.TrainingSet.SentimentColumn, .. labels];
        return await SendAsync(context, "csv", $"training-labels-{now:yyyy-MM-dd}", "Training", headers, TrainingRows(triage.HumanLabelsAsync(cancellationToken), labels, cancellationToken), cancellationToken);
    }

    private static async Task<IResult> UrgencyTrainingAsync(HttpContext context, [FromServices] IInboxQueries triage, [FromServices] IAuditLog audit, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await audit.RecordAsync(new AuditEntry(now, StaffMember.NameOf(context.User), AuditActions.Exported, "urgency-training.csv", "Staff verdicts on urgency as training data"), cancellationToken);
        string[] headers = ["id", "text", "urgent", "reason", "kind", "split"];
        return await SendAsync(context, "csv", $"urgency-labels-{now:yyyy-MM-dd}", "Urgency", headers, UrgencyRows(triage.UrgencyJudgedAsync(cancellationToken), cancellationToken), cancellationToken);
    }

    private static async IAsyncEnumerable<IReadOnlyList<string?>> UrgencyRows(IAsyncEnumerable<TriageItem> judged, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in judged.WithCancellation(cancellationToken))
        {
            foreach (var verdict in UrgencyVerdicts.Of(item))
            {
                yield return [verdict.Id, verdict.Text, verdict.Urgent ? "1" : "0", verdict.Reason, verdict.Kind, "train"];
            }
        }
    }

    private static async IAsyncEnumerable<IReadOnlyList<string?>> ListRows(IAsyncEnumerable<InboxRow> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return
            [
                row.Reference, row.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), row.ServiceName,
                FeedbackKindText.Of(row.Kind), FftRatingText.Of(row.Fft), TriageStatusText.Of(row.Status), row.AssignedTo,
                row.Sentiment is { } sentiment ? WireName<Sentiment>.Of(sentiment) : null, row.Urgent ? "yes" : "no",
                string.Join("; ", row.Themes), row.Summary,
            ];
        }
    }

    private static async IAsyncEnumerable<IReadOnlyList<string?>> TrainingRows(IAsyncEnumerable<LabelledComment> comments, IReadOnlyList<string> labels, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var comment in comments.WithCancellation(cancellationToken))
        {
            var themes = comment.Themes.ToHashSet(StringComparer.Ordinal);
            yield return
            [
                comment.Reference, "QualityVoice", comment.Reference, comment.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                comment.ServiceName, null, comment.Fft switch
                {
                    FftRating.VeryGood => "1", FftRating.Good => "2", FftRating.Neither => "3", FftRating.Poor => "4", FftRating.VeryPoor => "5", _ => null,
                },
                comment.Question, comment.Text, "N",
                comment.Sentiment switch { Sentiment.Positive => "1", Sentiment.Negative => "5", null => null, _ => "3" },
                .. labels.Select(label => themes.Contains(label) ? "1" : "0"),
            ];
        }
    }

    private static async Task<IResult> SendAsync(
        HttpContext context, string format, string name, string sheet, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{format}\"";
        if (format == "xlsx")
        {
            response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            await ExcelTable.WriteAsync(response.Body, sheet, headers, rows, cancellationToken);
        }
        else
        {
            response.ContentType = "text/csv; charset=utf-8";
            await CsvTable.WriteAsync(response.Body, headers, rows, cancellationToken);
        }

        return Results.Empty;
    }

    private static IResult Invalid(ModelStateDictionary errors) => Results.ValidationProblem(
        errors.Where(entry => entry.Value?.Errors.Count > 0).ToDictionary(entry => entry.Key, entry => entry.Value!.Errors.Select(error => error.ErrorMessage).ToArray()),
        title: "The export's filters are not ones the inbox knows");
}
