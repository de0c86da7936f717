using Microsoft.Data.Sqlite;
using QualityVoice.Cli.Commands;
using QualityVoice.Content;
using QualityVoice.Feedback;
using QualityVoice.Feedback.Audit;
using QualityVoice.Feedback.Import;
using QualityVoice.Feedback.Insight;
using QualityVoice.Feedback.Storage.Sqlite;
using QualityVoice.TestSupport;

namespace QualityVoice.Cli.Tests;

public sealed class ImportCommandTests : IAsyncLifetime
{
    private const string Header = "row_id,date,ods_code,service,fft_answer,what_was_good,what_could_improve,collection_mode";
    private static readonly ContentPack Pack = ContentPackLoader.Load(Path.Combine(Repository.Root, "content"), "nenc");
    private readonly TemporaryDirectory _folder = new();
    private readonly ManualTimeProvider _time = new();
    private SqliteDatabase _database = null!;
    private SqliteFeedbackStore _store = null!;
    private SqliteAuditLog _audit = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(_folder.File("feedback.db"), SqliteFeedbackStore.Migrations);
        await _database.MigrateAsync();
        _store = new SqliteFeedbackStore(_database);
        var audit = new SqliteDatabase(_folder.File("audit.db"), SqliteAuditLog.Migrations);
        await audit.MigrateAsync();
        _audit = new SqliteAuditLog(audit);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_provider_s_file_is_imported_once_by_month_and_mode_and_its_bad_rows_are_reported_without_stopping_the_good()
    {
        var file = await WriteAsync(
            "s-1,2026-09-14,RTD,Maternity,Very good,Kind midwives,,SMS",
            "s-2,14/10/2026,RTD,Maternity,4,,\"Long wait, no \"\"updates\"\"\",sms",
            "s-3,2026-10-15,RTD,Podiatry,1,,,sms",
            "s-4,2026-10-15,RTF,Accident and emergency,,,,paper",
            "s-5,yesterday,RTF,Accident and emergency,2,,,paper",
            "s-6,2026-10-16,RTF,Accident and emergency,Extremely likely,,,Paper");
        using var output = new StringWriter();

        await ImportCommand.RunAsync(Line("--input", file, "--profile", "generic", "--client", "acme-sms"), Import(), _audit, _time, output, CancellationToken.None);

        Assert.Contains("6 rows read: 3 imported, 0 already imported, 3 rejected (1 empty answer, 1 unknown service, 1 unreadable date)", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, (await _store.ReadAnalysisBacklogAsync(CancellationToken.None)).Waiting);
        var insight = new SqliteInsightQueries(_database);
        Assert.Equal(
            [new FftReturnCount("rtd-maternity", "Maternity, The Newcastle upon Tyne Hospitals NHS Foundation Trust", CollectionMode.Sms, FftRating.Poor, 1),
             new FftReturnCount("rtf-ae", "Accident and emergency, Northumbria Healthcare NHS Foundation Trust", CollectionMode.Paper, FftRating.VeryGood, 1)],
            (await insight.FftReturnAsync(new YearMonth(2026, 10), CancellationToken.None)).OrderBy(count => count.ServiceId));
        Assert.Single(await insight.FftReturnAsync(new YearMonth(2026, 9), CancellationToken.None));

        var report = await File.ReadAllLinesAsync(Path.Combine(_folder.Path, "provider.rejected.csv"));
        Assert.Equal("row,rowId,reason,detail", report[0]);
        Assert.StartsWith("3,s-3,unknown service,", report[1], StringComparison.Ordinal);
        Assert.StartsWith("4,s-4,empty answer,", report[2], StringComparison.Ordinal);
        Assert.StartsWith("5,s-5,unreadable date,", report[3], StringComparison.Ordinal);

        var (entries, _) = await _audit.ReadAsync(new AuditQuery(Action: AuditActions.Imported), 10);
        var entry = Assert.Single(entries).Entry;
        Assert.Equal("import provider.csv", entry.Subject);
        Assert.Contains("3 imported", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("midwives", entry.Detail, StringComparison.Ordinal);

        // The same file again, with one row more: only the new row is imported.
        await File.AppendAllTextAsync(file, "s-7,2026-10-17,RTD,Maternity,2,,,sms\n");
        using var again = new StringWriter();
        await ImportCommand.RunAsync(Line("--input", file, "--profile", "generic", "--client", "acme-sms"), Import(), _audit, _time, again, CancellationToken.None);

        Assert.Contains("7 rows read: 1 imported, 3 already imported, 3 rejected", again.ToString(), StringComparison.Ordinal);
        Assert.Equal(4, (await _store.ReadAnalysisBacklogAsync(CancellationToken.None)).Waiting);
    }

    [Fact]
    public async Task A_dry_run_checks_every_row_and_writes_nothing()
    {
        var file = await WriteAsync("s-1,2026-09-14,RTD,Maternity,1,,,sms", "s-2,2026-09-14,RTD,Maternity,9,,,sms");
        using var output = new StringWriter();

        await ImportCommand.RunAsync(Line("--input", file, "--profile", "generic", "--dry-run"), Import(), _audit, _time, output, CancellationToken.None);

        Assert.Contains("2 rows read: 1 would be imported, 0 already imported, 1 rejected (1 unreadable answer)", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(await _store.ListNewestAsync(1, CancellationToken.None));
        Assert.Empty((await _audit.ReadAsync(new AuditQuery(Action: AuditActions.Imported), 10)).Entries);
    }

    [Fact]
    public async Task A_row_twice_in_one_file_is_imported_once()
    {
        var file = await WriteAsync("s-1,2026-09-14,RTD,Maternity,1,,,sms", "s-1,2026-09-14,RTD,Maternity,1,,,sms", "s-2,2026-09-15,RTD,Maternity,2,,,sms");
        using var output = new StringWriter();

        await ImportCommand.RunAsync(Line("--input", file, "--profile", "generic"), Import(), _audit, _time, output, CancellationToken.None);

        Assert.Contains("3 rows read: 2 imported, 1 already imported, 0 rejected", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, (await _store.ListNewestAsync(5, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task The_labelled_training_file_s_shape_imports_through_its_profile()
    {
        var file = _folder.File("labelled.csv");
        await File.WriteAllTextAsync(file, """
            Comment ID,Trust,Respondent ID,Date,Service type 1,Service type 2,FFT categorical answer,FFT question,FFT answer
            NEAS PTS 1 - Q1,NEAS,R1,31/05/2022,PTS - Patient Transport,,1,What was good?,The crew were kind
            NEAS PTS 1 - Q2,NEAS,R1,31/05/2022,PTS - Patient Transport,,1,How could we improve?,Arrive on time
            NEAS PTS 2 - Q1,NEAS,R2,10/17/2021,PTS - Patient Transport,,1,What was good?,US date

            """);
        using var output = new StringWriter();

        await ImportCommand.RunAsync(Line("--input", file, "--profile", "pxtextmining"), Import(), _audit, _time, output, CancellationToken.None);

        Assert.Contains("3 rows read: 2 imported, 0 already imported, 1 rejected (1 unreadable date)", output.ToString(), StringComparison.Ordinal);
        var items = await _store.ListNewestAsync(5, CancellationToken.None);
        Assert.All(items, item => Assert.Equal("PTS - Patient Transport, NEAS", item.ServiceName));
        Assert.Single(items, item => item.WhatWasGood == "The crew were kind");
        Assert.Single(items, item => item.WhatCouldImprove == "Arrive on time");
    }

    [Fact]
    public async Task A_file_that_stops_being_csv_stops_the_import_there_with_the_rows_before_it_imported()
    {
        var file = await WriteAsync("b-1,2026-09-14,RTD,Maternity,1,,,sms", "b-2,2026-09-14,RTD,Maternity,1,\"never closed" + new string('x', ProviderFileImport.MaxRowBytes + 1));

        var stopped = await Assert.ThrowsAsync<ImportFileException>(() => ImportCommand.RunAsync(
            Line("--input", file, "--profile", "generic"), Import(), _audit, _time, TextWriter.Null, CancellationToken.None));

        Assert.Contains("after row 1", stopped.Message, StringComparison.Ordinal);
        Assert.Single(await _store.ListNewestAsync(5, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_file_or_unknown_profile_is_a_clear_error()
    {
        var file = await WriteAsync("s-1,2026-09-14,RTD,Maternity,1,,,sms");

        var missing = await Assert.ThrowsAsync<UsageException>(() => ImportCommand.RunAsync(
            Line("--input", _folder.File("nope.csv"), "--profile", "generic"), Import(), _audit, _time, TextWriter.Null, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<ImportProfileException>(() => ImportCommand.RunAsync(
            Line("--input", file, "--profile", "nope"), Import(), _audit, _time, TextWriter.Null, CancellationToken.None));

        Assert.Contains("nope.csv is not there", missing.Message, StringComparison.Ordinal);
        Assert.Contains("generic, pxtextmining", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_imports_whole_however_few_rows_a_transaction_holds_and_a_count_that_is_not_one_is_a_clear_error()
    {
        var file = await WriteAsync(
            "t-1,2026-09-14,RTD,Maternity,1,,,sms", "t-2,2026-09-15,RTD,Maternity,2,,,sms", "t-3,2026-09-16,RTD,Maternity,3,,,sms",
            "t-4,2026-09-17,RTD,Maternity,4,,,sms", "t-5,2026-09-18,RTD,Maternity,5,,,sms");
        using var output = new StringWriter();

        await ImportCommand.RunAsync(Line("--input", file, "--profile", "generic", "--rows-per-transaction", "2"), Import(), _audit, _time, output, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<UsageException>(() => ImportCommand.RunAsync(
            Line("--input", file, "--profile", "generic", "--rows-per-transaction", "0"), Import(), _audit, _time, TextWriter.Null, CancellationToken.None));

        Assert.Contains("5 rows read: 5 imported", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(5, (await _store.ReadAnalysisBacklogAsync(CancellationToken.None)).Waiting);
        Assert.Contains("--rows-per-transaction is a whole number from 1 to 1,000,000", refused.Message, StringComparison.Ordinal);
    }

    private ProviderFileImport Import() => new(_store, new ContentPackSource(Pack), new Feedback.SecureRandomSource(), _time);

    private async Task<string> WriteAsync(params string[] rows)
    {
        var file = _folder.File("provider.csv");
        await File.WriteAllTextAsync(file, string.Join('\n', [Header, .. rows]) + "\n");
        return file;
    }

    private static CommandLine Line(params string[] args) => CommandLine.Parse(args, new HashSet<string> { "dry-run" });
}
