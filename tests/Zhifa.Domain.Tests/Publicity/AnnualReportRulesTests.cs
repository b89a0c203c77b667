using System.Globalization;
using Zhifa.Domain.Cases;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.LegalReview;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.Tests.Publicity;

/// <summary>PUB-8 统计年报: the figures from plain inputs, the due date and when a year may be reported.</summary>
public sealed class AnnualReportRulesTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static AnnualReportInput Input(
        IReadOnlyList<(string, decimal)>? fines = null, IReadOnlyList<ReportReview>? reviews = null, IReadOnlyList<ReportPublication>? pubs = null)
        => new(2026, 7, "永兴县卫生健康局",
            [CaseCategory.Penalty, CaseCategory.Penalty, CaseCategory.Licensing, CaseCategory.Inspection],
            [DecisionOutcome.Penalty, DecisionOutcome.Penalty, DecisionOutcome.FirstViolationNoPenalty],
            fines ?? [], reviews ?? [], 2, 1, pubs ?? [], [true, false, true]);

    [Fact]
    public void Cases_are_counted_by_category_and_decisions_by_outcome()
    {
        var f = AnnualReportRules.Compute(Input());
        Assert.Equal(4, f.Cases);
        Assert.Equal(2, f.CasesByCategory.Single(r => r.Key == "Penalty").Count);
        Assert.Equal("行政许可", f.CasesByCategory.Single(r => r.Key == "Licensing").Label);
        Assert.Equal(0, f.CasesByCategory.Single(r => r.Key == "Coercion").Count); // every category is shown, also with none
        Assert.Equal([2, 0, 1, 0], f.DecisionsByOutcome.Select(r => r.Count));
        Assert.Equal((2, 1, 3, 2), (f.Discussions, f.Hearings, f.ComplaintsReceived, f.ComplaintsHandled));
    }

    [Theory]
    // fines as matter=yuan;…, count, total, average, top matter
    [InlineData("", 0, "0", "0", "")]
    [InlineData("A=1000;B=500;A=2000", 3, "3500", "1166.67", "A")]
    [InlineData("A=1000;B=0;B=3000", 2, "4000", "2000", "B")] // a decision without a fine is not a fine
    public void Fines_are_counted_totalled_and_averaged_and_ranked_by_matter(string spec, int count, string total, string average, string top)
    {
        var fines = spec.Length == 0 ? [] : spec.Split(';').Select(x => x.Split('=')).Select(kv => (kv[0], decimal.Parse(kv[1], CultureInfo.InvariantCulture))).ToList();
        var f = AnnualReportRules.Compute(Input(fines: fines));
        Assert.Equal(count, f.FineCount);
        Assert.Equal(decimal.Parse(total, CultureInfo.InvariantCulture), f.FineTotalYuan);
        Assert.Equal(decimal.Parse(average, CultureInfo.InvariantCulture), f.FineAverageYuan);
        Assert.Equal(top, f.FinesByMatter.FirstOrDefault()?.Matter ?? "");
    }

    [Fact]
    public void Only_the_ten_matters_with_the_most_fines_are_listed()
    {
        var fines = Enumerable.Range(1, 12).Select(i => ($"事项{i:00}", (decimal)i * 100)).ToList();
        var f = AnnualReportRules.Compute(Input(fines: fines));
        Assert.Equal(10, f.FinesByMatter.Count);
        Assert.Equal("事项12", f.FinesByMatter[0].Matter);
        Assert.DoesNotContain(f.FinesByMatter, r => r.Matter is "事项01" or "事项02");
    }

    [Fact]
    public void Legal_reviews_are_counted_by_opinion_with_their_average_working_days()
    {
        var f = AnnualReportRules.Compute(Input(reviews:
            [new(ReviewOutcome.Agree, 3), new(ReviewOutcome.Agree, 4), new(ReviewOutcome.NotYet, 6), new(ReviewOutcome.Disagree, 2)]));
        Assert.Equal((4, 2, 1, 1, 3.8m), (f.Reviews, f.ReviewsAgreed, f.ReviewsNotYet, f.ReviewsDisagreed, f.ReviewAverageWorkingDays));
    }

    [Fact]
    public void The_correction_rate_and_publication_timeliness_come_from_the_decision_publications()
    {
        var f = AnnualReportRules.Compute(Input(pubs:
        [
            new(LegalStatus.InForce, Timeliness.OnTime), new(LegalStatus.InForce, Timeliness.OnTime), new(LegalStatus.Revoked, Timeliness.Late),
            new(LegalStatus.Changed, Timeliness.OnTime), new(LegalStatus.UnderLitigation, Timeliness.Missing),
            new(LegalStatus.InForce, Timeliness.NotDisclosed), new(LegalStatus.InForce, Timeliness.Pending), new(LegalStatus.FoundIllegal, Timeliness.OnTime),
        ]));
        Assert.Equal((3, 8, 0.375m), (f.Corrections, f.CorrectionBase, f.CorrectionRate)); // under litigation is not (yet) a correction
        // Owed: on time + late + missing; withheld lawfully and not yet due are not owed.
        Assert.Equal((6, 4, 1, 1, 1, 1), (f.PublicationsOwed, f.PublishedOnTime, f.PublishedLate, f.PublicationsMissing, f.PublicationsPending, f.NotDisclosed));
        Assert.Equal(0.6667m, f.TimelinessRate);
        Assert.Equal(0.8333m, f.CompletenessRate);
    }

    [Theory]
    [InlineData(2025, "2026-01-31")]
    [InlineData(2027, "2028-01-31")]
    public void The_report_is_due_by_the_end_of_january_of_the_following_year(int year, string due)
        => Assert.Equal(D(due), AnnualReportRules.DueOn(year));

    [Theory]
    [InlineData(2026, "2026-12-31", false)]
    [InlineData(2026, "2027-01-01", true)]
    [InlineData(2025, "2026-06-30", true)]
    public void A_year_may_be_reported_once_it_is_over(int year, string today, bool finished)
        => Assert.Equal(finished, AnnualReportRules.IsYearFinished(year, D(today)));

    [Theory]
    [InlineData(2026, "")]
    [InlineData(2027, "year")]
    [InlineData(1990, "year")]
    [InlineData(null, "year")]
    public void A_year_out_of_range_is_refused(int? year, string fields)
        => Assert.Equal(fields, string.Join(",", AnnualReportRules.ValidateYear(year, D("2026-12-01")).Items.Select(e => e.Field)));
}
