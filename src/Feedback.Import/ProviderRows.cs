using System.Globalization;
using QualityVoice.Analysis;
using QualityVoice.Content;
using QualityVoice.Feedback.Intake;

namespace QualityVoice.Feedback.Import;

/// <summary>
/// Reads the rows of a provider's file through its profile: finds the service, reads the date, the answer, the
/// comments and how the answer was collected, and checks the result by the intake's own rules. Every problem is
/// named; nothing in a row, however malformed, makes it throw.
/// </summary>
public sealed class ProviderRows
{
    private readonly ImportProfile _profile;
    private readonly ContentPack _pack;
    private readonly FeedbackRules _rules;
    private readonly TimeProvider _time;
    private readonly Columns _columns;
    private readonly Dictionary<string, CareService> _services = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Maps a file whose first line is <paramref name="header"/>; throws <see cref="ImportProfileException"/> when a column the profile names is missing.</summary>
    public ProviderRows(ImportProfile profile, IReadOnlyList<string> header, ContentPack pack, TimeProvider time)
    {
        _profile = profile;
        _pack = pack;
        _rules = new FeedbackRules(time);
        _time = time;
        var missing = new List<string>();
        int Column(string? name)
        {
            if (name is null)
            {
                return -1;
            }

            for (var i = 0; i < header.Count; i++)
            {
                if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            missing.Add($"'{name}'");
            return -1;
        }

        var c = profile.Columns;
        _columns = new Columns(
            Column(c.RowId), Column(c.Date), Column(c.Organisation), Column(c.Service), Column(c.FftAnswer),
            Column(c.WhatWasGood), Column(c.WhatCouldImprove), Column(c.Comment), Column(c.Question), Column(c.CollectionMode));
        if (missing.Count > 0)
        {
            throw new ImportProfileException(
                $"The file has no column {string.Join(" or ", missing)}, which the profile '{profile.Name}' names. Its columns are: {string.Join(", ", header.Select(h => $"'{h}'"))}.");
        }

        // The profile's own names first, then the pack's ids, its "service, organisation" names, and "ODS code / name".
        foreach (var organisation in pack.Organisations)
        {
            foreach (var service in organisation.Services)
            {
                _services.TryAdd(service.Id, service);
                _services.TryAdd(service.FullName, service);
                foreach (var owner in new[] { organisation.OdsCode, organisation.Id, organisation.Name }.OfType<string>())
                {
                    _services.TryAdd($"{owner} / {service.Name}", service);
                    _services.TryAdd($"{owner} / {service.Id}", service);
                }
            }
        }

        foreach (var (name, id) in profile.Services)
        {
            _services[name.Trim()] = pack.FindService(id)
                ?? throw new ImportProfileException($"The profile '{profile.Name}' maps '{name}' to the service '{id}', which is not in the content pack.");
        }
    }

    /// <summary>Reads one row; <paramref name="field"/> gives a column's value by its index.</summary>
    public ProviderRow Read(Func<int, string> field)
    {
        string? Value(int column) => column < 0 ? null : field(column).Trim() is { Length: > 0 } value ? value : null;

        var rowId = Value(_columns.RowId);
        if (rowId is null)
        {
            return new ProviderRow.Rejected(null, RejectionReasons.NoRowId, $"The '{_profile.Columns.RowId}' column is empty.");
        }

        if (rowId.Length > IdempotencyKey.MaxLength)
        {
            return new ProviderRow.Rejected(null, RejectionReasons.NoRowId, $"The row id is longer than {IdempotencyKey.MaxLength} characters.");
        }

        var dateText = Value(_columns.Date);
        if (dateText is null || !TryReadDate(dateText, out var givenAt))
        {
            return new ProviderRow.Rejected(rowId, RejectionReasons.UnreadableDate,
                dateText is null ? $"The '{_profile.Columns.Date}' column is empty." : $"'{Shown(dateText)}' is not a date in the form {string.Join(" or ", _profile.DateFormats)}.");
        }

        if (UkTime.DayOf(givenAt) > UkTime.DayOf(_time.GetUtcNow()))
        {
            return new ProviderRow.Rejected(rowId, RejectionReasons.FutureDate, $"{dateText} is after today.");
        }

        var answer = Value(_columns.FftAnswer);
        if (answer is null)
        {
            return new ProviderRow.Rejected(rowId, RejectionReasons.EmptyAnswer, $"The '{_profile.Columns.FftAnswer}' column is empty.");
        }

        if (!FftRatingText.TryParse(answer, out var rating))
        {
            return new ProviderRow.Rejected(rowId, RejectionReasons.UnreadableAnswer,
                $"'{Shown(answer)}' is not a Friends and Family Test answer: 1 to 6, or its words (\"Very good\" … \"Don't know\").");
        }

        var mode = _profile.CollectionMode;
        if (Value(_columns.CollectionMode) is { } modeText && !TryReadMode(modeText, out mode))
        {
            return new ProviderRow.Rejected(rowId, RejectionReasons.UnknownCollectionMode,
                $"'{Shown(modeText)}' is not a collection mode: sms, tablet (kiosk), paper, telephone, online or other.");
        }

        var organisation = Value(_columns.Organisation);
        var serviceText = Value(_columns.Service);
        string serviceId;
        string serviceName;
        if (FindService(organisation, serviceText) is { } service)
        {
            (serviceId, serviceName) = (service.Id, service.FullName);
        }
        else if (_profile.UnlistedServices == UnlistedServices.Other && (serviceText ?? organisation) is not null)
        {
            serviceId = NewFeedback.OtherService;
            serviceName = string.Join(", ", new[] { serviceText, organisation }.OfType<string>());
        }
        else
        {
            return new ProviderRow.Rejected(rowId, RejectionReasons.UnknownService, serviceText is null
                ? $"The '{_profile.Columns.Service}' column is empty."
                : $"'{Shown(serviceText)}'{(organisation is null ? string.Empty : $" at '{Shown(organisation)}'")} is not a service in the content pack or the profile's services.");
        }

        var (good, improve) = Comments(Value, rating);
        var feedback = new NewFeedback(_profile.Kind, serviceId, serviceName, rating, good, improve, YearMonth.Of(givenAt), mode);
        var errors = _rules.Check(feedback, out var cleaned);
        return errors.Count == 0
            ? new ProviderRow.Accepted(cleaned, givenAt, rowId)
            : new ProviderRow.Rejected(rowId, RejectionReasons.InvalidField, string.Join(" ", errors.Select(error => $"{error.Key}: {error.Value}.")));
    }

    private (string? Good, string? Improve) Comments(Func<int, string?> value, FftRating rating)
    {
        if (_columns.Comment < 0)
        {
            return (value(_columns.WhatWasGood), value(_columns.WhatCouldImprove));
        }

        // One comment a row: the question says which it answers; "Why?" and its like go by the answer given.
        var comment = value(_columns.Comment);
        var question = QuestionKinds.Classify(value(_columns.Question));
        var asGood = question == QuestionKind.WhatWasGood
            || (question is QuestionKind.Why or QuestionKind.Both or QuestionKind.Unknown && rating is FftRating.VeryGood or FftRating.Good);
        return asGood ? (comment, null) : (null, comment);
    }

    private CareService? FindService(string? organisation, string? service)
    {
        if (service is null)
        {
            return null;
        }

        if (organisation is not null && _services.TryGetValue($"{organisation} / {service}", out var atOrganisation))
        {
            return atOrganisation;
        }

        return _services.GetValueOrDefault(service);
    }

    private bool TryReadDate(string text, out DateTimeOffset at)
    {
        foreach (var format in _profile.DateFormats)
        {
            if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                // A date alone is taken as noon in the UK, so that it falls in its own day and month whatever the offset.
                var time = format.Contains('H', StringComparison.Ordinal) ? TimeOnly.FromDateTime(parsed) : new TimeOnly(12, 0);
                at = UkTime.At(DateOnly.FromDateTime(parsed), time);
                return true;
            }
        }

        at = default;
        return false;
    }

    private static bool TryReadMode(string text, out CollectionMode mode)
    {
        CollectionMode? found = text.Trim().ToLowerInvariant() switch
        {
            "sms" or "text" or "text message" or "sms/text message" => CollectionMode.Sms,
            "tablet" or "kiosk" or "tablet/kiosk" => CollectionMode.Tablet,
            "paper" or "postcard" or "paper/postcard" => CollectionMode.Paper,
            "telephone" or "phone" or "telephone survey" or "ivr" => CollectionMode.Telephone,
            "online" or "web" or "smartphone app/online" or "app" => CollectionMode.Online,
            "other" => CollectionMode.Other,
            _ => null,
        };
        mode = found ?? default;
        return found is not null;
    }

    // A value echoed in a report is cut short and stripped of control characters.
    private static string Shown(string text)
    {
        var cleaned = new string(text.Where(c => !char.IsControl(c)).Take(60).ToArray());
        return text.Length > 60 ? cleaned + "…" : cleaned;
    }

    private sealed record Columns(
        int RowId, int Date, int Organisation, int Service, int FftAnswer, int WhatWasGood, int WhatCouldImprove, int Comment, int Question, int CollectionMode);
}
