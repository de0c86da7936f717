using QualityVoice.Web.Forms;

namespace QualityVoice.Portal.Features.Feedback;

/// <summary>
/// The optional equality monitoring questions and their answers, in the Office for National Statistics'
/// 2021 census wording where there is one. Every question has "Prefer not to say".
/// </summary>
public static class EqualityQuestions
{
    /// <summary>The answer every question offers.</summary>
    public const string PreferNotToSay = "prefer-not-to-say";

    private static readonly ChoiceItem NotSay = new(PreferNotToSay, "Prefer not to say", DividerBefore: "or");

    /// <summary>What is your age?</summary>
    public static IReadOnlyList<ChoiceItem> AgeBands { get; } =
    [
        new("under-16", "Under 16"), new("16-24", "16 to 24"), new("25-34", "25 to 34"), new("35-44", "35 to 44"),
        new("45-54", "45 to 54"), new("55-64", "55 to 64"), new("65-74", "65 to 74"), new("75-84", "75 to 84"),
        new("85-plus", "85 or over"), NotSay,
    ];

    /// <summary>What is your sex?</summary>
    public static IReadOnlyList<ChoiceItem> Sexes { get; } = [new("female", "Female"), new("male", "Male"), NotSay];

    /// <summary>Is the gender you identify with the same as your sex registered at birth?</summary>
    public static IReadOnlyList<ChoiceItem> GenderIdentity { get; } = [new("yes", "Yes"), new("no", "No"), NotSay];

    /// <summary>What is your ethnic group?</summary>
    public static IReadOnlyList<ChoiceItem> Ethnicities { get; } =
    [
        new("asian", "Asian or Asian British"),
        new("black", "Black, Black British, Caribbean or African"),
        new("mixed", "Mixed or multiple ethnic groups"),
        new("white", "White"),
        new("other", "Other ethnic group"),
        NotSay,
    ];

    /// <summary>Do you have a physical or mental health condition or illness lasting or expected to last 12 months or more?</summary>
    public static IReadOnlyList<ChoiceItem> Disability { get; } = [new("yes", "Yes"), new("no", "No"), NotSay];

    /// <summary>What is your religion?</summary>
    public static IReadOnlyList<ChoiceItem> Religions { get; } =
    [
        new("none", "No religion"), new("christian", "Christian"), new("buddhist", "Buddhist"), new("hindu", "Hindu"),
        new("jewish", "Jewish"), new("muslim", "Muslim"), new("sikh", "Sikh"), new("other", "Any other religion"), NotSay,
    ];

    /// <summary>Which of the following best describes your sexual orientation?</summary>
    public static IReadOnlyList<ChoiceItem> SexualOrientations { get; } =
    [
        new("straight", "Straight or heterosexual"), new("gay-lesbian", "Gay or lesbian"), new("bisexual", "Bisexual"),
        new("other", "Other sexual orientation"), NotSay,
    ];

    /// <summary>Whether an answer is one of a question's options (or not answered).</summary>
    public static bool IsAnswer(IReadOnlyList<ChoiceItem> options, string? value) =>
        value is null || options.Any(option => option.Value == value);
}
