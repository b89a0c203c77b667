using System.Globalization;
using Zhifa.Domain.Common;
using Zhifa.Domain.Publicity;

namespace Zhifa.Domain.Tests.Publicity;

/// <summary>PUB-7: the day a published decision was changed, revoked or found illegal lies between its publication and today.</summary>
public sealed class LegalStatusDateTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-06-10", null)]                             // the day it was published
    [InlineData("2026-07-01", null)]                             // today
    [InlineData("2026-06-09", EventDates.BeforePredecessor)]
    [InlineData("2026-07-02", EventDates.InFuture)]
    public void A_change_of_legal_status_is_dated_from_the_day_the_decision_was_published_up_to_today(string changedOn, string? code)
    {
        var errors = PublicationRules.ValidateLegalStatusDate(D(changedOn), D("2026-06-10"), D("2026-07-01")).Items;
        Assert.Equal(code is null ? [] : [code], errors.Select(e => e.Code));
        Assert.All(errors, e => Assert.Equal("changedOn", e.Field));
        if (code == EventDates.BeforePredecessor) Assert.Equal("收到结果的日期不能早于决定公开之日：最早为 2026-06-10", errors[0].Message);
    }
}
