using Microsoft.Extensions.Configuration;
using QualityVoice.Feedback;

namespace QualityVoice.Cli;

/// <summary>
/// Every command that opens the stores names the data directory it uses, and only the commands that start one
/// (<c>seed</c>, <c>users add</c>; <c>./qv run</c> starts the apps) may find it empty: any other command run without
/// the apps' <c>QV_DATA_DIR</c> would otherwise quietly create a new, empty store and report on that.
/// </summary>
internal static class DataDirectoryCheck
{
    private static readonly string[] StoreFiles = ["feedback.db", "staff.db"];

    /// <summary>Says which directory the command uses (on <paramref name="error"/>), or refuses an empty one.</summary>
    public static string Check(IConfiguration configuration, bool mayStartOne, TextWriter error)
    {
        var directory = DataDirectory.Resolve(configuration);
        var hasData = StoreFiles.Any(file => File.Exists(Path.Combine(directory, file)));
        if (!hasData && !mayStartOne)
        {
            throw new UsageException(
                $"there is no QualityVoice data in {directory}. Set QV_DATA_DIR to the folder the apps use "
                + "(./qv run keeps its data in .qv-data in the repository), or start one with ./qv run, ./qv seed or ./qv users add.");
        }

        error.WriteLine($"qv: data directory {directory}{(hasData ? string.Empty : " (new)")}");
        return directory;
    }
}
