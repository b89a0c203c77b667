using Zhifa.Domain.Officers;

namespace Zhifa.Domain.Tests.Officers;

public class StaffingMetricsTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static Officer Officer(string name, bool reviewer = false, bool active = true, params Certificate[] certificates)
        => new() { Name = name, IsLegalReviewer = reviewer, Active = active, Certificates = [.. certificates] };

    private static Certificate Valid(int daysLeft = 365, CertificateState state = CertificateState.Active)
        => new() { Number = Guid.NewGuid().ToString("N")[..8], ValidFrom = Today.AddYears(-1), ValidUntil = Today.AddDays(daysLeft), State = state };

    [Fact]
    public void One_reviewer_among_nine_officers_meets_the_5_percent_floor()
    {
        var officers = Enumerable.Range(0, 8).Select(i => Officer($"o{i}", certificates: Valid())).Append(Officer("reviewer", true, true, Valid())).ToList();
        var m = StaffingMetrics.Compute(officers, Today);
        Assert.Equal(9, m.ActiveOfficers);
        Assert.Equal(1, m.LegalReviewers);
        Assert.Equal(0.1111m, m.LegalReviewerRatio);
        Assert.False(m.BelowLegalReviewerFloor);
    }

    [Fact]
    public void No_reviewer_among_four_officers_is_below_the_floor()
    {
        var m = StaffingMetrics.Compute(Enumerable.Range(0, 4).Select(i => Officer($"o{i}", certificates: Valid())), Today);
        Assert.Equal(0m, m.LegalReviewerRatio);
        Assert.True(m.BelowLegalReviewerFloor);
    }

    [Fact]
    public void One_reviewer_in_twenty_is_exactly_on_the_floor_and_one_in_twenty_one_is_below()
    {
        Assert.False(StaffingMetrics.Compute(Enumerable.Range(0, 19).Select(i => Officer($"o{i}", certificates: Valid())).Append(Officer("r", true, true, Valid())), Today).BelowLegalReviewerFloor);
        Assert.True(StaffingMetrics.Compute(Enumerable.Range(0, 20).Select(i => Officer($"o{i}", certificates: Valid())).Append(Officer("r", true, true, Valid())), Today).BelowLegalReviewerFloor);
    }

    [Fact]
    public void Officers_who_left_do_not_count_and_an_agency_without_officers_shows_no_warning()
    {
        var m = StaffingMetrics.Compute([Officer("gone", true, false, Valid()), Officer("here", false, true, Valid())], Today);
        Assert.Equal(1, m.ActiveOfficers);
        Assert.Equal(0, m.LegalReviewers);
        Assert.False(StaffingMetrics.Compute([], Today).BelowLegalReviewerFloor);
    }

    [Fact]
    public void Officers_are_counted_by_their_best_certificate_and_without_one_as_expired()
    {
        var officers = new[]
        {
            Officer("valid", certificates: Valid()),
            Officer("renewed", certificates: [Valid(-10), Valid(400)]),
            Officer("revoked", certificates: Valid(state: CertificateState.Revoked)),
            Officer("none"),
        };
        var m = StaffingMetrics.Compute(officers, Today);
        Assert.Equal(2, m.OfficersByStatus[CertificateStatus.Valid]);
        Assert.Equal(1, m.OfficersByStatus[CertificateStatus.Revoked]);
        Assert.Equal(1, m.OfficersByStatus[CertificateStatus.Expired]);
        Assert.Equal(0, m.OfficersByStatus[CertificateStatus.Suspended]);
    }

    [Fact]
    public void Certificates_running_out_within_30_days_are_listed_soonest_first_unless_already_renewed()
    {
        var officers = new[]
        {
            Officer("刘洋", certificates: Valid(18)),
            Officer("today", certificates: Valid(0)),
            Officer("later", certificates: Valid(31)),
            Officer("renewed", certificates: [Valid(5), new Certificate { Number = "next", ValidFrom = Today.AddDays(6), ValidUntil = Today.AddYears(5) }]),
            Officer("gap", certificates: [Valid(5), new Certificate { Number = "gap", ValidFrom = Today.AddDays(10), ValidUntil = Today.AddYears(5) }]),
            Officer("left", active: false, certificates: Valid(3)),
            Officer("expired", certificates: Valid(-40)),
        };
        var list = CertificateExpiry.Find(officers, Today);
        Assert.Equal(["today", "gap", "刘洋"], list.Select(e => e.Officer.Name).ToArray());
        Assert.Equal([0, 5, 18], list.Select(e => e.DaysLeft).ToArray());
    }

    [Fact]
    public void A_training_record_names_a_future_date_missing_title_and_bad_hours()
    {
        var errors = TrainingRecord.Validate(Today.AddDays(1), "", 0, null, Today);
        Assert.Equal(["date", "title", "hours"], errors.Items.Select(e => e.Field).ToArray());
        Assert.False(TrainingRecord.Validate(Today, "《行政处罚法》专题培训", 8, "合格", Today).Any);
        Assert.Equal("precision", TrainingRecord.Validate(Today, "x", 1.25m, null, Today).Items.Single().Code);
    }
}
