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
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        Assert.EndsWith(path, staff.Url, StringComparison.Ordinal);
    }

    /// <summary>
    /// On the administrator's accounts page: adds an account with a role (by the name the page shows, like
    /// "Quality team") and the e2e password, unless it is there.
    /// </summary>
    public static async Task AddAccountAsync(this IPage admin, string email, string role)
    {
        // The address as a whole word: "reports-quality@…" is not "quality@…".
        if (System.Text.RegularExpressions.Regex.IsMatch(await admin.Locator("main table").InnerTextAsync(), $@"(^|\s){System.Text.RegularExpressions.Regex.Escape(email)}(\s|$)"))
        {
            return;
        }

        await admin.GetByLabel("Email address").FillAsync(email);
        await admin.GetByLabel("First password").FillAsync(Password);
        await admin.GetByLabel(role, new() { Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        Assert.Contains(email, await admin.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
    }
}
