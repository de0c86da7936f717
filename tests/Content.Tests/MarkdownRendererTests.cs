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
    [InlineData("javascript:alert(1)", false)]
    public void Only_web_mail_phone_and_local_links_are_safe(string url, bool safe)
    {
        Assert.Equal(safe, MarkdownRenderer.IsSafeUrl(url));
    }
}
