using Microsoft.Extensions.Configuration;

namespace QualityVoice.Feedback;

/// <summary>
/// Where the embedded default keeps its files (SQLite databases, keys, the e-mail pickup folder):
/// <c>QualityVoice:DataDirectory</c>, which <c>./qv</c> sets from <c>$QV_DATA_DIR</c>, or <c>./.qv-data</c>.
/// </summary>
public static class DataDirectory
{
    /// <summary>The configuration key.</summary>
    public const string ConfigurationKey = "QualityVoice:DataDirectory";

    /// <summary>The data directory's full path.</summary>
    public static string Resolve(IConfiguration configuration) =>
        Path.GetFullPath(configuration[ConfigurationKey] is { Length: > 0 } configured ? configured : ".qv-data");

    /// <summary>A file or folder inside the data directory.</summary>
    public static string Combine(IConfiguration configuration, string name) => Path.Combine(Resolve(configuration), name);
}
