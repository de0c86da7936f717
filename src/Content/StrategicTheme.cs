namespace QualityVoice.Content;

/// <summary>
/// One of the quality strategy's overarching strategic themes, such as Patient safety, with the ICB's own words.
/// </summary>
/// <param name="Slug">Its URL name, from the file name.</param>
/// <param name="Title">Its name, as the strategy gives it.</param>
/// <param name="Order">Where it comes in the strategy.</param>
/// <param name="Summary">A sentence or two for lists.</param>
/// <param name="BodyHtml">The theme's own text (its vision, principles), rendered; empty when it has only the sections below.</param>
/// <param name="Sections">The strategy's sections for the theme, rendered: see <see cref="ThemeSections"/>.</param>
public sealed record StrategicTheme(string Slug, string Title, int Order, string Summary, string BodyHtml, ThemeSections Sections);

/// <summary>
/// A theme's sections, each from a level-2 heading of that name in its file (rendered HTML; null when absent).
/// </summary>
/// <param name="IStatements">"What this means to our people and communities": the I statements.</param>
/// <param name="WeStatements">"What this means for the system": the We statements.</param>
/// <param name="Foundations">"Foundations": what is in place, as the strategy reports it.</param>
/// <param name="NextSteps">"Next steps": the quality priorities still to do.</param>
/// <param name="EasyRead">"Easy Read": the plain-language version ("What we mean by…").</param>
public sealed record ThemeSections(string? IStatements, string? WeStatements, string? Foundations, string? NextSteps, string? EasyRead)
{
    /// <summary>The I statements one by one (the bullets of their section), for updates to link to.</summary>
    public IReadOnlyList<string> IStatementList { get; init; } = [];

    /// <summary>The We statements one by one (the bullets of their section).</summary>
    public IReadOnlyList<string> WeStatementList { get; init; } = [];

    /// <summary>The quality priorities still to do one by one (the bullets of "Next steps"), for updates to link to.</summary>
    public IReadOnlyList<string> PriorityList { get; init; } = [];

    /// <summary>The headings, in the strategy's words, that start each section in a theme's file.</summary>
    public static readonly IReadOnlyList<string> Headings =
    [
        "What this means to our people and communities", "What this means for the system", "Foundations", "Next steps", "Easy Read",
    ];

    /// <summary>
    /// Splits a theme's Markdown at the known level-2 headings: the text before or under other headings is the
    /// body, each known section is rendered on its own.
    /// </summary>
    public static (string BodyMarkdown, ThemeSections Sections) Split(string markdown)
    {
        var body = new List<string>();
        var sections = Headings.ToDictionary(heading => heading, _ => (List<string>?)null, StringComparer.Ordinal);
        var current = body;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                var heading = line[3..].Trim();
                if (sections.ContainsKey(heading))
                {
                    current = sections[heading] = [];
                    continue;
                }

                current = body;
            }

            current.Add(line);
        }

        string? Html(string heading) => sections[heading] is { } lines ? MarkdownRenderer.ToHtml(string.Join('\n', lines)) : null;
        IReadOnlyList<string> Bullets(string heading) => sections[heading] is { } lines
            ? lines.Where(line => line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
                .Select(line => line[2..].Trim())
                .Where(line => line.Length > 0)
                .ToArray()
            : [];
        return (string.Join('\n', body), new ThemeSections(Html(Headings[0]), Html(Headings[1]), Html(Headings[2]), Html(Headings[3]), Html(Headings[4]))
        {
            IStatementList = Bullets(Headings[0]),
            WeStatementList = Bullets(Headings[1]),
            PriorityList = Bullets(Headings[3]),
        });
    }
}
