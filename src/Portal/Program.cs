using QualityVoice.Content.Hosting;
using QualityVoice.Feedback.Hosting;
using QualityVoice.Portal;
using QualityVoice.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddQualityVoiceWeb();
builder.AddContentPack();
builder.AddFeedbackStore();
builder.AddPortalChrome();

var app = builder.Build();

app.UseQualityVoiceWeb();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();

app.Run();

/// <summary>The portal's entry point, public so that functional tests can host it.</summary>
public partial class Program;
