namespace QualityVoice.Staff.Accounts;

/// <summary>What a change to an account came to: done (and what), waiting for a second person, or refused (and why).</summary>
/// <param name="Problems">Why it was refused, in words an administrator can act on; empty when it was not.</param>
/// <param name="Done">What was done, when it was.</param>
/// <param name="AwaitingApproval">Whether the change waits for a second person.</param>
public sealed record AccountResult(IReadOnlyList<string> Problems, string? Done = null, bool AwaitingApproval = false)
{
    /// <summary>Whether it was not refused.</summary>
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Done, saying what.</summary>
    public static AccountResult Changed(string done) => new([], done);

    /// <summary>Waiting for a second person.</summary>
    public static AccountResult Waiting(string done) => new([], done, AwaitingApproval: true);

    /// <summary>Refused, saying why.</summary>
    public static AccountResult Refused(params IReadOnlyList<string> problems) => new(problems);
}
