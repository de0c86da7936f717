namespace QualityVoice.Feedback.Intake;

/// <summary>What happened to a submission.</summary>
public abstract record IntakeResult
{
    private IntakeResult()
    {
    }

    /// <summary>Stored durably (or a repeat of a stored submission): the person gets these two to track it.</summary>
    /// <param name="Reference">The reference.</param>
    /// <param name="Passphrase">The passphrase, shown once.</param>
    /// <param name="Repeated">Whether this was a repeat of an earlier request with the same idempotency key.</param>
    public sealed record Accepted(string Reference, string Passphrase, bool Repeated) : IntakeResult;

    /// <summary>Something the person gave cannot be stored; each problem is keyed by the field's name.</summary>
    /// <param name="Errors">The field's name in the API (camelCase) and what is wrong with it.</param>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : IntakeResult;

    /// <summary>The idempotency key was used before for a different request.</summary>
    public sealed record KeyReused : IntakeResult;
}
