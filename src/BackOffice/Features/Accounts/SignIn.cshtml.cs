using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QualityVoice.Staff.Accounts;
using QualityVoice.Staff.EntraId;
using QualityVoice.Web.Hosting;

namespace QualityVoice.BackOffice.Features.Accounts;

/// <summary>
/// Staff sign-in with e-mail address and password. Every wrong answer looks and takes the same whether or not the
/// account exists; guessing is slowed by <see cref="SignInThrottle"/>, never by locking the real person out.
/// </summary>
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SignInModel(
    SignInManager<StaffUser> signIn,
    SignInThrottle throttle,
    KnownDevices devices,
    ClientKeys clients,
    IOptions<EntraIdOptions> entra) : PageModel
{
    /// <summary>Whether staff may sign in with their organisation's Entra ID.</summary>
    public bool EntraOffered => entra.Value.IsConfigured;

    /// <summary>Whether a sign-in with Entra ID came back unfinished.</summary>
    [BindProperty(SupportsGet = true, Name = "entra")]
    public string? EntraOutcome { get; set; }

    /// <summary>Whether to say that signing in with Entra ID did not finish.</summary>
    public bool EntraFailed => EntraOffered && EntraOutcome == "failed";

    /// <summary>What the form posts.</summary>
    [BindProperty]
    public SignInForm Input { get; set; } = new();

    /// <summary>Where to go after signing in: only a path on this site.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the e-mail address and password.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Enter your email address");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email!.Trim();
        var client = clients.For(HttpContext);
        var knownDevice = devices.IsKnown(Request, email);
        if (throttle.WaitBefore(client, email, knownDevice) is { } wait && wait > TimeSpan.Zero)
        {
            return TooSoon(this, wait);
        }

        var result = await PasswordSignInAsync(signIn, email, Input.Password!);
        if (result.Succeeded)
        {
            throttle.Succeeded(client, email);
            devices.Remember(Response, email);
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return Redirect(Url.CarryingReturnUrl("/account/sign-in/code", ReturnUrl));
        }

        throttle.Failed(client, email, knownDevice);
        ModelState.AddModelError("Input.Email", "Enter a correct email address and password");
        return Page();
    }

    /// <summary>
    /// Checks a password. For an e-mail address with no account, a stand-in hash is checked all the same, so the
    /// answer takes as long as for a real account and says nothing about which addresses have one.
    /// </summary>
    private static async Task<Microsoft.AspNetCore.Identity.SignInResult> PasswordSignInAsync(SignInManager<StaffUser> signIn, string email, string password)
    {
        if (await signIn.UserManager.FindByEmailAsync(email) is { } user)
        {
            return await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        }

        signIn.UserManager.PasswordHasher.VerifyHashedPassword(StandIn.User, StandIn.Hash(signIn.UserManager.PasswordHasher), password);
        return Microsoft.AspNetCore.Identity.SignInResult.Failed;
    }

    /// <summary>The page again with 429 and how long to wait, for a client that must slow down.</summary>
    internal static PageResult TooSoon(PageModel page, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        page.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        page.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var words = seconds < 120 ? $"{seconds} seconds" : $"{(int)Math.Ceiling(seconds / 60.0)} minutes";
        page.ModelState.AddModelError(string.Empty, $"There have been too many attempts to sign in. Wait {words}, then try again.");
        return page.Page();
    }

    /// <summary>The sign-in form's fields.</summary>
    public sealed class SignInForm
    {
        /// <summary>The e-mail address.</summary>
        [Display(Name = "Email address")]
        public string? Email { get; set; }

        /// <summary>The password.</summary>
        public string? Password { get; set; }
    }

    /// <summary>A hash of a password nobody has, made with the hasher in use, for addresses without an account.</summary>
    private static class StandIn
    {
        private static string? _hash;

        public static StaffUser User { get; } = new();

        public static string Hash(IPasswordHasher<StaffUser> hasher) =>
            _hash ??= hasher.HashPassword(User, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
    }
}
