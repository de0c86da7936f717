namespace QualityVoice.Content;

/// <summary>A content pack that cannot be used, with the file and line at fault, so an editor can fix it.</summary>
public sealed class ContentPackException : Exception
{
    /// <summary>Describes what is wrong where.</summary>
    public ContentPackException(string file, int? line, string problem)
        : base(line is null ? $"{file}: {problem}" : $"{file}, line {line}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>Describes what is wrong where, with the error underneath.</summary>
    public ContentPackException(string file, int? line, string problem, Exception inner)
        : base(line is null ? $"{file}: {problem}" : $"{file}, line {line}: {problem}", inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file, relative to the content root.</summary>
    public string File { get; }

    /// <summary>The 1-based line, where known.</summary>
    public int? Line { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
