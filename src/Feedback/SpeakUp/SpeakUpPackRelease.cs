using System.Text.Json.Serialization;

namespace QualityVoice.Feedback.SpeakUp;

/// <summary>The speak-up figures the weekly insights pack can show, counts only.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SpeakUpMeasure>))]
public enum SpeakUpMeasure
{
    /// <summary>How many cases were raised.</summary>
    [JsonStringEnumMemberName("cases")]
    Cases,

    /// <summary>How many of them anonymously.</summary>
    [JsonStringEnumMemberName("anonymous")]
    Anonymous,

    /// <summary>How many where detriment for speaking up was indicated.</summary>
    [JsonStringEnumMemberName("detriment")]
    Detriment,

    /// <summary>How many with each element (the National Guardian's Office's categories).</summary>
    [JsonStringEnumMemberName("elements")]
    Elements,
}

/// <summary>
/// Which speak-up figures the Freedom to Speak Up guardians release to the weekly insights pack: they decide, and
/// until they do the pack shows none. The figures are counts with small numbers hidden whatever is chosen.
/// </summary>
/// <param name="Measures">The figures released.</param>
/// <param name="SetBy">The guardian who chose.</param>
/// <param name="SetAt">When.</param>
public sealed record SpeakUpPackRelease(IReadOnlyList<SpeakUpMeasure> Measures, string SetBy, DateTimeOffset SetAt)
{
    /// <summary>Nothing released: how every back office starts.</summary>
    public static readonly SpeakUpPackRelease Nothing = new([], string.Empty, DateTimeOffset.MinValue);

    /// <summary>Whether a figure is released.</summary>
    public bool Releases(SpeakUpMeasure measure) => Measures.Contains(measure);

    /// <summary>The figures in words.</summary>
    public static string Text(SpeakUpMeasure measure) => measure switch
    {
        SpeakUpMeasure.Cases => "Cases raised",
        SpeakUpMeasure.Anonymous => "Cases raised anonymously",
        SpeakUpMeasure.Detriment => "Cases where detriment for speaking up was indicated",
        _ => "Cases with each element",
    };
}

/// <summary>Where the guardians' choice of figures for the pack is kept.</summary>
public interface ISpeakUpPackRelease
{
    /// <summary>The figures released; <see cref="SpeakUpPackRelease.Nothing"/> until the guardians choose.</summary>
    Task<SpeakUpPackRelease> GetAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the choice.</summary>
    Task SaveAsync(SpeakUpPackRelease release, CancellationToken cancellationToken);
}
