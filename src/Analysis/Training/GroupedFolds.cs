namespace QualityVoice.Analysis.Training;

/// <summary>
/// Cross-validation folds that keep every copy of the same text in one fold: about 500 rows repeat short answers
/// ("Nothing", "Did not answer"), and one on each side of a split would flatter the model.
/// </summary>
public static class GroupedFolds
{
    /// <summary>The fold (0 to <paramref name="folds"/> − 1) of each text, shuffled with a fixed seed.</summary>
    public static int[] Assign(IReadOnlyList<string> texts, int folds, int seed)
    {
        var groups = texts.Select(Normalise).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(seed);
        random.Shuffle(groups);
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Length; i++)
        {
            foldOf[groups[i]] = i % folds;
        }

        return texts.Select(text => foldOf[Normalise(text)]).ToArray();
    }

    private static string Normalise(string text) =>
        new string(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
