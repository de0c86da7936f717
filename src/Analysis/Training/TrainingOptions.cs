using QualityVoice.Analysis.Local;

namespace QualityVoice.Analysis.Training;

/// <summary>How the local model is trained. The defaults are what <c>./qv train</c> uses.</summary>
/// <param name="Folds">Cross-validation folds (grouped by text).</param>
/// <param name="Seed">The seed of the fold assignment: the same file and seed give the same model.</param>
/// <param name="ThemeC">Inverse regularisation of the theme regressions.</param>
/// <param name="SentimentC">Inverse regularisation of the sentiment regression.</param>
/// <param name="MinDocuments">A term is kept when it is in at least this many comments.</param>
/// <param name="MinExamplesForMetrics">Sub-categories with fewer examples are left out of the reported averages.</param>
/// <param name="CharacterWeight">The weight of the character n-gram block against the word block (each unit length).</param>
/// <param name="BalancedThemes">Whether each theme regression weighs its two classes to count equally.</param>
/// <param name="EmbeddingWeight">What the unit-length sentence embedding is multiplied by beside the TF-IDF blocks, when training with one.</param>
/// <param name="SentimentNetworkWeight">The neural sentiment head's share of the sentiment probabilities, when training with embeddings (0: none).</param>
/// <param name="TogetherThresholdShare">How far each sub-category's threshold moves from the best for its own F1 toward the best for all together (micro-F1): 0 not at all, 1 all the way.</param>
/// <param name="SentimentNetwork">How the neural sentiment head is trained (null: <see cref="SentimentNetworkOptions"/>' defaults).</param>
public sealed record TrainingOptions(
    int Folds = 5,
    int Seed = 20230831,
    double ThemeC = 4.0,
    double SentimentC = 4.0,
    int MinDocuments = 2,
    int MinExamplesForMetrics = 10,
    double CharacterWeight = 1.0,
    bool BalancedThemes = true,
    double EmbeddingWeight = 1.0,
    double SentimentNetworkWeight = 0.5,
    double TogetherThresholdShare = 0.5,
    SentimentNetworkOptions? SentimentNetwork = null);
