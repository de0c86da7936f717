namespace QualityVoice.Analysis;

/// <summary>Reads the question a comment answers from its wording.</summary>
public static class QuestionKinds
{
    /// <summary>Classifies a question's wording; unknown when it cannot tell.</summary>
    public static QuestionKind Classify(string? question)
    {
        var q = (question ?? string.Empty).ToLowerInvariant();
        return q switch
        {
            _ when q.Contains("was good", StringComparison.Ordinal) => QuestionKind.WhatWasGood,
            _ when q.Contains("better", StringComparison.Ordinal) || q.Contains("improve", StringComparison.Ordinal) => QuestionKind.WhatCouldImprove,
            _ when q.Contains("why", StringComparison.Ordinal) => QuestionKind.Why,
            _ when q.Contains("satisfied", StringComparison.Ordinal) => QuestionKind.Both,
            _ => QuestionKind.Unknown,
        };
    }
}
