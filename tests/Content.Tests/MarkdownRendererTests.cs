namespace QualityVoice.Content.Tests;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Raw_html_is_shown_as_text_not_run()
    {
        var html = MarkdownRenderer.ToHtml("Hello <script>alert(1)</script> <img src=x onerror=alert(1)>");

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](data:text/html,hi)")]
    [InlineData("[click](vbscript:x)")]
    public void Links_that_could_run_code_go_nowhere(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        Assert.Contains("href=\"#\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<vbscript:msgbox(1)>")]
    public void Autolinks_that_could_run_code_are_plain_text(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("![a chart](javascript:alert(1))")]
    [InlineData("![a chart](https://tracker.example/pixel.gif)")]
    [InlineData("![a chart](data:image/svg+xml,<svg onload=alert(1)>)")]
    public void Images_from_anywhere_but_this_site_are_shown_as_their_description(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("a chart", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_on_this_site_is_shown()
    {
        Assert.Contains("<img src=\"/images/chart.png\" alt=\"a chart\"", MarkdownRenderer.ToHtml("![a chart](/images/chart.png)"), StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_and_headings_carry_nhs_classes()
    {
        var html = MarkdownRenderer.ToHtml("## What we did\n\n- one\n- two\n\n1. first\n");

        Assert.Contains("<h2 class=\"nhsuk-heading-m\"", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"nhsuk-list nhsuk-list--bullet\">", html, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"nhsuk-list nhsuk-list--number\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.nhs.uk/", true)]
    [InlineData("mailto:team@nhs.net", true)]
    [InlineData("/you-said-we-did", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example/", false)]
    [InlineData("/path\\..\\x", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("", false)]
    [InlineData("javascript:alert(1)", false)]
    public void Only_web_mail_phone_and_local_links_are_safe(string url, bool safe)
    {
        Assert.Equal(safe, MarkdownRenderer.IsSafeUrl(url));
    }
}
