namespace QualityVoice.Email;

/// <summary>
/// The mail server refused a message permanently (a 5xx answer: no such mailbox, rejected as spam): sending it again
/// would only be refused again, so it is given up at once rather than retried.
/// </summary>
public sealed class EmailRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmailRefusedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EmailRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public EmailRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
