using System.Collections.Frozen;

namespace QualityVoice.Analysis;

/// <summary>
/// A content pack's mapping from the framework's sub-categories to its strategy's strategic themes and the CQC
/// key questions (<c>content/&lt;pack&gt;/taxonomy.yml</c>).
/// </summary>
public sealed class ThemeTaxonomy
{
    /// <summary>The CQC's five key questions.</summary>
    public static readonly IReadOnlyList<string> CqcKeyQuestions = ["Safe", "Effective", "Caring", "Responsive", "Well-led"];

    private readonly FrozenDictionary<string, ThemeMapping> _bySubCategory;

    /// <summary>Builds a taxonomy from its mappings.</summary>
    public ThemeTaxonomy(IEnumerable<ThemeMapping> mappings)
    {
        Mappings = mappings.ToArray();
        _bySubCategory = Mappings.ToFrozenDictionary(mapping => mapping.SubCategory, StringComparer.Ordinal);
    }

    /// <summary>Every mapping, in the framework's order.</summary>
    public IReadOnlyList<ThemeMapping> Mappings { get; }

    /// <summary>The framework's major categories, in order.</summary>
    public IReadOnlyList<string> Categories => Mappings.Select(mapping => mapping.Category).Distinct().ToArray();

    /// <summary>The mapping of a sub-category, if it has one.</summary>
    public ThemeMapping? Find(string subCategory) => _bySubCategory.GetValueOrDefault(subCategory);

    /// <summary>The strategic themes a set of sub-categories serve, without repeats, in first-seen order.</summary>
    public IReadOnlyList<string> StrategicThemesOf(IEnumerable<string> subCategories) =>
        subCategories.Select(Find).OfType<ThemeMapping>().Select(mapping => mapping.StrategicTheme).Distinct().ToArray();

    /// <summary>The CQC key questions a set of sub-categories bear on, in the CQC's order.</summary>
    public IReadOnlyList<string> CqcQuestionsOf(IEnumerable<string> subCategories)
    {
        var questions = subCategories.Select(Find).OfType<ThemeMapping>().SelectMany(mapping => mapping.CqcQuestions).ToHashSet(StringComparer.Ordinal);
        return CqcKeyQuestions.Where(questions.Contains).ToArray();
    }
}
