using Microsoft.Playwright;

namespace QualityVoice.E2E;

/// <summary>The accounts the e2e tests sign in with.</summary>
public static class Accounts
{
    /// <summary>The development administrator ./qv run creates on first start.</summary>
    public const string AdministratorEmail = "admin@e2e.example.nhs.uk";

    /// <summary>Every e2e account's password.</summary>
    public const string Password = "e2e tests sign in with this";

    /// <summary>Opens a back office page, signs in on the way as <paramref name="email"/>, and checks it arrived there.</summary>
    public static async Task SignInAsync(this IPage staff, Uri backOffice, string email, string path)
    {
        await staff.GotoAsync(new Uri(backOffice, path).ToString());
        await staff.GetByLabel("Email address").FillAsync(email);
        await staff.GetByLabel("Password").FillAsync(Password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.EndsWith(path, staff.Url, StringComparison.Ordinal);
    }
}
