using Zhifa.Domain.Cases;
using Zhifa.Domain.Common;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.LegalReview;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Publicity;

/// <summary>A legal review's opinion and how many working days it took from the complete submission (LR-5).</summary>
public sealed record ReportReview(ReviewOutcome Outcome, int WorkingDays);

/// <summary>A decision publication task of the year: its legal status (for corrections) and its timeliness.</summary>
public sealed record ReportPublication(LegalStatus LegalStatus, Timeliness Timeliness);

/// <summary>The plain facts of one agency's year the annual report (统计年报, PUB-8) is computed from. No personal data.</summary>
public sealed record AnnualReportInput(
    int Year, int AgencyId, string Agency,
    IReadOnlyList<CaseCategory> CasesOpened,
    IReadOnlyList<DecisionOutcome> Decisions,
    IReadOnlyList<(string Matter, decimal Yuan)> Fines,
    IReadOnlyList<ReportReview> Reviews,
    int Discussions, int Hearings,
    IReadOnlyList<ReportPublication> Publications,
    IReadOnlyList<bool> ComplaintsHandled);

public sealed record CountRow(string Key, string Label, int Count);

public sealed record MatterFineRow(string Matter, int Count, decimal TotalYuan);

/// <summary>The figures of an annual report: what the pages, charts, .docx, .xlsx and the portal show.</summary>
public sealed record AnnualReportFigures(
    int Year, int AgencyId, string Agency,
    int Cases, IReadOnlyList<CountRow> CasesByCategory, IReadOnlyList<CountRow> DecisionsByOutcome,
    int FineCount, decimal FineTotalYuan, decimal FineAverageYuan, IReadOnlyList<MatterFineRow> FinesByMatter,
    int Reviews, int ReviewsAgreed, int ReviewsNotYet, int ReviewsDisagreed, decimal ReviewAverageWorkingDays,
    int Discussions, int Hearings,
    int Corrections, int CorrectionBase, decimal CorrectionRate,
    int PublicationsOwed, int PublishedOnTime, int PublishedLate, int PublicationsMissing, int PublicationsPending, int NotDisclosed,
    decimal TimelinessRate, decimal CompletenessRate,
    int ComplaintsReceived, int ComplaintsHandled);

/// <summary>The rules of the annual report: when it is due, when it may be generated, and its figures from plain inputs.</summary>
public static class AnnualReportRules
{
    public const int TopMatters = 10;

    /// <summary>Due by 31 January of the following year (a calendar date).</summary>
    public static DateOnly DueOn(int year) => new(year + 1, 1, 31);

    /// <summary>A report covers a finished year only: it may enter the chain from 1 January of the next year.</summary>
    public static bool IsYearFinished(int year, DateOnly today) => today.Year > year;

    public static ValidationErrors ValidateYear(int? year, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (year is null) errors.Add("year", "required", Messages.Get("publicity.year.required"));
        else if (year < InspectionRules.FirstYear || year > today.Year) errors.Add("year", "range", Messages.Get("publicity.year.range", InspectionRules.FirstYear, today.Year));
        return errors;
    }

    public static string Label(DecisionOutcome o) => o switch
    {
        DecisionOutcome.Penalty => Messages.Get("publicity.outcome.penalty"),
        DecisionOutcome.NoPenalty => Messages.Get("publicity.outcome.no_penalty"),
        DecisionOutcome.FirstViolationNoPenalty => Messages.Get("publicity.outcome.first_violation"),
        _ => Messages.Get("publicity.outcome.other"),
    };

    private static decimal Share(int part, int whole) => whole == 0 ? 0m : Math.Round((decimal)part / whole, 4);

    public static AnnualReportFigures Compute(AnnualReportInput input)
    {
        var byCategory = Enum.GetValues<CaseCategory>()
            .Select(c => new CountRow(c.ToString(), CaseOpeningRules.Label(c), input.CasesOpened.Count(x => x == c))).ToList();
        var byOutcome = Enum.GetValues<DecisionOutcome>()
            .Select(o => new CountRow(o.ToString(), Label(o), input.Decisions.Count(x => x == o))).ToList();

        var fines = input.Fines.Where(f => f.Yuan > 0).ToList();
        decimal fineTotal = fines.Sum(f => f.Yuan);
        var byMatter = fines.GroupBy(f => f.Matter)
            .Select(g => new MatterFineRow(g.Key, g.Count(), g.Sum(f => f.Yuan)))
            .OrderByDescending(r => r.TotalYuan).ThenBy(r => r.Matter, StringComparer.Ordinal).Take(TopMatters).ToList();

        var reviews = input.Reviews;
        decimal reviewDays = reviews.Count == 0 ? 0m : Math.Round((decimal)reviews.Sum(r => r.WorkingDays) / reviews.Count, 1);

        var pubs = input.Publications;
        int corrections = pubs.Count(p => PublicationRules.NeedsWithdrawal(p.LegalStatus));
        int onTime = pubs.Count(p => p.Timeliness == Timeliness.OnTime), late = pubs.Count(p => p.Timeliness == Timeliness.Late);
        int missing = pubs.Count(p => p.Timeliness == Timeliness.Missing), pending = pubs.Count(p => p.Timeliness == Timeliness.Pending);
        int notDisclosed = pubs.Count(p => p.Timeliness == Timeliness.NotDisclosed);
        // Owed: every task not lawfully withheld whose due date has passed; timeliness and completeness are shares of it.
        int owed = onTime + late + missing;

        return new AnnualReportFigures(
            input.Year, input.AgencyId, input.Agency,
            input.CasesOpened.Count, byCategory, byOutcome,
            fines.Count, fineTotal, fines.Count == 0 ? 0m : Math.Round(fineTotal / fines.Count, 2), byMatter,
            reviews.Count, reviews.Count(r => r.Outcome == ReviewOutcome.Agree), reviews.Count(r => r.Outcome == ReviewOutcome.NotYet),
            reviews.Count(r => r.Outcome == ReviewOutcome.Disagree), reviewDays,
            input.Discussions, input.Hearings,
            corrections, pubs.Count, Share(corrections, pubs.Count),
            owed, onTime, late, missing, pending, notDisclosed,
            Share(onTime, owed), Share(onTime + late, owed),
            input.ComplaintsHandled.Count, input.ComplaintsHandled.Count(h => h));
    }
}
