using System.Text.Json;
using QualityVoice.Content;
using QualityVoice.Feedback;

namespace QualityVoice.Portal.Features.Api;

/// <summary>
/// Reads a <c>POST /api/v1/feedback</c> body: every problem is named by its field, all at once, so an integrator
/// fixes a request in one go. Nothing it is given, however malformed, makes it throw.
/// </summary>
public static class FeedbackRequestReader
{
    /// <summary>The fields the API accepts.</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        "kind", "service", "serviceName", "fftRating", "whatWasGood", "whatCouldImprove", "month",
        "contactEmail", "consentToContact", "collectionMode",
    };

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 4,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>Reads a body; returns the feedback, or the problems keyed by field ("" for the body as a whole).</summary>
    public static (NewFeedback? Feedback, Dictionary<string, string> Errors) Read(ReadOnlyMemory<byte> body, ContentPack pack)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);

        // A UTF-8 byte order mark is allowed (RFC 8259 lets a parser ignore it, and some tools write one).
        if (body.Span.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException exception)
        {
            errors[""] = exception.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || exception.Message.Contains("transcode", StringComparison.OrdinalIgnoreCase)
                ? "The request body is not valid UTF-8."
                : exception.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                    ? "The request body is nested too deeply: it is one JSON object of strings and a boolean."
                    : RepeatedField(body) is { } repeated
                        ? $"The field '{Safe(repeated)}' appears more than once: send each field once."
                        : $"The request body is not valid JSON ({Position(exception)}).";
            return (null, errors);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors[""] = "The request body must be a JSON object.";
                return (null, errors);
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!Fields.Contains(property.Name))
                {
                    errors[Safe(property.Name)] = $"'{Safe(property.Name)}' is not a field of this API. The fields are: {string.Join(", ", Fields)}.";
                }
            }

            var kind = Enum<FeedbackKind>(root, "kind", errors, required: true);
            var rating = Enum<FftRating>(root, "fftRating", errors, required: true);
            var mode = Enum<CollectionMode>(root, "collectionMode", errors, required: false) ?? CollectionMode.Other;
            var serviceId = String(root, "service", errors);
            var serviceName = String(root, "serviceName", errors);
            var good = String(root, "whatWasGood", errors);
            var improve = String(root, "whatCouldImprove", errors);
            var monthText = String(root, "month", errors);
            var email = String(root, "contactEmail", errors);
            var consent = Boolean(root, "consentToContact", errors);

            string? resolvedName = null;
            if (serviceId is null)
            {
                errors.TryAdd("service", "Give the service's id from the content pack, or \"other\" with serviceName.");
            }
            else if (serviceId == NewFeedback.OtherService)
            {
                resolvedName = serviceName;
                if (string.IsNullOrWhiteSpace(serviceName))
                {
                    errors.TryAdd("serviceName", "serviceName is required when service is \"other\".");
                }
            }
            else if (pack.FindService(serviceId) is { } service)
            {
                resolvedName = service.FullName;
            }
            else
            {
                errors.TryAdd("service", $"'{Safe(serviceId)}' is not a service in this ICB's list. Use a service id from the list, or \"other\" with serviceName.");
            }

            YearMonth? month = null;
            if (monthText is not null)
            {
                if (YearMonth.TryParse(monthText, out var parsed))
                {
                    month = parsed;
                }
                else
                {
                    errors.TryAdd("month", "month must be a month written as yyyy-MM, for example 2025-03.");
                }
            }

            if (email is not null && consent != true)
            {
                errors.TryAdd("consentToContact", "A contactEmail is kept only with consentToContact: true.");
            }
            else if (consent == true && string.IsNullOrWhiteSpace(email))
            {
                errors.TryAdd("contactEmail", "consentToContact is true, so give a contactEmail.");
            }

            if (errors.Count > 0)
            {
                return (null, errors);
            }

            return (new NewFeedback(kind!.Value, serviceId!, resolvedName!, rating!.Value, good, improve, month, mode, consent == true ? email : null), errors);
        }
    }

    private static TEnum? Enum<TEnum>(JsonElement root, string field, Dictionary<string, string> errors, bool required)
        where TEnum : struct, Enum
    {
        var allowed = string.Join(", ", WireName<TEnum>.All.Select(value => $"\"{value.Name}\""));
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.TryAdd(field, $"{field} is required: one of {allowed}.");
            }

            return null;
        }

        if (value.ValueKind == JsonValueKind.String && WireName<TEnum>.TryParse(value.GetString(), out var parsed))
        {
            return parsed;
        }

        errors.TryAdd(field, $"{field} must be one of {allowed}.");
        return null;
    }

    private static string? String(JsonElement root, string field, Dictionary<string, string> errors)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.TryAdd(field, $"{field} must be a string.");
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escape such as \ud800 with no partner cannot become text.
            errors.TryAdd(field, $"{field} contains a character that cannot be read.");
            return null;
        }
    }

    private static bool? Boolean(JsonElement root, string field, Dictionary<string, string> errors)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors.TryAdd(field, $"{field} must be true or false.");
        return null;
    }

    /// <summary>The name of a field given twice, if that is why the body was refused.</summary>
    private static string? RepeatedField(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var lenient = JsonDocument.Parse(body, DocumentOptions with { AllowDuplicateProperties = true });
            return lenient.RootElement.ValueKind == JsonValueKind.Object
                ? lenient.RootElement.EnumerateObject().GroupBy(property => property.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1)?.Key
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Position(JsonException exception) =>
        exception.BytePositionInLine is { } position ? $"at line {(exception.LineNumber ?? 0) + 1}, byte {position + 1}" : "it could not be read";

    // Field names and values echoed in messages are cut short and stripped of control characters.
    private static string Safe(string text)
    {
        var cleaned = new string(text.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).Take(64).ToArray());
        return cleaned.Length == 0 ? "?" : cleaned;
    }
}
