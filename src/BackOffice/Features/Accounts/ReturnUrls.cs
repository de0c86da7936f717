using Microsoft.AspNetCore.Mvc;

namespace QualityVoice.BackOffice.Features.Accounts;

/// <summary>
/// Where the sign-in pages send someone on to, and carry it from page to page: only a path on this site, so that a
/// link to the sign-in page can never bounce someone to another site.
/// </summary>
internal static class ReturnUrls
{
    /// <summary>The return address if it is a path on this site, otherwise the home page.</summary>
    public static string LocalOrHome(this IUrlHelper url, string? returnUrl) => url.IsLocalUrl(returnUrl) ? returnUrl! : "/";

    /// <summary><paramref name="path"/>, carrying the return address on when it is a path on this site.</summary>
    public static string CarryingReturnUrl(this IUrlHelper url, string path, string? returnUrl) =>
        path + (url.IsLocalUrl(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl!) : string.Empty);
}
