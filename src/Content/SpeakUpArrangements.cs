namespace QualityVoice.Content;

/// <summary>
/// How the ICB's Freedom to Speak Up guardians work with concerns sent through the portal, as the speak-up start page
/// tells staff: who the guardians are and how soon one replies. A pack that says neither gets
/// <see cref="Unstated"/>, and the page says only what is true of every pack.
/// </summary>
/// <param name="Guardians">The guardians who read concerns sent here, by name and organisation.</param>
/// <param name="RepliesWithinWorkingDays">How many working days a guardian takes at most to reply to a new concern.</param>
public sealed record SpeakUpArrangements(IReadOnlyList<SpeakUpGuardian> Guardians, int? RepliesWithinWorkingDays)
{
    /// <summary>The longest reply time a pack may promise (four working weeks); longer would not be a promise.</summary>
    public const int LongestReply = 20;

    /// <summary>A pack that names no guardians and promises no reply time.</summary>
    public static SpeakUpArrangements Unstated { get; } = new([], null);

    /// <summary>Whether the pack says anything: names a guardian or promises a reply time.</summary>
    public bool IsStated => Guardians.Count > 0 || RepliesWithinWorkingDays is not null;
}

/// <summary>A Freedom to Speak Up guardian, as the start page names them.</summary>
/// <param name="Name">Their name.</param>
/// <param name="Organisation">The organisation they are a guardian for.</param>
public sealed record SpeakUpGuardian(string Name, string Organisation);
