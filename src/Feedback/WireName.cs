using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization;

namespace QualityVoice.Feedback;

/// <summary>
/// The lower-case names an enum has on the wire, in the database and in URLs (<c>very-good</c>, <c>in-progress</c>),
/// taken from each member's <see cref="JsonStringEnumMemberNameAttribute"/> so there is one spelling everywhere.
/// </summary>
public static class WireName<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names = Enum.GetValues<TEnum>().ToFrozenDictionary(
        value => value,
        value => typeof(TEnum).GetField(value.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? value.ToString().ToLowerInvariant());

    private static readonly FrozenDictionary<string, TEnum> Values =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>Every value with its wire name, in declaration order.</summary>
    public static IReadOnlyList<(TEnum Value, string Name)> All { get; } =
        Enum.GetValues<TEnum>().Select(value => (value, Names[value])).ToArray();

    /// <summary>The wire name of a value.</summary>
    public static string Of(TEnum value) => Names[value];

    /// <summary>Reads a wire name; false for anything else, including the C# member name.</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out TEnum value)
    {
        if (name is not null && Values.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Reads a wire name that the store itself wrote.</summary>
    public static TEnum Parse(string name) =>
        TryParse(name, out var value) ? value : throw new FormatException($"'{name}' is not a {typeof(TEnum).Name}.");
}
