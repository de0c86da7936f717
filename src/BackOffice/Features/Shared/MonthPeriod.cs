using Microsoft.AspNetCore.Mvc.ModelBinding;
using QualityVoice.Feedback;

namespace QualityVoice.BackOffice.Features.Shared;

/// <summary>A period of whole months from the query string (<c>from=yyyy-MM&amp;to=yyyy-MM</c>), as the dashboard and the reports read it.</summary>
public static class MonthPeriod
{
    /// <summary>The longest period read: three years, as the lists of months offer.</summary>
    public const int MaxMonths = 36;

    /// <summary>
    /// The months asked for, or the defaults where none is given; a month that is not <c>yyyy-MM</c>, or a period that
    /// ends before it starts or is longer than <see cref="MaxMonths"/>, is an error on <c>from</c> or <c>to</c>.
    /// </summary>
    public static (YearMonth From, YearMonth To) Read(string? from, string? to, YearMonth defaultFrom, YearMonth defaultTo, ModelStateDictionary errors)
    {
        var (first, last) = (defaultFrom, defaultTo);
        if (!string.IsNullOrEmpty(from) && !YearMonth.TryParse(from, out first))
        {
            errors.AddModelError("from", $"The first month must be written like {defaultFrom}");
        }

        if (!string.IsNullOrEmpty(to) && !YearMonth.TryParse(to, out last))
        {
            errors.AddModelError("to", $"The last month must be written like {defaultTo}");
        }

        if (errors.IsValid && first > last)
        {
            errors.AddModelError("to", "The last month must be the same as or after the first");
        }
        else if (errors.IsValid && first.AddMonths(MaxMonths) <= last)
        {
            errors.AddModelError("to", $"Choose a period of {MaxMonths} months or fewer");
        }

        return (first, last);
    }
}
