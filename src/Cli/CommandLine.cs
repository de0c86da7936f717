namespace QualityVoice.Cli;

/// <summary>A subcommand's options, as <c>--name value</c> pairs and <c>--flag</c> switches.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private CommandLine()
    {
    }

    /// <summary>Reads the arguments after the subcommand's name.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlySet<string> flags)
    {
        var line = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"'{arg}' is not an option; options start with --.");
            }

            var name = arg[2..];
            if (flags.Contains(name))
            {
                line._options[name] = null;
            }
            else if (i + 1 < args.Count)
            {
                line._options[name] = args[++i];
            }
            else
            {
                throw new UsageException($"--{name} needs a value.");
            }
        }

        return line;
    }

    /// <summary>Whether a switch was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>An option's value, or null.</summary>
    public string? Optional(string name) => _options.GetValueOrDefault(name);

    /// <summary>An option's value, or a usage error naming it.</summary>
    public string Required(string name) =>
        _options.GetValueOrDefault(name) ?? throw new UsageException($"--{name} is required.");

    /// <summary>Fails on options the command does not know.</summary>
    public void OnlyAllow(params string[] known)
    {
        var unknown = _options.Keys.FirstOrDefault(name => !known.Contains(name));
        if (unknown is not null)
        {
            throw new UsageException($"--{unknown} is not an option of this command.");
        }
    }
}
