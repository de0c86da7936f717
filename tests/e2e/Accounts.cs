namespace QualityVoice.E2E;

/// <summary>The accounts the e2e tests sign in with.</summary>
public static class Accounts
{
    /// <summary>The development administrator ./qv run creates on first start.</summary>
    public const string AdministratorEmail = "admin@e2e.example.nhs.uk";

    /// <summary>Every e2e account's password.</summary>
    public const string Password = "e2e tests sign in with this";
}
