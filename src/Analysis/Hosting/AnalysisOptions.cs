using System.ComponentModel.DataAnnotations;

namespace QualityVoice.Analysis.Hosting;

/// <summary>Which analyzer runs. Bound from the <c>Analysis</c> section.</summary>
public sealed class AnalysisOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Analysis";

    /// <summary><c>Local</c> (the default, in-process) or <c>AzureLanguage</c>.</summary>
    [RegularExpression("^(Local|AzureLanguage)$", ErrorMessage = "Analysis:Provider must be Local or AzureLanguage.")]
    public string Provider { get; set; } = "Local";

    /// <summary>A model file to use instead of the one shipped in the assembly.</summary>
    public string? ModelPath { get; set; }
}
