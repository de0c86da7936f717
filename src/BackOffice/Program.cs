using QualityVoice.Analysis.Embeddings.Hosting;
using QualityVoice.BackOffice;
using QualityVoice.BackOffice.Features.Accounts;
using QualityVoice.BackOffice.Features.Exports;
using QualityVoice.BackOffice.Features.Imports;
using QualityVoice.BackOffice.Features.Reports;
using QualityVoice.BackOffice.Features.Shared;
using QualityVoice.BackOffice.Features.Updates;
using QualityVoice.Content.Hosting;
using QualityVoice.Content.Umbraco.Hosting;
using QualityVoice.Feedback.Hosting;
using QualityVoice.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddQualityVoiceWeb();
builder.AddContentPack();
builder.AddUmbracoContent();
builder.AddFeedbackStore();
builder.AddEmbeddingTextAnalysis();
builder.AddFeedbackAnalysisWorker();
builder.AddOperationsSignals();
builder.AddRetentionAndRights();
builder.AddStaffSignIn();
builder.AddBackOfficeChrome();
builder.AddUpdatePublishing();
builder.AddProviderImports();
builder.AddInsightReports();

var app = builder.Build();

app.UseQualityVoiceWeb();
app.UseStaffPagesNeverCached();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseTwoFactorWhereRequired();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();
app.MapExports();

app.Run();

/// <summary>The back office's entry point, public so that functional tests can host it.</summary>
public partial class Program;
