using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.OpenApi;
using QualityVoice.Content;
using QualityVoice.Portal.Caching;
using QualityVoice.Portal.Features.Api;

namespace QualityVoice.Portal.Features.Developers;

/// <summary>
/// The API reference for a supplier's developer, rendered from the same OpenAPI document the portal publishes at
/// <c>/openapi/v1.json</c>, so that the page and the document cannot disagree.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Policy, Tags = [PublicPageCache.Content])]
public sealed class ApiReferenceModel([FromKeyedServices(ApiDocument.Name)] IOpenApiDocumentProvider documents, ContentPack pack) : PageModel
{
    /// <summary>The ICB's name.</summary>
    public string IcbName => pack.IcbName;

    /// <summary>The API's title.</summary>
    public string Title { get; private set; } = string.Empty;

    /// <summary>The API's description, as HTML from its Markdown.</summary>
    public string DescriptionHtml { get; private set; } = string.Empty;

    /// <summary>Each operation.</summary>
    public IReadOnlyList<Operation> Operations { get; private set; } = [];

    /// <summary>Reads the document.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        Title = document.Info.Title ?? "API";
        DescriptionHtml = MarkdownRenderer.ToHtml(document.Info.Description ?? string.Empty);
        Operations = (document.Paths ?? new OpenApiPaths())
            .SelectMany(path => (path.Value.Operations ?? []).Select(operation => Read(path.Key, operation.Key, operation.Value)))
            .ToArray();
    }

    private static Operation Read(string path, HttpMethod method, OpenApiOperation operation)
    {
        var body = operation.RequestBody?.Content?.Values.FirstOrDefault()?.Schema;
        var required = body?.Required ?? new HashSet<string>();
        var fields = (body?.Properties ?? new Dictionary<string, IOpenApiSchema>())
            .Select(property => new Field(property.Key, TypeOf(property.Value), required.Contains(property.Key), RulesOf(property.Value), DescriptionOf(property.Value)))
            .ToArray();
        var headers = (operation.Parameters ?? [])
            .Where(parameter => parameter.In == ParameterLocation.Header)
            .Select(parameter => new Field(parameter.Name ?? string.Empty, "string", parameter.Required, parameter.Schema is null ? string.Empty : RulesOf(parameter.Schema), parameter.Description ?? string.Empty))
            .ToArray();
        var responses = (operation.Responses ?? new OpenApiResponses())
            .Select(response => new Answer(response.Key, response.Value.Description ?? string.Empty, string.Join(", ", response.Value.Headers?.Keys ?? [])))
            .ToArray();
        return new Operation(method.Method, path, operation.Summary ?? string.Empty, operation.Description ?? string.Empty, headers, fields, responses);
    }

    private static string TypeOf(IOpenApiSchema schema)
    {
        var values = EnumOf(schema);
        if (values.Count > 0)
        {
            return "one of " + string.Join(", ", values.Select(value => $"\"{value}\""));
        }

        var type = (schema.Type ?? schema.OneOf?.Select(choice => choice.Type).FirstOrDefault(t => t is not null and not JsonSchemaType.Null)) & ~JsonSchemaType.Null;
        return type switch
        {
            JsonSchemaType.String => "text",
            JsonSchemaType.Boolean => "true or false",
            JsonSchemaType.Integer or JsonSchemaType.Number => "number",
            _ => "text",
        };
    }

    private static IReadOnlyList<string> EnumOf(IOpenApiSchema schema)
    {
        var own = schema.Enum?.OfType<JsonValue>().Select(value => value.ToString()).ToArray() ?? [];
        return own.Length > 0 ? own : schema.OneOf?.SelectMany(EnumOf).ToArray() ?? [];
    }

    private static string RulesOf(IOpenApiSchema schema)
    {
        var rules = new List<string>();
        if (schema.MaxLength is { } max)
        {
            rules.Add($"at most {max.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} characters");
        }

        if (schema.Pattern is { } pattern)
        {
            rules.Add($"matches {pattern}");
        }

        return string.Join("; ", rules);
    }

    private static string DescriptionOf(IOpenApiSchema schema) =>
        schema.Description ?? schema.OneOf?.Select(choice => choice.Description).FirstOrDefault(description => description is not null) ?? string.Empty;

    /// <summary>An operation of the API.</summary>
    public sealed record Operation(string Method, string Path, string Summary, string Description, IReadOnlyList<Field> Headers, IReadOnlyList<Field> Fields, IReadOnlyList<Answer> Responses);

    /// <summary>A field of a request body, or a request header.</summary>
    public sealed record Field(string Name, string Type, bool Required, string Rules, string Description);

    /// <summary>A status code an operation answers with.</summary>
    public sealed record Answer(string Status, string Meaning, string Headers);
}
