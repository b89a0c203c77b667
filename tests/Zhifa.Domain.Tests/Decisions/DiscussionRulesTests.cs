using Zhifa.Domain.Accounts;
using Zhifa.Domain.Decisions;
using Zhifa.Domain.Rules;

namespace Zhifa.Domain.Tests.Decisions;

/// <summary>行政处罚法第五十七条第二款: the collective discussion is one of the agency's 负责人, with a quorum, presided by the head or a designated deputy.</summary>
public sealed class DiscussionRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    // 1 the head, 2 and 3 deputies, 4 the legal reviewer, 5 a unit head, 6 the publicity officer, 7 the archivist.
    private static readonly Dictionary<int, IReadOnlyCollection<string>> Staff = new()
    {
        [1] = [Roles.Head], [2] = [Roles.DeputyHead], [3] = [Roles.DeputyHead], [4] = [Roles.LegalReviewer], [5] = [Roles.UnitHead],
        [6] = [Roles.PublicityOfficer], [7] = [Roles.Archivist],
    };

    private static DiscussionAttendee A(int id, string? opinion = "同意") => new(id, Staff.TryGetValue(id, out var r) ? r : [], opinion);

    private static DiscussionMinutes Minutes(int? presider, params DiscussionAttendee[] attendees)
        => new("重大执法决定", Now.AddHours(-1), "同意按拟作出的决定处理", presider, null, null, attendees);

    private static string[] Codes(DiscussionMinutes m, int quorum = 2)
        => DiscussionRules.Validate(m, Staff, quorum, Now).Items.Select(e => e.Code).ToArray();

    [Fact]
    public void The_head_and_a_deputy_with_their_opinions_discuss_while_the_reviewer_sits_in_without_an_opinion()
        => Assert.Empty(Codes(Minutes(1, A(1), A(2), A(4, null))));

    [Fact]
    public void Three_staff_who_are_not_leaders_are_no_collective_discussion()
    {
        var codes = Codes(Minutes(null, A(5), A(6), A(7)));
        Assert.Contains("discussion.quorum_not_met", codes);
        Assert.Contains("discussion.presider_missing", codes);
    }

    [Fact]
    public void The_quorum_counts_only_the_leaders_and_the_refusal_says_how_many_sat_in()
    {
        var errors = DiscussionRules.Validate(Minutes(1, A(1), A(4), A(5), A(6)), Staff, 2, Now);
        var quorum = Assert.Single(errors.Items);
        Assert.Equal(("participants", "discussion.quorum_not_met"), (quorum.Field, quorum.Code));
        Assert.Equal(Messages.Get("discussion.quorum_not_met", 2, 1, 3), quorum.Message);
    }

    [Theory]
    [InlineData(null, 3, 2)] // more than half of three 负责人
    [InlineData(null, 4, 3)]
    [InlineData(null, 1, 2)] // never one person alone
    [InlineData(3, 2, 3)] // the agency's own number
    public void The_quorum_is_the_agencys_number_or_more_than_half_of_its_leaders(int? setting, int leaders, int quorum)
        => Assert.Equal(quorum, DiscussionRules.Quorum(setting, leaders));

    [Fact]
    public void A_deputy_presides_only_by_the_heads_designation()
    {
        Assert.Equal(["discussion.presider_not_designated"], Codes(Minutes(2, A(2), A(3))));
        Assert.Equal(["discussion.designator_not_head"], Codes(Minutes(2, A(2), A(3)) with { DesignatedByUserId = 3, Designation = "口头指定" }));
        Assert.Empty(Codes(Minutes(2, A(2), A(3)) with { DesignatedByUserId = 1, Designation = "2026年3月1日书面指定" }));
    }

    [Fact]
    public void The_presider_is_a_leader_who_attends()
    {
        Assert.Equal(["discussion.presider_not_leader"], Codes(Minutes(4, A(1), A(2), A(4))));
        Assert.Equal(["discussion.presider_absent"], Codes(Minutes(1, A(2), A(3))));
    }

    [Fact]
    public void Every_leader_who_attends_gives_an_opinion_and_every_person_is_a_member_of_staff_once()
    {
        var errors = DiscussionRules.Validate(Minutes(1, A(1), A(2, " "), A(9), A(1)), Staff, 2, Now);
        Assert.Equal(
            [("participants", "discussion.duplicate"), ("participants[1].opinion", "discussion.opinion_missing"), ("participants[2].userId", "discussion.not_staff")],
            errors.Items.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void The_reason_the_time_and_the_conclusion_are_required_and_the_time_is_not_in_the_future()
    {
        var errors = DiscussionRules.Validate(new("", Now.AddHours(1), "", 1, null, null, [A(1), A(2)]), Staff, 2, Now);
        Assert.Equal(["reason", "conclusion", "heldAt"], errors.Items.Select(e => e.Field));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(2, true)]
    [InlineData(1, false)]
    [InlineData(51, false)]
    public void The_agency_sets_a_quorum_of_at_least_two_leaders(int? quorum, bool valid)
        => Assert.Equal(valid, !DiscussionRules.ValidateQuorumSetting(quorum).Any);

    [Fact]
    public void Leaders_attend_and_everyone_else_sits_in()
    {
        Assert.Equal(Attendance.Present, DiscussionRules.AttendanceOf([Roles.Head]));
        Assert.Equal(Attendance.Present, DiscussionRules.AttendanceOf([Roles.DeputyHead, Roles.Handler]));
        Assert.Equal(Attendance.Observer, DiscussionRules.AttendanceOf([Roles.LegalReviewer]));
        Assert.Equal(Attendance.Observer, DiscussionRules.AttendanceOf([Roles.UnitHead]));
    }
}
