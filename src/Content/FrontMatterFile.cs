using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace QualityVoice.Content;

/// <summary>Reads a Markdown file's YAML front matter into a typed object and renders its body.</summary>
internal static class FrontMatterFile
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(HyphenatedNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    public static (T Meta, string BodyHtml, string BodyMarkdown) Read<T>(string root, string path)
        where T : class, new()
    {
        var relative = Path.GetRelativePath(root, path);
        var text = File.ReadAllText(path);
        var document = MarkdownRenderer.Parse(text);
        var frontMatter = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault()
            ?? throw new ContentPackException(relative, 1, "the file must start with YAML front matter between two '---' lines.");

        var yaml = string.Join('\n', frontMatter.Lines.Lines.Take(frontMatter.Lines.Count).Select(line => line.ToString()));
        var meta = Deserialize<T>(relative, yaml, lineOffset: frontMatter.Line + 1);
        var body = text[(frontMatter.Span.End + 1)..].TrimStart('\r', '\n');
        document.Remove(frontMatter);
        return (meta, MarkdownRenderer.ToHtml(document), body);
    }

    public static T ReadYaml<T>(string root, string path)
        where T : class, new() =>
        Deserialize<T>(Path.GetRelativePath(root, path), File.ReadAllText(path), lineOffset: 0);

    private static T Deserialize<T>(string relative, string yaml, int lineOffset)
        where T : class, new()
    {
        try
        {
            return Yaml.Deserialize<T>(yaml) ?? new T();
        }
        catch (YamlException exception)
        {
            var problem = exception.InnerException?.Message ?? exception.Message;
            throw new ContentPackException(relative, (int)exception.Start.Line + lineOffset, Clean(problem), exception);
        }
    }

    // YamlDotNet's messages start with its own position; the exception already says where.
    private static string Clean(string message)
    {
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return index >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(index + 3)..] : message;
    }
}
