namespace QualityVoice.Analysis.Local;

/// <summary>
/// What is known of how a comment was given, as features beside its words: the FFT answer, alone and paired with the
/// question answered, one-hot, and only when both are known (the models learn each comment with both, and with
/// neither). As TF-IDF terms an answer given with half the comments would weigh almost nothing; here each column set
/// weighs 1, as a word does in a comment of one word.
/// </summary>
internal static class AnswerContext
{
    private static readonly int Questions = Enum.GetValues<QuestionKind>().Length;
    private static readonly int Answers = Enum.GetValues<FftAnswer>().Length;

    /// <summary>How many columns the block adds: one per FFT answer, and one per question and FFT answer.</summary>
    public static int Dimensions { get; } = Answers * (1 + Questions);

    /// <summary>The FFT answer as the models read it: only beside a known question, as they learnt it.</summary>
    public static FftAnswer Read(QuestionKind question, FftAnswer fft) => question == QuestionKind.Unknown ? FftAnswer.Unknown : fft;

    /// <summary>The block's columns that are set, within the block; none unless the question and the FFT answer are known.</summary>
    public static SparseVector Of(QuestionKind question, FftAnswer fft) =>
        Read(question, fft) is var read && read == FftAnswer.Unknown
            ? SparseVector.Empty
            : new SparseVector([(int)read, (Answers * (1 + (int)question)) + (int)read], [1f, 1f]);
}
