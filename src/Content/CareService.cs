using System.Diagnostics.CodeAnalysis;

namespace QualityVoice.Content;

/// <summary>A service people can give feedback about, such as a hospital's maternity service.</summary>
/// <param name="Id">Its id in the pack: what feedback stores and the API accepts.</param>
/// <param name="Name">Its name within its organisation, such as "Maternity".</param>
/// <param name="OrganisationName">Its organisation's name.</param>
public sealed record CareService(string Id, string Name, string OrganisationName)
{
    /// <summary>NHS England's published FFT result for the service's setting, to compare with; null when the pack gives none.</summary>
    public EnglandFft? England { get; init; }

    /// <summary>The name to show on its own, such as "Maternity, Gateshead Health NHS Foundation Trust".</summary>
    public string FullName => $"{Name}, {OrganisationName}";
}

/// <summary>
/// NHS England's Friends and Family Test result for a setting (A&amp;E, inpatient, maternity…) in a month, as the content
/// pack quotes it from the published data, so that a service's report can set its own result beside England's.
/// </summary>
/// <param name="Setting">The setting, in NHS England's words.</param>
/// <param name="Month">The month of the published figure, yyyy-MM.</param>
/// <param name="PercentPositive">The percentage who said good or very good.</param>
public sealed record EnglandFft(string Setting, string Month, double PercentPositive)
{
    /// <summary>The comparison, when its setting, month (yyyy-MM) and percentage (0 to 100) are all there and make sense.</summary>
    public static bool TryCreate(string? setting, string? month, double? positive, [NotNullWhen(true)] out EnglandFft? england)
    {
        england = !string.IsNullOrWhiteSpace(setting) && month is { Length: 7 } && month[4] == '-'
            && int.TryParse(month.AsSpan(0, 4), out _) && int.TryParse(month.AsSpan(5, 2), out var m) && m is >= 1 and <= 12
            && positive is >= 0 and <= 100
                ? new EnglandFft(setting.Trim(), month, positive.Value)
                : null;
        return england is not null;
    }
}
