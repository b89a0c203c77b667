using Zhifa.Domain.Accounts;
using Zhifa.Domain.Complaints;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Tests.Complaints;

/// <summary>Every move of the complaint table: allowed for the agency's staff with all facts, refused with exactly the expected codes otherwise.</summary>
public sealed class ComplaintLifecycleTests
{
    private const int Agency = 1;

    public static readonly Actor Staff = new("handler", 11, Agency, new HashSet<string> { Roles.Handler }, new HashSet<int>());
    private static readonly Actor Supervisor = new("supervisor", 30, 9, new HashSet<string> { Roles.Supervisor }, new HashSet<int> { Agency });

    /// <summary>Facts under which every act holds: some text, a unit, officer and case of the agency.</summary>
    public static ComplaintFacts Facts(ComplaintStatus status) => new()
    {
        AgencyId = Agency, Status = status, Text = "已核实", UnitId = 3, UnitOfAgency = true, OfficerId = 11, OfficerOfAgency = true,
        CaseId = 7, CaseOfAgency = true,
    };

    public static TheoryData<string, ComplaintStatus, ComplaintStatus> EveryMove()
    {
        var data = new TheoryData<string, ComplaintStatus, ComplaintStatus>();
        foreach (var m in ComplaintLifecycle.Table.Moves) data.Add(m.Act!, Enum.Parse<ComplaintStatus>(m.From), Enum.Parse<ComplaintStatus>(m.To));
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void Every_move_is_allowed_for_the_agencys_staff_with_all_facts(string act, ComplaintStatus from, ComplaintStatus to)
    {
        var check = ComplaintLifecycle.Check(act, Facts(from), Staff);
        Assert.True(check.IsAllowed, string.Join("；", check.All.Select(u => u.Message)));
        Assert.Equal(to, ComplaintLifecycle.To(check));
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void Every_move_is_forbidden_to_a_supervising_agency(string act, ComplaintStatus from, ComplaintStatus to)
    {
        _ = to;
        var check = ComplaintLifecycle.Check(act, Facts(from), Supervisor);
        Assert.Equal(["complaints.actor.not_agency_staff"], check.Forbidden.Select(u => u.Code));
        Assert.Empty(check.Unmet);
    }

    /// <summary>Each fact made false on its own, and the codes it must refuse with (from every status the act is allowed from).</summary>
    public static TheoryData<string, string, string[]> EachMissingFact => new()
    {
        { ComplaintActs.Assign, "no unit or officer", ["complaints.assignee_missing"] },
        { ComplaintActs.Assign, "foreign unit", ["complaints.unit_unknown"] },
        { ComplaintActs.Assign, "foreign officer", ["complaints.officer_unknown"] },
        { ComplaintActs.Note, "no text", ["complaints.note_missing"] },
        { ComplaintActs.Reply, "no text", ["complaints.reply_missing"] },
        { ComplaintActs.Reject, "no text", ["complaints.reason_missing"] },
        { ComplaintActs.LinkCase, "no case", ["complaints.case_missing"] },
        { ComplaintActs.LinkCase, "foreign case", ["complaints.case_unknown"] },
    };

    private static ComplaintFacts Without(ComplaintFacts f, string fact) => fact switch
    {
        "no unit or officer" => f with { UnitId = null, UnitOfAgency = false, OfficerId = null, OfficerOfAgency = false },
        "foreign unit" => f with { UnitOfAgency = false },
        "foreign officer" => f with { OfficerOfAgency = false },
        "no text" => f with { Text = "" },
        "no case" => f with { CaseId = null, CaseOfAgency = false },
        "foreign case" => f with { CaseOfAgency = false },
        _ => throw new ArgumentException(fact),
    };

    [Theory]
    [MemberData(nameof(EachMissingFact))]
    public void Each_missing_fact_refuses_with_its_own_code(string act, string fact, string[] codes)
    {
        var froms = ComplaintLifecycle.Table.Moves.Where(m => m.Act == act).Select(m => Enum.Parse<ComplaintStatus>(m.From)).ToList();
        Assert.NotEmpty(froms);
        foreach (var from in froms)
        {
            var check = ComplaintLifecycle.Check(act, Without(Facts(from), fact), Staff);
            Assert.Empty(check.Forbidden);
            Assert.Equal(codes, check.Unmet.Select(u => u.Code));
            Assert.All(check.Unmet, u => Assert.NotEqual("", u.Field));
        }
    }

    [Fact]
    public void A_closed_complaint_takes_no_act_and_refusal_is_only_possible_before_handling()
    {
        foreach (var closed in new[] { ComplaintStatus.Replied, ComplaintStatus.Rejected, ComplaintStatus.CaseOpened })
            foreach (var act in ComplaintActs.All)
                Assert.Equal(["complaints.status_not_allowed"], ComplaintLifecycle.Check(act, Facts(closed), Staff).Unmet.Select(u => u.Code));
        Assert.Equal(["complaints.status_not_allowed"], ComplaintLifecycle.Check(ComplaintActs.Reject, Facts(ComplaintStatus.Handling), Staff).Unmet.Select(u => u.Code));
        Assert.Equal(ComplaintStatus.Handling, ComplaintLifecycle.To(ComplaintLifecycle.Check(ComplaintActs.Note, Facts(ComplaintStatus.Handling), Staff)));
    }
}
