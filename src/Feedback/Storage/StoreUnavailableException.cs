namespace QualityVoice.Feedback.Storage;

/// <summary>
/// The store cannot take the request just now (it is busy or finishing an earlier write of the same request);
/// nothing was acknowledged, and the same request sent again will succeed. The web apps answer 503 with
/// <c>Retry-After</c>.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
