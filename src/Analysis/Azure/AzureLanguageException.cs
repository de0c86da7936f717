namespace QualityVoice.Analysis.Azure;

/// <summary>Azure AI Language refused a request after the retries, saying why.</summary>
public sealed class AzureLanguageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AzureLanguageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AzureLanguageException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public AzureLanguageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
