using Zhifa.Domain.Access;
using Zhifa.Domain.Accounts;

namespace Zhifa.Domain.Tests.Access;

public sealed class RecordAccessTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
    private static readonly RecordAccessFacts Ordinary = new(CaseId: 5, Sensitive: false, HandlingOfficerIds: [11, 12]);
    private static readonly RecordAccessFacts Sensitive = Ordinary with { Sensitive = true };

    private static Viewer Handler => new(1, 11, [Roles.Handler], true);
    private static Viewer Colleague => new(2, 30, [Roles.Handler], true);
    private static Viewer Supervisor => new(3, null, [Roles.Supervisor], true);

    [Fact]
    public void The_cases_own_handlers_see_its_ordinary_records() => Assert.True(RecordAccess.Decide(Handler, Ordinary, [], Now).Allowed);

    [Fact]
    public void A_colleague_who_does_not_handle_the_case_needs_a_request()
        => Assert.Equal("needs_request", RecordAccess.Decide(Colleague, Ordinary, [], Now).Code);

    [Fact]
    public void An_approved_unexpired_request_grants_access_and_an_expired_one_does_not()
    {
        var grant = new AccessGrant(2, 5, Now.AddDays(-1), Now.AddDays(6), false);
        Assert.True(RecordAccess.Decide(Colleague, Ordinary, [grant], Now).Allowed);
        Assert.False(RecordAccess.Decide(Colleague, Ordinary, [grant], Now.AddDays(7)).Allowed);
        Assert.False(RecordAccess.Decide(Colleague, Ordinary with { CaseId = 6 }, [grant], Now).Allowed);
    }

    [Fact]
    public void Sensitive_records_need_a_request_even_for_the_handlers()
    {
        Assert.Equal("sensitive_needs_request", RecordAccess.Decide(Handler, Sensitive, [], Now).Code);
        Assert.False(RecordAccess.Decide(Handler, Sensitive, [new AccessGrant(1, 5, Now.AddHours(-1), Now.AddDays(1), false)], Now).Allowed);
        Assert.True(RecordAccess.Decide(Handler, Sensitive, [new AccessGrant(1, 5, Now.AddHours(-1), Now.AddDays(1), true)], Now).Allowed);
    }

    [Fact]
    public void Supervisors_view_ordinary_records_in_real_time() => Assert.Equal("supervisor", RecordAccess.Decide(Supervisor, Ordinary, [], Now).Code);

    [Fact]
    public void The_head_sees_ordinary_records_but_not_sensitive_ones_without_a_request()
    {
        var head = new Viewer(4, null, [Roles.Head], true);
        Assert.True(RecordAccess.Decide(head, Ordinary, [], Now).Allowed);
        Assert.False(RecordAccess.Decide(head, Sensitive, [], Now).Allowed);
    }

    [Fact]
    public void Nobody_sees_another_agencys_records() => Assert.Equal("out_of_scope", RecordAccess.Decide(Handler with { SeesAgency = false }, Ordinary, [], Now).Code);
}
