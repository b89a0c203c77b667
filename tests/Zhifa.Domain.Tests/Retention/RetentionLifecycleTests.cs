using Zhifa.Domain.Accounts;
using Zhifa.Domain.Retention;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Tests.Retention;

/// <summary>Every move of the hold and purge tables: allowed with all facts for the right actor, refused with exactly the expected codes otherwise.</summary>
public sealed class RetentionLifecycleTests
{
    private const int Agency = 1;

    private static Actor A(string role, int? agency = Agency, params int[] actsFor) => new(role, null, agency, new HashSet<string> { role }, actsFor.ToHashSet());

    private static HoldFacts Hold(string state) => new() { AgencyId = Agency, State = state, Reason = HoldReason.ObjectionOrComplaint, Note = "当事人申请行政复议" };

    private static PurgeFacts Record(string state) => new() { State = state, Expired = true, RecoveryOver = true };

    [Theory]
    [InlineData(RetentionActs.Place, RetentionLifecycle.New, RetentionLifecycle.Held)]
    [InlineData(RetentionActs.Release, RetentionLifecycle.Held, RetentionLifecycle.Released)]
    public void Holds_are_placed_and_released_by_each_keeper_of_the_agency(string act, string from, string to)
    {
        foreach (var keeper in new[] { A(Roles.Head), A(Roles.DeputyHead), A(Roles.Archivist), A(Roles.Administrator), A(Roles.Administrator, null, Agency) })
        {
            var check = RetentionLifecycle.Check(act, Hold(from), keeper);
            Assert.True(check.IsAllowed, string.Join("；", check.All.Select(u => u.Message)));
            Assert.Equal(to, check.To);
        }
    }

    [Theory]
    [InlineData(RetentionActs.Place, RetentionLifecycle.New)]
    [InlineData(RetentionActs.Release, RetentionLifecycle.Held)]
    public void A_handler_or_a_keeper_of_another_agency_may_not_hold(string act, string from)
    {
        foreach (var other in new[] { A(Roles.Handler), A(Roles.Head, agency: 2), A(Roles.Supervisor, agency: 9) })
        {
            var check = RetentionLifecycle.Check(act, Hold(from), other);
            Assert.Equal(["retention.actor.not_keeper"], check.Forbidden.Select(u => u.Code));
            Assert.Empty(check.Unmet);
        }
    }

    [Fact]
    public void A_hold_needs_its_reason_and_a_note_when_the_reason_is_other()
    {
        var head = A(Roles.Head);
        Assert.Equal(["retention.reason_missing"], RetentionLifecycle.Check(RetentionActs.Place, Hold(RetentionLifecycle.New) with { Reason = null }, head).Unmet.Select(u => u.Code));
        Assert.Equal(["retention.note_missing"],
            RetentionLifecycle.Check(RetentionActs.Place, Hold(RetentionLifecycle.New) with { Reason = HoldReason.Other, Note = "" }, head).Unmet.Select(u => u.Code));
        Assert.True(RetentionLifecycle.Check(RetentionActs.Place, Hold(RetentionLifecycle.New) with { Note = "" }, head).IsAllowed);
        Assert.Equal(["retention.hold.already_released"], RetentionLifecycle.Check(RetentionActs.Release, Hold(RetentionLifecycle.Released), head).Unmet.Select(u => u.Code));
    }

    [Theory]
    [InlineData(RetentionActs.Mark, RetentionLifecycle.Kept, RetentionLifecycle.Marked)]
    [InlineData(RetentionActs.Delete, RetentionLifecycle.Marked, RetentionLifecycle.Purged)]
    public void The_purge_marks_and_deletes_an_expired_record(string act, string from, string to)
    {
        var check = RetentionLifecycle.Check(act, Record(from));
        Assert.True(check.IsAllowed, string.Join("；", check.All.Select(u => u.Message)));
        Assert.Equal(to, check.To);
    }

    public static TheoryData<string, string, string, string[]> EachUnmetPurgeFact => new()
    {
        { RetentionActs.Mark, RetentionLifecycle.Kept, "not expired", ["retention.not_expired"] },
        { RetentionActs.Delete, RetentionLifecycle.Marked, "not expired", ["retention.not_expired"] },
        { RetentionActs.Delete, RetentionLifecycle.Marked, "recovery running", ["retention.recovery_not_over"] },
        { RetentionActs.Unmark, RetentionLifecycle.Marked, "expired", ["retention.still_expired"] },
        { RetentionActs.Mark, RetentionLifecycle.Purged, "expired", ["retention.already_purged"] },
    };

    [Theory]
    [MemberData(nameof(EachUnmetPurgeFact))]
    public void Each_unmet_purge_fact_refuses_with_its_own_code(string act, string from, string fact, string[] codes)
    {
        var f = Record(from);
        f = fact switch
        {
            "not expired" => f with { Expired = false },
            "recovery running" => f with { RecoveryOver = false },
            _ => f,
        };
        Assert.Equal(codes, RetentionLifecycle.Check(act, f).Unmet.Select(u => u.Code));
    }

    [Fact]
    public void A_record_saved_by_a_hold_in_the_recovery_window_is_unmarked()
        => Assert.Equal(RetentionLifecycle.Kept, RetentionLifecycle.Check(RetentionActs.Unmark, Record(RetentionLifecycle.Marked) with { Expired = false }).To);

    [Fact]
    public void Only_the_deployments_administrator_runs_the_purge_by_hand()
    {
        var facts = new PurgeRunFacts { Today = new DateOnly(2026, 12, 4) };
        Assert.True(RetentionLifecycle.Run.Check(RetentionActs.Run, "Idle", facts, A(Roles.Administrator, null)).IsAllowed);
        Assert.Equal(["retention.actor.not_deployment_admin"], RetentionLifecycle.Run.Check(RetentionActs.Run, "Idle", facts, A(Roles.Administrator)).Forbidden.Select(u => u.Code));
    }
}
