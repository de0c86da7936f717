using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualityVoice.Content.Umbraco.DeliveryApi;

/// <summary>
/// A content item as the Delivery API (v2) answers it: <c>{id, name, contentType, createDate, updateDate,
/// route: {path, startItem: {id, path}}, properties: {…}, cultures: {…}}</c>. Property values are kept as JSON:
/// each property editor has its own shape (text is a string, rich text <c>{markup, blocks}</c>).
/// </summary>
public sealed record DeliveryItem(
    Guid Id,
    string? Name,
    string ContentType,
    DeliveryRoute Route,
    IReadOnlyDictionary<string, JsonElement>? Properties)
{
    /// <summary>When it was created.</summary>
    public DateTime CreateDate { get; init; }

    /// <summary>When it was last published.</summary>
    public DateTime UpdateDate { get; init; }

    /// <summary>A property's value, or an undefined element when the item has no such property.</summary>
    public JsonElement Property(string alias) =>
        Properties is not null && Properties.TryGetValue(alias, out var value) ? value : default;
}

/// <summary>Where an item lives: its path below the start item, and the start item (the site's root).</summary>
public sealed record DeliveryRoute(string Path, DeliveryStartItem StartItem);

/// <summary>The root an item's route starts from.</summary>
public sealed record DeliveryStartItem(Guid Id, string Path);

/// <summary>A page of a query's answer: <c>{total, items}</c>.</summary>
public sealed record DeliveryPage(long Total, IReadOnlyList<DeliveryItem> Items);

/// <summary>How the Delivery API's JSON is read: camelCase names, as Umbraco writes them; names in any case.</summary>
internal static class DeliveryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
