namespace QualityVoice.Analysis;

/// <summary>
/// The answer to the Friends and Family Test question ("Overall, how was your experience of our service?") given with a
/// comment, as the analysis reads it. It says much about the comment's feeling: "the nurses" after "Very poor" is not
/// praise. Read only beside the question the comment answers (<see cref="QuestionKind"/>): the models learn each comment
/// with both, and with neither.
/// </summary>
public enum FftAnswer
{
    /// <summary>Not known (a CSV without the FFT answer, or none given).</summary>
    Unknown,

    /// <summary>Very good.</summary>
    VeryGood,

    /// <summary>Good.</summary>
    Good,

    /// <summary>Neither good nor poor.</summary>
    Neither,

    /// <summary>Poor.</summary>
    Poor,

    /// <summary>Very poor.</summary>
    VeryPoor,

    /// <summary>Don't know.</summary>
    DontKnow,
}

/// <summary>Reads the FFT answer from NHS England's codes.</summary>
public static class FftAnswers
{
    /// <summary>
    /// The answer for NHS England's code, 1 (very good) to 6 (don't know), as the labelled comments' "FFT categorical
    /// answer" column holds it; unknown for anything else.
    /// </summary>
    public static FftAnswer FromCode(string? code) =>
        code?.Trim() is { Length: 1 } digit && digit[0] is >= '1' and <= '6' ? (FftAnswer)(digit[0] - '0') : FftAnswer.Unknown;
}
