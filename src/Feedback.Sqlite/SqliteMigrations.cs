using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace QualityVoice.Feedback.Storage.Sqlite;

/// <summary>
/// The versioned schema scripts of one database, embedded in an assembly and named <c>NNNN_what_it_does.sql</c>.
/// Scripts are never edited once released; a change is a new script.
/// </summary>
public sealed partial class SqliteMigrations
{
    private SqliteMigrations(IReadOnlyList<SqliteMigration> scripts) => Scripts = scripts;

    /// <summary>The scripts in the order they apply.</summary>
    public IReadOnlyList<SqliteMigration> Scripts { get; }

    /// <summary>The version the schema has once every script is applied.</summary>
    public int LatestVersion => Scripts.Count == 0 ? 0 : Scripts[^1].Version;

    /// <summary>Loads the scripts embedded in an assembly under a resource name prefix.</summary>
    public static SqliteMigrations FromEmbeddedResources(Assembly assembly, string resourcePrefix)
    {
        var scripts = new List<SqliteMigration>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(resourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var match = ScriptName().Match(name[resourcePrefix.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration resource '{name}' is not named NNNN_description.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new SqliteMigration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migrations under '{resourcePrefix}' must be numbered 1, 2, 3… without gaps; found {scripts[i].Version}.");
            }
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"No migrations are embedded under '{resourcePrefix}'.");
        }

        return new SqliteMigrations(scripts);
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}
