using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace QualityVoice.TestSupport;

/// <summary>Reads pages and submits their forms the way a browser without JavaScript would.</summary>
public static class HtmlPages
{
    private static readonly IBrowsingContext Browser = BrowsingContext.New(Configuration.Default);

    /// <summary>Parses HTML as if it came from an address (so that forms without an action post back to it).</summary>
    public static async Task<IHtmlDocument> ParseAsync(string html, Uri? address = null) =>
        (IHtmlDocument)await Browser.OpenAsync(request =>
        {
            request.Content(html);
            if (address is not null)
            {
                request.Address(new Url(address.IsAbsoluteUri ? address.ToString() : "http://localhost" + address));
            }
        });

    /// <summary>A table cell's text as a reader sees it, without the responsive table's small-screen column heading.</summary>
    public static string CellText(this IElement cell) =>
        string.Concat(cell.ChildNodes.Where(node => node is not IElement element || !element.ClassList.Contains("nhsuk-table__heading")).Select(node => node.TextContent));

    /// <summary>GETs a page and parses it, failing the test unless it is 200.</summary>
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        }

        return await ParseAsync(html, response.RequestMessage?.RequestUri);
    }

    /// <summary>
    /// Submits a form found on a page (the first, or the one matching a selector, or the form of the button matching it,
    /// to the button's <c>formaction</c>), with its current values (hidden fields, the antiforgery token, checked
    /// options) overridden by <paramref name="values"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client,
        IHtmlDocument page,
        IEnumerable<KeyValuePair<string, string>> values,
        string formSelector = "main form")
    {
        var (form, action) = page.QuerySelector(formSelector) switch
        {
            IHtmlFormElement found => (found, found.GetAttribute("action")),
            // A button that posts its form elsewhere (formaction), as a form with two actions has.
            IHtmlButtonElement { Form: { } owner } button => (owner, button.GetAttribute("formaction") ?? owner.GetAttribute("action")),
            _ => throw new InvalidOperationException($"No form, or button in a form, matches '{formSelector}'."),
        };
        var fields = FormValues(form);
        foreach (var group in values.GroupBy(pair => pair.Key))
        {
            fields.RemoveAll(pair => pair.Key == group.Key);
            fields.AddRange(group);
        }

        var target = string.IsNullOrEmpty(action) ? new Uri(page.Url, UriKind.RelativeOrAbsolute) : new Uri(action, UriKind.RelativeOrAbsolute);
        if (target.IsAbsoluteUri && target.Scheme == "about")
        {
            throw new InvalidOperationException("Parse pages with GetPageAsync or ReadPageAsync so that forms without an action know their address.");
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(target.IsAbsoluteUri ? new Uri(target.PathAndQuery, UriKind.Relative) : target, content);
    }

    /// <summary>Parses a response's HTML.</summary>
    public static async Task<IHtmlDocument> ReadPageAsync(this HttpResponseMessage response) =>
        await ParseAsync(await response.Content.ReadAsStringAsync(), response.RequestMessage?.RequestUri);

    /// <summary>The error summary's messages, in order.</summary>
    public static IReadOnlyList<string> ErrorSummary(this IDocument page) =>
        page.QuerySelectorAll(".nhsuk-error-summary__list li").Select(item => item.TextContent.Trim()).ToArray();

    /// <summary>Fails unless every link in the error summary leads to an element on the page (a field still shown).</summary>
    public static void AssertErrorLinksLeadToFields(this IDocument page)
    {
        var dangling = page.QuerySelectorAll(".nhsuk-error-summary a[href^='#']")
            .Select(link => link.GetAttribute("href")![1..])
            .Where(id => page.GetElementById(id) is null)
            .ToArray();
        if (dangling.Length > 0)
        {
            throw new InvalidOperationException($"The error summary links to fields not on the page: {string.Join(", ", dangling)}");
        }
    }

    private static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input
                    when input.Type is not ("radio" or "checkbox" or "submit") || input.IsChecked:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select when select.Value is not null:
                    fields.Add(new(name, select.Value));
                    break;
            }
        }

        return fields;
    }

    /// <summary>Fails with the page's error summary (or the start of the body) when the status is not the one expected.</summary>
    public static async Task ShouldBeAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode == expected)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        var page = await ParseAsync(body);
        var errors = page.ErrorSummary();
        throw new InvalidOperationException(
            $"Expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: "
            + (errors.Count > 0 ? string.Join(" | ", errors) : body[..Math.Min(body.Length, 600)]));
    }
}
