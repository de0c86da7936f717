using QualityVoice.Content.Hosting;
using QualityVoice.Content.Umbraco.Hosting;
using QualityVoice.Feedback.Hosting;
using QualityVoice.Portal;
using QualityVoice.Portal.Caching;
using QualityVoice.Portal.Features.AbuseProtection;
using QualityVoice.Portal.Features.Api;
using QualityVoice.Portal.Features.OpenData;
using QualityVoice.Portal.Features.YouSaidWeDid;
using QualityVoice.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddQualityVoiceWeb();
builder.AddContentPack();
builder.AddUmbracoContent();
builder.AddFeedbackStore();
builder.AddAbuseProtection();
builder.AddPortalPages();
builder.AddPublicPageCache();
builder.Services.AddApiDocument();

var app = builder.Build();

app.UseQualityVoiceWeb();
app.UseRateLimiter();
app.UsePublicPageCache();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapBotCheck();
app.MapFeedbackApi();
app.MapApiDocument();
app.MapOpenData();
app.MapUpdatesFeed();
app.MapUmbracoWebhook();

app.Run();

/// <summary>The portal's entry point, public so that functional tests can host it.</summary>
public partial class Program;
