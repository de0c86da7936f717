using System.Net;
using AngleSharp.Html.Dom;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests;

/// <summary>Walks a multi-page form the way a person without JavaScript does: one page, one post at a time.</summary>
public sealed class FormWalker(HttpClient client)
{
    /// <summary>The page the walker is on.</summary>
    public IHtmlDocument Page { get; private set; } = null!;

    /// <summary>The names of every cookie the site has set along the way.</summary>
    public HashSet<string> CookiesSet { get; } = [];

    /// <summary>The heading of the page it is on.</summary>
    public string Heading => Page.QuerySelector("h1")!.TextContent.Trim();

    /// <summary>A walker on a page already fetched (to press its buttons again, as a browser's refresh would).</summary>
    public static FormWalker At(HttpClient client, IHtmlDocument page) => new(client) { Page = page };

    /// <summary>Opens the form's first page.</summary>
    public async Task<FormWalker> StartAsync(string url)
    {
        Page = await client.GetPageAsync(url);
        return this;
    }

    /// <summary>Answers the page's questions and presses Continue.</summary>
    public Task<FormWalker> ContinueAsync(params (string Name, string Value)[] answers) =>
        PressAsync("continue", "main form", answers);

    /// <summary>Presses a button with Go=<paramref name="go"/> in a form, with answers.</summary>
    public async Task<FormWalker> PressAsync(string go, string formSelector, params (string Name, string Value)[] answers)
    {
        var fields = answers.Select(answer => new KeyValuePair<string, string>(answer.Name, answer.Value)).Append(new("Go", go));
        using var response = await client.SubmitAsync(Page, fields, formSelector);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            CookiesSet.UnionWith(cookies.Select(cookie => cookie.Split('=')[0]));
        }

        Page = await response.ReadPageAsync();
        return this;
    }

    /// <summary>Presses "Send" on the check answers page, with extra fields (a bot check token, the honeypot).</summary>
    public Task<FormWalker> SendAsync(params (string Name, string Value)[] extra) => PressAsync("send", "#send-form", extra);
}
