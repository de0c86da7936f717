using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using QualityVoice.Content;
using QualityVoice.TestSupport;

namespace QualityVoice.Portal.Tests.Feedback;

/// <summary>Start pages before each journey, and help offered before sending when what someone wrote shows danger.</summary>
public sealed class StartPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_home_page_leads_to_start_pages_that_say_what_each_service_is_for_and_where_to_get_help_now()
    {
        var client = portal.CreateBrowser();
        var home = await client.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("main a[href='/give-feedback']"));
        Assert.NotNull(home.QuerySelector("main a[href='/speak-up/start']"));

        var feedback = await client.GetPageAsync("/give-feedback");
        Assert.Equal("Give feedback about your care", feedback.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("It takes about 5 minutes", feedback.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/feedback", feedback.QuerySelector("main a.nhsuk-button")!.GetAttribute("href"));
        Assert.NotNull(feedback.QuerySelector("[data-testid=urgent-help]"));

        var speakUp = await client.GetPageAsync("/speak-up/start");
        Assert.Equal("Speak up about a concern at work", speakUp.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Only the guardians read your concern", speakUp.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(speakUp.QuerySelector("main a[href='https://nationalguardian.org.uk/']"));
        Assert.Equal("/speak-up", speakUp.QuerySelector("main a.nhsuk-button")!.GetAttribute("href"));
        Assert.Equal("A guardian replies within 2 working days: they thank you, and tell you what they will do.", speakUp.QuerySelector("[data-testid=reply-time]")!.TextContent.Trim());
        Assert.Null(speakUp.QuerySelector("[data-testid=guardians]"));
    }

    [Fact]
    public async Task The_speak_up_start_page_names_the_guardians_the_content_pack_names()
    {
        await using var named = new PortalWithGuardians();
        var speakUp = await named.CreateBrowser().GetPageAsync("/speak-up/start");

        Assert.Equal(
            ["A. Guardian, Freedom to Speak Up guardian for Test Trust", "B. Guardian, Freedom to Speak Up guardian for The ICB"],
            speakUp.QuerySelectorAll("[data-testid=guardians] li").Select(item => item.TextContent.Trim()));
        Assert.Contains("within 1 working day:", speakUp.QuerySelector("[data-testid=reply-time]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_answers_shows_where_to_get_help_now_when_what_they_wrote_shows_a_life_at_risk()
    {
        var calm = await FeedbackJourneyTests.WalkToCheckAsync(portal.CreateBrowser(), comment: "The car park was full and the signs were confusing");
        Assert.Null(calm.Page.QuerySelector("[data-testid=help-now]"));

        var danger = await FeedbackJourneyTests.WalkToCheckAsync(portal.CreateBrowser(), comment: "Since they sent me home I want to end my life");
        var help = danger.Page.QuerySelector("[data-testid=help-now]")!.TextContent;
        Assert.Contains("Call 999", help, StringComparison.Ordinal);
        Assert.Contains("choose option 2", help, StringComparison.Ordinal);
        Assert.Contains("116 123", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_e_mail_box_belongs_to_yes_and_the_questions_about_you_can_be_skipped_from_the_top()
    {
        var walker = await new FormWalker(portal.CreateBrowser()).StartAsync("/feedback");
        await walker.ContinueAsync(("Input.Kind", "patient"));
        await walker.ContinueAsync(("Input.ServiceId", "rr7-maternity"));
        await walker.ContinueAsync(("Input.Month", ""), ("Input.Year", ""));
        await walker.ContinueAsync(("Input.FftRating", "good"));
        await walker.ContinueAsync(("Input.WhatWasGood", "Kind midwives"));

        Assert.NotNull(walker.Page.QuerySelector(".qv-reveals .qv-reveal #Input_ContactEmail, .qv-reveals .qv-reveal input[name='Input.ContactEmail']"));

        await walker.ContinueAsync(("Input.ContactConsent", "no"));
        var first = walker.Page.QuerySelector("main button[value=skip]")!;
        Assert.Equal("skip-equality", first.GetAttribute("form"));
        // Enter in the questions still continues: the first submit button of the questions' own form is Continue.
        var questions = walker.Page.QuerySelector("button[value=continue]")!.Closest("form")!;
        Assert.Equal("Continue", questions.QuerySelector("button[type=submit]:not([form])")!.TextContent.Trim());
        Assert.Null(questions.QuerySelector("button[value=skip]:not([form])"));
    }

    [Fact]
    public async Task The_organisation_comes_first_then_only_its_services()
    {
        var walker = await new FormWalker(portal.CreateBrowser()).StartAsync("/feedback");
        await walker.ContinueAsync(("Input.Kind", "patient"));

        Assert.Equal("Which organisation is your feedback about?", walker.Heading);
        Assert.DoesNotContain(walker.Page.QuerySelectorAll("input[name='Input.OrganisationId']"), input => input.GetAttribute("value") == "rtd-ae");
        await walker.ContinueAsync(("Input.OrganisationId", "rtd"));

        Assert.Equal("Which service at The Newcastle upon Tyne Hospitals NHS Foundation Trust is your feedback about?", walker.Heading);
        var services = walker.Page.QuerySelectorAll("input[name='Input.ServiceId']").Select(input => input.GetAttribute("value")).ToArray();
        Assert.Contains("rtd-ae", services);
        Assert.DoesNotContain("rtf-ae", services);

        // A service of another organisation is refused here.
        await walker.ContinueAsync(("Input.ServiceId", "rtf-ae"));
        Assert.Equal(["Select the service your feedback is about, or 'Not in the list'"], walker.Page.ErrorSummary());

        await walker.ContinueAsync(("Input.ServiceId", "rtd-ae"));
        Assert.Equal("Roughly when was your care?", walker.Heading);
    }

    private sealed class PortalWithGuardians : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var pack = ContentPackLoader.Load(Path.Combine(AppContext.BaseDirectory, "content"), "nenc");
                var arrangements = new SpeakUpArrangements([new SpeakUpGuardian("A. Guardian", "Test Trust"), new SpeakUpGuardian("B. Guardian", "The ICB")], 1);
                services.AddSingleton<IContentSource>(new ContentPackSource(pack with { SpeakUp = arrangements }));
            });
        }
    }
}
