using System.Globalization;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using QualityVoice.Analysis.Pii;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Publishing;

namespace QualityVoice.BackOffice.Features.Updates;

/// <summary>
/// The fields of an update's form, as posted, and the checks they must pass before a version is saved: the
/// content pack's themes, services, priorities and I statements only; safe links only; and no personal details,
/// because everything here is published.
/// </summary>
public sealed class UpdateForm
{
    /// <summary>How many empty steps the form offers beyond those already written.</summary>
    public const int SpareSteps = 2;

    /// <summary>The progress values, with their words.</summary>
    public static readonly IReadOnlyList<(string Value, string Text)> ProgressChoices =
        [("planned", "Planned"), ("in-progress", "In progress"), ("done", "Done")];

    /// <summary>Its title.</summary>
    public string? Title { get; set; }

    /// <summary>The strategic theme's slug.</summary>
    public string? Theme { get; set; }

    /// <summary>The service's id, or empty.</summary>
    public string? Service { get; set; }

    /// <summary>How far it has got.</summary>
    public string? Progress { get; set; }

    /// <summary>What people told us.</summary>
    public string? YouSaid { get; set; }

    /// <summary>What we did, in Markdown.</summary>
    public string? Body { get; set; }

    /// <summary>Each step's words.</summary>
    public List<string?> StepText { get; set; } = [];

    /// <summary>Each step's progress.</summary>
    public List<string?> StepProgress { get; set; } = [];

    /// <summary>Each step's date (yyyy-MM-dd), or empty.</summary>
    public List<string?> StepDate { get; set; } = [];

    /// <summary>The quality priorities it serves.</summary>
    public List<string> Priorities { get; set; } = [];

    /// <summary>The I statements it answers.</summary>
    public List<string> Statements { get; set; } = [];

    /// <summary>The form filled from a saved version, with spare rows for new steps.</summary>
    public static UpdateForm From(UpdateContent content)
    {
        var form = new UpdateForm
        {
            Title = content.Title,
            Theme = content.Theme,
            Service = content.ServiceId,
            Progress = content.Progress,
            YouSaid = content.YouSaid,
            Body = content.BodyMarkdown,
            Priorities = [.. content.Priorities],
            Statements = [.. content.Statements],
        };
        foreach (var step in content.Milestones)
        {
            form.StepText.Add(step.Text);
            form.StepProgress.Add(step.Progress);
            form.StepDate.Add(step.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return form.WithSpareSteps();
    }

    /// <summary>Adds empty rows so that there are always <see cref="SpareSteps"/> to fill.</summary>
    public UpdateForm WithSpareSteps()
    {
        var filled = StepText.Count(text => !string.IsNullOrWhiteSpace(text));
        while (StepText.Count < filled + SpareSteps)
        {
            StepText.Add(null);
        }

        while (StepProgress.Count < StepText.Count)
        {
            StepProgress.Add(null);
        }

        while (StepDate.Count < StepText.Count)
        {
            StepDate.Add(null);
        }

        return this;
    }

    /// <summary>
    /// Checks every field, adding errors under <paramref name="prefix"/> to <paramref name="errors"/>; returns the
    /// version to save when there are none.
    /// </summary>
    public UpdateContent? Validate(ContentPack pack, ModelStateDictionary errors, string prefix)
    {
        void Error(string field, string message) => errors.AddModelError($"{prefix}.{field}", message);

        // Free text follows the project's one rule for it: trimmed, no hidden control characters, a limit in
        // characters as people see them. Required fields say so when empty.
        string Text(string field, string? typed, int limit, string what, string whenEmpty)
        {
            var check = FeedbackText.Check(typed, limit, what);
            if (check.Value is null)
            {
                Error(field, check.Error ?? whenEmpty);
            }

            return check.Value ?? string.Empty;
        }

        var title = Text(nameof(Title), Title, 120, "The title", "Enter a title");
        if (pack.FindTheme(Theme ?? string.Empty) is null)
        {
            Error(nameof(Theme), "Select the strategic theme it serves");
        }

        var service = string.IsNullOrEmpty(Service) ? null : Service;
        if (service is not null && pack.FindService(service) is null)
        {
            Error(nameof(Service), "Select a service from the list, or none");
        }

        if (!ProgressChoices.Any(choice => choice.Value == Progress))
        {
            Error(nameof(Progress), "Select how far it has got");
        }

        var youSaid = Text(nameof(YouSaid), YouSaid, 600, "What people told us", "Enter what people told us");
        var body = Text(nameof(Body), Body, 20_000, "What we did", "Enter what we did");
        if (body.Length > 0 && UnsafeLinks(body).FirstOrDefault() is { } link)
        {
            Error(nameof(Body), $"The link \"{link}\" cannot be published: links must start https://, http://, mailto: or tel:, or be a page on this site starting /");
        }

        // Where people's own words are most likely quoted. (What we did may give a service's public number; the
        // reviewer reads it before it is published.)
        foreach (var (field, text) in new[] { (nameof(Title), title), (nameof(YouSaid), youSaid) })
        {
            var found = PiiRedactor.Redact(text).Spans.Select(span => span.Type).Distinct().ToArray();
            if (found.Length > 0)
            {
                Error(field, $"Remove the personal details ({string.Join(", ", found)}): this is published for anyone to read");
            }
        }

        var steps = new List<UpdateMilestone>();
        for (var i = 0; i < StepText.Count; i++)
        {
            var step = FeedbackText.Check(StepText[i], 300, $"Step {i + 1}");
            if (step.Error is not null)
            {
                Error($"{nameof(StepText)}[{i}]", step.Error);
                continue;
            }

            if (step.Value is not { } text)
            {
                continue;
            }

            var progress = i < StepProgress.Count ? StepProgress[i] : null;
            var dateText = i < StepDate.Count ? StepDate[i] : null;
            DateOnly? date = null;
            if (!ProgressChoices.Any(choice => choice.Value == progress))
            {
                Error($"{nameof(StepProgress)}[{i}]", $"Select how far step {i + 1} has got");
            }

            if (!string.IsNullOrEmpty(dateText))
            {
                if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year is >= 2000 and <= 2099)
                {
                    date = parsed;
                }
                else
                {
                    Error($"{nameof(StepDate)}[{i}]", $"Step {i + 1}'s date must be a real date, for example 2026-03-31");
                }
            }

            steps.Add(new UpdateMilestone(text, progress ?? string.Empty, date));
        }

        var theme = pack.FindTheme(Theme ?? string.Empty);
        var priorities = pack.Themes.SelectMany(t => t.Sections.PriorityList).ToHashSet(StringComparer.Ordinal);
        var statements = pack.Themes.SelectMany(t => t.Sections.IStatementList).ToHashSet(StringComparer.Ordinal);
        if (Priorities.Any(priority => !priorities.Contains(priority)))
        {
            Error(nameof(Priorities), "Select quality priorities from the list");
        }

        if (Statements.Any(statement => !statements.Contains(statement)))
        {
            Error(nameof(Statements), "Select I statements from the list");
        }

        return errors.IsValid && theme is not null
            ? new UpdateContent(title, theme.Slug, service, Progress!, youSaid, body, steps, Priorities.Distinct().ToArray(), Statements.Distinct().ToArray())
            : null;
    }

    /// <summary>An address made from a title: lower-case words joined by hyphens.</summary>
    public static string SlugFor(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '_' or '/' or '&')
            {
                if (slug.Length > 0 && slug[^1] != '-')
                {
                    slug.Append('-');
                }
            }
        }

        var text = slug.ToString().Trim('-');
        if (text.Length > 60)
        {
            text = text[..60].TrimEnd('-');
        }

        return text.Length == 0 ? "update" : text;
    }

    /// <summary>The link and image targets in Markdown that a published page may not carry (the renderer's own policy).</summary>
    public static IEnumerable<string> UnsafeLinks(string markdown)
    {
        var document = MarkdownRenderer.Parse(markdown);
        return document.Descendants<LinkInline>()
            .Where(link => link.IsImage ? !MarkdownRenderer.IsSafeImageUrl(link.Url) : !MarkdownRenderer.IsSafeUrl(link.Url))
            .Select(link => link.Url ?? string.Empty)
            .Concat(document.Descendants<AutolinkInline>().Select(link => link.Url).Where(url => !MarkdownRenderer.IsSafeUrl(url)));
    }
}
