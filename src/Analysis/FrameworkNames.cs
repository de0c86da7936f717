using System.Collections.Frozen;

namespace QualityVoice.Analysis;

/// <summary>
/// The patient experience framework's sub-category names as people should read them. The published training file
/// spells one of them "Referals"; QualityVoice corrects it wherever a name comes in (the training file's header, a
/// model trained before the correction), so that everything it shows, stores and trains on uses the right spelling.
/// </summary>
public static class FrameworkNames
{
    private static readonly FrozenDictionary<string, string> Corrections = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Referals & continuity of care"] = "Referrals & continuity of care",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The name, spelt correctly.</summary>
    public static string Corrected(string name) => Corrections.GetValueOrDefault(name, name);
}
