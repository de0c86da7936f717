using System.Text.Json;

namespace QualityVoice.Feedback.Import;

/// <summary>
/// Finds and reads import profiles: a path to a JSON file, or the name of one in the profiles folder
/// (<c>import-profiles/</c> in the repository, copied beside the command line).
/// </summary>
public static class ImportProfiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Where the shipped profiles are: <c>import-profiles/</c>, copied beside the command line and the back office.</summary>
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "import-profiles");

    /// <summary>The names of the profiles in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> Names(string folder) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToArray()
        : [];

    /// <summary>Reads a profile by path or by name; throws <see cref="ImportProfileException"/> naming what is wrong.</summary>
    public static ImportProfile Load(string nameOrPath, string folder)
    {
        var path = File.Exists(nameOrPath) ? nameOrPath : Path.Combine(folder, nameOrPath + ".json");
        if (nameOrPath.IndexOfAny(['/', '\\']) < 0 && !File.Exists(path))
        {
            var known = Names(folder);
            throw new ImportProfileException($"There is no import profile '{nameOrPath}'. The profiles are: {(known.Count == 0 ? "none" : string.Join(", ", known))}; or give the path to a profile's JSON file.");
        }

        if (!File.Exists(path))
        {
            throw new ImportProfileException($"The import profile {nameOrPath} is not there.");
        }

        return Read(File.ReadAllText(path), path);
    }

    /// <summary>Reads a profile's JSON; <paramref name="source"/> names it in errors.</summary>
    public static ImportProfile Read(string json, string source)
    {
        ImportProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<ImportProfile>(json, Json);
        }
        catch (JsonException exception)
        {
            throw new ImportProfileException($"The import profile {source} is not valid: {exception.Message}");
        }

        if (profile is null)
        {
            throw new ImportProfileException($"The import profile {source} is empty.");
        }

        var problems = profile.Problems();
        return problems.Count == 0
            ? profile
            : throw new ImportProfileException($"The import profile {source} cannot be used: {string.Join(" ", problems)}");
    }
}

/// <summary>An import profile that cannot be found or used; the message says why.</summary>
public sealed class ImportProfileException(string message) : Exception(message);
