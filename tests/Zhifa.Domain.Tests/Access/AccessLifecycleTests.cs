using Zhifa.Domain.Access;
using Zhifa.Domain.Accounts;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Tests.Access;

/// <summary>Every move of the access-request table: allowed for the right actor with all facts, refused with exactly the expected codes otherwise.</summary>
public sealed class AccessLifecycleTests
{
    private const int Agency = 1;

    private static Actor A(string user, string role, int agency = Agency) => new(user, 1, agency, new HashSet<string> { role }, new HashSet<int>());

    private static readonly Actor Head = A("head", Roles.Head);
    private static readonly Actor Handler = A("handler", Roles.Handler);

    private static AccessFacts Facts(string state) => new()
    {
        AgencyId = Agency, State = state, RequesterUserName = "handler", PurposeChosen = true, Reason = "行政诉讼举证", Days = 7, Note = "同意",
    };

    [Theory]
    [InlineData(AccessActs.Request, AccessLifecycle.New, "Pending", "handler")]
    [InlineData(AccessActs.Approve, "Pending", "Approved", "head")]
    [InlineData(AccessActs.Refuse, "Pending", "Rejected", "head")]
    public void Every_move_is_allowed_for_the_right_actor_with_all_facts(string act, string from, string to, string actor)
    {
        var check = AccessLifecycle.Check(act, Facts(from), actor == "head" ? Head : Handler);
        Assert.True(check.IsAllowed, string.Join("；", check.All.Select(u => u.Message)));
        Assert.Equal(to, check.To);
    }

    public static TheoryData<string, string, string[]> EachMissingFact => new()
    {
        { AccessActs.Request, "reason", ["access.reason_missing"] },
        { AccessActs.Request, "days0", ["access.days_out_of_range"] },
        { AccessActs.Request, "days31", ["access.days_out_of_range"] },
        { AccessActs.Request, "daysNone", ["access.days_out_of_range"] },
        { AccessActs.Request, "purpose", ["access.purpose_missing"] },
        { AccessActs.Refuse, "note", ["access.note_missing"] },
    };

    [Theory]
    [MemberData(nameof(EachMissingFact))]
    public void Each_missing_fact_refuses_with_its_own_code(string act, string fact, string[] codes)
    {
        var f = Facts(act == AccessActs.Request ? AccessLifecycle.New : "Pending");
        f = fact switch
        {
            "reason" => f with { Reason = "" },
            "days0" => f with { Days = 0 },
            "days31" => f with { Days = AccessRequest.MaxDays + 1 },
            "daysNone" => f with { Days = null },
            "purpose" => f with { PurposeChosen = false },
            _ => f with { Note = "" },
        };
        var check = AccessLifecycle.Check(act, f, act == AccessActs.Request ? Handler : Head);
        Assert.Empty(check.Forbidden);
        Assert.Equal(codes, check.Unmet.Select(u => u.Code));
    }

    [Fact]
    public void Approving_needs_no_note_and_the_period_names_its_limit()
    {
        Assert.True(AccessLifecycle.Check(AccessActs.Approve, Facts("Pending") with { Note = "" }, Head).IsAllowed);
        var days = AccessLifecycle.Check(AccessActs.Request, Facts(AccessLifecycle.New) with { Days = 90 }, Handler).Unmet.Single();
        Assert.Contains("30", days.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string[]> EachWrongActor => new()
    {
        { AccessActs.Approve, "handler of the agency", ["access.actor.not_head"] },
        { AccessActs.Refuse, "handler of the agency", ["access.actor.not_head"] },
        { AccessActs.Approve, "head of another agency", ["access.actor.not_head"] },
        { AccessActs.Approve, "head deciding his own request", ["access.actor.own_request"] },
        { AccessActs.Refuse, "head deciding his own request", ["access.actor.own_request"] },
    };

    [Theory]
    [MemberData(nameof(EachWrongActor))]
    public void Each_wrong_actor_is_forbidden_with_its_own_code(string act, string actor, string[] codes)
    {
        var facts = Facts("Pending");
        var who = actor switch
        {
            "handler of the agency" => Handler with { UserName = "handler2" },
            "head of another agency" => A("yj.head", Roles.Head, agency: 2),
            _ => Head,
        };
        if (actor == "head deciding his own request") facts = facts with { RequesterUserName = "head" };
        var check = AccessLifecycle.Check(act, facts, who);
        Assert.Equal(codes, check.Forbidden.Select(u => u.Code));
        Assert.Empty(check.Unmet);
    }

    [Theory]
    [InlineData("Approved")]
    [InlineData("Rejected")]
    public void A_decided_request_is_not_decided_again(string state)
    {
        foreach (var act in new[] { AccessActs.Approve, AccessActs.Refuse })
        {
            var reason = Assert.Single(AccessLifecycle.Check(act, Facts(state), Head).Unmet);
            Assert.Equal(("access.already_decided", "status"), (reason.Code, reason.Field));
        }
    }
}
