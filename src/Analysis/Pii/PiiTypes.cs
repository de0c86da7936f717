namespace QualityVoice.Analysis.Pii;

/// <summary>The kinds of personal information the redactor finds, as they appear in redacted text: <c>[NHS number]</c>.</summary>
public static class PiiTypes
{
    /// <summary>A valid NHS number (modulus 11).</summary>
    public const string NhsNumber = "NHS number";

    /// <summary>A UK telephone number.</summary>
    public const string PhoneNumber = "phone number";

    /// <summary>An e-mail address.</summary>
    public const string EmailAddress = "email address";

    /// <summary>A UK postcode.</summary>
    public const string Postcode = "postcode";

    /// <summary>A National Insurance number.</summary>
    public const string NationalInsuranceNumber = "National Insurance number";

    /// <summary>A date of birth.</summary>
    public const string DateOfBirth = "date of birth";

    /// <summary>A person's name.</summary>
    public const string Name = "name";

    /// <summary>A street address (a house number and a street).</summary>
    public const string Address = "address";
}
