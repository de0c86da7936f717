using System.Collections.Frozen;

namespace QualityVoice.Analysis.Local;

/// <summary>
/// Words that carry a feeling whatever the service: a small general lexicon, so that the model knows
/// "terrible" is bad even where the training comments never said it. Each occurrence adds one positive or
/// negative cue term, flipped after a negation ("not helpful", "couldn't fault").
/// </summary>
internal static class SentimentLexicon
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Positive = new[]
    {
        "good", "great", "excellent", "brilliant", "amazing", "fantastic", "wonderful", "lovely", "kind", "kindness",
        "caring", "helpful", "friendly", "polite", "professional", "efficient", "quick", "prompt", "clean", "happy",
        "pleased", "satisfied", "grateful", "thank", "thanks", "thankful", "superb", "outstanding", "perfect", "best",
        "nice", "reassuring", "reassured", "compassionate", "attentive", "supportive", "respectful", "comfortable",
        "easy", "smooth", "impressed", "marvellous", "fabulous", "exceptional", "safe", "calm", "gentle", "informative",
        "knowledgeable", "competent", "recommend", "appreciate", "appreciated", "love", "loved", "welcoming", "cheerful",
        "considerate", "thorough", "organised", "glad", "relieved", "listened", "fab", "lifesaver", "angels", "heroes",
        "positive", "pleasant", "beneficial", "improved", "clear", "understood", "valued", "polite", "courteous",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Negative = new[]
    {
        "bad", "poor", "poorly", "terrible", "awful", "horrible", "horrendous", "dreadful", "appalling", "disgusting",
        "disgraceful", "shocking", "rude", "unhelpful", "unprofessional", "dismissive", "arrogant", "uncaring", "dirty",
        "filthy", "late", "delay", "delayed", "delays", "slow", "wrong", "mistake", "mistakes", "error", "lost",
        "ignored", "neglected", "upset", "upsetting", "angry", "annoyed", "frustrated", "frustrating", "disappointed",
        "disappointing", "unhappy", "worried", "scared", "afraid", "anxious", "painful", "struggle", "struggled",
        "difficult", "confusing", "confused", "unclear", "chaotic", "disorganised", "shambles", "useless", "pointless",
        "incompetent", "careless", "cancelled", "unacceptable", "complain", "complaint", "worst", "impossible",
        "hopeless", "stressful", "distress", "distressed", "embarrassed", "humiliated", "unsafe", "uncomfortable",
        "noisy", "cramped", "smelly", "blame", "fault", "failed", "failure", "abrupt", "patronising", "condescending",
        "sarcastic", "ridiculous", "atrocious", "lacking", "inadequate", "hostile", "aggressive", "shouted", "waste",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The cue term for a positive feeling.</summary>
    public const ulong PositiveCue = 0x51A7E5C0FFEE0001UL;

    /// <summary>The cue term for a negative feeling.</summary>
    public const ulong NegativeCue = 0x51A7E5C0FFEE0002UL;

    /// <summary>The cue a (lower-cased) word gives, if any, flipped when it is negated.</summary>
    public static ulong? Cue(ReadOnlySpan<char> word, bool negated) =>
        Positive.Contains(word) ? (negated ? NegativeCue : PositiveCue)
        : Negative.Contains(word) ? (negated ? PositiveCue : NegativeCue)
        : null;
}
